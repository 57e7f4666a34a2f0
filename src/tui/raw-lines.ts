// The raw capture behind the raw view and the evidence in context, numbered like ingest numbers it (LF, or CR alone
// for old Mac-style captures) and shown as ingest normalised it (escape codes, pager residue and CRs gone, tabs
// expanded). A paste is text in memory (TextLines); a file is read on demand (FileLines in raw-file.ts), because a
// show-tech can be a gigabyte and the raw view shows thirty lines of it.
import { normaliseLine } from '../ingest/index.js';

export interface RawLines {
  /** Lines known so far; all of them once `complete`. */
  readonly count: number;
  /** False while a large file is still being indexed: lines past `count` are not known yet. */
  readonly complete: boolean;
  /** Share of the input indexed, 0 to 1. */
  readonly progress: number;
  /** Line `n` (1-based) as ingest read it; undefined past the lines known. */
  line(n: number): string | undefined;
  /** Calls `listener` as indexing goes on and when it ends; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Looks for `needle` (case-insensitive) line by line, a slice per turn of the event loop; returns the cancel. */
  search(needle: string, update: (search: LineSearch) => void): () => void;
  /** Stops work in the background. */
  close?(): void;
}

export interface LineSearch {
  /** Matching line numbers found so far, ascending. */
  numbers: number[];
  done: boolean;
  /** True when the search stopped at MAX_MATCHES. */
  capped: boolean;
}

/** More matches than anyone reads; the list stays small in memory. */
export const MAX_MATCHES = 1_000_000;

/** A raw line as the views show it. */
export function shownLine(raw: string): string {
  return normaliseLine(raw).replace(/\t/g, '    ');
}

/** The line separator ingest uses for input that starts with `head`: LF, or CR when the head has CRs and no LF. */
export function separatorOf(head: string): '\n' | '\r' {
  return head.includes('\n') || !head.includes('\r') ? '\n' : '\r';
}

const SEARCH_SLICE_LINES = 50_000;

/** A paste: the text is in memory anyway; split into lines the first time a line is asked for. */
export class TextLines implements RawLines {
  private split: string[] | null = null;
  private readonly shown = new Map<number, string>();
  readonly complete = true;
  readonly progress = 1;

  constructor(private readonly text: string) {}

  private get lines(): string[] {
    this.split ??= this.text.split(separatorOf(this.text.slice(0, 65_536)));
    return this.split;
  }

  get count(): number {
    return this.lines.length;
  }

  line(n: number): string | undefined {
    const cached = this.shown.get(n);
    if (cached !== undefined) return cached;
    const raw = this.lines[n - 1];
    if (raw === undefined) return undefined;
    const text = shownLine(raw);
    if (this.shown.size > 20_000) this.shown.clear();
    this.shown.set(n, text);
    return text;
  }

  onChange(): () => void {
    return () => undefined;
  }

  search(needle: string, update: (search: LineSearch) => void): () => void {
    const lower = needle.toLowerCase();
    const numbers: number[] = [];
    let next = 1;
    let timer: ReturnType<typeof setImmediate> | null = null;
    const slice = () => {
      const stop = Math.min(this.count, next + SEARCH_SLICE_LINES - 1);
      for (; next <= stop && numbers.length < MAX_MATCHES; next++) if (shownLine(this.lines[next - 1]!).toLowerCase().includes(lower)) numbers.push(next);
      const capped = numbers.length >= MAX_MATCHES;
      const done = capped || next > this.count;
      update({ numbers, done, capped });
      timer = done ? null : setImmediate(slice);
    };
    slice();
    return () => {
      if (timer) clearImmediate(timer);
    };
  }
}
