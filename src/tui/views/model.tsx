import type { ReactElement } from 'react';
import type { TreeRow } from '../tree.js';
import { windowStart } from '../text.js';
import { Rows, type Row } from './rows.js';

export interface ModelProps {
  rows: TreeRow[];
  cursor: number;
  height: number;
  show: (text: string) => string;
}

export function ModelView({ rows, cursor, height, show }: ModelProps): ReactElement {
  if (rows.length === 0) return <Rows height={height} rows={[{ text: 'Nothing in the model matches the filter.', color: 'yellow' }]} />;
  const start = windowStart(cursor, rows.length, height);
  const visible: Row[] = rows.slice(start, start + height).map((row, i) => {
    const marker = row.branch ? (row.expanded ? '▾ ' : '▸ ') : '  ';
    const size = row.branch && !row.expanded ? `  (${row.size})` : '';
    const value = row.value === undefined ? '' : `: ${show(row.value)}`;
    const isNull = row.value === 'null';
    return {
      text: `${start + i === cursor ? '›' : ' '}${'  '.repeat(row.depth)}${marker}${row.label}${value}${size}`,
      inverse: start + i === cursor,
      bold: row.depth === 0,
      dim: isNull && start + i !== cursor,
      key: row.id,
    };
  });
  return <Rows height={height} rows={visible} />;
}
