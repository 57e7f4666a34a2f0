import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, press, renderApp, sessionFor, waitForText } from './helpers.js';

afterEach(() => cleanup());

describe('device picker', () => {
  it('lists every host with its worst severity, worst first, and opens one', async () => {
    const session = sessionFor('syslog-multi-host.txt');
    expect(session.devices.length).toBeGreaterThan(1);
    const app = renderApp({ session });
    const frame = await waitForText(app, 'device(s) — Enter opens one');
    const hosts = frame.split('\n').filter((l) => /^[› ] [✖▲ℹ✔] /.test(l));
    expect(hosts).toHaveLength(session.devices.length);
    expect(hosts[0]).toMatch(/^› ✖ c9300-edge-05/);
    await press(app, 'j', KEY.enter);
    await waitForText(app, '1 Findings');
    await press(app, KEY.escape);
    await waitForText(app, 'device(s) — Enter opens one');
  });

  it('the severity filter keeps only hosts with a finding of that severity', async () => {
    const app = renderApp({ session: sessionFor('syslog-multi-host.txt') });
    await waitForText(app, 'device(s)');
    await press(app, 's');
    const frame = await waitForText(app, 'severity: error');
    expect(frame).toContain('c9300-edge-05');
    expect(frame).not.toContain('leaf-105');
  });
});
