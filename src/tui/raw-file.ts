// A capture file's lines, read on demand by byte offset: the raw view shows thirty lines of what may be a gigabyte,
// so the file is never held as one string. One pass notes where every STRIDE-th line starts (a gigabyte of
// show-tech: 20 million lines, 80,000 offsets); a line is then read from the offset before it. A large file is
// indexed a slice per turn of the event loop after the parse, so the first frame does not wait for it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_MATCHES, separatorOf, shownLine, type LineSearch, type RawLines } from './raw-lines.js';

/** Lines between two noted offsets: a line is read at most this many lines after its offset. */
const STRIDE = 256;
/** Bytes read per slice of indexing or searching. */
const SLICE_BYTES = 4 << 20;
/** Files up to this size are indexed at once, before the first frame (a few milliseconds). */
const INDEX_AT_ONCE_BYTES = 8 << 20;
/** What a line shows at most: a runaway line must not cost memory (ingest cuts kept lines the same way). */
const MAX_LINE_BYTES = 64 << 10;
/** Characters of blocks kept read (a block of runaway lines can be 16 MB; most are a few kilobytes). */
const CACHED_CHARS = 8 << 20;
/** How often indexing tells the views (a redraw per slice would be hundreds). */
const NOTIFY_MS = 200;

export class FileLines implements RawLines {
  /** offsets[k]: byte offset of line k * STRIDE + 1. */
  private offsets = new Float64Array(1024);
  private offsetCount = 1;
  /** Lines whose end has been seen, and the byte after the last of them. */
  private endedLines = 0;
  private endedAt = 0;
  private scanned = 0;
  private readonly size: number;
  private readonly separator: number;
  private readonly blocks = new Map<number, { lines: string[]; chars: number }>();
  private cachedChars = 0;
  private readonly listeners = new Set<() => void>();
  private indexing: ReturnType<typeof setImmediate> | null = null;
  complete = false;

  constructor(private readonly path: string) {
    const fd = openSync(path, 'r');
    try {
      this.size = fstatSync(fd).size;
      const head = Buffer.alloc(Math.min(this.size, 65_536));
      readSync(fd, head, 0, head.length, 0);
      this.separator = separatorOf(head.toString('latin1')).charCodeAt(0);
    } finally {
      closeSync(fd);
    }
    if (this.size <= INDEX_AT_ONCE_BYTES) this.indexAll();
    else this.indexInSlices();
  }

  get count(): number {
    // Split semantics, like the text of a paste: what follows the last separator is a line too (maybe empty).
    return this.complete ? this.endedLines + 1 : this.endedLines;
  }

  get progress(): number {
    return this.size === 0 ? 1 : this.scanned / this.size;
  }

  line(n: number): string | undefined {
    if (n < 1 || n > this.count) return undefined;
    const block = Math.floor((n - 1) / STRIDE);
    const cached = this.blocks.get(block);
    if (cached) return cached.lines[(n - 1) % STRIDE];
    const lines = this.readBlock(block);
    // A block is cached once it cannot grow: the index has passed its end.
    if (this.complete || block + 1 < this.offsetCount) this.cache(block, lines);
    return lines[(n - 1) % STRIDE];
  }

  /** Keeps the blocks read last, up to CACHED_CHARS: scrolling back and forth reads nothing again. */
  private cache(block: number, lines: string[]): void {
    let chars = 0;
    for (const line of lines) chars += line.length;
    for (const [oldest, { chars: size }] of this.blocks) {
      if (this.cachedChars + chars <= CACHED_CHARS) break;
      this.blocks.delete(oldest);
      this.cachedChars -= size;
    }
    this.blocks.set(block, { lines, chars });
    this.cachedChars += chars;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops indexing (the session was closed). */
  close(): void {
    if (this.indexing) clearImmediate(this.indexing);
    this.indexing = null;
    this.listeners.clear();
  }

  search(needle: string, update: (search: LineSearch) => void): () => void {
    const scan = new FileSearch(this.path, this.separator, needle.toLowerCase());
    let timer: ReturnType<typeof setImmediate> | null = null;
    const slice = () => {
      const result = scan.next();
      update(result);
      timer = result.done ? null : setImmediate(slice);
    };
    slice();
    return () => {
      if (timer) clearImmediate(timer);
      scan.close();
    };
  }

  private indexAll(): void {
    const fd = openSync(this.path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(SLICE_BYTES, Math.max(1, this.size)));
      while (this.indexSlice(fd, buffer));
    } finally {
      closeSync(fd);
    }
  }

  private indexInSlices(): void {
    const fd = openSync(this.path, 'r');
    const buffer = Buffer.allocUnsafe(SLICE_BYTES);
    let told = Date.now();
    const slice = () => {
      let more = false;
      try {
        more = this.indexSlice(fd, buffer);
      } catch {
        more = false; // the file went away: what is indexed stays readable
        this.complete = true;
      }
      if (!more) {
        closeSync(fd);
        this.indexing = null;
        this.tell();
        return;
      }
      if (Date.now() - told >= NOTIFY_MS) {
        told = Date.now();
        this.tell();
      }
      this.indexing = setImmediate(slice);
    };
    this.indexing = setImmediate(slice);
  }

  /** Indexes the next slice; false once the file is done. */
  private indexSlice(fd: number, buffer: Buffer): boolean {
    const read = readSync(fd, buffer, 0, buffer.length, this.scanned);
    if (read === 0) {
      this.complete = true;
      return false;
    }
    const separator = this.separator;
    const view = read < buffer.length ? buffer.subarray(0, read) : buffer;
    for (let at = view.indexOf(separator, 0); at >= 0; at = view.indexOf(separator, at + 1)) {
      this.endedLines++;
      this.endedAt = this.scanned + at + 1;
      if (this.endedLines % STRIDE === 0) this.noteOffset(this.endedAt);
    }
    this.scanned += read;
    return true;
  }

  private noteOffset(offset: number): void {
    if (this.offsetCount === this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.offsetCount++] = offset;
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }

  /** The lines of block `block` (up to STRIDE), each cut at MAX_LINE_BYTES. */
  private readBlock(block: number): string[] {
    const start = this.offsets[block]!;
    const end = block + 1 < this.offsetCount ? this.offsets[block + 1]! : this.complete ? this.size : this.endedAt;
    const wanted = Math.min(STRIDE, this.count - block * STRIDE);
    const lines: string[] = [];
    const fd = openSync(this.path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(SLICE_BYTES, Math.max(1, end - start)));
      let parts: Buffer[] = [];
      let kept = 0;
      const finish = () => {
        lines.push(shownLine(Buffer.concat(parts).toString('utf8')));
        parts = [];
        kept = 0;
      };
      for (let position = start; position < end && lines.length < wanted; ) {
        const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position);
        if (read === 0) break;
        const view = buffer.subarray(0, read);
        let from = 0;
        for (let at = view.indexOf(this.separator, 0); at >= 0 && lines.length < wanted; at = view.indexOf(this.separator, at + 1)) {
          if (kept < MAX_LINE_BYTES) parts.push(Buffer.from(view.subarray(from, Math.min(at, from + MAX_LINE_BYTES - kept))));
          finish();
          from = at + 1;
        }
        if (from < read && kept < MAX_LINE_BYTES) {
          const piece = view.subarray(from, Math.min(read, from + MAX_LINE_BYTES - kept));
          parts.push(Buffer.from(piece));
          kept += piece.length;
        }
        position += read;
      }
      if (lines.length < wanted) finish(); // the last line of the file, with no separator after it
    } finally {
      closeSync(fd);
    }
    return lines;
  }
}

/** A search through the file from its start, a slice at a time, counting lines as ingest numbers them. */
class FileSearch {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(SLICE_BYTES);
  private position = 0;
  private lineNo = 1;
  /** The start of a line the last slice cut (at most MAX_LINE_BYTES of it). */
  private carry: Buffer | null = null;
  private readonly numbers: number[] = [];
  private closed = false;

  constructor(
    path: string,
    private readonly separator: number,
    private readonly needle: string,
  ) {
    this.fd = openSync(path, 'r');
  }

  next(): LineSearch {
    if (this.closed) return { numbers: this.numbers, done: true, capped: false };
    const read = readSync(this.fd, this.buffer, 0, this.buffer.length, this.position);
    this.position += read;
    if (read === 0) {
      if (this.carry) this.check(this.carry.toString('utf8'));
      this.close();
      return { numbers: this.numbers, done: true, capped: false };
    }
    const last = this.buffer.lastIndexOf(this.separator, read - 1);
    if (last < 0) {
      // A line longer than a slice: keep its start only.
      if (!this.carry || this.carry.length < MAX_LINE_BYTES) this.carry = Buffer.concat([this.carry ?? Buffer.alloc(0), this.buffer.subarray(0, Math.min(read, MAX_LINE_BYTES))]);
      return { numbers: this.numbers, done: false, capped: false };
    }
    const whole = this.carry ? Buffer.concat([this.carry, this.buffer.subarray(0, last)]) : this.buffer.subarray(0, last);
    this.carry = last + 1 < read ? Buffer.from(this.buffer.subarray(last + 1, Math.min(read, last + 1 + MAX_LINE_BYTES))) : null;
    this.searchText(whole.toString('utf8'));
    this.lineNo++; // the separator at `last`
    const capped = this.numbers.length >= MAX_MATCHES;
    if (capped) this.close();
    return { numbers: this.numbers, done: capped, capped };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** Complete lines (no separator after the last): most slices hold no match and are only counted. */
  private searchText(text: string): void {
    const separator = String.fromCharCode(this.separator);
    // Normalising can make a match out of escape codes, backspaces, tabs or a CR that redraws a line.
    const mayChange = /[\x1b\b\t]|\r(?!\n)/.test(text);
    if (!mayChange && !text.toLowerCase().includes(this.needle)) {
      for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) this.lineNo++;
      return;
    }
    let from = 0;
    for (;;) {
      const at = text.indexOf(separator, from);
      this.check(text.slice(from, at < 0 ? undefined : at));
      if (at < 0 || this.numbers.length >= MAX_MATCHES) return;
      this.lineNo++;
      from = at + 1;
    }
  }

  private check(raw: string): void {
    if (shownLine(raw).toLowerCase().includes(this.needle)) this.numbers.push(this.lineNo);
  }
}
