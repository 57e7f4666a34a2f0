// Fleet analysis in two phases. Phase 1 analyses every file on its own, spread over the pool. Files that name a
// common host (a syslog-server extract split by host next to that host's show-tech) form merge groups; phase 2
// analyses each such group together and its devices replace the per-file ones. Output order never depends on
// scheduling: devices are sorted by host name, then files.
import { availableParallelism } from 'node:os';
import { startReadAheadSoon } from '../ingest/index.js';
import type { FormatName } from '../report/formats.js';
import type { RulePack } from '../rules/types.js';
import { compareDevices, mergeGroups } from './order.js';
import { findWorkerScript, LocalExecutor, WorkerPool, type Executor } from './pool.js';
import type { AnalyzeSettings, Detail, FileError, FleetDevice, GroupResult } from './types.js';

export interface FleetOptions {
  /** A function when loading the pack can overlap with the workers' start-up (it is called once, after they start). */
  pack: RulePack | (() => RulePack);
  now?: string;
  /** Keep what --redact needs to learn the values to mask. */
  redact?: boolean;
  /** What to keep of each device (default: the analysed device). */
  detail?: Detail;
  /** The line-by-line format each device is written in with detail `line` (default: jsonl). */
  lineFormat?: FormatName;
  /** Worker threads; 1 analyses in this thread. Default: one per core. */
  jobs?: number;
  /** Tests point this at the bundle's worker (dist/bundle/fleet/worker.js); by default the one next to this module. */
  workerScript?: URL | null;
  onProgress?: (doneFiles: number, totalFiles: number) => void;
}

export interface FleetResult {
  devices: FleetDevice[];
  /** One-line messages for inputs that could not be read, in input order. */
  errors: FileError[];
  files: number;
  bytes: number;
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;
/** Files per task: few enough to keep both workers busy to the end, enough that messages are not the cost. */
export const FILES_PER_TASK = 8;

export async function analyzeFleet(operandFiles: string[], options: FleetOptions): Promise<FleetResult> {
  // `captures/ captures/a.txt` names a.txt twice; it is one input.
  const files = [...new Set(operandFiles)];
  const { executor, pack } = await startExecutor(files, options);
  try {
    return await runPhases(files, executor, pack, options);
  } finally {
    await executor.close();
  }
}

/** Workers first (when the inputs are many), then the pack: they load their modules while this thread loads it. */
export async function startExecutor(files: string[], options: FleetOptions): Promise<{ executor: Executor; pack: RulePack }> {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const script = options.workerScript === undefined ? findWorkerScript() : options.workerScript;
  const poolable = files.filter((f) => f !== '-').length;
  const pool = jobs === 1 || script === null || poolable < MIN_FILES_FOR_WORKERS ? null : new WorkerPool(script, Math.min(jobs, Math.ceil(poolable / FILES_PER_TASK)), null);
  // Files read in this thread: a big one's read-ahead worker starts now, as the pool would.
  if (pool === null) startReadAheadSoon(files);
  let pack: RulePack;
  try {
    pack = typeof options.pack === 'function' ? options.pack() : options.pack;
  } catch (error) {
    await pool?.close();
    throw error;
  }
  pool?.usePack(pack);
  return { executor: pool ?? new LocalExecutor(pack), pack };
}

export function settingsOf(options: FleetOptions, detail: Detail = options.detail ?? 'device'): AnalyzeSettings {
  return { now: options.now, redact: Boolean(options.redact), detail, lineFormat: options.lineFormat ?? 'jsonl' };
}

/** Batches of consecutive items with at most `size` files in each (a group of more files is a batch of its own). */
export function batches<T>(items: T[], filesOf: (item: T) => number, size = FILES_PER_TASK): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let count = 0;
  for (const item of items) {
    if (count > 0 && count + filesOf(item) > size) {
      out.push(current);
      current = [];
      count = 0;
    }
    current.push(item);
    count += filesOf(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function runPhases(files: string[], executor: Executor, pack: RulePack, options: FleetOptions): Promise<FleetResult> {
  const local = new LocalExecutor(pack);
  const settings = settingsOf(options);
  const perFile = new Map<string, GroupResult>();
  let done = 0;

  // Phase 1. Standard input can only be read here, in this thread.
  await Promise.all(
    batches(files, () => 1).map(async (batch) => {
      const runner = batch.includes('-') ? local : executor;
      const results = await runner.run({ kind: 'analyze', groups: batch.map((f) => [f]), settings });
      for (const result of results) perFile.set(result.files[0]!, result);
      done += batch.length;
      options.onProgress?.(done, files.length);
    }),
  );

  // Phase 2: files sharing a host name are analysed together.
  const groups = mergeGroups(files, (file) => perFile.get(file)?.hostKeys[0] ?? []);
  const merged = (
    await Promise.all(
      batches(groups, (g) => g.length).map((batch) => (batch.flat().includes('-') ? local : executor).run({ kind: 'analyze', groups: batch, settings })),
    )
  ).flat();
  const mergedFiles = new Set(groups.flat());

  const devices: FleetDevice[] = [];
  const errors: FileError[] = [];
  const erred = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    const result = perFile.get(file);
    if (!result) continue;
    bytes += result.bytes;
    if (mergedFiles.has(file)) continue;
    for (const error of result.errors) if (!erred.has(error.file) && erred.add(error.file)) errors.push(error);
    devices.push(...result.devices);
  }
  // A merged file's verdict is its group's: a bare `show version` of a host is context for its licensing output.
  for (const result of merged) {
    devices.push(...result.devices);
    for (const error of result.errors) if (!erred.has(error.file) && erred.add(error.file)) errors.push(error);
  }
  devices.sort(compareDevices);
  const position = new Map(files.map((file, i) => [file, i]));
  errors.sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0));
  return { devices, errors, files: files.length, bytes };
}
