import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { timelineChart, timelineEvents } from '../../src/tui/timeline.js';
import { parsePaste } from '../../src/tui/session.js';
import { KEY, evaluated, press, renderApp, sessionFor, waitForText } from './helpers.js';

afterEach(() => cleanup());

describe('timeline', () => {
  it('puts failures, the last ACK and the ACK deadline on one axis, in time order', () => {
    const device = sessionFor('rule-comm-failure-cssm-smart.txt').devices[0]!;
    const events = timelineEvents(device);
    expect(events.map((e) => e.ms)).toEqual([...events.map((e) => e.ms)].sort((a, b) => a - b));
    expect(events.filter((e) => e.lane === 'failure')).toHaveLength(3);
    const chart = timelineChart(events, device.captureTime, 90);
    const lane = (label: string) => chart.rows.find((r) => r.label.trim() === label)!.cells;
    // The deadline is the latest thing: its mark is right of every failure mark.
    expect(lane('deadline').indexOf('⚑')).toBeGreaterThan(lane('failures').lastIndexOf('✖'));
    expect(lane('ACKs').indexOf('✔')).toBeLessThan(lane('failures').indexOf('✖'));
    expect(chart.summary.join('\n')).toMatch(/ACK deadline: 2024-07-21 10:25 \(in 75 days\)/);
    for (const row of chart.rows) expect((row.label + row.cells).length).toBeLessThanOrEqual(94);
  });

  it('says so when nothing has a time', () => {
    expect(timelineChart([], null, 80).summary[0]).toMatch(/No timestamped/);
  });

  it('view 3 draws the chart and the event list; Enter jumps to the raw line', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '3');
    const frame = await waitForText(app, '─── events');
    expect(frame).toMatch(/^failures +.*✖/m);
    expect(frame).toMatch(/^deadline +.*⚑/m);
    expect(frame).toContain('› 2024-03-12 10:20  ◆ Trust code installed');
    await press(app, 'j', 'j', 'j', KEY.enter);
    await waitForText(app, 'line 82/85');
  });

  it('shows licensing events by default and every event on a (a show-tech log is mostly interface noise)', async () => {
    const text = [
      'leaf-101# show clock',
      '07:45:10.123 UTC Thu Apr 18 2024',
      'leaf-101# show logging logfile',
      '2024 Apr 17 03:30:11 leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up in mode access',
      '2024 Apr 17 03:31:32 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name',
      '2024 Apr 17 03:32:00 leaf-101 %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/2 is down (Link failure)',
      '',
    ].join('\n');
    const app = renderApp({ session: evaluated(parsePaste(text)) });
    await waitForText(app, 'leaf-101');
    await press(app, '3');
    let frame = await waitForText(app, '─── events: licensing, 2 others hidden (a: all)');
    expect(frame).toContain('LICMGR-3-LOG_SMART_LIC_COMM_FAILED');
    expect(frame).not.toContain('ETHPORT');
    await press(app, 'a');
    frame = await waitForText(app, '─── events: all (a: licensing only)');
    expect(frame).toContain('ETHPORT-5-IF_UP');
    expect(frame).toContain('ETHPORT-5-IF_DOWN_LINK_FAILURE');
  });
});
