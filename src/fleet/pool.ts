// Where fleet tasks run: in this thread, or on a fixed pool of worker threads. A worker that dies costs its task
// (reported as per-file errors), not the run: a replacement starts and the queue goes on.
import { Worker } from 'node:worker_threads';
import { findBuiltScript } from '../common/built-script.js';
import type { IngestResult } from '../ingest/types.js';
import { portablePack } from '../rules/pack-cache.js';
import type { RulePack } from '../rules/types.js';
import type { FileHosts, GroupResult, Task, TaskMessage, TaskResult, ToWorker, WorkerReply, WorkerSetup } from './types.js';

export interface Executor {
  run<T extends Task>(task: T): Promise<TaskResult<T>>;
  close(): Promise<void>;
}

export class LocalExecutor implements Executor {
  /** Standard input can be read once; the host pre-pass and the analysis both see this reading. */
  private stdin: Promise<IngestResult> | null = null;

  constructor(private readonly pack: RulePack) {}

  async run<T extends Task>(task: T): Promise<TaskResult<T>> {
    // Loaded on first use: when workers analyse, this thread never needs the parsers.
    const { ingestCapture, runTask } = await import('./analyze-group.js');
    return runTask(task, this.pack, (file) => (file === '-' ? (this.stdin ??= ingestCapture(file)) : ingestCapture(file))) as Promise<TaskResult<T>>;
  }

  async close(): Promise<void> {}
}

/**
 * The worker entry next to this module: dist/fleet/worker.js after tsc; dist/bundle/fleet/worker.js when this code
 * sits in a bundle chunk (dist/bundle/) or in an entry one folder down. null under a TypeScript test runner, where
 * the caller analyses in process.
 */
export function findWorkerScript(): URL | null {
  return findBuiltScript(import.meta.url, ['./worker.js', './fleet/worker.js', '../fleet/worker.js']);
}

interface Pending {
  message: TaskMessage;
  resolve: (results: GroupResult[] | FileHosts[]) => void;
  /** Already run once by a worker that ran out of memory. */
  retried?: boolean;
}

/**
 * Old-generation heap a pool worker may grow to. Left alone, V8 lets each worker's heap grow several times past
 * what it keeps alive (garbage is cheap to collect late), which made two workers cost ~250 MB; a fleet worker
 * needs ~40 MB. A task that needs more (a huge input) is run again once the pool has dropped the limit.
 */
export const WORKER_HEAP_MB = 128;

/**
 * Tasks handed to a worker ahead of its answer: the next one waits in its port, so it never idles while this
 * thread, busy or descheduled, gets round to the reply.
 */
const TASKS_PER_WORKER = 2;

export class WorkerPool implements Executor {
  /** Every live worker and the tasks it has been given, oldest first. */
  private readonly workers = new Map<Worker, Pending[]>();
  private readonly queue: Pending[] = [];
  private setup: WorkerSetup | null = null;
  private nextId = 1;
  private closing = false;

  /**
   * Workers start at once; `pack` may follow (`usePack`): a worker spends its first moments loading its modules,
   * which this thread can spend loading the pack.
   */
  constructor(
    private readonly script: URL,
    size: number,
    pack: RulePack | null,
    private heapLimitMb: number | null = WORKER_HEAP_MB,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
    if (pack) this.usePack(pack);
  }

  usePack(pack: RulePack): void {
    this.setup = { pack: portablePack(pack) };
    for (const worker of this.workers.keys()) worker.postMessage({ setup: this.setup } satisfies ToWorker);
    this.dispatch();
  }

  /** The heap limit new workers get (null once a worker ran out of memory under it). */
  get heapLimit(): number | null {
    return this.heapLimitMb;
  }

  run<T extends Task>(task: T): Promise<TaskResult<T>> {
    return new Promise((resolve) => {
      this.queue.push({ message: { id: this.nextId++, task }, resolve: resolve as Pending['resolve'] });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers.keys()].map((w) => w.terminate()));
  }

  private spawn(): void {
    const resourceLimits = this.heapLimitMb === null ? undefined : { maxOldGenerationSizeMb: this.heapLimitMb };
    const worker = new Worker(this.script, { resourceLimits });
    this.workers.set(worker, []);
    if (this.setup) worker.postMessage({ setup: this.setup } satisfies ToWorker);
    worker.on('message', (reply: WorkerReply) => {
      const given = this.workers.get(worker);
      const index = given?.findIndex((p) => p.message.id === reply.id) ?? -1;
      if (!given || index < 0) return;
      const [pending] = given.splice(index, 1);
      pending!.resolve('results' in reply ? reply.results : failedResults(pending!.message.task, reply.failure));
      this.dispatch();
    });
    const lost = (reason: string, outOfMemory = false) => {
      const given = this.workers.get(worker);
      if (!given) return;
      this.workers.delete(worker);
      if (this.closing) return;
      if (outOfMemory) this.heapLimitMb = null;
      // A task that ran out of memory runs again (once) on a worker without the limit; the rest fail.
      for (const pending of given.reverse()) {
        if (outOfMemory && !pending.retried) {
          pending.retried = true;
          this.queue.unshift(pending);
        } else pending.resolve(failedResults(pending.message.task, reason));
      }
      this.spawn();
      this.dispatch();
    };
    worker.on('error', (error) => lost(`worker failed: ${error.message}`, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', (code) => lost(`worker exited with code ${code}`));
  }

  private dispatch(): void {
    if (!this.setup) return;
    for (let depth = 1; depth <= TASKS_PER_WORKER; depth++)
      for (const [worker, given] of this.workers) {
        if (this.queue.length === 0) return;
        if (given.length >= depth) continue;
        const pending = this.queue.shift()!;
        given.push(pending);
        worker.postMessage(pending.message satisfies ToWorker);
      }
  }
}

function failedResults(task: Task, reason: string): GroupResult[] | FileHosts[] {
  const error = (file: string) => ({ file, message: `${file}: internal error while analysing: ${reason}` });
  if (task.kind === 'hosts') return task.files.map((file) => ({ file, hostKeys: [], hostnames: [], error: error(file) }));
  return task.groups.map((files) => ({ files, devices: [], hostKeys: files.map(() => []), errors: files.map(error), bytes: 0 }));
}
