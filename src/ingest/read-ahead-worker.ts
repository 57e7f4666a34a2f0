// A read-ahead worker (read-ahead.ts): reads the file a window at a time into the shared ring and indexes each
// window's lines, staying ahead of the thread that scans them.
import { readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { bindLineEnds, type WasmMemory } from './line-index.js';
import {
  candidateCountAt, candidatesAt, CONTROL_INTS, countAt, dataAt, endsAt, FULL, lengthAt, firstMarksAt, READ_AHEAD_WINDOW_BYTES, SLOTS, stateAt,
} from './read-ahead-layout.js';

export interface ReadAheadSetup {
  memory: WasmMemory;
  fd: number;
  separator: number;
}

// A worker started early (read-ahead.ts, `startReadAheadSoon`) learns its file when the reader takes it.
const { memory, fd, separator } = ((workerData as ReadAheadSetup | undefined) ??
  (await new Promise((resolve) => parentPort!.once('message', resolve)))) as ReadAheadSetup;
const lineEnds = bindLineEnds(memory, true);
const control = new Int32Array(memory.buffer, 0, CONTROL_INTS);
const bytes = Buffer.from(memory.buffer);

for (let chunk = 0; ; chunk++) {
  const slot = chunk % SLOTS;
  while (Atomics.load(control, stateAt(slot)) === FULL) Atomics.wait(control, stateAt(slot), FULL);
  let length: number;
  try {
    length = readSync(fd, bytes, dataAt(slot), READ_AHEAD_WINDOW_BYTES, chunk * READ_AHEAD_WINDOW_BYTES);
  } catch (error) {
    parentPort?.postMessage((error as NodeJS.ErrnoException).code ?? String(error));
    length = -1;
  }
  control[lengthAt(slot)] = length;
  if (length > 0) {
    const start = dataAt(slot);
    control[countAt(slot)] = lineEnds(
      start, start + length, separator, endsAt(slot), candidatesAt(slot), candidateCountAt(slot) * 4, firstMarksAt(slot),
    );
  }
  Atomics.store(control, stateAt(slot), FULL);
  Atomics.notify(control, stateAt(slot));
  if (length <= 0) break;
}
