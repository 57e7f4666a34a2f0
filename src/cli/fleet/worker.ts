// A fleet worker: loads the rule pack once, then analyses the file groups it is sent until the pool closes it.
import { parentPort, workerData } from 'node:worker_threads';
import type { RulePack } from '../../rules/types.js';
import { loadRulePack } from '../run.js';
import { analyzeGroup } from './analyze-group.js';
import type { GroupResult, GroupTask, WorkerReply, WorkerSetup } from './types.js';

const setup = workerData as WorkerSetup;
let pack: RulePack | null = null;
let packFailure: string | null = null;
try {
  pack = loadRulePack(setup.ruleDirs);
} catch (error) {
  packFailure = error instanceof Error ? error.message : String(error);
}

parentPort?.on('message', (task: GroupTask) => {
  void handle(task).then((reply) => parentPort?.postMessage(reply));
});

async function handle(task: GroupTask): Promise<WorkerReply> {
  if (!pack) return { id: task.id, failure: packFailure ?? 'rule pack not loaded' };
  try {
    const results: GroupResult[] = [];
    for (const files of task.groups) results.push(await analyzeGroup(files, pack, task.now, task.redact));
    return { id: task.id, results };
  } catch (error) {
    return { id: task.id, failure: error instanceof Error ? error.message : String(error) };
  }
}
