// Bytes to numbered lines. A show-tech is mostly output we do not read, so inside a skipped command a line is
// decoded only when its bytes could start a new command or hold a syslog message. The line indexer (line-index.ts)
// lists those lines per chunk; the reader jumps from one to the next and counts the lines between unread.
import { indexLines, isIndexable, toScratch, WINDOW_BYTES, type LineIndex } from './line-index.js';
import { normaliseLine } from './normalise.js';
import { SectionSplitter } from './splitter.js';
import { isOtherSyslogMessage, messagePercent, messagePercentBetween } from './syslog-bytes.js';
import { InputError, type IngestResult } from './types.js';

/** A kept line longer than this is cut: a runaway line must not cost memory or time. */
export const MAX_LINE_BYTES = 64 * 1024;
const BINARY_PROBE_BYTES = 64 * 1024;
/** Share of the probe that may be control bytes no text file has before we call it binary. */
const BINARY_SHARE = 0.1;

const LF = 10;
const CR = 13;
const HASH = 35;
const GREATER = 62;
const ESC = 27;
const BACKTICK = 96;
const DASH = 45;
const SPACE = 32;
const TAB = 9;
const BACKSPACE = 8;
const REPLACEMENT_BYTES = Buffer.from('\uFFFD', 'utf8');

/** Node's Buffer has an undocumented-in-types utf8Slice; toString('utf8', …) adds argument checks per line. */
type FastSliceBuffer = Buffer & { utf8Slice(start: number, end: number): string };

export class ByteLineReader {
  private readonly splitter: SectionSplitter;
  /** Chunks held until the binary probe is full. */
  private head: Buffer[] | null = [];
  private headBytes = 0;
  private separator = LF;
  private lineNo = 0;
  private bytes = 0;
  /** The start of a line that continues in the next chunk (at most MAX_LINE_BYTES of it), and its full length. */
  private carry: Buffer[] | null = null;
  private carryStored = 0;
  private carryLength = 0;
  private invalidUtf8Reported = false;

  constructor(private readonly file: string) {
    this.splitter = new SectionSplitter(file);
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    if (this.head) {
      // Callers may reuse the chunk's memory once push returns; what waits for the probe must be a copy.
      this.head.push(chunk.length >= BINARY_PROBE_BYTES && this.head.length === 0 ? chunk : Buffer.from(chunk));
      this.headBytes += chunk.length;
      if (this.headBytes >= BINARY_PROBE_BYTES) this.releaseHead();
      return;
    }
    this.scan(chunk);
  }

  end(): IngestResult {
    if (this.head) this.releaseHead();
    if (this.carry) this.flushCarry();
    if (this.bytes === 0 || !this.splitter.hasText) throw new InputError(this.file, null, 'input is empty');
    return this.splitter.finish(this.bytes, this.lineNo);
  }

  /**
   * For input indexed elsewhere (read-ahead.ts): judge the start of the input, which the caller then passes again,
   * with the rest, through `pushIndexed`. Returns the line separator to index by.
   */
  probe(head: Buffer): number {
    this.head = null;
    this.judgeHead(head);
    return this.separator;
  }

  /** A chunk with its line index (made with the separator `probe` returned). */
  pushIndexed(chunk: Buffer, index: LineIndex): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    this.scanWindow(chunk, index);
  }

  private releaseHead(): void {
    const chunks = this.head ?? [];
    this.head = null;
    const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    this.judgeHead(head);
    this.scan(head);
  }

  private judgeHead(head: Buffer): void {
    if (looksBinary(head)) throw new InputError(this.file, null, 'looks like a binary file, not device output');
    // Old Mac-style captures end lines with CR alone.
    const probe = head.subarray(0, BINARY_PROBE_BYTES);
    if (probe.indexOf(LF) < 0 && probe.indexOf(CR) >= 0) this.separator = CR;
  }

  /** Any chunk: one that lives elsewhere is indexed through the scratch window, a window at a time. */
  private scan(chunk: Buffer): void {
    if (isIndexable(chunk)) {
      this.scanWindow(chunk, indexLines(chunk, this.separator));
      return;
    }
    for (let from = 0; from < chunk.length; from += WINDOW_BYTES) {
      const window = toScratch(chunk, from, chunk.length);
      this.scanWindow(window, indexLines(window, this.separator));
    }
  }

  private scanWindow(chunk: Buffer, index: LineIndex): void {
    const splitter = this.splitter;
    const { ends, count, candidates, candidateCount, firstPercents, base } = index;
    let next = 0;
    let pos = 0;
    if (this.carry) {
      if (count === 0) {
        this.appendCarry(chunk, 0, chunk.length);
        return;
      }
      const end = ends[next++]! - base;
      this.appendCarry(chunk, 0, end);
      this.flushCarry();
      pos = end + 1;
    }
    const marks = new MarkFinder(chunk);
    let candidate = 0;
    // The splitter's state changes only when it is given a line, so it is read again only then.
    let dropping = splitter.dropsOtherSyslog;
    let skipping = splitter.skipping;
    for (; next < count; next++) {
      if (skipping) {
        // In output we do not read only the indexer's candidate lines can matter: count the others unread.
        while (candidate < candidateCount && candidates[candidate]! < next) candidate++;
        const target = candidate < candidateCount ? candidates[candidate]! : count;
        if (target > next) {
          this.lineNo += target - next;
          pos = ends[target - 1]! - base + 1;
          next = target;
          if (next === count) break;
        }
      }
      const end = ends[next]! - base;
      this.lineNo++;
      let drop = false;
      let emit = !skipping;
      if (dropping || skipping) {
        // Every line holding a `%` is a candidate, and the indexer noted where its first `%` is.
        while (candidate < candidateCount && candidates[candidate]! < next) candidate++;
        const percentAt = candidate < candidateCount && candidates[candidate] === next ? firstPercents[candidate]! : -1;
        const percent = percentAt < 0 ? -1 : percentAt - base;
        if (dropping) drop = isOtherSyslogMessage(chunk, pos, messagePercent(chunk, pos, end, percent));
        if (skipping) emit = messagePercentBetween(chunk, percent, end) >= 0 || marks.worthDecoding(pos, end);
      }
      if (drop) {
        splitter.droppedSyslog(this.lineNo);
      } else if (emit) {
        this.emit(chunk, pos, end, end - pos);
        dropping = splitter.dropsOtherSyslog;
        skipping = splitter.skipping;
      }
      pos = end + 1;
    }
    if (pos < chunk.length) {
      this.carry = [];
      this.carryStored = 0;
      this.carryLength = 0;
      this.appendCarry(chunk, pos, chunk.length);
    }
  }

  private appendCarry(chunk: Buffer, from: number, to: number): void {
    this.carryLength += to - from;
    const room = MAX_LINE_BYTES + 4 - this.carryStored;
    if (room <= 0) return;
    const take = Math.min(room, to - from);
    // Copy: the chunk is released once scanned.
    this.carry!.push(Buffer.from(chunk.subarray(from, from + take)));
    this.carryStored += take;
  }

  private flushCarry(): void {
    const pieces = this.carry ?? [];
    this.carry = null;
    const line = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
    this.lineNo++;
    this.emit(line, 0, line.length, this.carryLength);
  }

  /** Decode one line (bytes start..end of buf; `length` is its full length when only its start was kept). */
  private emit(buf: Buffer, start: number, end: number, length: number): void {
    let stop = end;
    while (stop > start && buf[stop - 1] === CR) stop--;
    if (length > MAX_LINE_BYTES) {
      stop = Math.min(stop, start + MAX_LINE_BYTES);
      // Do not cut a UTF-8 sequence in half.
      while (stop > start && (buf[stop]! & 0xc0) === 0x80) stop--;
      this.splitter.diag(this.lineNo, `line ${this.lineNo} is ${length} bytes long; only its first ${MAX_LINE_BYTES} bytes are read`);
    }
    let text = (buf as FastSliceBuffer).utf8Slice(start, stop);
    if (!this.invalidUtf8Reported && text.includes('\uFFFD')) {
      const literal = buf.subarray(start, stop).indexOf(REPLACEMENT_BYTES) >= 0;
      if (!literal) {
        this.invalidUtf8Reported = true;
        this.splitter.diag(this.lineNo, 'invalid UTF-8 (first here); decoded with replacement characters');
      }
    }
    if (this.lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.splitter.line(this.lineNo, normaliseLine(text));
  }
}

/**
 * Where, in one chunk, the bytes are that make a line of skipped output worth decoding when it holds no syslog
 * message (`messagePercentBetween`): a prompt (`#`, `>`), and terminal drawing (ESC, backspace, a carriage return inside a
 * line) that may hide a header. Each mark's next position is found by one native search and remembered until the
 * reader passes it, so lines without marks cost a few comparisons each.
 */
class MarkFinder {
  /** Next position of each mark at or after where it was last looked for; -1: none left in the chunk. */
  private hash = -2;
  private greater = -2;
  private escape = -2;
  private backspace = -2;
  private carriageReturn = -2;

  constructor(private readonly chunk: Buffer) {}

  /** Whether the skipped line pos..end could open a command, or hide a header behind terminal drawing. */
  worthDecoding(pos: number, end: number): boolean {
    const chunk = this.chunk;
    if (end === pos) return false;
    // Pager residue erased by backspaces or carriage returns may have a prompt drawn over it.
    if (this.backspace !== -1 && this.backspace < pos) this.backspace = chunk.indexOf(BACKSPACE, pos);
    if (this.backspace !== -1 && this.backspace < end) return true;
    if (this.carriageReturn !== -1 && this.carriageReturn < pos) this.carriageReturn = nextInnerCarriageReturn(chunk, pos);
    if (this.carriageReturn !== -1 && this.carriageReturn < end - 1) return true;
    // Otherwise headers start at column 0: an indented line matters only for a syslog message in it.
    const first = chunk[pos]!;
    if (first === SPACE || first === TAB) return false;
    if (first === BACKTICK || first === DASH || first < 32) return true;
    if (this.hash !== -1 && this.hash < pos) this.hash = chunk.indexOf(HASH, pos);
    if (this.greater !== -1 && this.greater < pos) this.greater = chunk.indexOf(GREATER, pos);
    if (this.escape !== -1 && this.escape < pos) this.escape = chunk.indexOf(ESC, pos);
    return (this.hash !== -1 && this.hash < end) || (this.greater !== -1 && this.greater < end) || (this.escape !== -1 && this.escape < end);
  }
}

/** Next carriage return that is not the CR of a CRLF ending: one inside a line redraws it. */
function nextInnerCarriageReturn(chunk: Buffer, from: number): number {
  let at = chunk.indexOf(CR, from);
  while (at !== -1 && (chunk[at + 1] === LF || chunk[at + 1] === CR)) at = chunk.indexOf(CR, at + 1);
  return at;
}

/** Control bytes that no device text carries (tab, newlines, form feed, backspace and ESC are normal in pastes). */
function looksBinary(head: Buffer): boolean {
  const n = Math.min(head.length, BINARY_PROBE_BYTES);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 8 && b !== 27) || b === 127) odd++;
  }
  return odd > n * BINARY_SHARE;
}
