// Findings grouped by severity on top; the selected finding's detail (message, evidence in context, actions,
// references) below. In detail focus a cursor moves over the detail and Enter on an evidence line opens it raw.
import { Box } from 'ink';
import type { ReactElement } from 'react';
import type { Finding } from '../../common/findings.js';
import { SEVERITY_SYMBOL } from '../../report/severity.js';
import { DEVICE_TEXT, type DetailLine } from '../detail.js';
import { scrolled, windowStart } from '../text.js';
import { Rows, SEVERITY_COLOR, type Row } from './rows.js';

export interface FindingsProps {
  findings: Finding[];
  selected: number;
  detail: DetailLine[];
  detailFocus: boolean;
  detailCursor: number;
  height: number;
  width: number;
  show: (text: string) => string;
  /** True when findings exist but the filters hide them all. */
  filtered: boolean;
  /** The rules are still running: nothing to list yet. */
  evaluating?: boolean;
  /** Evidence lines scrolled sideways by this many characters (← / →). */
  column?: number;
}

/** Rows of the list: a heading per severity, then the findings; `index` maps a finding to its row. */
export function findingListRows(findings: Finding[], selected: number): { rows: Row[]; selectedRow: number } {
  const rows: Row[] = [];
  let selectedRow = 0;
  let current: string | null = null;
  findings.forEach((finding, i) => {
    if (finding.severity !== current) {
      current = finding.severity;
      const count = findings.filter((f) => f.severity === finding.severity).length;
      rows.push({ text: `${SEVERITY_SYMBOL[finding.severity]} ${finding.severity.toUpperCase()} (${count})`, color: SEVERITY_COLOR[finding.severity], bold: true, key: `h-${finding.severity}` });
    }
    if (i === selected) selectedRow = rows.length;
    rows.push({
      text: `${i === selected ? '›' : ' '} ${SEVERITY_SYMBOL[finding.severity]} ${finding.title}  [${finding.ruleId}]`,
      inverse: i === selected,
      color: i === selected ? undefined : SEVERITY_COLOR[finding.severity],
      key: `f-${i}`,
    });
  });
  return { rows, selectedRow };
}

const DETAIL_STYLE: Record<DetailLine['style'], Omit<Row, 'text'>> = {
  title: { bold: true },
  message: {},
  heading: { bold: true, color: 'blue' },
  file: { bold: true, color: 'blue' },
  cited: { color: 'yellow', bold: true },
  context: { dim: true },
  gap: { dim: true },
  action: { color: 'green' },
  reference: { dim: true },
  blank: {},
};

export function FindingsView(props: FindingsProps): ReactElement {
  const { findings, selected, detail, detailFocus, detailCursor, height, show } = props;
  if (props.evaluating) return <Rows height={height} rows={[{ text: 'Evaluating the rules …', color: 'cyan' }]} />;
  if (findings.length === 0) {
    const text = props.filtered ? 'No finding matches the filters (s: severity filter, / then Esc: clear the text filter).' : '✔ No documented SLP problem found in this capture.';
    return <Rows height={height} rows={[{ text, color: props.filtered ? 'yellow' : 'green' }]} />;
  }
  const list = findingListRows(findings, selected);
  const showDevice = (line: DetailLine, text: string) => (DEVICE_TEXT.has(line.style) ? show(text) : text);
  // The list gets at most a third of the body in detail focus, more while browsing.
  const listHeight = Math.min(list.rows.length, Math.max(3, Math.floor(height * (detailFocus ? 0.25 : 0.4))));
  const listStart = windowStart(list.selectedRow, list.rows.length, listHeight);
  const finding = findings[selected]!;
  const detailHeight = height - listHeight - 2;
  const start = detailFocus ? windowStart(detailCursor, detail.length, detailHeight) : 0;
  const column = props.column ?? 0;
  const detailRows: Row[] = detail.slice(start, start + detailHeight).map((line, i) => ({
    // Findings arrive already redacted; what is masked here is the capture's own text around the cited lines.
    text: `${detailFocus && start + i === detailCursor ? '›' : ' '}${line.gutter ? line.text.slice(0, line.gutter) + scrolled(showDevice(line, line.text.slice(line.gutter)), column) : showDevice(line, line.text)}`,
    ...DETAIL_STYLE[line.style],
    inverse: detailFocus && start + i === detailCursor,
    key: `d-${start + i}`,
  }));
  const title: Row = {
    text: `${SEVERITY_SYMBOL[finding.severity]} ${finding.title}  [${finding.ruleId}]${detailFocus ? '' : '   (Enter: evidence & actions)'}`,
    bold: true,
    color: SEVERITY_COLOR[finding.severity],
  };
  return (
    <Box flexDirection="column" height={height}>
      <Rows height={listHeight} rows={list.rows.slice(listStart, listStart + listHeight)} />
      <Rows height={1} rows={[{ text: '─'.repeat(props.width), dim: true }]} />
      <Rows height={1} rows={[title]} />
      <Rows height={detailHeight} rows={detailRows} />
    </Box>
  );
}
