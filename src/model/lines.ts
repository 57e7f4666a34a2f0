// The kept input lines (those of licensing sections), so findings can quote their evidence exactly. The sections'
// own line lists are kept as they are (each in line order) and searched when a finding quotes a line: most lines
// are never quoted, so indexing them all would cost more than every lookup together.
import type { Evidence, LineStore } from '../common/findings.js';
import type { IngestResult, Line } from '../ingest/types.js';

export class KeptLines implements LineStore {
  private readonly byFile = new Map<string, (readonly Line[])[]>();

  add(input: IngestResult): void {
    let sections = this.byFile.get(input.file);
    if (!sections) {
      sections = [];
      this.byFile.set(input.file, sections);
    }
    for (const { lines } of input.sections) if (lines.length > 0) sections.push(inLineOrder(lines));
  }

  text(file: string, line: number): string | undefined {
    let found: string | undefined;
    // A line number belongs to one section; if two held it, the later one's text is used.
    for (const lines of this.byFile.get(file) ?? []) {
      if (line < lines[0]!.n || line > lines[lines.length - 1]!.n) continue;
      const index = lowerBound(lines, line);
      if (lines[index]?.n === line) found = lines[index].text;
    }
    return found;
  }

  lines(sections: readonly { file: string; startLine: number; endLine: number }[]): Iterable<Evidence> {
    const out: Evidence[] = [];
    const rangesByFile = new Map<string, { start: number; end: number }[]>();
    for (const { file, startLine, endLine } of sections) {
      const ranges = rangesByFile.get(file);
      if (ranges) ranges.push({ start: startLine, end: endLine });
      else rangesByFile.set(file, [{ start: startLine, end: endLine }]);
    }
    for (const [file, ranges] of rangesByFile) {
      const kept = this.byFile.get(file) ?? [];
      const seen = new Set<number>();
      for (const { start, end } of ranges)
        // Later sections first, so a line two sections hold is quoted as `text` reads it.
        for (const lines of [...kept].reverse()) {
          for (let index = lowerBound(lines, start); index < lines.length && lines[index]!.n <= end; index++) {
            const { n, text } = lines[index]!;
            if (seen.has(n)) continue;
            seen.add(n);
            out.push({ file, line: n, text });
          }
        }
    }
    return out;
  }
}

function inLineOrder(lines: readonly Line[]): readonly Line[] {
  for (let i = 1; i < lines.length; i++) if (lines[i]!.n < lines[i - 1]!.n) return [...lines].sort((a, b) => a.n - b.n);
  return lines;
}

function lowerBound(sorted: readonly Line[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.n < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
