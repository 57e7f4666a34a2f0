import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { TextLines } from '../../src/tui/raw-lines.js';
import { RawView } from '../../src/tui/views/raw.js';
import { KEY, press, renderApp, sessionFor, waitForText } from './helpers.js';

afterEach(() => cleanup());

const big = new TextLines(Array.from({ length: 5000 }, (_, i) => `leaf-101 line ${i + 1} %LICMGR-6-LOG_SMART_LIC_REPORTING: usage report ${i}`).join('\n'));

describe('raw capture view', () => {
  it('draws only the visible window of a 5,000-line capture', () => {
    const sections = [{ command: 'show logging logfile', startLine: 1, endLine: 5000, parser: 'syslog', file: 'big.txt' }];
    const props = { file: 'big.txt', capture: big, sections, matches: null, cited: new Set<number>(), width: 100, height: 20, show: (t: string) => t };
    const app = render(createElement(RawView, { ...props, cursor: 0 }));
    for (let cursor = 0; cursor < 5000; cursor += 50) app.rerender(createElement(RawView, { ...props, cursor }));
    const frame = app.lastFrame()!;
    expect(frame).toContain('line 4951/5000');
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
    expect(frame).not.toContain('line 1 %LICMGR');
  });

  it('keeps ingest line numbers for CR-only captures', () => {
    const capture = new TextLines('a\rb\rc');
    expect(capture.count).toBe(3);
    expect(capture.line(2)).toBe('b');
  });

  it('n moves to the next section and the section list follows', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '4');
    await waitForText(app, 'line 1/85');
    await press(app, 'n');
    let frame = await waitForText(app, 'line 3/85');
    expect(frame).toMatch(/›\s+3 show license status/);
    await press(app, 'n', 'n');
    frame = await waitForText(app, 'line 73/85');
    expect(frame).toMatch(/›\s+73 show running-config/);
    await press(app, 'G');
    await waitForText(app, 'line 85/85');
    await press(app, KEY.up, 'g');
    await waitForText(app, 'line 1/85');
  });

  it('keys arriving in one read (key repeat, a slow SSH link) are each handled', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '4');
    await waitForText(app, 'line 1/85');
    app.stdin.write('jjj');
    await waitForText(app, 'line 4/85');
    app.stdin.write('\x1b[B\x1b[B');
    await waitForText(app, 'line 6/85');
    app.stdin.write('kG');
    await waitForText(app, 'line 85/85');
  });

  it('a long line scrolls sideways with → / l, back with ← / h or 0; a search, cleared, leaves the cursor on its match', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '4', '/', 'COMM_FAILED', KEY.enter);
    await waitForText(app, /\(\d+ matching\)/);
    await press(app, KEY.escape);
    let frame = await waitForText(app, 'line 82/85');
    expect(frame).not.toContain("Couldn't connect to server");
    await press(app, KEY.right, 'l', 'l');
    frame = await waitForText(app, "Couldn't connect to server");
    expect(frame).toMatch(/→ column \d+ \(0: back\)/);
    expect(frame).toMatch(/› 82 │ …/);
    await press(app, 'h', KEY.left, 'h');
    await waitForText(app, /› 82 │ May {2}7 01:02:31/);
    await press(app, 'l', '0');
    await waitForText(app, /› 82 │ May {2}7 01:02:31/);
  });
});
