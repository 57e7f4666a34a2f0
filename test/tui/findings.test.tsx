import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { findingDetail } from '../../src/tui/detail.js';
import { parsePaste } from '../../src/tui/session.js';
import { KEY, capture, evaluated, press, renderApp, sessionFor, waitForText } from './helpers.js';

afterEach(() => cleanup());

describe('findings view', () => {
  it('lists findings under a severity heading and shows the header facts', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    const frame = await waitForText(app, 'ERROR (1)');
    expect(frame).toContain('c9300-edge-01');
    expect(frame).toContain('topology: direct-smart');
    expect(frame).toMatch(/✔ ACK deadline in 75 days/);
    expect(frame).toContain('› ✖ Communication with CSSM over Smart transport is failing');
    expect(frame).toContain('1 Findings');
  });

  it('Enter opens evidence in context with cited lines marked and numbered, then the numbered actions', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, KEY.enter);
    let frame = await waitForText(app, '▶ 82 │ May  7 01:02:31.114 UTC: %SMART_LIC-3-COMM_FAILED');
    // Context lines around a cited line are shown unmarked.
    expect(frame).toMatch(/ {2}81 │ c9300-edge-01#show logging/);
    for (let i = 0; i < 14; i++) await press(app, 'j');
    frame = await waitForText(app, 'Recommended actions');
    expect(frame).toMatch(/1\. In show license status under Transport/);
  });

  it('Enter on an evidence line opens the raw capture at that line, Esc comes back', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, KEY.enter, KEY.enter);
    const raw = await waitForText(app, 'line 22/85');
    expect(raw).toMatch(/›▶22 │ {3}URL: https:\/\/smartreceiver\.cisco\.com/);
    expect(raw).toContain('show license status');
    await press(app, KEY.escape);
    await waitForText(app, 'Evidence');
  });

  it('shows the header from the parse while the rules run, then the findings', async () => {
    let finish: () => void = () => {};
    const gate = new Promise<void>((r) => (finish = r));
    const parsed = parsePaste(capture('rule-comm-failure-cssm-smart.txt'), undefined, 'c.txt');
    const app = renderApp({ session: parsed, evaluate: async (s) => gate.then(() => evaluated(s)) });
    const frame = await waitForText(app, 'Evaluating the rules');
    expect(frame).toContain('ACK deadline in 75 days');
    finish();
    await waitForText(app, 'ERROR (1)');
  });

  it('the detail builder merges context ranges and keeps every cited line', () => {
    const session = sessionFor('rule-comm-failure-cssm-smart.txt');
    const finding = session.document.devices[0]!.findings[0]!;
    const lines = findingDetail(finding, session.raw, 100);
    const cited = lines.filter((l) => l.style === 'cited').map((l) => l.line);
    expect(cited).toEqual(finding.evidence.map((e) => e.line));
    const numbered = lines.filter((l) => l.line !== undefined).map((l) => l.line!);
    expect(new Set(numbered).size).toBe(numbered.length);
    expect(lines.some((l) => l.style === 'gap')).toBe(true);
  });
});
