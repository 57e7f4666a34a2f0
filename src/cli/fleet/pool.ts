// A fixed pool of worker threads. Each task is a batch of file groups; a worker that dies costs its batch (reported
// as per-file errors), not the run: a replacement starts and the queue goes on.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RulePack } from '../../rules/types.js';
import { analyzeGroup } from './analyze-group.js';
import type { GroupResult, GroupTask, WorkerReply, WorkerSetup } from './types.js';

/** Runs batches of file groups; resolves with one GroupResult per group, in the order given. */
export interface Executor {
  run(groups: string[][], now?: string, redact?: boolean): Promise<GroupResult[]>;
  close(): Promise<void>;
}

export class LocalExecutor implements Executor {
  constructor(private readonly pack: RulePack) {}

  async run(groups: string[][], now?: string, redact = false): Promise<GroupResult[]> {
    const results: GroupResult[] = [];
    for (const files of groups) results.push(await analyzeGroup(files, this.pack, now, redact));
    return results;
  }

  async close(): Promise<void> {}
}

/**
 * The worker entry next to this module: dist/cli/fleet/worker.js after tsc, dist/bundle/cli/fleet/worker.js when
 * this code sits in a bundle chunk. null under a TypeScript test runner, where the caller analyses in process.
 */
export function findWorkerScript(): URL | null {
  for (const candidate of ['./worker.js', './cli/fleet/worker.js', '../cli/fleet/worker.js', './fleet/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

interface Pending {
  task: GroupTask;
  resolve: (results: GroupResult[]) => void;
}

export class WorkerPool implements Executor {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly script: URL,
    size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  run(groups: string[][], now?: string, redact = false): Promise<GroupResult[]> {
    return new Promise((resolve) => {
      this.queue.push({ task: { id: this.nextId++, groups, now, redact }, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.setup });
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.busy.get(worker);
      if (!pending || pending.task.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      pending.resolve('results' in reply ? reply.results : failedResults(pending.task, reply.failure));
      this.dispatch();
    });
    const lost = (reason: string) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      if (this.closing) return;
      if (pending) pending.resolve(failedResults(pending.task, reason));
      this.idle.push(this.spawn());
      this.dispatch();
    };
    worker.on('error', (error) => lost(`worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.busy.has(worker) || this.idle.includes(worker)) lost(`worker exited with code ${code}`);
    });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.task);
    }
  }
}

function failedResults(task: GroupTask, reason: string): GroupResult[] {
  return task.groups.map((files) => ({
    files,
    devices: [],
    hostKeys: files.map(() => []),
    errors: files.map((file) => ({ file, message: `${file}: internal error while analysing: ${reason}` })),
    bytes: 0,
  }));
}
