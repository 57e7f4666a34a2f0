// `--format jsonl`: devices are written as they are analysed, in the path order of the input files, and the output
// is the same whatever the scheduling and whatever the order of the operands.
//
// A device may come from several files (a syslog-server extract naming the host of a show-tech), and which files
// belong together is only known once every file's hosts are known. So a host pre-pass reads every file first (ingest
// only, no parsing or rules: about a quarter of the work) and links files that name a common host. Each linked set
// is then analysed once, the sets in the path order of their first file, and a reorder buffer hands the devices on
// as soon as every set before them is done.
import { comparePaths } from '../model/merge-files.js';
import { batches, settingsOf, startExecutor, type FleetOptions } from './fleet.js';
import { components } from './order.js';
import { LocalExecutor, type Executor } from './pool.js';
import type { FileError, FileHosts, FleetDevice, GroupResult } from './types.js';

export interface StreamOptions extends FleetOptions {
  /** Every readable file's hosts, before the first device (--redact learns the host names here). */
  onHosts?: (hosts: FileHosts[]) => void;
  /** The devices of one set of files, sets in the path order of their first file. */
  onDevices: (devices: FleetDevice[]) => void;
  /** A file that could not be read or analysed, as soon as its turn comes. */
  onError: (error: FileError) => void;
}

export interface StreamResult {
  files: number;
  devices: number;
  errors: number;
  bytes: number;
}

/** Files per host pre-pass task: reading is quick, so tasks are larger than analysis tasks. */
const FILES_PER_HOSTS_TASK = 32;
/** Analysis tasks handed to the pool ahead of the output, bounding what the reorder buffer can hold. */
const TASKS_AHEAD = 32;

export async function streamFleet(operandFiles: string[], options: StreamOptions): Promise<StreamResult> {
  // Path order, not operand order: `analyze A B` and `analyze B A` write the same lines.
  const files = [...new Set(operandFiles)].sort(comparePaths);
  const { executor, pack } = await startExecutor(files, options);
  const local = new LocalExecutor(pack);
  const runnerFor = (batchFiles: string[]): Executor => (batchFiles.includes('-') ? local : executor);
  const result: StreamResult = { files: files.length, devices: 0, errors: 0, bytes: 0 };
  const total = files.length * 2;
  let done = 0;
  const progress = (n: number) => options.onProgress?.((done += n), total);
  try {
    const hosts = (
      await Promise.all(
        batches(files, () => 1, FILES_PER_HOSTS_TASK).map(async (batch) => {
          const found = await runnerFor(batch).run({ kind: 'hosts', files: batch });
          progress(batch.length);
          return found;
        }),
      )
    ).flat();
    for (const { error } of hosts) {
      if (!error) continue;
      result.errors++;
      options.onError(error);
    }
    const readable = hosts.filter((h) => h.error === null);
    options.onHosts?.(readable);
    const keys = new Map(readable.map((h) => [h.file, h.hostKeys]));
    const sets = components(
      readable.map((h) => h.file),
      (file) => keys.get(file) ?? [],
    );
    progress(files.length - readable.length);

    // Each device as its line unless the caller needs the device itself (--redact masks it before writing it).
    const settings = settingsOf(options, options.detail ?? 'line');
    const tasks = batches(sets, (set) => set.length);
    const emit = (results: GroupResult[]) => {
      for (const group of results) {
        result.bytes += group.bytes;
        result.devices += group.devices.length;
        for (const error of group.errors) {
          result.errors++;
          options.onError(error);
        }
        options.onDevices(group.devices);
        progress(group.files.length);
      }
    };
    await inOrder(tasks.map((groups) => () => runnerFor(groups.flat()).run({ kind: 'analyze', groups, settings })), emit);
  } finally {
    await executor.close();
  }
  return result;
}

/**
 * Runs the jobs with at most TASKS_AHEAD of them started but not yet handed on, and hands each result to `emit` in
 * job order as soon as all earlier ones have been.
 */
export async function inOrder<T>(jobs: (() => Promise<T>)[], emit: (result: T) => void): Promise<void> {
  const finished = new Map<number, T>();
  let nextToEmit = 0;
  let nextToStart = 0;
  await new Promise<void>((resolve, reject) => {
    const startMore = () => {
      if (nextToEmit === jobs.length) return resolve();
      while (nextToStart < jobs.length && nextToStart - nextToEmit < TASKS_AHEAD) {
        const index = nextToStart++;
        jobs[index]!().then((value) => {
          finished.set(index, value);
          while (finished.has(nextToEmit)) {
            const ready = finished.get(nextToEmit)!;
            finished.delete(nextToEmit++);
            emit(ready);
          }
          startMore();
        })
          .catch(reject);
      }
    };
    startMore();
  });
}
