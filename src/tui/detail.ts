// The selected finding as lines: message, evidence in the context of the raw capture (cited lines marked and
// numbered), numbered actions with their exact commands, references. Lines carry their source so Enter can jump.
import type { Finding } from '../common/findings.js';
import type { RawLines } from './raw-lines.js';
import { wrap } from './text.js';

export type DetailStyle = 'title' | 'message' | 'heading' | 'file' | 'cited' | 'context' | 'gap' | 'action' | 'reference' | 'blank';

/** Lines that show the device's own text (its input lines, a file name): the ones redaction masks on screen. */
export const DEVICE_TEXT: ReadonlySet<DetailStyle> = new Set(['file', 'cited', 'context']);

export interface DetailLine {
  text: string;
  style: DetailStyle;
  /** Set on evidence lines (cited and context): where Enter jumps in the raw view. */
  file?: string;
  line?: number;
  /** Evidence lines: the length of the mark and number before the raw text, which stay put when scrolled sideways. */
  gutter?: number;
}

const CONTEXT_LINES = 2;

export function findingDetail(finding: Finding, raw: ReadonlyMap<string, RawLines>, width: number, showFiles = false): DetailLine[] {
  const out: DetailLine[] = [];
  for (const text of wrap(finding.message.trim(), width)) out.push({ text, style: 'message' });
  if (finding.evidence.length > 0) {
    out.push({ text: '', style: 'blank' }, { text: 'Evidence', style: 'heading' });
    out.push(...evidenceInContext(finding, raw, showFiles));
  }
  if (finding.actions.length > 0) {
    out.push({ text: '', style: 'blank' }, { text: 'Recommended actions', style: 'heading' });
    finding.actions.forEach((action, i) => {
      const prefix = `${i + 1}. `;
      wrap(action.trim(), width - prefix.length).forEach((text, j) => out.push({ text: `${j === 0 ? prefix : ' '.repeat(prefix.length)}${text}`, style: 'action' }));
    });
  }
  if (finding.references.length > 0) {
    out.push({ text: '', style: 'blank' }, { text: 'References', style: 'heading' });
    for (const ref of finding.references) wrap(ref, width - 2).forEach((text, j) => out.push({ text: `${j === 0 ? '• ' : '  '}${text}`, style: 'reference' }));
  }
  return out;
}

function evidenceInContext(finding: Finding, raw: ReadonlyMap<string, RawLines>, showFiles: boolean): DetailLine[] {
  const out: DetailLine[] = [];
  const byFile = new Map<string, Map<number, string>>();
  for (const e of finding.evidence) {
    let cited = byFile.get(e.file);
    if (!cited) byFile.set(e.file, (cited = new Map()));
    cited.set(e.line, e.text);
  }
  for (const [file, cited] of byFile) {
    // Context needs the capture's lines; until a large file is indexed, the cited lines show alone.
    const whole = raw.get(file);
    const capture = whole?.complete ? whole : undefined;
    if (showFiles || byFile.size > 1) out.push({ text: file, style: 'file' });
    const numbers = [...cited.keys()].sort((a, b) => a - b);
    const width = String(numbers[numbers.length - 1]! + CONTEXT_LINES).length;
    let shownUpTo = 0;
    for (const n of numbers) {
      const from = Math.max(1, n - CONTEXT_LINES, shownUpTo + 1);
      const to = capture ? Math.min(capture.count, n + CONTEXT_LINES) : n;
      if (shownUpTo > 0 && from > shownUpTo + 1) out.push({ text: '   ⋯', style: 'gap' });
      for (let line = capture ? from : n; line <= to; line++) {
        const isCited = cited.has(line);
        const text = capture?.line(line) ?? cited.get(line) ?? '';
        const gutter = `${isCited ? '▶' : ' '} ${String(line).padStart(width)} │ `;
        out.push({ text: gutter + text, style: isCited ? 'cited' : 'context', file, line, gutter: gutter.length });
      }
      shownUpTo = Math.max(shownUpTo, to);
    }
  }
  return out;
}
