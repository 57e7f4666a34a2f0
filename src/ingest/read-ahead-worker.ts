// A read-ahead worker (read-ahead.ts): reads the file a window at a time into the shared ring and indexes each
// window's lines, staying ahead of the thread that scans them; a window that thread is about to need is left for it to
// index.
import { readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { bindLineEnds, type WasmMemory } from './line-index.js';
import { CONTROL_INTS, dataAt, EMPTY, FULL, indexSlot, lengthAt, READ, READ_AHEAD_WINDOW_BYTES, SCANNING, SLOTS, stateAt } from './read-ahead-layout.js';

export interface ReadAheadSetup {
  memory: WasmMemory;
  fd: number;
  separator: number;
  /** The worker leaves a window for the scanning thread to index when that thread is this close (LEAVE_WITHIN). */
  leaveWithin: number;
}

// A worker started early (read-ahead.ts, `startReadAheadSoon`) learns its file when the reader takes it.
const { memory, fd, separator, leaveWithin } = ((workerData as ReadAheadSetup | undefined) ??
  (await new Promise((resolve) => parentPort!.once('message', resolve)))) as ReadAheadSetup;
const lineEnds = bindLineEnds(memory, true);
const control = new Int32Array(memory.buffer, 0, CONTROL_INTS);
const bytes = Buffer.from(memory.buffer);

for (let chunk = 0; ; chunk++) {
  const slot = chunk % SLOTS;
  for (let state = Atomics.load(control, stateAt(slot)); state !== EMPTY; state = Atomics.load(control, stateAt(slot))) {
    Atomics.wait(control, stateAt(slot), state);
  }
  let length: number;
  try {
    length = readSync(fd, bytes, dataAt(slot), READ_AHEAD_WINDOW_BYTES, chunk * READ_AHEAD_WINDOW_BYTES);
  } catch (error) {
    parentPort?.postMessage((error as NodeJS.ErrnoException).code ?? String(error));
    length = -1;
  }
  control[lengthAt(slot)] = length;
  // The scanning thread is about to need this window: it indexes it itself while this thread reads on.
  const leave = length > 0 && Atomics.load(control, SCANNING) >= chunk - leaveWithin;
  if (length > 0 && !leave) indexSlot(lineEnds, control, slot, length, separator);
  Atomics.store(control, stateAt(slot), leave ? READ : FULL);
  Atomics.notify(control, stateAt(slot));
  if (length <= 0) break;
}
