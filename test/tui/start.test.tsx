import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, capture, press, renderApp, root, waitForText } from './helpers.js';
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
    const start = performance.now();
    for (let i = 0; i < 48; i++) app.stdin.write(chunk);
    const elapsed = performance.now() - start;
    const frame = await waitForText(app, /\d+ line\(s\), 3072 KB received/);
    expect(frame).toContain('Ctrl-D to analyse');
    expect(app.frames.length - framesBefore).toBeLessThan(10);
    expect(elapsed).toBeLessThan(2000);
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
