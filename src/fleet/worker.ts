// A fleet worker: loads the analysis modules, restores the rule pack the main thread loaded (sent first), then runs
// the tasks it is sent until the pool closes it.
import { parentPort } from 'node:worker_threads';
import { packFromPortable } from '../rules/pack-cache.js';
import type { RulePack } from '../rules/types.js';
import { runTask } from './analyze-group.js';
import type { TaskMessage, ToWorker, WorkerReply } from './types.js';

let pack: RulePack | null = null;
let packFailure: string | null = null;
/** The tasks given so far, run one after another. */
let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (message: ToWorker) => {
  if ('setup' in message) {
    try {
      pack = packFromPortable(message.setup.pack);
    } catch (error) {
      packFailure = error instanceof Error ? error.message : String(error);
    }
    return;
  }
  // One task at a time, in the order given: the pool may send the next before this one is answered.
  queue = queue.then(() => handle(message)).then((reply) => parentPort?.postMessage(reply));
});

async function handle({ id, task }: TaskMessage): Promise<WorkerReply> {
  if (!pack) return { id, failure: packFailure ?? 'rule pack not loaded' };
  try {
    return { id, results: await runTask(task, pack) };
  } catch (error) {
    return { id, failure: error instanceof Error ? error.message : String(error) };
  }
}
