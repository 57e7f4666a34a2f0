// The memory a read-ahead worker and the reading thread share (read-ahead.ts): a ring of slots, each a window of the
// file with its line index, per slot four i32s the two threads hand the slot over with (Atomics), and which window the
// scanning thread is on.
import { PAGE_BYTES, type LineEndsFunction } from './line-index.js';

/**
 * The bytes of a window of the file: what the worker reads and indexes in one go and hands over in one slot. Larger
 * than the reader's own windows (line-index.ts, 128 KB): fewer reads, hand-overs and wake-ups, and on a 1 GB
 * show-tech 512 KB windows ended ~20 ms sooner than 128 KB ones (interleaved runs; 1 MB no better, 64 KB worse).
 */
export const READ_AHEAD_WINDOW_BYTES = 512 << 10;
/**
 * Windows in the ring: 8 MB of read-ahead, so that a pause of the scanning thread (a garbage collection, a burst of
 * lines to decode) does not stop the worker. Index pages a window does not use are never touched, so never resident.
 * A larger ring was slower (32 MB: +11 %; 128 MB: +55 %): what the worker wrote is no longer in the CPU's cache when
 * the scanning thread reads it.
 */
export const SLOTS = 16;
/**
 * Slot states. EMPTY: free, or being read (and indexed) by the worker. READ: read and left for the scanning thread to
 * index (only that thread moves it on, to EMPTY once scanned). FULL: read and indexed.
 */
export const EMPTY = 0;
export const FULL = 1;
export const READ = 2;

const CONTROL_FIELDS = 4;
/** Index into the control array of the number of the window the scanning thread is on (-1: none yet). */
export const SCANNING = SLOTS * CONTROL_FIELDS;
/**
 * The worker leaves a window it has read for the scanning thread to index when that thread is this close to it (on the
 * window before, or the one before that): the scanning thread would otherwise soon wait for it. On a 1 GB show-tech the
 * worker alone, reading and indexing, kept the scanning thread waiting for half its windows; leaving it the near ones
 * ended the read 30–50 ms sooner (0: only the window it already waits for, no gain; 15: all, slower).
 */
export const LEAVE_WITHIN = 2;
export const CONTROL_INTS = SLOTS * CONTROL_FIELDS + 1;
/** Index into the control array of a slot's state, byte length (0: end of file, -1: read failed), line count and candidate count. */
export const stateAt = (slot: number): number => slot * CONTROL_FIELDS;
export const lengthAt = (slot: number): number => slot * CONTROL_FIELDS + 1;
export const countAt = (slot: number): number => slot * CONTROL_FIELDS + 2;
export const candidateCountAt = (slot: number): number => slot * CONTROL_FIELDS + 3;

// The line indexer reads 16 bytes at a time and one byte before a window: slots keep a margin on both sides.
const MARGIN = 64;
const SLOTS_AT = MARGIN + Math.ceil((CONTROL_INTS * 4) / MARGIN) * MARGIN;
const SLOT_BYTES = READ_AHEAD_WINDOW_BYTES + MARGIN + 3 * 4 * READ_AHEAD_WINDOW_BYTES;

/** Byte addresses of a slot's data, line ends, candidate lines and the candidates' first `%`s. */
export const dataAt = (slot: number): number => SLOTS_AT + slot * SLOT_BYTES;
export const endsAt = (slot: number): number => dataAt(slot) + READ_AHEAD_WINDOW_BYTES + MARGIN;
export const candidatesAt = (slot: number): number => endsAt(slot) + 4 * READ_AHEAD_WINDOW_BYTES;
export const firstPercentsAt = (slot: number): number => candidatesAt(slot) + 4 * READ_AHEAD_WINDOW_BYTES;

export const SHARED_BYTES = Math.ceil((SLOTS_AT + SLOTS * SLOT_BYTES + MARGIN) / PAGE_BYTES) * PAGE_BYTES;

/**
 * Indexes the `length` bytes read into `slot` (either thread may: the indexer is bound to the shared memory in each):
 * the line ends, candidates and first `%`s into the slot, their counts into the control array.
 */
export function indexSlot(lineEnds: LineEndsFunction, control: Int32Array, slot: number, length: number, separator: number): void {
  const start = dataAt(slot);
  control[countAt(slot)] = lineEnds(start, start + length, separator, endsAt(slot), candidatesAt(slot), candidateCountAt(slot) * 4, firstPercentsAt(slot));
}
