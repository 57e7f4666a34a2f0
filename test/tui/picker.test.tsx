import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { pickerLabel } from '../../src/tui/views/picker.js';
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

  it('keeps its columns for an unknown platform, a long host name and the longest topology', () => {
    const base = sessionFor('syslog-multi-host.txt').document.devices[0]!;
    const devices = [
      { ...base, hostname: 'leaf-1', platform: 'nxos' as const, topology: 'cslu' as const },
      { ...base, hostname: 'a-very-long-host-name-of-a-core-switch', platform: 'unknown' as const, topology: 'onprem-disconnected' as const },
      { ...base, hostname: null, platform: 'iosxe' as const, topology: 'unknown' as const },
    ];
    const labels = devices.map((d) => pickerLabel(d, (t) => t).text);
    const column = (text: string, mark: string) => [...text].indexOf(mark);
    expect(new Set(labels.map((l) => column(l, '✖'))).size).toBe(1);
    expect(labels[1]).toContain('unknown ');
    expect(labels[1]).not.toContain('platform unknown');
    // A redacted name is cut and padded the same way.
    expect(column(pickerLabel(devices[0]!, () => '<host-1>').text, '✖')).toBe(column(labels[0]!, '✖'));
  });
});
