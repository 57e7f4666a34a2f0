#!/usr/bin/env node
// Hardening: seeded fast-check over the whole pipeline (ingest -> parsers -> model -> rules) with hostile input.
// A case passes when nothing but an InputError (empty or binary input: exit 2 with one line) escapes, the model
// serialises, and every finding's evidence is well formed. Each case runs under a watchdog: a case that
// takes longer than --case-ms is reported as a hang with its seed and number, so it can be replayed.
//   node scripts/fuzz.mjs [--cases 100000] [--seed 42] [--case-ms 10000]
//   node scripts/fuzz.mjs --seed 42 --replay N [--dump case.bin]   (one case, e.g. after a HANG report)
// The generators are shared with test/fuzz.test.ts, which runs a few thousand cases against the sources.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearInterval, setInterval } from 'node:timers';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

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
    import('../dist/model/load.js'),
    import('../dist/rules/engine.js'),
    import('../dist/cli/run.js'),
  ]);
  return { ByteLineReader, InputError, fromIngested, evaluateDevice, loadRulePack };
}

// --- the script: a worker runs the cases, the main thread is the watchdog ---

async function fuzzWorker({ cases, seed }) {
  const fc = (await import('fast-check')).default;
  const api = await distApi();
  const pack = api.loadRulePack([]);
  const templates = loadTemplates();
  const progress = new Int32Array(workerData.progress);
  let n = 0;
  let slowest = 0;
  const started = performance.now();
  const failure = (() => {
    try {
      fc.assert(
        fc.property(arbitraryInput(fc, templates), (bytes) => {
          Atomics.store(progress, 0, ++n);
          const t = performance.now();
          const problem = checkInput(api, pack, bytes);
          slowest = Math.max(slowest, performance.now() - t);
          if (problem) throw new Error(problem);
        }),
        { numRuns: cases, seed, endOnFailure: true },
      );
      return null;
    } catch (error) {
      // The counterexample can be megabytes: keep the replay path and the error, cut the bytes.
      const message = String(error instanceof Error ? error.message : error);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
      const got = message.indexOf('Got error');
      return `${message.slice(0, 300)}\n…\n${cause || (got >= 0 ? message.slice(got, got + 3000) : message.slice(-3000))}`;
    }
  })();
  // The 50 MB single line, once.
  const t = performance.now();
  const longLine = checkInput(api, pack, Buffer.alloc(50 * 1024 * 1024, 0x41));
  const longLineMs = performance.now() - t;
  parentPort.postMessage({ cases: n, ms: performance.now() - started, slowest, failure, longLine, longLineMs });
}

/** Re-run one case in this thread and say what it is, e.g. after a HANG report. */
async function replay(seed, path, dumpTo) {
  const fc = (await import('fast-check')).default;
  const api = await distApi();
  const pack = api.loadRulePack([]);
  const [bytes] = fc.sample(arbitraryInput(fc, loadTemplates()), { seed, path: String(path), numRuns: 1 });
  if (dumpTo) writeFileSync(dumpTo, bytes);
  process.stdout.write(`case ${path} (seed ${seed}): ${bytes.length} bytes, starts ${JSON.stringify(bytes.subarray(0, 120).toString('latin1'))}\n`);
  const t = performance.now();
  const problem = checkInput(api, pack, bytes);
  process.stdout.write(`${problem ?? 'ok'} in ${(performance.now() - t).toFixed(0)} ms\n`);
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
  };
  const cases = option('--cases', 100_000);
  const seed = option('--seed', 42);
  if (args.includes('--replay')) return replay(seed, option('--replay', 0), args.includes('--dump') ? args[args.indexOf('--dump') + 1] : null);
  const caseMs = option('--case-ms', 10_000);
  const progress = new SharedArrayBuffer(4);
  const counter = new Int32Array(progress);
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { fuzz: true, cases, seed, progress } });
  let lastCase = -1;
  let lastChange = Date.now();
  const watchdog = setInterval(() => {
    const now = Atomics.load(counter, 0);
    if (now !== lastCase) {
      lastCase = now;
      lastChange = Date.now();
      if (process.stderr.isTTY) process.stderr.write(`\r${now}/${cases} cases`);
    } else if (Date.now() - lastChange > caseMs && now < cases) {
      clearInterval(watchdog);
      process.stderr.write(`\nHANG: case ${now} (seed ${seed}, fast-check path "${now - 1}") ran longer than ${caseMs} ms; replay: node scripts/fuzz.mjs --replay ${now - 1} --seed ${seed}\n`);
      void worker.terminate();
      process.exitCode = 1;
    }
  }, 250);
  worker.on('message', (result) => {
    clearInterval(watchdog);
    process.stdout.write(
      `${process.stderr.isTTY ? '\n' : ''}fuzz: ${result.cases} cases, seed ${seed}, ${(result.ms / 1000).toFixed(1)} s, slowest case ${result.slowest.toFixed(0)} ms; ` +
        `50 MB single line: ${result.longLine ? `FAILED ${result.longLine}` : 'ok'} in ${result.longLineMs.toFixed(0)} ms\n`,
    );
    if (result.failure) process.stdout.write(`FAILURE:\n${result.failure}\n`);
    process.exitCode = result.failure || result.longLine ? 1 : (process.exitCode ?? 0);
  });
  worker.on('error', (error) => {
    clearInterval(watchdog);
    process.stderr.write(`fuzz worker crashed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}

if (!isMainThread && workerData?.fuzz) await fuzzWorker(workerData);
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
