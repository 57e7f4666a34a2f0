#!/usr/bin/env node
// `npm run bench`: speed and memory of slp-doctor on this machine, written to docs/PERFORMANCE.md.
// Every number here is measured in this run; nothing is asserted in tests.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scriptArgs } from './args.mjs';
import { writePathological, writeShowTech } from './gen-showtech.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/slp-doctor.js');
const measure = join(root, 'scripts/measure.mjs');
const USAGE = `
usage: npm run bench [-- --quick]   (or: node scripts/bench.mjs [--quick] after npm run build)
Measures speed and memory on this machine (cold starts, big inputs, a fleet of 10,000 captures, the TUI) and
writes docs/PERFORMANCE.md. --quick: fewer runs, and docs/PERFORMANCE.md is not rewritten.`;
const quick = scriptArgs(USAGE, { quick: { type: 'boolean' } }).values.quick === true;
const results = [];
const extraSections = [];
/** Rows of "What each piece of performance code buys" measured in this run: [piece, with it, without it]. */
const buys = [];
let lineIndex;

/** From \`node scripts/bench-ab.mjs\` (docs/PERFORMANCE-AB.md): builds with and without, interleaved. */
const AB_NOTES = `The read-ahead worker and the rule pre-check guard were measured as builds of their own, interleaved round by round
(\`node scripts/bench-ab.mjs\`, 9 rounds; the table is [PERFORMANCE-AB.md](PERFORMANCE-AB.md)), on 2026-12-02 with a
load average of 8 to 15 on the 2 cores. Every output was byte-identical with and without each of them. Both stay:

- **Read-ahead worker** (src/ingest/read-ahead.ts): wall time gained nothing on the busy machine (1 GB \`analyze\`
  4.26 s with, 4.83 s without, faster without in 3 of 9 rounds; 200 MB \`parse\` 2.68 s with, 2.28 s without, 5 of 9):
  a second thread needs an idle core. What it saves is the reading thread's CPU, which is the wall time where a core
  is idle: 1.17 s with, 1.46 s without on the 1 GB \`analyze\`, 0.67 s with, 0.84 s without on the 200 MB \`parse\`
  (medians of 5 interleaved runs each, from /proc). Without it the 1 GB \`analyze\` would take about 1.35 s on the
  quiet machine of the table above, over its target of 4x \`grep -c\` (1.28 s). It costs ~10 MB of RSS (124 against
  136 MB at 1 GB).
- **Rule pre-check guard** (src/rules/guard.ts): the whole pack on one device, warm, in 0.4 ms with it and 18 to 36 ms
  without on the 200 MB show-tech's device (2,000 syslog messages), 0.2 against 1.1 ms on a 10 KB IOS-XE tech
  support, 0.05 against 0.18 ms on a small NX-OS capture. The 200 MB \`analyze\` was faster with it in all 9 rounds
  (3.02 s against 3.53 s). On the 3,000-capture fleet the wall time's spread hid it (37.7 s with, 36.3 s without at
  this load, 4 of 9 rounds); its CPU over all threads was 17.3 s with and 18.5 s without in a later round. test/rules/guard.test.ts holds it to never hiding a finding, for every rule on
  every bundled capture and on random devices.`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function record(name, value, unit, target, note = '') {
  const pass = target === undefined ? '' : target.ok(value) ? 'yes' : '**no**';
  results.push({ name, value, unit, target: target?.text ?? '', pass, note });
  process.stdout.write(`${name}: ${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 1) : value} ${unit} ${target ? `(target ${target.text}: ${pass})` : ''}\n`);
}

function wall(command, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  }
  return median(times);
}

/**
 * One run of `slp-doctor ARGS` in a process of its own: `ms` is the command's time inside it, `wallMs` the whole
 * process's (Node start-up included, as for grep), `maxRssMB` its peak RSS. With `runs`, the median time of that many
 * runs and the highest RSS.
 */
function measured(args, runs = 1) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [measure, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const line = child.stderr.trim().split('\n').pop();
    all.push({ ...JSON.parse(line), wallMs });
  }
  const byWall = [...all].sort((a, b) => a.wallMs - b.wallMs);
  return { ...byWall[Math.floor(runs / 2)], maxRssMB: Math.max(...all.map((r) => r.maxRssMB)), runs };
}

const small = join(root, 'captures/rule-dns-not-configured.txt');

/**
 * A 15 KB IOS-XE tech support: the bundled one (10 KB, two license handles) with more handles, as a stack with
 * several licenses in use prints.
 */
function techSupport15k() {
  const text = readFileSync(join(root, 'captures/iosxe-techsupport.txt'), 'utf8');
  const handle = /\nHandle: 2\n[\s\S]*?\n\n/.exec(text)[0];
  let extra = '';
  for (let n = 3; text.length + extra.length < 15 * 1024; n++) extra += handle.replace('Handle: 2', `Handle: ${n}`);
  return text.replace(handle, handle + extra.slice(1) + '\n');
}

// 1. Warm parse of a tech support (~15 KB): ingest + parsers + model, in process.
{
  const { ingestText } = await import('../dist/ingest/index.js');
  const { fromIngested } = await import('../dist/pipeline/captures.js');
  const text = techSupport15k();
  for (let i = 0; i < 30; i++) fromIngested([ingestText(text, 'ts.txt')]);
  const times = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    fromIngested([ingestText(text, 'ts.txt')]);
    times.push(performance.now() - start);
  }
  record(`parse ${(text.length / 1024).toFixed(1)} KB tech support, warm (median of 200)`, median(times), 'ms', { text: '< 20 ms', ok: (v) => v < 20 });

  // 2. The whole rule pack on one device.
  const { loadRulePack } = await import('../dist/pipeline/rule-pack.js');
  const { evaluateDevice } = await import('../dist/rules/engine.js');
  const loaded = fromIngested([ingestText(text, 'ts.txt')]);
  const device = loaded.devices[0];
  const pack = loadRulePack([]);
  const now = device.captureTime ?? '2024-04-18T00:00:00Z';
  for (let i = 0; i < 50; i++) evaluateDevice(pack, device, loaded.lines, { now });
  const evalTimes = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    evaluateDevice(pack, device, loaded.lines, { now });
    evalTimes.push(performance.now() - start);
  }
  record(`whole rule pack (${pack.rules?.length ?? '?'} rules) on one device (median of 500)`, median(evalTimes), 'ms', { text: '< 5 ms', ok: (v) => v < 5 });
}

// 3. Cold starts.
{
  const runs = quick ? 5 : 15;
  const nodeBaseline = wall(process.execPath, ['-e', ''], runs);
  const parseCold = wall(process.execPath, [bin, 'parse', '--format', 'json', small], runs);
  const analyzeCold = wall(process.execPath, [bin, 'analyze', '--format', 'json', small], runs);
  record("`node -e ''` start-up (baseline)", nodeBaseline, 'ms');
  record('`parse` cold start, small capture', parseCold, 'ms', { text: '< 300 ms', ok: (v) => v < 300 }, `${(parseCold / nodeBaseline).toFixed(1)}x node start-up`);
  record('`analyze` cold start, small capture', analyzeCold, 'ms', { text: '< 400 ms', ok: (v) => v < 400 }, `${(analyzeCold / nodeBaseline).toFixed(1)}x node start-up`);

  // What the bundle and the precompiled rule pack buy: the same cold starts without them, interleaved with runs
  // with them so that the machine's load falls on both alike.
  const tscMain = join(root, 'dist/cli/main.js');
  if (existsSync(tscMain)) {
    const viaTsc = ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(tscMain).href)}); process.exitCode = await main(process.argv.slice(1));`];
    const [bundled, unbundled] = alternate(runs, () => wall(process.execPath, [bin, 'parse', '--format', 'json', small], 1),
      () => wall(process.execPath, [...viaTsc, 'parse', '--format', 'json', small], 1));
    buys.push(['esbuild bundle (scripts/bundle.mjs)', `\`parse\` cold start ${bundled.toFixed(0)} ms`, `${unbundled.toFixed(0)} ms from tsc's ~750 modules`]);
  }
  // What a file of the build buys: `analyze` cold starts with it and with it set aside, in turns.
  const analyzeWithout = (file) => alternate(runs, () => wall(process.execPath, [bin, 'analyze', '--format', 'json', small], 1), () => {
    const aside = `${file}.bench-aside`;
    renameSync(file, aside);
    try {
      return wall(process.execPath, [bin, 'analyze', '--format', 'json', small], 1);
    } finally {
      // A run without a cache may write a new one: the build's is put back.
      renameSync(aside, file);
    }
  });
  const packCache = join(root, 'dist/rules-pack.json');
  if (existsSync(packCache)) {
    const [cached, uncached] = analyzeWithout(packCache);
    buys.push(['precompiled rule pack (src/rules/pack-cache.ts)', `\`analyze\` cold start ${cached.toFixed(0)} ms`, `${uncached.toFixed(0)} ms parsing and checking the rule files`]);
  }
  const bundleDir = join(root, 'dist/bundle');
  const codeCache = readdirSync(bundleDir).find((name) => /^cli-script\.js\..+\.analyze\.cache$/.test(name));
  if (codeCache) {
    const [cached, compiled] = analyzeWithout(join(bundleDir, codeCache));
    buys.push(['code cache of the CLI script (src/cli/start.ts)', `\`analyze\` cold start ${cached.toFixed(0)} ms`, `${compiled.toFixed(0)} ms compiling the script (and writing its cache)`]);
  }
}

/** Medians of `runs` runs each of `a` and `b`, taken in turns. */
function alternate(runs, a, b) {
  const [as, bs] = [[], []];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return [median(as), median(bs)];
}

// 4. A generated 200 MB show-tech with licensing sections inside.
{
  const dir = mkdtempSync(join(tmpdir(), 'slp-bench-'));
  try {
    const file = join(dir, 'showtech-200mb.txt');
    writeShowTech(file, (quick ? 50 : 200) * 1024 * 1024, 7);
    const mb = statSync(file).size / 1024 / 1024;
    const grep = wall('grep', ['-c', 'LICMGR', file], 3);
    const run = measured(['parse', '--format', 'json', file], 3);
    record(`parse ${mb.toFixed(0)} MB show-tech (median of 3)`, run.wallMs / 1000, 's', { text: '< 5 s', ok: (v) => v < 5 },
      `${(mb / (run.wallMs / 1000)).toFixed(0)} MB/s; grep -c LICMGR: ${(grep / 1000).toFixed(2)} s (${(run.wallMs / grep).toFixed(1)}x)`);
    record(`parse ${mb.toFixed(0)} MB show-tech, peak RSS`, run.maxRssMB, 'MB', { text: '< 300 MB', ok: (v) => v < 300 });
    const analyzed = measured(['analyze', '--format', 'json', '--fail-on', 'never', file], 3);
    record(`analyze ${mb.toFixed(0)} MB show-tech (median of 3)`, analyzed.wallMs / 1000, 's', undefined, `peak RSS ${analyzed.maxRssMB.toFixed(0)} MB`);
    lineIndex = await import('../dist/ingest/line-index.js');
    const [wasm, js] = alternate(3, () => indexFile(file, 'wasm'), () => indexFile(file, 'js'));
    buys.push(['WebAssembly line indexer (src/ingest/line-index.ts)', `${mb.toFixed(0)} MB read and indexed in ${(wasm / 1000).toFixed(2)} s`,
      `${(js / 1000).toFixed(2)} s with \`indexOf\` and a byte loop in JavaScript, same rules`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds to read `file` in the ingest's windows and index it as the reader needs (every line end; the lines
 * holding a mark byte or starting like a header): with the WebAssembly indexer, or with the same rules in JavaScript.
 */
function indexFile(file, how) {
  const { indexLines, leaseReadBuffer, releaseReadBuffer, MARK_BYTES, WINDOW_BYTES } = lineIndex;
  const isMark = new Uint8Array(256);
  for (const b of MARK_BYTES) isMark[b] = 1;
  const buffer = leaseReadBuffer();
  const fd = openSync(file, 'r');
  let [lines, candidates] = [0, 0];
  const start = performance.now();
  try {
    for (let length = readSync(fd, buffer, 0, WINDOW_BYTES, null); length > 0; length = readSync(fd, buffer, 0, WINDOW_BYTES, null)) {
      const window = buffer.subarray(0, length);
      if (how === 'wasm') {
        const index = indexLines(window, 10);
        [lines, candidates] = [lines + index.count, candidates + index.candidateCount];
        continue;
      }
      for (let from = 0, end = window.indexOf(10); end >= 0; from = end + 1, end = window.indexOf(10, from)) {
        let marked = false;
        for (let i = from; i < end && !marked; i++) marked = isMark[window[i]] === 1;
        const first = window[from];
        if (marked || (from < end && (first === 0x60 || first === 0x2d || (first < 32 && first !== 9)))) candidates++;
        lines++;
      }
    }
  } finally {
    closeSync(fd);
    releaseReadBuffer();
  }
  if (lines === 0 || candidates === 0) throw new Error(`${file}: nothing indexed`);
  return performance.now() - start;
}

// 5. Inputs made to exhaust memory (scripts/gen-showtech.mjs writePathological): what is kept is bounded.
{
  const dir = mkdtempSync(join(tmpdir(), 'slp-bench-'));
  try {
    for (const kind of ['licensing-log', 'prompts', 'config']) {
      const file = join(dir, `${kind}.txt`);
      writePathological(file, kind, (quick ? 50 : 200) * 1024 * 1024);
      const mb = statSync(file).size / 1024 / 1024;
      const run = measured(['analyze', '--format', 'json', '--fail-on', 'never', file]);
      record(`analyze ${mb.toFixed(0)} MB pathological input (${kind}), peak RSS`, run.maxRssMB, 'MB', { text: '< 300 MB', ok: (v) => v < 300 },
        `${(run.wallMs / 1000).toFixed(1)} s, exit ${run.code}`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 6. Worst cases: input made to be slow (scripts/bench-worst-case.mjs), in a quick run too.
await (await import('./bench-worst-case.mjs')).run({ record, root });

// Later sections (TUI first frame, fleet, 1 GB) register themselves here.
for (const extra of ['bench-tui.mjs', 'bench-fleet.mjs']) {
  const path = join(root, 'scripts', extra);
  if (!existsSync(path) || quick) continue;
  const mod = await import(path);
  const section = await mod.run({ record, root, bin, measured, wall, quick });
  if (section) extraSections.push(section);
}

/**
 * What each piece of performance code buys: the pieces this run measured with and without, then the two measured A/B
 * as builds of their own (scripts/bench-ab.mjs takes minutes and git revisions; its figures are quoted here).
 */
function buysSection() {
  return `## What each piece of performance code buys

Measured in this run, with and without, in turns (so that load falls on both alike):

| piece | with it | without it |
| --- | --- | --- |
${buys.map(([piece, withIt, without]) => `| ${piece} | ${withIt} | ${without} |`).join('\n')}

${AB_NOTES}`;
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
const table = [
  '| measurement | result | target | met | note |',
  '| --- | --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.name} | ${typeof r.value === 'number' ? r.value.toFixed(r.value < 10 ? 2 : 1) : r.value} ${r.unit} | ${r.target} | ${r.pass} | ${r.note} |`),
].join('\n');
const doc = `# Performance

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.

${table}

${extraSections.join('\n\n')}

${buysSection()}

## How to reproduce

\`\`\`sh
npm ci
npm run bench            # builds, generates the inputs in a temp dir, measures, rewrites this file
node scripts/gen-showtech.mjs /tmp/showtech.txt 200   # the same seeded 200 MB show-tech, to look at
node scripts/measure.mjs parse --format json /tmp/showtech.txt   # one measured run: wall ms and peak RSS
\`\`\`

- Warm timings run in one process after warm-up; the median is reported.
- Cold starts spawn \`node bin/slp-doctor.js …\` and report the median wall time, next to \`node -e ''\`.
- Big inputs and the fleet run \`node scripts/measure.mjs …\` (the shipped bundle) in a process of their own; their
  times are that process's whole wall time, Node start-up included, as grep's are. Peak RSS is the process's own
  \`maxRSS\`, for the command alone.
- The show-tech is deterministic (seeded): unrelated sections (interfaces, CPU history, MTS buffers, logging) with
  the licensing sections of a bundled capture inserted at 20 %, 50 % and 80 % of the file.
- The pathological inputs (\`writePathological\` in scripts/gen-showtech.mjs) are a log of nothing but licensing
  messages, a terminal session of 5 million typed commands, and running-configs of 120,000 lines one after another.
- The worst cases (scripts/bench-worst-case.mjs) run in this process on tsc's build: hostile rule files, RE2 on
  \`(a+)+$\`, a 20 MB line, deeply indented license rows, a log of communication failures and 2,000 seeded fuzz
  cases. The tests check what these inputs give; their time is a target here, never a test assertion.

## Why a show-tech reads at nearly the speed of a plain scan

- Files are read in 128 KB windows into one reused buffer: no per-chunk allocation, and the window is still in the
  CPU cache when it is scanned (1 MB reads were five times slower to copy).
- A WebAssembly routine (src/ingest/line-index.ts) finds every line end of a window, 32 bytes at a time, and lists
  the lines that could matter in output we skip: those holding \`%\`, \`#\`, \`>\`, ESC, backspace or CR, or starting
  with a backtick, a dash or a control byte, each with where its first \`%\` is. Inside a skipped command the
  reader jumps from one listed line to the next and counts the lines between without looking at them; line numbers
  stay exact.
- From 64 MB on, a read-ahead worker thread reads and indexes 512 KB windows (src/ingest/read-ahead.ts) while the
  main thread scans the ones already indexed, through a ring of 16 windows in shared memory (8 MB of the file ahead:
  deep enough that a garbage collection on the main thread does not stop the worker). A window the main thread is
  about to need is left to it to index, so that it does not wait while the worker does.
- Past a budget of 2,000 messages, syslog messages of facilities unrelated to licensing are dropped by their bytes,
  without being decoded: the indexer has already said where each log line's \`%\` is.
- What is kept is bounded (README, "Big inputs"): a log of a million licensing messages keeps the first and the
  latest 10,000, so a pathological input costs seconds and ~160 MB, not minutes and gigabytes.
- A command output kept while a show-tech is read costs little: its line list is trimmed when it ends, its platform
  votes and line budget are made only once it holds a line, and its command's spelling is one string for all.
- A show-tech repeats \`show logging logfile\` thousands of times; a log left empty once its unrelated messages are
  dropped is listed but not parsed or merged.
`;
if (!quick) writeFileSync(join(root, 'docs/PERFORMANCE.md'), doc);
process.stdout.write(quick ? 'quick run: docs/PERFORMANCE.md not rewritten\n' : 'wrote docs/PERFORMANCE.md\n');
