// Worst cases, run by scripts/bench.mjs (`npm run bench`, also with --quick): input made to be slow must still be
// handled in bounded time. Hostile rule files, the classic catastrophic regular expression, a 20 MB line, deeply
// indented license rows, a log of communication failures and a seeded share of the fuzzer. The tests hold what
// these inputs give; how long they take is measured here, where a busy machine cannot make a test fail.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBy } from './args.mjs';
import { arbitraryInput, checkInput, distApi, loadTemplates } from './fuzz.mjs';

runBy(import.meta.url, `
usage: npm run bench
This module is the worst-case part of scripts/bench.mjs, which runs it.`);

const under = (ms) => ({ text: `< ${ms.toLocaleString('en')} ms`, ok: (v) => v < ms });

function timed(work) {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

async function timedAsync(work) {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export async function run({ record, root }) {
  // Each hostile rule file is refused (or read) without expansion, backtracking or deep recursion.
  {
    const { readRuleFile } = await import('../dist/rules/rule-files.js');
    const dir = join(root, 'test/rules/fixtures/hostile');
    const slowest = { ms: 0, name: '' };
    for (const name of readdirSync(dir).sort()) {
      const { ms } = timed(() => readRuleFile(join(dir, name)));
      if (ms > slowest.ms) Object.assign(slowest, { ms, name });
    }
    record('hostile rule file (test/rules/fixtures/hostile), slowest to load', slowest.ms, 'ms', under(1000), slowest.name);
  }

  // RE2 keeps a rule's regular expression linear.
  {
    const { re2Matches } = await import('../dist/rules/functions.js');
    const { ms, value } = timed(() => re2Matches(`${'a'.repeat(50_000)}!`, '(a+)+$'));
    if (value !== false) throw new Error('re2Matches found (a+)+$ in a string ending with !');
    record('`(a+)+$` against 50,000 a and a !, in a rule (RE2)', ms, 'ms', under(2000));
  }

  // A 20 MB file of one line: the first 64 KB are read, the rest skipped.
  {
    const { ingestFile } = await import('../dist/ingest/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'slp-bench-worst-'));
    try {
      const file = join(dir, 'one-line.txt');
      writeFileSync(file, 'x'.repeat(20 * 1024 * 1024));
      const { ms } = await timedAsync(() => ingestFile(file));
      record('ingest a 20 MB file of one line', ms, 'ms', under(3000));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // Rows of show license summary indented by thousands of spaces (the fuzzer once found a 20 s backtrack here).
  {
    const { licenseSummaryParser } = await import('../dist/parsers/license-summary/index.js');
    const lines = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, text: `${' '.repeat(3000 + i)}(C9300 x${' '.repeat(500)}y` }));
    const section = { command: 'show license summary', rawCommand: null, file: 'bench.txt', headerLine: null, hostname: null, platform: 'unknown', lines };
    const { ms } = timed(() => licenseSummaryParser.parse(section));
    record('show license summary: 40 rows indented by 3,000 spaces', ms, 'ms', under(1000));
  }

  // The whole rule pack on a device whose log holds 40 communication failures (best of 8 batches of 10).
  {
    const api = await distApi();
    const { ingestText } = await import('../dist/ingest/index.js');
    const log = Array.from({ length: 40 }, (_, i) => {
      const stamp = `Apr 17 ${String(i % 24).padStart(2, '0')}:${String(i).padStart(2, '0')}:21`;
      return `<187>${stamp} leaf-101 : 2024 ${stamp} UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to connect`;
    }).join('\n');
    const loaded = api.fromIngested([ingestText(readFileSync(join(root, 'captures/nxos-techsupport.txt'), 'utf8'), 'ts.txt'), ingestText(`${log}\n`, 'syslog.log')]);
    const device = loaded.devices.find((d) => d.hostname === 'leaf-101');
    const pack = api.loadRulePack([]);
    const now = device.captureTime ?? '2024-04-18T00:00:00Z';
    for (let i = 0; i < 20; i++) api.evaluateDevice(pack, device, loaded.lines, { now });
    let best = Infinity;
    for (let batch = 0; batch < 8; batch++) {
      const { ms } = timed(() => {
        for (let i = 0; i < 10; i++) api.evaluateDevice(pack, device, loaded.lines, { now });
      });
      best = Math.min(best, ms / 10);
    }
    record(`whole rule pack on a device with ${device.syslog.length} log messages (best of 8 batches of 10)`, best, 'ms', under(5));
  }

  // 2,000 seeded cases of the fuzzer's hostile input (scripts/fuzz.mjs): the slowest.
  {
    const fc = (await import('fast-check')).default;
    const api = await distApi();
    const pack = api.loadRulePack([]);
    let slowest = 0;
    for (const bytes of fc.sample(arbitraryInput(fc, loadTemplates()), { seed: 20240418, numRuns: 2_000 })) {
      const { ms, value } = timed(() => checkInput(api, pack, bytes));
      if (value !== null) throw new Error(`fuzz case failed: ${value}`);
      slowest = Math.max(slowest, ms);
    }
    record('fuzz: slowest of 2,000 seeded hostile inputs', slowest, 'ms', under(5000));
  }
}
