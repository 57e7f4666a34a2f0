#!/usr/bin/env node
// Hardening: seeded fast-check over the whole pipeline (ingest -> parsers -> model -> rules) with hostile input.
// A case passes when nothing but an InputError (empty or binary input: exit 2 with one line) escapes, the model
// serialises, and every finding's evidence is well formed. Each case runs under a watchdog: a case that
// takes longer than --case-ms is reported as a hang with its seed and number, so it can be replayed.
//   node scripts/fuzz.mjs [--cases 100000] [--seed 42] [--case-ms 10000]
//   node scripts/fuzz.mjs --seed 42 --replay N [--dump case.bin]   (one case, e.g. after a HANG report)
// Exit 1 on any failure, crash or hang; a stopped case is reported and the run goes on from the next one.
// The generators are shared with test/fuzz.test.ts, which runs a few thousand cases against the sources.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearInterval, setInterval } from 'node:timers';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isMain, scriptArgs, wholeNumber } from './args.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundled captures, the raw material of most cases (mutated, truncated, mixed). */
export function loadTemplates() {
  const dir = join(root, 'captures');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

const ZONES = ['UTC', 'PST', 'CEST', 'XYZ', 'QQQT', 'GMT+13', 'IST', 'AEDT', '', 'utc'];
const FACILITIES = ['%SMART_LIC-3-COMM_FAILED', '%LICMGR-3-LOG_SMART_LIC_COMM_FAILED', '%SMART_LIC-6-COMM_RESTORED', '%PKI-3-CERTIFICATE_INVALID_EXPIRED', '%SMART_LIC-4-REPORTING_NOT_ACKED'];

/** An arbitrary hostile input as bytes. `fc` is fast-check, passed in so the script and the test share one copy. */
export function arbitraryInput(fc, templates) {
  const template = fc.constantFrom(...templates);
  const utf8 = (text) => Buffer.from(text, 'utf8');
  const splice = (base, at, insert) => {
    const cut = Math.floor(at * base.length);
    return Buffer.concat([base.subarray(0, cut), insert, base.subarray(cut)]);
  };
  const syslogLine = fc
    .tuple(fc.constantFrom('Dec 31 23:59:', 'Jan  1 00:00:', 'Jan 1 00:00:', 'Feb 29 12:00:', 'Dec 31 2023 23:59:', '2024 Jan  1 00:00:'), fc.integer({ min: 0, max: 59 }), fc.constantFrom(...ZONES), fc.constantFrom(...FACILITIES))
    .map(([stamp, second, zone, facility]) => `${stamp}${String(second).padStart(2, '0')}${zone ? ` ${zone}` : ''}: leaf-101 ${facility}: Communications failure`);
  return fc.oneof(
    // random bytes, with and without newlines
    fc.uint8Array({ minLength: 0, maxLength: 4096 }).map((a) => Buffer.from(a)),
    fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 50 }).map((lines) => utf8(lines.join('\n'))),
    // invalid UTF-8 and NUL bytes spliced into a capture
    fc.tuple(template, fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 16 }).map((a) => Buffer.from(a.map((b) => (b % 2 === 0 ? 0xc0 | (b & 1) : b))))).map(([t, at, bad]) => splice(utf8(t), at, bad)),
    fc.tuple(template, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 64 })).map(([t, at, n]) => splice(utf8(t), at, Buffer.alloc(n, 0))),
    // deep indentation
    fc.tuple(template, fc.integer({ min: 1, max: 4000 })).map(([t, depth]) => utf8(t.split('\n').map((l, i) => ' '.repeat((i * 37) % depth) + l).join('\n'))),
    // duplicated and contradictory sections: two captures of the same host glued, one repeated
    fc.tuple(template, template, fc.integer({ min: 1, max: 3 })).map(([a, b, n]) => utf8(`${a}\n${b}\n`.repeat(n))),
    // unknown time zones
    fc.tuple(template, fc.constantFrom(...ZONES)).map(([t, zone]) => utf8(t.replace(/\bUTC\b/g, zone))),
    // year-less syslog stamps across New Year, inside or after a capture
    fc.tuple(fc.array(syslogLine, { minLength: 1, maxLength: 40 }), fc.option(template)).map(([lines, t]) => utf8(`${t ?? ''}\n${lines.join('\n')}\n`)),
    // truncated sections
    fc.tuple(template, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, at]) => utf8(t.slice(0, Math.floor(at * t.length)))),
    // mixed platforms (and hosts) in one file, lines shuffled in blocks
    fc.tuple(template, template, fc.integer({ min: 2, max: 20 })).map(([a, b, block]) => {
      const la = a.split('\n');
      const lb = b.split('\n');
      const out = [];
      for (let i = 0; i < Math.max(la.length, lb.length); i += block) out.push(...la.slice(i, i + block), ...lb.slice(i, i + block));
      return utf8(out.join('\n'));
    }),
    // line endings and control characters
    fc.tuple(template, fc.constantFrom('\r\n', '\r', '\n\r', '\u001b[K\n', '\b\b\n', ' --More-- \n')).map(([t, eol]) => utf8(t.replace(/\n/g, eol))),
  );
}

/**
 * Run the pipeline over one input. Returns null when the case passes, else a description of the failure.
 * `api` holds the pipeline functions (from dist/ in the script, from src/ in the test).
 */
export function checkInput(api, pack, bytes) {
  let input;
  try {
    const reader = new api.ByteLineReader('fuzz.txt');
    // Fed in uneven chunks: the reader must not depend on where chunk boundaries fall.
    for (let at = 0; at < bytes.length; at += 1 + (at % 7919)) reader.push(bytes.subarray(at, Math.min(bytes.length, at + 1 + (at % 7919))));
    input = reader.end();
  } catch (error) {
    if (error instanceof api.InputError) return null;
    return `ingest threw ${error?.stack ?? error}`;
  }
  try {
    const loaded = api.fromIngested([input]);
    JSON.stringify(loaded.document);
    for (const device of loaded.devices) {
      const findings = api.evaluateDevice(pack, device, loaded.lines, { now: device.captureTime ?? '2024-04-18T00:00:00Z' });
      for (const finding of findings)
        for (const evidence of finding.evidence)
          if (!Number.isInteger(evidence.line) || evidence.line < 0 || typeof evidence.text !== 'string')
            return `rule ${finding.ruleId} has malformed evidence ${JSON.stringify(evidence)}`;
    }
  } catch (error) {
    return `model or rules threw ${error?.stack ?? error}`;
  }
  return null;
}

export async function distApi() {
  const [{ ByteLineReader }, { InputError }, { fromIngested }, { evaluateDevice }, { loadRulePack }] = await Promise.all([
    import('../dist/ingest/line-reader.js'),
    import('../dist/ingest/types.js'),
    import('../dist/pipeline/captures.js'),
    import('../dist/rules/engine.js'),
    import('../dist/pipeline/rule-pack.js'),
  ]);
  return { ByteLineReader, InputError, fromIngested, evaluateDevice, loadRulePack };
}

// --- the script: a worker runs the cases, the main thread is the watchdog ---
// Case i is drawn with its own seed (seed * 1_000_003 + i), so any case can be replayed alone and the run can
// resume after a case the watchdog had to stop.

const caseSeed = (seed, index) => (Math.imul(seed, 1_000_003) + index) | 0;

async function fuzzWorker({ from, cases, seed, progress }) {
  const fc = (await import('fast-check')).default;
  const api = await distApi();
  const pack = api.loadRulePack([]);
  const arbitrary = arbitraryInput(fc, loadTemplates());
  const counter = new Int32Array(progress);
  let slowest = { ms: 0, index: -1 };
  const failures = [];
  for (let index = from; index < cases; index++) {
    Atomics.store(counter, 0, index);
    const [bytes] = fc.sample(arbitrary, { seed: caseSeed(seed, index), numRuns: 1 });
    const t = performance.now();
    const problem = checkInput(api, pack, bytes);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, index };
    if (problem) failures.push({ index, problem: problem.slice(0, 2000) });
    if (failures.length >= 10) break;
  }
  parentPort.postMessage({ done: true, slowest, failures });
}

/** Re-run one case in this thread and say what it is, e.g. after a HANG report. */
async function replay(seed, index, dumpTo) {
  const fc = (await import('fast-check')).default;
  const api = await distApi();
  const pack = api.loadRulePack([]);
  const [bytes] = fc.sample(arbitraryInput(fc, loadTemplates()), { seed: caseSeed(seed, index), numRuns: 1 });
  if (dumpTo) writeFileSync(dumpTo, bytes);
  process.stdout.write(`case ${index} (seed ${seed}): ${bytes.length} bytes, starts ${JSON.stringify(bytes.subarray(0, 120).toString('latin1'))}\n`);
  const t = performance.now();
  const problem = checkInput(api, pack, bytes);
  process.stdout.write(`${problem ?? 'ok'} in ${(performance.now() - t).toFixed(0)} ms\n`);
}

function runWorker(from, cases, seed, caseMs, onProgress) {
  return new Promise((resolve) => {
    const progress = new SharedArrayBuffer(4);
    const counter = new Int32Array(progress);
    Atomics.store(counter, 0, from);
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { fuzz: true, from, cases, seed, progress } });
    let last = -1;
    let since = Date.now();
    const watchdog = setInterval(() => {
      const index = Atomics.load(counter, 0);
      if (index !== last) {
        last = index;
        since = Date.now();
        onProgress(index);
      } else if (Date.now() - since > caseMs) {
        clearInterval(watchdog);
        void worker.terminate();
        resolve({ hang: index });
      }
    }, 250);
    worker.on('message', (result) => {
      clearInterval(watchdog);
      void worker.terminate();
      resolve(result);
    });
    worker.on('error', (error) => {
      clearInterval(watchdog);
      resolve({ crash: { index: Atomics.load(counter, 0), error: String(error?.stack ?? error) } });
    });
  });
}

const USAGE = `
usage: node scripts/fuzz.mjs [--cases N] [--seed N] [--case-ms MS]
       node scripts/fuzz.mjs --seed N --replay CASE [--dump FILE]
Seeded fast-check over the whole pipeline (ingest, parsers, model, rules) with hostile input; exit 1 on any
failure, crash or hang. Needs \`npm run build\` first.
  --cases N      how many cases (default 100000)
  --seed N       the seed (default 42)
  --case-ms MS   a case running longer is reported as a hang (default 10000)
  --replay CASE  run one case of the seed again (after a HANG or FAILURE report)
  --dump FILE    with --replay: write the case's input bytes to FILE`;

async function main() {
  const options = { cases: { type: 'string' }, seed: { type: 'string' }, 'case-ms': { type: 'string' }, replay: { type: 'string' }, dump: { type: 'string' } };
  const { values, fail } = scriptArgs(USAGE, options);
  const cases = wholeNumber(values.cases ?? '100000', '--cases', fail, 1);
  const seed = wholeNumber(values.seed ?? '42', '--seed', fail);
  const caseMs = wholeNumber(values['case-ms'] ?? '10000', '--case-ms', fail, 1);
  if (values.dump !== undefined && values.replay === undefined) fail('--dump needs --replay');
  if (values.replay !== undefined) return replay(seed, wholeNumber(values.replay, '--replay', fail), values.dump ?? null);

  const started = Date.now();
  const hangs = [];
  const crashes = [];
  let failures = [];
  let slowest = { ms: 0, index: -1 };
  let from = 0;
  const tty = process.stderr.isTTY;
  while (from < cases) {
    const result = await runWorker(from, cases, seed, caseMs, (index) => tty && process.stderr.write(`\r${index}/${cases} cases`));
    if (result.hang !== undefined) {
      hangs.push(result.hang);
      process.stderr.write(`${tty ? '\n' : ''}HANG: case ${result.hang} ran longer than ${caseMs} ms; replay: node scripts/fuzz.mjs --seed ${seed} --replay ${result.hang}\n`);
      from = result.hang + 1;
    } else if (result.crash) {
      crashes.push(result.crash);
      process.stderr.write(`CRASH: case ${result.crash.index}: ${result.crash.error}\n`);
      from = result.crash.index + 1;
    } else {
      failures = result.failures;
      if (result.slowest.ms > slowest.ms) slowest = result.slowest;
      break;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const api = await distApi();
  const t = performance.now();
  const longLine = checkInput(api, api.loadRulePack([]), Buffer.alloc(50 * 1024 * 1024, 0x41));
  const longLineMs = performance.now() - t;
  process.stdout.write(`${tty ? '\n' : ''}fuzz: ${cases} cases, seed ${seed}, ${seconds.toFixed(0)} s; failures ${failures.length}, crashes ${crashes.length}, ` +
    `hangs (> ${caseMs} ms) ${hangs.length}${hangs.length ? ` [cases ${hangs.join(', ')}]` : ''}; slowest finished case ${slowest.ms.toFixed(0)} ms (case ${slowest.index}); ` +
    `50 MB single line: ${longLine ?? 'ok'} in ${longLineMs.toFixed(0)} ms\n`);
  for (const failure of failures) process.stdout.write(`FAILURE case ${failure.index}: ${failure.problem}\n`);
  process.exitCode = failures.length + crashes.length + hangs.length + (longLine ? 1 : 0) > 0 ? 1 : 0;
}

if (!isMainThread && workerData?.fuzz) await fuzzWorker(workerData);
else if (isMain(import.meta.url)) await main();
