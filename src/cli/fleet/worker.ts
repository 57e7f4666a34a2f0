// A fleet worker: restores the rule pack the main thread loaded, then runs the tasks it is sent until the pool
// closes it.
import { parentPort, workerData } from 'node:worker_threads';
import { packFromPortable } from '../../rules/pack-cache.js';
import type { RulePack } from '../../rules/types.js';
import { runTask } from './analyze-group.js';
import type { TaskMessage, WorkerReply, WorkerSetup } from './types.js';

const setup = workerData as WorkerSetup;
let pack: RulePack | null = null;
let packFailure: string | null = null;
try {
  pack = packFromPortable(setup.pack);
} catch (error) {
  packFailure = error instanceof Error ? error.message : String(error);
}

parentPort?.on('message', (message: TaskMessage) => {
  void handle(message).then((reply) => parentPort?.postMessage(reply));
});

async function handle({ id, task }: TaskMessage): Promise<WorkerReply> {
  if (!pack) return { id, failure: packFailure ?? 'rule pack not loaded' };
  try {
    return { id, results: await runTask(task, pack) };
  } catch (error) {
    return { id, failure: error instanceof Error ? error.message : String(error) };
  }
}
