// Fleet analysis in two phases. Phase 1 analyses every file on its own, spread over the pool. Files that name a
// common host (a syslog-server extract split by host next to that host's show-tech) form merge groups; phase 2
// analyses each such group together and its devices replace the per-file ones. Output order never depends on
// scheduling: devices are sorted by host name, then files.
import { availableParallelism } from 'node:os';
import type { RulePack } from '../../rules/types.js';
import { findWorkerScript, LocalExecutor, WorkerPool, type Executor } from './pool.js';
import type { FleetDevice, GroupResult } from './types.js';

export interface FleetOptions {
  pack: RulePack;
  ruleDirs: string[];
  now?: string;
  /** Keep what --redact needs to learn the values to mask. */
  redact?: boolean;
  /** Worker threads; 1 analyses in this thread. Default: one per core. */
  jobs?: number;
  /** Tests point this at dist/cli/fleet/worker.js; by default the worker next to this module is used. */
  workerScript?: URL | null;
  onProgress?: (doneFiles: number, totalFiles: number) => void;
}

export interface FleetResult {
  devices: FleetDevice[];
  /** One-line messages for inputs that could not be read, in input order. */
  errors: { file: string; message: string }[];
  files: number;
  bytes: number;
}

/** Below this many files, starting workers (each loads the rule pack) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;
const FILES_PER_TASK = 8;

export async function analyzeFleet(operandFiles: string[], options: FleetOptions): Promise<FleetResult> {
  // `captures/ captures/a.txt` names a.txt twice; it is one input.
  const files = [...new Set(operandFiles)];
  const executor = chooseExecutor(files, options);
  try {
    return await runPhases(files, executor, options);
  } finally {
    await executor.close();
  }
}

function chooseExecutor(files: string[], options: FleetOptions): Executor {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const script = options.workerScript === undefined ? findWorkerScript() : options.workerScript;
  const poolable = files.filter((f) => f !== '-').length;
  if (jobs === 1 || script === null || poolable < MIN_FILES_FOR_WORKERS) return new LocalExecutor(options.pack);
  return new WorkerPool(script, Math.min(jobs, Math.ceil(poolable / FILES_PER_TASK)), { ruleDirs: options.ruleDirs });
}

async function runPhases(files: string[], executor: Executor, options: FleetOptions): Promise<FleetResult> {
  const local = new LocalExecutor(options.pack);
  const perFile = new Map<string, GroupResult>();
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, files.length);
  };

  // Phase 1. Standard input can only be read here, in this thread.
  const batches: Promise<void>[] = [];
  for (let start = 0; start < files.length; start += FILES_PER_TASK) {
    const batch = files.slice(start, start + FILES_PER_TASK);
    const runner = batch.includes('-') ? local : executor;
    batches.push(
      runner.run(batch.map((f) => [f]), options.now, options.redact).then((results) => {
        for (const result of results) perFile.set(result.files[0]!, result);
        progress(batch.length);
      }),
    );
  }
  await Promise.all(batches);

  // Phase 2: files sharing a host name are analysed together.
  const groups = mergeGroups(files, (file) => perFile.get(file)?.hostKeys[0] ?? []);
  const merged = groups.length === 0 ? [] : await executor.run(groups, options.now, options.redact);
  const mergedFiles = new Set(groups.flat());

  const devices: FleetDevice[] = [];
  const errors: FleetResult['errors'] = [];
  let bytes = 0;
  for (const file of files) {
    const result = perFile.get(file);
    if (!result) continue;
    errors.push(...result.errors);
    bytes += result.bytes;
    if (!mergedFiles.has(file)) devices.push(...result.devices);
  }
  for (const result of merged) {
    devices.push(...result.devices);
    for (const error of result.errors) if (!errors.some((e) => e.file === error.file)) errors.push(error);
  }
  devices.sort(compareDevices);
  return { devices, errors, files: files.length, bytes };
}

/** Connected components of files linked by a shared host name; only components of two or more files, in input order. */
export function mergeGroups(files: string[], hostKeys: (file: string) => string[]): string[][] {
  const parent = files.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstFileOfHost = new Map<string, number>();
  files.forEach((file, index) => {
    for (const key of hostKeys(file)) {
      const first = firstFileOfHost.get(key);
      if (first === undefined) firstFileOfHost.set(key, index);
      else parent[find(index)] = find(first);
    }
  });
  const components = new Map<number, string[]>();
  files.forEach((file, index) => {
    const root = find(index);
    const component = components.get(root);
    if (component) component.push(file);
    else components.set(root, [file]);
  });
  return [...components.values()].filter((c) => c.length > 1);
}

export function compareDevices(a: FleetDevice, b: FleetDevice): number {
  const hostA = a.analyzed.hostname;
  const hostB = b.analyzed.hostname;
  if (hostA !== hostB) {
    if (hostA === null) return 1;
    if (hostB === null) return -1;
    const byName = hostA.toLowerCase().localeCompare(hostB.toLowerCase(), 'en');
    if (byName !== 0) return byName;
  }
  const filesA = a.analyzed.files.join('\n');
  const filesB = b.analyzed.files.join('\n');
  return filesA < filesB ? -1 : filesA > filesB ? 1 : 0;
}
