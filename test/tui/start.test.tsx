import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, capture, press, renderApp, root, sessionFor, waitForFrame, waitForText } from './helpers.js';
import { join } from 'node:path';

afterEach(() => cleanup());

describe('start screen', () => {
  it('a paste in chunks, finished with Ctrl-D, is analysed', async () => {
    const app = renderApp();
    await waitForText(app, 'Paste a capture');
    const text = capture('rule-comm-failure-cssm-smart.txt').replace(/\n/g, '\r');
    // A terminal delivers a paste in large chunks, with CR for each line end.
    for (let i = 0; i < text.length; i += 700) app.stdin.write(text.slice(i, i + 700));
    await waitForText(app, /\d+ line\(s\), \d+ KB received/);
    await press(app, KEY.ctrlD);
    const frame = await waitForText(app, 'ERROR (1)');
    expect(frame).toContain('c9300-edge-01');
  });

  it('a multi-megabyte paste is buffered: a few frames, not one per chunk', async () => {
    const app = renderApp();
    await waitForText(app, 'Paste a capture');
    const block = capture('rule-comm-failure-cssm-smart.txt').replace(/\n/g, '\r');
    const chunk = block.repeat(Math.ceil(65_536 / block.length)).slice(0, 65_536);
    const framesBefore = app.frames.length;
    for (let i = 0; i < 48; i++) app.stdin.write(chunk);
    const frame = await waitForText(app, /\d+ line\(s\), 3072 KB received/);
    expect(frame).toContain('Ctrl-D to analyse');
    expect(app.frames.length - framesBefore).toBeLessThan(10);
  });

  it('a terminal paste with colour codes, pager residue and CR CR line ends is read like the file', async () => {
    // What a terminal sends for the CRLF capture: every LF becomes CR, and the escape codes come through as they are.
    const sent = capture('paste-crlf-ansi-pager.txt').replace(/\n/g, '\r');
    for (const bracketed of [false, true]) {
      const app = renderApp();
      await waitForText(app, 'Paste a capture');
      const text = bracketed ? `\x1b[200~${sent}\x1b[201~` : sent;
      for (let i = 0; i < text.length; i += 512) app.stdin.write(text.slice(i, i + 512));
      await waitForText(app, /\d+ line\(s\), \d+ KB received/);
      await press(app, KEY.ctrlD);
      const frame = await waitForText(app, 'No documented SLP problem found');
      expect(frame).toContain('c9300-edge-04  IOS-XE  topology: direct-smart');
      await press(app, '2', '/', 'network-ess', KEY.enter);
      await waitForText(app, 'filter: "network-ess"');
      await waitForText(app, 'Licenses › [0] network-essentials › name: network-essentials');
      // The raw view shows the lines as read: no colour code, and the erased --More-- gone.
      await press(app, KEY.escape, '4', '/', 'Export (Perp', KEY.enter);
      await waitForText(app, 'filter: "Export (Perp"');
      const raw = await waitForText(app, '(1 matching)');
      expect(raw).toMatch(/│ +Export \(Perpetual\/Subscription\) License Attributes:/);
      expect(raw).not.toMatch(/\x1b|More/);
      cleanup();
    }
  });

  it('a paste while a device is shown goes to the start screen, not to the keys (its q does not quit)', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    app.stdin.write(`\x1b[200~${capture('nxos-status-cslu.txt').replace(/\n/g, '\r')}\x1b[201~`);
    await waitForText(app, /\d+ line\(s\), \d+ KB received/);
    await press(app, KEY.ctrlD);
    await waitForText(app, 'NX-OS');
  });

  it('so does a paste from a terminal that does not bracket it; into the / prompt goes its first line', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '/');
    // The prompt is open before the paste comes (a loaded machine may take longer than press's pause to draw it).
    await waitForText(app, '(Enter keep, Esc clear)');
    app.stdin.write('\x1b[200~\x1b[1mcomm_failed\x1b[0m\rsecond line\r\x1b[201~');
    await waitForText(app, 'filter: "comm_failed"');
    await press(app, KEY.escape);
    // The Esc must be handled before the paste arrives: joined to it in one read, it would start an escape sequence.
    await waitForFrame(app, (frame) => !frame.includes('filter: "comm_failed"'), 'the filter cleared by Esc');
    app.stdin.write(capture('nxos-status-cslu.txt').replace(/\n/g, '\r'));
    await waitForText(app, /\d+ line\(s\), \d+ KB received/);
    // Esc on the start screen clears the paste; on an empty one it goes back to the device.
    await press(app, KEY.escape);
    await waitForText(app, /^> ?$/m);
    await press(app, KEY.escape);
    await waitForText(app, 'ERROR (1)');
  });

  it('a paste with no device output shows the error and lets the user try again', async () => {
    const app = renderApp();
    await waitForText(app, 'Paste a capture');
    app.stdin.write('hello\rthis is not a capture\r');
    await press(app, KEY.ctrlD);
    await waitForText(app, /✖ .*(no NX-OS or IOS-XE licensing output|empty|not device output)/);
    app.stdin.write(capture('nxos-status-cslu.txt').replace(/\n/g, '\r'));
    await press(app, KEY.ctrlD);
    await waitForText(app, '1 Findings');
  });

  it('a typed path opens the file; a missing one reports it', async () => {
    const app = renderApp();
    await waitForText(app, 'Paste a capture');
    await press(app, '/nonexistent/leaf-101.txt', KEY.enter);
    await waitForText(app, /no such file/);
    await press(app, join(root, 'captures/rule-comm-failure-cssm-smart.txt'), KEY.enter);
    await waitForText(app, 'ERROR (1)');
  });

  it('files given at start open directly', async () => {
    const app = renderApp({ files: [join(root, 'captures/rule-comm-failure-cssm-smart.txt')] });
    await waitForText(app, 'ERROR (1)');
  });
});
