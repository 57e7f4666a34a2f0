// The capture as it was given: a section list on the left, the numbered lines on the right. Only the visible
// window is drawn, so a 5,000-line capture scrolls as fast as a 50-line one.
import { Box } from 'ink';
import type { ReactElement } from 'react';
import type { Section } from '../../common/device.js';
import type { LineSearch, RawLines } from '../raw-lines.js';
import { scrolled, windowStart } from '../text.js';
import { Rows, type Row } from './rows.js';

export interface RawProps {
  file: string;
  capture: RawLines | undefined;
  sections: Section[];
  /** The filter's search: the lines shown are those it found; null shows every line. */
  matches: LineSearch | null;
  /** Index into the shown lines. */
  cursor: number;
  /** Lines cited by the finding the user came from, highlighted. */
  cited: ReadonlySet<number>;
  width: number;
  height: number;
  show: (text: string) => string;
  /** Lines scrolled sideways by this many characters (← / →). */
  column?: number;
}

export function RawView(props: RawProps): ReactElement {
  const { capture, sections, cursor, height, width, show } = props;
  if (!capture) return <Rows height={height} rows={[{ text: `The raw text of ${props.file} is not available.`, color: 'yellow' }]} />;
  const numbers = props.matches?.numbers;
  const total = numbers?.length ?? capture.count;
  const lineAt = (index: number) => numbers?.[index] ?? index + 1;
  const current = lineAt(cursor);
  const sideWidth = width >= 100 ? 30 : 22;
  const sectionIndex = sections.findLastIndex((s) => s.startLine <= current);
  const sideStart = windowStart(Math.max(0, sectionIndex), sections.length, height - 1);
  const side: Row[] = [{ text: `Sections (${sections.length})  n/N`, bold: true }];
  sections.slice(sideStart, sideStart + height - 1).forEach((s, i) => {
    const active = sideStart + i === sectionIndex;
    side.push({ text: `${active ? '›' : ' '}${String(s.startLine).padStart(5)} ${s.command}`, inverse: active, dim: !active && s.parser === null, key: `s-${sideStart + i}` });
  });
  const start = windowStart(cursor, total, height - 1);
  const digits = String(capture.count).length;
  const header: Row = { text: `line ${current}/${capture.count}${capture.complete ? '' : `+ (reading ${Math.floor(capture.progress * 100)}%)`}${matchNote(props.matches)}  ${props.file}`, bold: true };
  const lines: Row[] = [header];
  for (let index = start; index < Math.min(total, start + height - 1); index++) {
    const n = lineAt(index);
    const cited = props.cited.has(n);
    lines.push({ text: `${index === cursor ? '›' : ' '}${cited ? '▶' : ' '}${String(n).padStart(digits)} │ ${scrolled(show(capture.line(n) ?? ''), props.column ?? 0)}`, inverse: index === cursor, color: cited ? 'yellow' : undefined, bold: cited, key: `l-${n}` });
  }
  return (
    <Box flexDirection="row" height={height}>
      <Box width={sideWidth} flexShrink={0} marginRight={1}>
        <Rows height={height} rows={side} />
      </Box>
      <Box flexGrow={1}>
        <Rows height={height} rows={lines} />
      </Box>
    </Box>
  );
}

function matchNote(matches: LineSearch | null): string {
  if (!matches) return '';
  const found = `${matches.numbers.length.toLocaleString('en-US')} matching`;
  return matches.capped ? ` (the first ${found})` : matches.done ? ` (${found})` : ` (${found}, searching …)`;
}
