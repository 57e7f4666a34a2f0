// The kept input lines (those of licensing sections), so findings can quote their evidence exactly.
import type { Evidence, LineStore } from '../common/findings.js';
import type { IngestResult } from '../ingest/types.js';

export class KeptLines implements LineStore {
  private readonly byFile = new Map<string, { n: number[]; text: Map<number, string> }>();

  add(input: IngestResult): void {
    let file = this.byFile.get(input.file);
    if (!file) {
      file = { n: [], text: new Map() };
      this.byFile.set(input.file, file);
    }
    for (const section of input.sections)
      for (const line of section.lines) {
        if (!file.text.has(line.n)) file.n.push(line.n);
        file.text.set(line.n, line.text);
      }
    file.n.sort((a, b) => a - b);
  }

  text(file: string, line: number): string | undefined {
    return this.byFile.get(file)?.text.get(line);
  }

  *lines(sections: readonly { file: string; startLine: number; endLine: number }[]): Iterable<Evidence> {
    const seen = new Set<string>();
    for (const section of sections) {
      const file = this.byFile.get(section.file);
      if (!file) continue;
      let index = lowerBound(file.n, section.startLine);
      for (; index < file.n.length && file.n[index]! <= section.endLine; index++) {
        const line = file.n[index]!;
        const key = `${section.file}:${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield { file: section.file, line, text: file.text.get(line)! };
      }
    }
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
