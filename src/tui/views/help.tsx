// The key help (`?`): short enough to fit an 80×24 terminal whole; at a narrower width a description wraps under
// itself instead of being cut.
import type { ReactElement } from 'react';
import { wrap } from '../text.js';
import { Rows, type Row } from './rows.js';

export const KEYS: [string, string][] = [
  ['↑↓ j k', 'move; PgUp/PgDn or Space: a page; g/G or Home/End: top, bottom'],
  ['Enter', 'open a device, finding or branch; evidence or event: its raw line'],
  ['Esc', 'back (detail, raw view, device); clears the text filter'],
  ['Tab 1–4', 'views: 1 Findings, 2 Device model, 3 Timeline, 4 Raw capture'],
  ['← → h l', 'scroll long lines sideways (raw, timeline, evidence); 0: back left'],
  ['/', 'filter the current list by text (Enter keeps it, Esc clears it)'],
  ['s', 'cycle the severity filter: all, error, warning, info'],
  ['a', 'timeline: licensing events only, or every event'],
  ['n N  f', 'raw view: next / previous section; f: next input file'],
  ['← →', 'device model: collapse / expand'],
  ['e', 'export the Markdown report (a prompt with the default path)'],
  ['r', 'redact host names, serials, accounts, tokens, addresses'],
  ['o', 'open or paste another capture'],
  ['?  q', 'this help (any key closes it); q or Ctrl-C: quit'],
];

const KEY_WIDTH = 9;

export function Help({ height, width }: { height: number; width: number }): ReactElement {
  const rows: Row[] = [{ text: 'Keys', bold: true }];
  for (const [key, what] of KEYS) {
    wrap(what, width - KEY_WIDTH - 4).forEach((line, i) => rows.push({ text: `  ${(i === 0 ? key : '').padEnd(KEY_WIDTH)} ${line}` }));
  }
  return <Rows height={height} rows={rows} />;
}
