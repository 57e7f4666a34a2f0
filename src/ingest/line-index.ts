// Where the lines end, and which of them are worth a look. A show-tech has ~20 million lines per GB, nearly all in
// output we skip. Finding each end with a native `indexOf` costs a call into C++ per line (~0.7 s per GB before
// anything is read), and looking at each skipped line in JavaScript costs as much again. A WebAssembly routine
// finds every line end of a chunk in one call, 32 bytes at a time, and lists the few lines of it that could matter
// if they are in skipped output (see `lineEnds`), so the reader jumps from one to the next. Node offers no such
// primitive; the routine is small (wasm-asm.ts writes it out) and test/ingest/line-index.test.ts holds it to a
// plain JavaScript version of the same rules. It buys: 200 MB read and indexed in 1.8 s instead of 3.9 s with
// `indexOf` and a byte loop (docs/PERFORMANCE.md, measured on a busy machine: the ratio is what carries over).
import { code, I32, moduleBytes, op, V128, type Code } from './wasm-asm.js';

/**
 * Bytes that make a line of skipped output worth a look wherever they are in it: a syslog message (`%`), a prompt
 * (`#`, `>`), and terminal drawing that may hide a header (ESC, backspace, a carriage return; a CR also ends every
 * line of a CRLF capture: those lines are then all looked at).
 */
export const MARK_BYTES: readonly number[] = [0x25, 0x23, 0x3e, 0x1b, 0x08, 0x0d];

/** A line starting with one of these, or with any other control byte but tab, may be a show-tech header. */
const BACKTICK = 0x60;
const DASH = 0x2d;
const TAB = 0x09;

/**
 * `lineEnds(start, end, separator, out, candidates, candidateCountAt, firstPercents)`: for every `separator` byte in
 * memory[start, end), in order, writes its address to the i32 array at `out`; writes to the i32 array at
 * `candidates` the number of each line that holds a mark byte or starts like a header, and to the i32 array at
 * `firstPercents`, for the same candidate, the address of the line's first `%` (-1: none); stores how many
 * candidates there are at `candidateCountAt`, and returns how many lines ended. The first line may have begun in an
 * earlier chunk; the reader treats it on its own. (Where the `%` is saves the reader a search for it on every
 * candidate: in a log nearly every line is one, and in skipped output the next `%` may be megabytes on.)
 *
 *   for (; start + 32 <= end; start += 32)   (two 16-byte vectors; a bit per byte)
 *     ends = bitmask(load32(start) == separator); marks = bitmask(load32(start) in MARK_BYTES)
 *     percents = bitmask(load32(start) == '%')
 *     for each set bit b of ends, lowest first (line n ends at start + b, began after the previous end):
 *       if (any marks below b) hasMark = 1
 *       if (firstPercent == -1 && any percents below b) firstPercent = start + the lowest of them
 *       if (hasMark || startsLikeHeader(first byte of line n)) firstPercents[c] = firstPercent, candidates[c++] = n
 *       out[n++] = start + b; hasMark = 0; firstPercent = -1; drop marks and percents up to b
 *     if (any marks left) hasMark = 1; if (firstPercent == -1 && any percents left) firstPercent = start + the lowest
 *   then the last bytes one at a time, the same way.
 */
// Locals: the parameters, then i32s, then v128s.
const START = 0;
const END = 1;
const SEPARATOR = 2;
const OUT = 3;
const CANDIDATES = 4;
const CANDIDATE_COUNT_AT = 5;
const FIRST_PERCENTS = 6;
const N = 7;
const C = 8;
const ENDS = 9;
const MARKS = 10;
const LOWEST = 11;
const FIRST_PERCENT = 12;
const PREVIOUS_END = 13;
const LINE_END = 14;
const FIRST = 15;
const PERCENTS = 16;
const HAS_MARK = 17;
const I32_LOCALS = 11;
const BLOCK = 18;
const WANTED = 19;
const LOW_TABLE = 20;
const HIGH_TABLE = 21;
const LOW_NIBBLE = 22;
const ZERO = 23;
const PERCENT_SPLAT = 24;
const V128_LOCALS = 7;
const { get, set, i32 } = op;
const PERCENT = 0x25;

/** The line ending at LINE_END: list it if it could matter (with its first `%`), record its end. */
const endLine = code(
  // first byte of the line; for an empty line that is the separator itself, which starts nothing
  get(PREVIOUS_END), i32(1), op.add, op.load8, set(FIRST),
  get(HAS_MARK),
  get(FIRST), get(SEPARATOR), op.ne,
  get(FIRST), i32(BACKTICK), op.eq, get(FIRST), i32(DASH), op.eq, op.or,
  get(FIRST), i32(32), op.ltU, get(FIRST), i32(TAB), op.ne, op.and, op.or,
  op.and, op.or,
  op.if,
  get(CANDIDATES), get(C), i32(2), op.shl, op.add, get(N), op.store32,
  get(FIRST_PERCENTS), get(C), i32(2), op.shl, op.add, get(FIRST_PERCENT), op.store32,
  get(C), i32(1), op.add, set(C),
  op.end,
  get(OUT), get(N), i32(2), op.shl, op.add, get(LINE_END), op.store32,
  get(N), i32(1), op.add, set(N),
  get(LINE_END), set(PREVIOUS_END),
  i32(0), set(HAS_MARK),
  i32(-1), set(FIRST_PERCENT),
);

/** Marks and `%`s of the current line among `markBits` and `percentBits` (positions from START). */
const noteMarks = (markBits: Code, percentBits: Code): Code =>
  code(
    get(HAS_MARK), markBits, i32(0), op.ne, op.or, set(HAS_MARK),
    get(FIRST_PERCENT), i32(-1), op.eq, op.if,
    percentBits, set(FIRST),
    get(FIRST), op.if,
    get(START), get(FIRST), op.ctz, op.add, set(FIRST_PERCENT),
    op.end,
    op.end,
  );

/**
 * Which of 16 bytes are MARK_BYTES, with two table lookups instead of a comparison per mark byte: every high nibble
 * a mark byte has gets a bit; the high-nibble table maps a nibble to its bit, the low-nibble table maps a nibble to
 * the bits of the high nibbles it is paired with. A byte is a mark exactly when the two lookups share a bit.
 */
function nibbleTables(bytes: readonly number[]): { low: number[]; high: number[] } {
  const highNibbles = [...new Set(bytes.map((b) => b >> 4))];
  if (highNibbles.length > 8) throw new Error('mark bytes span more than 8 high nibbles');
  const low = new Array<number>(16).fill(0);
  const high = new Array<number>(16).fill(0);
  for (const b of bytes) {
    const bit = 1 << highNibbles.indexOf(b >> 4);
    high[b >> 4] = bit;
    low[b & 15]! |= bit;
  }
  return { low, high };
}

const MARK_TABLES = nibbleTables(MARK_BYTES);

/**
 * The 16 bytes at `address`: their separators into ENDS, their mark bytes into MARKS and their `%`s into PERCENTS, as
 * bits from `shift` on (0: the locals start afresh).
 */
const scanBlock = (address: Code, shift: number): Code =>
  code(
    address, op.load128, set(BLOCK),
    get(BLOCK), get(WANTED), op.eq8x16, op.bitmask8x16, shift ? code(i32(shift), op.shl, get(ENDS), op.or) : [], set(ENDS),
    get(LOW_TABLE), get(BLOCK), get(LOW_NIBBLE), op.and128, op.swizzle,
    get(HIGH_TABLE), get(BLOCK), i32(4), op.shrU8x16, op.swizzle,
    op.and128, get(ZERO), op.eq8x16, op.bitmask8x16, i32(0xffff), op.xor,
    shift ? code(i32(shift), op.shl, get(MARKS), op.or) : [], set(MARKS),
    get(BLOCK), get(PERCENT_SPLAT), op.eq8x16, op.bitmask8x16, shift ? code(i32(shift), op.shl, get(PERCENTS), op.or) : [], set(PERCENTS),
  );

/** 1 when the byte `byte` pushes is a mark byte. */
const isMarkByte = (byte: Code): Code => code(...MARK_BYTES.map((mark, i) => code(byte, i32(mark), op.eq, i === 0 ? [] : op.or)));

const LINE_ENDS = code(
  get(SEPARATOR), op.splat8, set(WANTED),
  i32(PERCENT), op.splat8, set(PERCENT_SPLAT),
  op.const128(MARK_TABLES.low), set(LOW_TABLE),
  op.const128(MARK_TABLES.high), set(HIGH_TABLE),
  i32(15), op.splat8, set(LOW_NIBBLE),
  i32(-1), set(FIRST_PERCENT),
  get(START), i32(1), op.sub, set(PREVIOUS_END),
  op.block, op.loop, // 32 bytes at a time
  get(START), i32(32), op.add, get(END), op.gtU, op.brIf(1),
  scanBlock(get(START), 0),
  scanBlock(code(get(START), i32(16), op.add), 16),
  op.block, op.loop, // each line end in the block
  get(ENDS), op.eqz, op.brIf(1),
  get(ENDS), i32(0), get(ENDS), op.sub, op.and, set(LOWEST),
  get(START), get(ENDS), op.ctz, op.add, set(LINE_END),
  noteMarks(code(get(MARKS), get(LOWEST), i32(1), op.sub, op.and), code(get(PERCENTS), get(LOWEST), i32(1), op.sub, op.and)),
  endLine,
  get(MARKS), i32(0), get(LOWEST), i32(1), op.shl, op.sub, op.and, set(MARKS),
  get(PERCENTS), i32(0), get(LOWEST), i32(1), op.shl, op.sub, op.and, set(PERCENTS),
  get(ENDS), get(ENDS), i32(1), op.sub, op.and, set(ENDS),
  op.br(0), op.end, op.end,
  noteMarks(get(MARKS), get(PERCENTS)),
  get(START), i32(32), op.add, set(START),
  op.br(0), op.end, op.end,
  op.block, op.loop, // the last bytes
  get(START), get(END), op.geU, op.brIf(1),
  get(START), op.load8, get(SEPARATOR), op.eq, op.if,
  get(START), set(LINE_END),
  endLine,
  op.else,
  noteMarks(isMarkByte(code(get(START), op.load8)), code(get(START), op.load8, i32(PERCENT), op.eq)),
  op.end,
  get(START), i32(1), op.add, set(START),
  op.br(0), op.end, op.end,
  get(CANDIDATE_COUNT_AT), get(C), op.store32,
  get(N),
);

/**
 * The largest chunk indexed in one call; the reader cuts longer input into windows of this size. Small enough to
 * stay in the CPU cache while it is read, indexed and scanned: with 1 MB reads, copying from the page cache alone
 * took five times longer.
 */
export const WINDOW_BYTES = 128 << 10;
// Memory layout: the candidate count, a read buffer, a scratch window for input that lives elsewhere, then the line
// ends, the candidate lines and their first `%`s (one i32 per byte at most, each).
const CANDIDATE_COUNT_ADDRESS = 0;
const READ_BUFFER_AT = 64;
const SCRATCH_AT = READ_BUFFER_AT + WINDOW_BYTES;
const ENDS_AT = SCRATCH_AT + WINDOW_BYTES;
const CANDIDATES_AT = ENDS_AT + 4 * WINDOW_BYTES;
const FIRST_PERCENTS_AT = CANDIDATES_AT + 4 * WINDOW_BYTES;
const MEMORY_BYTES = FIRST_PERCENTS_AT + 4 * WINDOW_BYTES;
export const PAGE_BYTES = 65536;

// The WebAssembly global exists in Node, but its types ship with the DOM library, which this project does not use.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
};
/** A compiled module; worker threads can be sent one. */
export type WasmModule = object;
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** lineEnds(start, end, separator, out, candidates, candidateCountAt, firstPercents) over one memory (see LINE_ENDS). */
export type LineEndsFunction = (
  start: number, end: number, separator: number, out: number, candidates: number, candidateCountAt: number, firstPercents: number,
) => number;

const compiled = new Map<string, WasmModule>();

/** The indexer compiled for a memory of `pages` (shared between threads or not). */
function lineEndsModule(pages: number, shared: boolean): WasmModule {
  const key = `${pages}:${shared}`;
  let module = compiled.get(key);
  if (!module) {
    const spec = {
      name: 'lineEnds',
      params: [I32, I32, I32, I32, I32, I32, I32],
      result: I32,
      locals: [...new Array<number>(I32_LOCALS).fill(I32), ...new Array<number>(V128_LOCALS).fill(V128)],
      body: LINE_ENDS,
    };
    module = new WebAssembly.Module(moduleBytes(spec, { pages, shared }));
    compiled.set(key, module);
  }
  return module;
}

/** A memory of `bytes` (rounded up to whole pages) for the indexer, shared between threads or not. */
export function indexerMemory(bytes: number, shared: boolean): WasmMemory {
  const pages = Math.ceil(bytes / PAGE_BYTES);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
}

/** The indexer working on `memory` (made by `indexerMemory`). */
export function bindLineEnds(memory: WasmMemory, shared: boolean): LineEndsFunction {
  const pages = memory.buffer.byteLength / PAGE_BYTES;
  const { exports } = new WebAssembly.Instance(lineEndsModule(pages, shared), { env: { memory } });
  return exports.lineEnds as LineEndsFunction;
}

interface Indexer {
  memory: Buffer;
  ends: Int32Array;
  candidates: Int32Array;
  candidateCount: Int32Array;
  firstPercents: Int32Array;
  lineEnds: LineEndsFunction;
}

let indexer: Indexer | null = null;

/** This thread's indexer and its memory (see the layout above). */
function instance(): Indexer {
  if (!indexer) {
    const memory = indexerMemory(MEMORY_BYTES, false);
    // The memory never grows, so these views stay valid.
    const buffer = memory.buffer;
    indexer = {
      memory: Buffer.from(buffer),
      ends: new Int32Array(buffer, ENDS_AT, WINDOW_BYTES),
      candidates: new Int32Array(buffer, CANDIDATES_AT, WINDOW_BYTES),
      candidateCount: new Int32Array(buffer, CANDIDATE_COUNT_ADDRESS, 1),
      firstPercents: new Int32Array(buffer, FIRST_PERCENTS_AT, WINDOW_BYTES),
      lineEnds: bindLineEnds(memory, false),
    };
  }
  return indexer;
}

/** Whether `chunk` lies in the indexer's memory, so `indexLines` can read it where it is. */
export function isIndexable(chunk: Buffer): boolean {
  return chunk.buffer === instance().memory.buffer && chunk.length <= WINDOW_BYTES;
}

/** Copies up to WINDOW_BYTES of `source` into the scratch window and returns the copy. */
export function toScratch(source: Buffer, start: number, end: number): Buffer {
  const { memory } = instance();
  const length = Math.min(end - start, WINDOW_BYTES);
  source.copy(memory, SCRATCH_AT, start, start + length);
  return memory.subarray(SCRATCH_AT, SCRATCH_AT + length);
}

export interface LineIndex {
  /** Memory addresses of the chunk's separators: subtract `base` for positions in the chunk. */
  ends: Int32Array;
  /** How many lines end in the chunk (entries of `ends`). */
  count: number;
  /** Numbers (indexes into `ends`) of the lines that hold a mark byte or start like a header, ascending. */
  candidates: Int32Array;
  candidateCount: number;
  /** For each candidate line, the memory address of its first `%` (subtract `base`), or -1. */
  firstPercents: Int32Array;
  base: number;
}

/**
 * Every `separator` byte of `chunk` (an indexable buffer), and which lines could matter in skipped output. The
 * arrays are shared: they describe this chunk only until the next call.
 */
export function indexLines(chunk: Buffer, separator: number): LineIndex {
  const { lineEnds, ends, candidates, candidateCount, firstPercents } = instance();
  const base = chunk.byteOffset;
  const count = lineEnds(base, base + chunk.length, separator, ENDS_AT, CANDIDATES_AT, CANDIDATE_COUNT_ADDRESS, FIRST_PERCENTS_AT);
  return { ends, count, candidates, candidateCount: candidateCount[0]!, firstPercents, base };
}

let readBufferLeased = false;

/**
 * A WINDOW_BYTES buffer in the indexer's memory for reading a file into, or null while another ingest holds it (that
 * one then reads into an ordinary buffer). Give it back with `releaseReadBuffer`.
 */
export function leaseReadBuffer(): Buffer | null {
  if (readBufferLeased) return null;
  readBufferLeased = true;
  return instance().memory.subarray(READ_BUFFER_AT, READ_BUFFER_AT + WINDOW_BYTES);
}

export function releaseReadBuffer(): void {
  readBufferLeased = false;
}
