#!/usr/bin/env node
// A/B benchmark: is a piece of performance code worth keeping? Builds two or more git revisions of slp-doctor side by
// side (each exported to a temp dir, bundled with its own scripts/bundle.mjs) and runs them on the same inputs,
// interleaved round by round, so that a shared machine's load falls on every variant alike. A difference smaller
// than the spread of one variant's own rounds is noise, whatever the medians say. On a busy machine a second thread
// gains no wall time (there is no idle core to run it on), so each run's CPU time is reported too, from /proc: the
// reading thread's alone, which is what bounds the wall time on an idle machine, and the whole process's.
//   node scripts/bench-ab.mjs [--rounds 5] [--out docs/PERFORMANCE-AB.md] LABEL=REV LABEL=REV …
// Each variant is compared with the one before it (a series of removals reads as one step each). Before timing, every variant's output on every input is
// compared byte for byte: a variant that answers differently is not a faster version of the same program.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './args.mjs';
import { generateFleet } from './gen-corpus.mjs';
import { writeShowTech } from './gen-showtech.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `
usage: node scripts/bench-ab.mjs [--rounds N] [--fleet N] [--sizes MB,MB] [--out FILE] LABEL=REV LABEL=REV…
Builds each git revision REV (a commit, branch or tag of this repository) in a temp dir and times them all,
interleaved, on a seeded show-tech of each size (parse and analyze) and a seeded fleet (analyze --summary).
Prints a Markdown report (medians, min-max, and each variant against the one before it: the change of the
median and the rounds it was faster in); --out also writes it to FILE.
Needs \`npm run build\` here first (the fleet is generated with this checkout's parsers).
  --rounds N    timed runs of each variant on each input (default 5; at least 3)
  --fleet N     captures in the fleet (default 3000; 0: no fleet)
  --sizes MB,…  show-tech sizes in MB (default 200,1024)`;

const { values, positionals, fail } = scriptArgs(USAGE, {
  rounds: { type: 'string', default: '5' },
  fleet: { type: 'string', default: '3000' },
  sizes: { type: 'string', default: '200,1024' },
  out: { type: 'string' },
}, { positionals: 20 });
const rounds = wholeNumber(values.rounds, '--rounds', fail, 3);
const fleetSize = wholeNumber(values.fleet, '--fleet', fail);
const sizes = values.sizes.split(',').filter(Boolean).map((s) => wholeNumber(s, '--sizes', fail, 1));
if (positionals.length < 2) fail('give at least two variants, LABEL=REV');
const variants = positionals.map((spec) => {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) fail(`'${spec}' is not LABEL=REV`);
  return { label: spec.slice(0, at), rev: spec.slice(at + 1) };
});

const work = mkdtempSync(join(tmpdir(), 'slp-bench-ab-'));
const log = (text) => process.stderr.write(`${text}\n`);
// Generated inputs take gigabytes: an interrupted run removes them too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

// Preloaded into every timed run (node --import): at the main thread's exit, its own CPU seconds and the process's.
const CPU_PROBE = join(work, 'cpu-probe.mjs');
writeFileSync(CPU_PROBE, `import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
const seconds = (path) => {
  try {
    const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};
if (isMainThread) process.on('exit', () => process.stderr.write('cpu-probe ' + JSON.stringify({ main: seconds('/proc/self/task/' + process.pid + '/stat'), total: seconds('/proc/self/stat') }) + '\\n'));
`);

/** Exports `rev` to a directory of its own and bundles it there, with this checkout's node_modules. */
function buildVariant(variant, index) {
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', `${variant.rev}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = join(work, `variant-${index}`);
  mkdirSync(dir);
  execFileSync('sh', ['-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'sh', root, commit, dir]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  log(`building ${variant.label} (${commit})`);
  execFileSync(process.execPath, [join(dir, 'scripts/bundle.mjs')], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return { ...variant, commit, dir };
}

/** sha256 of what `slp-doctor ARGS` prints, and its exit status. */
function outputOf(variant, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(variant.dir, 'bin/slp-doctor.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let stderr = '';
    child.stdout.on('data', (chunk) => hash.update(chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(`${code} ${hash.digest('hex')} ${createHash('sha256').update(stderr).digest('hex')}`));
  });
}

/** One timed run in a process of its own (the variant's scripts/measure.mjs): whole wall time and peak RSS. */
function timed(variant, args) {
  const load = loadavg()[0];
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', CPU_PROBE, join(variant.dir, 'scripts/measure.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${variant.label}: ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const lines = child.stderr.trim().split('\n');
  const { maxRssMB } = JSON.parse(lines.findLast((line) => line.startsWith('{')));
  const cpu = JSON.parse(lines.findLast((line) => line.startsWith('cpu-probe ')).slice('cpu-probe '.length));
  return { wallMs, maxRssMB, load, cpu };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) => (ms / 1000).toFixed(2);

try {
  const built = variants.map(buildVariant);

  const cases = [];
  for (const mb of sizes) {
    const file = join(work, `showtech-${mb}mb.txt`);
    log(`writing ${file}`);
    writeShowTech(file, mb * 1024 * 1024, 7);
    const size = `${(statSync(file).size / 1024 / 1024).toFixed(0)} MB show-tech`;
    cases.push({ name: `parse ${size}`, args: ['parse', '--format', 'json', file] });
    cases.push({ name: `analyze ${size}`, args: ['analyze', '--format', 'json', '--fail-on', 'never', file] });
  }
  if (fleetSize > 0) {
    log(`generating a fleet of ${fleetSize} captures`);
    const fleet = join(work, 'fleet');
    await generateFleet({ dir: fleet, count: fleetSize, seed: 1 });
    cases.push({ name: `analyze a fleet of ${fleetSize} captures (\`--summary\`)`, args: ['analyze', '--summary', '--fail-on', 'never', fleet] });
  }

  // Same answers first; these runs also bring every input into the page cache.
  const sameOutput = [];
  for (const c of cases) {
    const outputs = [];
    for (const v of built) outputs.push(await outputOf(v, c.args));
    const differing = built.filter((_, i) => outputs[i] !== outputs[0]).map((v) => v.label);
    sameOutput.push(differing.length === 0 ? `${c.name}: same output` : `${c.name}: **output differs** (${differing.join(', ')})`);
    log(sameOutput.at(-1));
  }

  // Round r runs the variants starting from variant r mod n, so none is always first after another's run.
  const runs = cases.map(() => built.map(() => []));
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]);
    for (const [ci, c] of cases.entries()) {
      for (let k = 0; k < built.length; k++) {
        const vi = (round + k) % built.length;
        const run = timed(built[vi], c.args);
        runs[ci][vi].push(run);
        log(`round ${round + 1}/${rounds} ${c.name} ${built[vi].label}: ${seconds(run.wallMs)} s, ${run.maxRssMB.toFixed(0)} MB, CPU ${run.cpu.main} s main, ${run.cpu.total} s total, load ${run.load.toFixed(2)}`);
      }
    }
  }

  const lines = [
    '# A/B: what each piece of performance code buys',
    '',
    `Measured by \`node scripts/bench-ab.mjs --rounds ${rounds}${fleetSize !== 3000 ? ` --fleet ${fleetSize}` : ''}${values.sizes !== '200,1024' ? ` --sizes ${values.sizes}` : ''} ${variants.map((v) => `'${v.label}=${v.rev}'`).join(' ')}\``,
    `on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}.`,
    `Load average (1 min) at the start of each round: ${loads.map((l) => l.toFixed(2)).join(', ')}.`,
    '',
    'Variants (each a git revision, bundled as `npm run build` bundles it):',
    '',
    ...built.map((v) => `- **${v.label}**: \`${v.rev}\` (${v.commit})`),
    '',
    'Times are each process\'s whole wall time, Node start-up included; peak RSS is the process\'s own (scripts/measure.mjs).',
    'Each variant is compared with the one above it: the change of the median, and the rounds in which it was the faster',
    'of the two on the same input (the runs of one round are back to back, so they share the machine\'s load).',
    '',
    'CPU is the median of the runs\' CPU seconds (user and system): the main thread\'s, then the whole process\'s.',
    '',
    '| input | variant | median | min–max | peak RSS (median) | vs the one above | rounds faster | CPU: main thread, process |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [ci, c] of cases.entries()) {
    for (const [vi, v] of built.entries()) {
      const walls = runs[ci][vi].map((r) => r.wallMs);
      const baseline = runs[ci][Math.max(vi - 1, 0)].map((r) => r.wallMs);
      const med = median(walls);
      const change = vi === 0 ? '' : `${med >= median(baseline) ? '+' : ''}${(((med - median(baseline)) / median(baseline)) * 100).toFixed(1)} %`;
      const won = vi === 0 ? '' : `${walls.filter((w, r) => w < baseline[r]).length}/${rounds}`;
      const cpu = (key) => {
        const values = runs[ci][vi].map((r) => r.cpu[key]).filter((x) => x !== null);
        return values.length === 0 ? '?' : `${median(values).toFixed(2)} s`;
      };
      lines.push(`| ${vi === 0 ? c.name : ''} | ${v.label} | ${seconds(med)} s | ${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))} s | ${median(runs[ci][vi].map((r) => r.maxRssMB)).toFixed(0)} MB | ${change} | ${won} | ${cpu('main')}, ${cpu('total')} |`);
    }
  }
  lines.push('', 'Outputs compared before timing (exit status, stdout and stderr, byte for byte):', '', ...sameOutput.map((s) => `- ${s}`), '');
  const report = lines.join('\n');
  process.stdout.write(report);
  if (values.out) writeFileSync(values.out, report);
} finally {
  rmSync(work, { recursive: true, force: true });
}
