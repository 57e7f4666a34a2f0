import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { timelineChart, timelineEvents } from '../../src/tui/timeline.js';
import { KEY, press, renderApp, sessionFor, waitForText } from './helpers.js';

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
});
