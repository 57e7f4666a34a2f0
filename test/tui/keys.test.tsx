import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { Help, KEYS } from '../../src/tui/views/help.js';
import { KEY, press, renderApp, sessionFor, waitForText } from './helpers.js';
import { tempDir } from '../support/temp-dirs.js';

afterEach(() => cleanup());

describe('keys', () => {
  it('? shows the key help and any key closes it; the footer always lists the main keys', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    const first = await waitForText(app, 'ERROR (1)');
    expect(first).toMatch(/\? help {2}q quit/);
    await press(app, '?');
    const help = await waitForText(app, 'cycle the severity filter');
    expect(help).toContain('export the Markdown report');
    await press(app, 'x');
    await waitForText(app, 'ERROR (1)');
  });

  it('/ filters the findings by text and Esc clears it; s cycles the severity filter', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '/', 'z', 'z', 'q');
    let frame = await waitForText(app, 'filter: "zzq"');
    expect(frame).toContain('No finding matches the filters');
    await press(app, KEY.escape);
    await waitForText(app, 'ERROR (1)');
    await press(app, 's', 's');
    frame = await waitForText(app, 'severity: warning');
    expect(frame).toContain('No finding matches the filters');
    await press(app, 's', 's');
    frame = await waitForText(app, 'ERROR (1)');
    expect(frame).not.toContain('severity:');
  });

  it('r masks host names and addresses on screen; the export honours it', async () => {
    const dir = tempDir('slp-tui-keys-');
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'c9300-edge-01');
    await press(app, 'r');
    const frame = await waitForText(app, 'REDACTED');
    expect(frame).not.toContain('c9300-edge-01');
    expect(frame).toContain('<host-1>');
    await press(app, 'e');
    // The default file name does not give the host away either.
    await waitForText(app, 'Export Markdown to: ./slp-doctor-host-1.md');
    const target = join(dir, 'case.md');
    await press(app, target, KEY.enter);
    await waitForText(app, `Exported redacted report to ${target}`);
    const markdown = readFileSync(target, 'utf8');
    expect(markdown).toContain('# Smart Licensing Using Policy diagnosis');
    expect(markdown).toContain('Communication with CSSM over Smart transport is failing');
    expect(markdown).not.toContain('c9300-edge-01');
  });

  it('r masks the device values on screen, never the tool words: the title, the actions and the references stay', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, 'r');
    await waitForText(app, 'REDACTED');
    const redactedFrom = app.frames.length;
    await press(app, KEY.enter);
    // Walk the detail to its end; every line shown on the way counts.
    await press(app, ...Array.from({ length: 60 }, () => 'j'));
    await waitForText(app, 'References');
    const frame = app.frames.slice(redactedFrom).join('\n');
    expect(frame).toContain('Communication with CSSM over Smart transport is failing');
    expect(frame).toContain('Nexus SLP User Guide');
    expect(frame).toContain('license smart transport smart and license smart url default');
    expect(frame).not.toMatch(/<user-\d+>/);
    expect(frame).not.toContain('c9300-edge-01');
  });

  it('Tab and the digits switch views', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, KEY.tab);
    await waitForText(app, '▾ Device');
    await press(app, KEY.tab);
    await waitForText(app, '─── events');
    await press(app, '4');
    await waitForText(app, 'Sections (6)');
    await press(app, '1');
    await waitForText(app, 'ERROR (1)');
  });

  it('the key help fits an 80×24 terminal whole', () => {
    const frame = render(createElement(Help, { height: 18, width: 80 })).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(18);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    for (const [key] of KEYS) expect(frame).toContain(`  ${key}`);
    expect(frame).toContain('q or Ctrl-C: quit');
  });
});
