// `anyLine` and `countLines`: a condition testing the device's own input lines, for site facts the model does not
// hold. The lines are the device's kept ones (those of the sections slp-doctor reads), gathered on the first call
// and scanned at most once per pattern for each question; a pack whose rules never ask costs nothing.
import type { LineStore } from '../common/findings.js';
import { compileRe2, evaluationScope, type LineQuestions } from './functions.js';

type Sections = readonly { file: string; startLine: number; endLine: number }[];

export class DeviceLines implements LineQuestions {
  private texts: string[] | null = null;
  private readonly counts = new Map<string, number>();
  private readonly found = new Map<string, boolean>();

  constructor(
    private readonly store: LineStore,
    private readonly sections: Sections,
  ) {}

  private all(): string[] {
    if (!this.texts) {
      this.texts = [];
      for (const line of this.store.lines(this.sections)) this.texts.push(line.text);
    }
    return this.texts;
  }

  /** Whether any line matches; stops at the first match. */
  any(pattern: string): boolean {
    let found = this.found.get(pattern);
    if (found === undefined) {
      const counted = this.counts.get(pattern);
      const test = compileRe2(pattern);
      found = counted === undefined ? this.all().some((text) => test.test(text)) : counted > 0;
      this.found.set(pattern, found);
    }
    return found;
  }

  count(pattern: string): number {
    let count = this.counts.get(pattern);
    if (count === undefined) {
      const test = compileRe2(pattern);
      count = 0;
      for (const text of this.all()) if (test.test(text)) count++;
      this.counts.set(pattern, count);
    }
    return count;
  }
}

function scopeLines(what: string, pattern: unknown): { lines: LineQuestions; pattern: string } {
  if (typeof pattern !== 'string') throw new TypeError(`${what}: the pattern must be a string`);
  const lines = evaluationScope.lines;
  if (!lines) throw new TypeError(`${what}: the device's input lines are not available here`);
  return { lines, pattern };
}

export function anyLine(pattern: unknown): boolean {
  const scope = scopeLines('anyLine', pattern);
  return scope.lines.any(scope.pattern);
}

export function countLines(pattern: unknown): bigint {
  const scope = scopeLines('countLines', pattern);
  return BigInt(scope.lines.count(scope.pattern));
}
