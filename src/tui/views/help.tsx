import type { ReactElement } from 'react';
import { Rows, type Row } from './rows.js';

export const KEYS: [string, string][] = [
  ['↑/↓  j/k', 'move (PgUp/PgDn, g/G: page, top, bottom)'],
  ['Enter', 'open: a device, a finding (evidence and actions), a tree branch; on an evidence line or event: show it in the raw capture'],
  ['Esc', 'back: detail to list, raw to where you came from, device to device list; clears the text filter'],
  ['Tab / 1–4', 'switch view: 1 Findings, 2 Device model, 3 Timeline, 4 Raw capture'],
  ['/', 'filter the current list by text (Enter keeps it, Esc clears it)'],
  ['s', 'cycle the severity filter: all, error, warning, info'],
  ['e', 'export the Markdown report (path prompt; typing replaces the default ./slp-doctor-<host>.md)'],
  ['r', 'toggle redaction of host names, serials, accounts, tokens and addresses (screen and export)'],
  ['n / N', 'raw view: next / previous section;  f: next input file'],
  ['← / →', 'device model: collapse / expand'],
  ['o', 'open or paste another capture'],
  ['?', 'this help (any key closes it)'],
  ['q', 'quit'],
];

export function Help({ height }: { height: number }): ReactElement {
  const rows: Row[] = [{ text: 'Keys', bold: true }, ...KEYS.map(([key, what]) => ({ text: `  ${key.padEnd(11)} ${what}` }))];
  return <Rows height={height} rows={rows} />;
}
