// Reading a big file on two cores: a worker thread reads windows of the file and indexes their lines
// (read-ahead-worker.ts) while this thread scans the windows already indexed, and indexes itself the ones it is about
// to need (the worker leaves those to it and reads on). Small files are not worth a thread.
// It buys: this thread's CPU on a 1 GB `analyze` is 1.17 s instead of 1.46 s, which is the wall time where a core is
// idle and holds the 1 GB target (docs/PERFORMANCE.md); with no idle core it gains nothing, and costs ~10 MB of RSS.
import { readSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { findBuiltScript } from '../common/built-script.js';
import { bindLineEnds, indexerMemory, type LineIndex } from './line-index.js';
import type { ByteLineReader } from './line-reader.js';
import {
  candidateCountAt, candidatesAt, CONTROL_INTS, countAt, dataAt, EMPTY, endsAt, FULL, indexSlot, LEAVE_WITHIN, lengthAt, firstPercentsAt, READ, READ_AHEAD_WINDOW_BYTES,
  SCANNING, SHARED_BYTES, SLOTS, stateAt,
} from './read-ahead-layout.js';
import type { ReadAheadSetup } from './read-ahead-worker.js';
import { InputError } from './types.js';

/** Files from this size on are read with a read-ahead worker. */
export const READ_AHEAD_MIN_BYTES = 64 << 20;
const PROBE_BYTES = 64 << 10;
/** How long to block waiting for the worker before giving the event loop a turn (to hear of a worker that died). */
const WAIT_MS = 50;
/** Give the event loop a turn every this many windows, so an interactive caller stays responsive. */
const YIELD_EVERY = 64;

/**
 * The worker script next to this module: dist/ingest/ after tsc, or the bundle's copy. null under a TypeScript test
 * runner, where the caller reads in this thread.
 */
function findWorker(): URL | null {
  return findBuiltScript(import.meta.url, ['./read-ahead-worker.js', './ingest/read-ahead-worker.js', '../ingest/read-ahead-worker.js']);
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A read-ahead worker thread, and what ended it early (seen by its listeners, which it has from its start). */
class ReadAheadThread {
  readonly worker: Worker;
  /** Why it stopped or could not start; null while it runs. A worker ends after the end of its file. */
  failure: string | null = null;
  /** The code of a failed read (EIO, …). */
  readError: string | null = null;

  constructor(readonly script: URL, setup?: ReadAheadSetup) {
    this.worker = new Worker(script, setup && { workerData: setup });
    this.worker.on('message', (code: string) => (this.readError = code));
    this.worker.on('error', (error) => (this.failure = error.message));
    this.worker.on('exit', (code) => (this.failure ??= `read-ahead worker exited with code ${code}`));
  }
}

/**
 * A worker started before its file is read (`startReadAheadSoon`), waiting to be told which. Kept on the process's
 * global object, not in this module: the binary's start (cli/start.ts, a module of the bundle) starts it before it
 * compiles the CLI's script, which carries its own copy of this module.
 */
const EARLY = Symbol.for('slp-doctor.read-ahead.early');
const process_ = globalThis as { [EARLY]?: ReadAheadThread | null };

/**
 * Starts a read-ahead worker now if one of `paths` is a file big enough to be read with one (anything else, an option
 * or standard input's `-`, is passed over). Starting a thread, Node in it and the indexer takes ~50 ms on the two
 * cores measured; started early, that overlaps what the caller does before reading (compiling the CLI's script,
 * setting the command up, loading the rule pack), while a core would otherwise be idle. The next `readAhead` takes
 * it; one never taken does not keep the process alive.
 */
export function startReadAheadSoon(paths: readonly string[], script = findWorker(), minBytes = READ_AHEAD_MIN_BYTES): void {
  if (process_[EARLY] || script === null || !paths.some((path) => fileSize(path) >= minBytes)) return;
  const early = new ReadAheadThread(script);
  early.worker.unref();
  process_[EARLY] = early;
}

/** The size of the file at `path`; -1 when it is not a file (or cannot be looked at). */
function fileSize(path: string): number {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() ? stats.size : -1;
  } catch {
    return -1;
  }
}

/** The early worker if it runs `script`, else a new one with `setup`. */
function takeThread(script: URL, setup: ReadAheadSetup): ReadAheadThread {
  const thread = process_[EARLY] ?? null;
  process_[EARLY] = null;
  if (thread !== null && thread.script.href === script.href && thread.failure === null) {
    thread.worker.ref();
    thread.worker.postMessage(setup);
    return thread;
  }
  void thread?.worker.terminate();
  return new ReadAheadThread(script, setup);
}

/**
 * Feeds the whole file to `reader` with a read-ahead worker. false when no worker is available or it could not start:
 * read it yourself. (`script` and `leaveWithin` are for tests.)
 */
export async function readAhead(
  handle: FileHandle, path: string, reader: ByteLineReader, script = findWorker(), leaveWithin = LEAVE_WITHIN,
): Promise<boolean> {
  if (!script) return false;
  const head = Buffer.allocUnsafe(PROBE_BYTES);
  const separator = reader.probe(head.subarray(0, readSync(handle.fd, head, 0, PROBE_BYTES, 0)));

  const memory = indexerMemory(SHARED_BYTES, true);
  const control = new Int32Array(memory.buffer, 0, CONTROL_INTS);
  control[SCANNING] = -1;
  const bytes = Buffer.from(memory.buffer);
  // Each slot's window and index, viewed once: a view per window is garbage the scanning thread would collect.
  const windows = Array.from({ length: SLOTS }, (_, slot) => bytes.subarray(dataAt(slot), dataAt(slot) + READ_AHEAD_WINDOW_BYTES));
  const indexes: LineIndex[] = Array.from({ length: SLOTS }, (_, slot) => ({
    ends: new Int32Array(memory.buffer, endsAt(slot), READ_AHEAD_WINDOW_BYTES),
    count: 0,
    candidates: new Int32Array(memory.buffer, candidatesAt(slot), READ_AHEAD_WINDOW_BYTES),
    candidateCount: 0,
    firstPercents: new Int32Array(memory.buffer, firstPercentsAt(slot), READ_AHEAD_WINDOW_BYTES),
    base: dataAt(slot),
  }));
  // For the windows the worker leaves READ (LEAVE_WITHIN): this thread would otherwise wait while the worker indexed them.
  const lineEnds = bindLineEnds(memory, true);
  // One worker: it keeps up with the scan on two cores (two competed with it and were no faster).
  const thread = takeThread(script, { memory, fd: handle.fd, separator, leaveWithin });
  try {
    for (let chunk = 0; ; chunk++) {
      const slot = chunk % SLOTS;
      Atomics.store(control, SCANNING, chunk);
      for (let state = Atomics.load(control, stateAt(slot)); state !== FULL; state = Atomics.load(control, stateAt(slot))) {
        if (state === READ) {
          indexSlot(lineEnds, control, slot, control[lengthAt(slot)]!, separator);
          break;
        }
        if (Atomics.wait(control, stateAt(slot), state, WAIT_MS) !== 'timed-out') continue;
        await turn();
        if (thread.failure === null || Atomics.load(control, stateAt(slot)) !== EMPTY) continue;
        // A worker that could not start (no threads left, a broken install): read the file in this thread instead.
        if (chunk === 0) return false;
        throw new Error(thread.failure);
      }
      const length = control[lengthAt(slot)]!;
      if (length === 0) return true;
      if (length < 0) {
        while (thread.readError === null && thread.failure === null) await turn();
        throw new InputError(path, null, `cannot read: ${thread.readError ?? thread.failure}`);
      }
      const index = indexes[slot]!;
      index.count = control[countAt(slot)]!;
      index.candidateCount = control[candidateCountAt(slot)]!;
      const window = windows[slot]!;
      reader.pushIndexed(length === READ_AHEAD_WINDOW_BYTES ? window : window.subarray(0, length), index);
      Atomics.store(control, stateAt(slot), EMPTY);
      Atomics.notify(control, stateAt(slot));
      if (chunk % YIELD_EVERY === YIELD_EVERY - 1) await turn();
    }
  } finally {
    await thread.worker.terminate();
  }
}
