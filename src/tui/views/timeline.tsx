import { Box } from 'ink';
import type { ReactElement } from 'react';
import { LANES, shortTime, type Chart, type Lane, type TimelineEvent } from '../timeline.js';
import { scrolled, windowStart } from '../text.js';
import { Rows, type Row } from './rows.js';

const LANE_COLOR: Record<Lane, string> = { failure: 'red', syslog: 'gray', event: 'blue', push: 'cyan', ack: 'green', trust: 'magenta', deadline: 'yellow' };
const LANE_MARK = Object.fromEntries(LANES.map((l) => [l.lane, l.mark])) as Record<Lane, string>;

export interface TimelineProps {
  chart: Chart;
  events: TimelineEvent[];
  cursor: number;
  height: number;
  show: (text: string) => string;
  /** Event labels scrolled sideways by this many characters (← / →). */
  column?: number;
  /** Every event shown (`a`), not only licensing ones; `hidden` is how many the licensing view leaves out. */
  everything: boolean;
  hidden: number;
}

export function TimelineView({ chart, events, cursor, height, show, column = 0, everything, hidden }: TimelineProps): ReactElement {
  const chartRows: Row[] = chart.rows.map((row, i) => ({ text: `${row.label}${row.cells}`, color: row.lane ? LANE_COLOR[row.lane] : undefined, dim: !row.lane, key: `c-${i}` }));
  const summaryRows: Row[] = chart.summary.map((text, i) => ({ text, bold: i === 0, key: `s-${i}` }));
  const scope = everything ? 'all (a: licensing only)' : `licensing${hidden > 0 ? `, ${hidden.toLocaleString('en-US')} others hidden` : ''} (a: all)`;
  const top = [...chartRows, ...summaryRows, { text: `─── events: ${scope}; Enter: the line in the raw view ───`, dim: true, key: 'sep' }];
  const topHeight = Math.min(top.length, Math.max(0, height - 3));
  const listHeight = height - topHeight;
  const start = windowStart(cursor, events.length, listHeight);
  const list: Row[] = events.slice(start, start + listHeight).map((e, i) => ({
    text: `${start + i === cursor ? '› ' : '  '}${shortTime(e.ms)}  ${LANE_MARK[e.lane]} ${scrolled(show(e.label), column)}`,
    color: start + i === cursor ? undefined : LANE_COLOR[e.lane],
    inverse: start + i === cursor,
    key: `e-${start + i}`,
  }));
  if (events.length === 0) list.push({ text: 'No timestamped events match.', dim: true });
  return (
    <Box flexDirection="column" height={height}>
      <Rows height={topHeight} rows={top} />
      <Rows height={listHeight} rows={list} />
    </Box>
  );
}
