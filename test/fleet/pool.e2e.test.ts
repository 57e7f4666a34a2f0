// The fleet's worker pool (the bundle's worker, built before the run) finds exactly what the in-process path finds.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFleet, streamFleet, type FleetDevice } from '../../src/fleet/index.js';
import { LocalExecutor, WorkerPool } from '../../src/fleet/pool.js';
import type { Task } from '../../src/fleet/types.js';
import { loadRulePack } from '../../src/pipeline/rule-pack.js';
import { bundled } from '../support/cli.js';
import { repoRoot as root } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const capture = (name: string) => join(root, 'captures', name);
const pack = loadRulePack([]);
const options = { pack, jobs: 1 };
const workerScript = bundled('fleet/worker.js');

describe('analyzeFleet', () => {
  it('the worker pool finds exactly what the in-process path finds', async () => {
    const dir = tempDir('slp-fleet-pool-');
    const names = ['nxos-techsupport.txt', 'iosxe-techsupport.txt', 'syslog-multi-host.txt', 'rule-dns-not-configured.txt', 'rule-comm-agent-failing.txt'];
    const files: string[] = [];
    // 30 files, several naming the same host, so both phases run in the workers.
    for (let i = 0; i < 30; i++) {
      const file = join(dir, `${String(i).padStart(2, '0')}-${names[i % names.length]}`);
      copyFileSync(capture(names[i % names.length]!), file);
      files.push(file);
    }
    const pooled = await analyzeFleet(files, { pack, jobs: 2, workerScript });
    const local = await analyzeFleet(files, options);
    expect(pooled.errors).toEqual([]);
    expect(JSON.stringify(pooled.devices.map((d) => d.analyzed))).toBe(JSON.stringify(local.devices.map((d) => d.analyzed)));
  });
});

describe('WorkerPool', () => {
  it('runs a task again without the heap limit when a worker runs out of memory under it', async () => {
    const task: Task & { kind: 'analyze' } = {
      kind: 'analyze',
      groups: [[capture('nxos-techsupport.txt')], [capture('iosxe-techsupport.txt')]],
      settings: { redact: false, detail: 'device', lineFormat: 'jsonl' },
    };
    const starved = new WorkerPool(workerScript, 1, pack, 2);
    try {
      const results = await starved.run(task);
      expect(starved.heapLimit).toBeNull();
      expect(results.flatMap((r) => r.errors)).toEqual([]);
      const local = await new LocalExecutor(pack).run(task);
      expect(JSON.stringify(results)).toBe(JSON.stringify(local));
    } finally {
      await starved.close();
    }
  });
});

describe('streamFleet (--format jsonl)', () => {
  async function stream(files: string[], extra: { jobs?: number; workerScript?: URL } = {}) {
    const sets: FleetDevice[][] = [];
    const errors: string[] = [];
    const result = await streamFleet(files, { pack, jobs: 1, ...extra, onDevices: (d) => sets.push(d), onError: (e) => errors.push(e.message) });
    return { sets, errors, result, lines: sets.flat().map((d) => d.line!) };
  }

  it('writes the same lines as the analysis of the other formats, with the worker pool too', async () => {
    const dir = tempDir('slp-fleet-stream-pool-');
    const names = ['nxos-techsupport.txt', 'iosxe-techsupport.txt', 'syslog-multi-host.txt', 'rule-dns-not-configured.txt'];
    const files = Array.from({ length: 28 }, (_, i) => {
      const file = join(dir, `${String(i).padStart(2, '0')}-${names[i % names.length]}`);
      copyFileSync(capture(names[i % names.length]!), file);
      return file;
    });
    const local = await stream(files);
    const pooled = await stream(files, { jobs: 2, workerScript });
    expect(pooled.lines).toEqual(local.lines);
    const analysed = await analyzeFleet(files, options);
    const line = (device: FleetDevice) => JSON.stringify({ schemaVersion: 1, device: device.analyzed });
    expect([...local.lines].sort()).toEqual(analysed.devices.map(line).sort());
  });
});
