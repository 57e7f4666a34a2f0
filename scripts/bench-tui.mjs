// `npm run bench` section: the TUI in a real terminal (tmux). How long until it shows a small capture's header; and
// a 200 MB and a 1 GB show-tech opened with `slp-doctor tui FILE`: peak RSS, when the first frame shows compared with
// the parse alone, and when the raw view shows the file's last line.
// Called by scripts/bench.mjs with its `record`; returns Markdown notes for docs/PERFORMANCE.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeShowTech } from './gen-showtech.mjs';
import { runBy } from './args.mjs';

runBy(import.meta.url, `
usage: npm run bench
This module is the TUI part of scripts/bench.mjs, which runs it.`);

const RUNS = 5;
/** What the tmux server's first, untimed session runs (kill-server ends it). */
const IDLE_COMMAND = 'sleep 3600';
const TIMEOUT_MS = 15_000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run({ record, root, bin, measured }) {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    record('TUI first frame, small capture', 'not measured (tmux missing)', '', undefined);
    return '';
  }
  const capture = join(root, 'captures/nxos-status-cslu.txt');
  // A private tmux server, started before timing so its start-up is not counted. Its first session runs `sleep`, not
  // an interactive shell: a login shell reading its rc files took 1.2 s of CPU here, beside the first timed runs.
  const socket = `slp-bench-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'idle', '-x', '100', '-y', '30', IDLE_COMMAND);
  // The TUI starts from a V8 code cache that its first run after a build writes (src/tui/startup.ts). That first run is
  // measured apart; the median is of the runs after it, as a user's TUI starts every time but the first.
  const bundle = join(root, 'dist/bundle');
  for (const name of readdirSync(bundle)) if (/^tui-script\.js\..*\.cache$/.test(name)) rmSync(join(bundle, name));
  const times = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const session = `run${i}`;
      const start = performance.now();
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', root, `${process.execPath} ${bin} tui ${capture}`);
      // The second header line is drawn only once the capture is analysed: that is the first useful frame.
      for (;;) {
        if (tmux('capture-pane', '-p', '-t', session).includes('ACK deadline')) break;
        if (performance.now() - start > TIMEOUT_MS) throw new Error(`the TUI showed no header within ${TIMEOUT_MS} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(performance.now() - start);
      tmux('send-keys', '-t', session, 'q');
      for (let waited = 0; spawnSync('tmux', ['-L', socket, 'has-session', '-t', session]).status === 0 && waited < 5000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
  const [first, ...cached] = times;
  const ms = median(cached);
  record('TUI first frame, small capture', ms, 'ms', { text: '< 500 ms', ok: (v) => v < 500 }, `median of ${RUNS} runs with the code cache`);
  record('TUI first frame, first run after a build', first, 'ms', undefined, 'writes the code cache');
  const big = await bigFiles({ record, root, bin, measured });
  return [
    '## TUI first frame',
    '',
    `\`slp-doctor tui captures/nxos-status-cslu.txt\` in a 100×30 tmux window, from starting the process to the header`,
    `("ACK deadline …") on screen, polled every 5 ms: ${cached.map((t) => t.toFixed(0)).join(', ')} ms (median ${ms.toFixed(0)} ms);`,
    `the first run after the build, which has no code cache yet (it writes it once the device is on screen), ${first.toFixed(0)} ms.`,
    'It includes Node start-up, compiling the TUI (from the cache), loading Ink and React, and reading and parsing the',
    'capture; the rule pack loads after the first frame. The tmux server is started before timing with a first session',
    'that runs `sleep`: an interactive shell there (rc files, completions) kept a core busy for 1.2 s, and the first two',
    'timed runs took ~800 ms instead of ~500 ms beside it.',
    '',
    big,
  ].join('\n');
}

/**
 * `slp-doctor tui FILE` on generated show-techs. The peak RSS is the TUI process's own, written at its exit by a
 * module preloaded with `node --import` (scripts/tui-probe.mjs), so the product has no measuring code in it. The
 * parse alone is `slp-doctor parse` on the same file (scripts/measure.mjs); the first frame is the header on screen.
 */
async function bigFiles({ record, root, bin, measured }) {
  const dir = mkdtempSync(join(tmpdir(), 'slp-bench-tui-'));
  const socket = `slp-bench-big-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const rows = [];
  try {
    tmux('new-session', '-d', '-s', 'idle', '-x', '100', '-y', '30', IDLE_COMMAND);
    for (const sizeMb of [200, 1024]) {
      const file = join(dir, `showtech-${sizeMb}mb.txt`);
      writeShowTech(file, sizeMb * 1024 * 1024, 7);
      const mb = statSync(file).size / 1024 / 1024;
      const parse = measured(['parse', '--format', 'json', file]);
      const probe = join(dir, `probe-${sizeMb}.json`);
      const session = `big${sizeMb}`;
      const load = loadavg().map((l) => l.toFixed(2)).join(' ');
      const start = performance.now();
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', root, '-e', `SLP_PROBE_OUT=${probe}`,
        `${process.execPath} --import ${join(root, 'scripts/tui-probe.mjs')} ${bin} tui ${file}`);
      const frame = await until(tmux, session, (s) => s.includes('ACK deadline'), start, 120_000);
      tmux('send-keys', '-t', session, '4');
      await until(tmux, session, (s) => s.includes('Sections ('), start, 120_000);
      tmux('send-keys', '-t', session, 'G');
      const lastLine = await until(tmux, session, (s) => /line (\d+)\/\1 /.test(s), start, 300_000);
      tmux('send-keys', '-t', session, 'q');
      for (let waited = 0; spawnSync('tmux', ['-L', socket, 'has-session', '-t', session]).status === 0 && waited < 30_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      const { maxRssMB } = JSON.parse(readFileSync(probe, 'utf8'));
      const label = `TUI on a ${mb.toFixed(0)} MB show-tech`;
      record(`${label}, peak RSS`, maxRssMB, 'MB', { text: '< 300 MB', ok: (v) => v < 300 });
      record(`${label}, first frame after the parse`, (frame - parse.wallMs) / 1000, 's', { text: '< 2 s', ok: (v) => v < 2 },
        `first frame ${(frame / 1000).toFixed(2)} s from start; \`parse\` alone ${(parse.wallMs / 1000).toFixed(2)} s`);
      record(`${label}, raw view at the last line`, lastLine / 1000, 's', undefined, 'from start: the file indexed in the background, then read by offset');
      rows.push(`| ${mb.toFixed(0)} MB | ${(parse.wallMs / 1000).toFixed(2)} s | ${(frame / 1000).toFixed(2)} s | ${(lastLine / 1000).toFixed(2)} s | ${maxRssMB.toFixed(0)} MB | ${load} |`);
      rmSync(file);
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    '## TUI on a big show-tech',
    '',
    '`slp-doctor tui FILE` on the seeded show-tech (`node scripts/gen-showtech.mjs OUT SIZE 7`) in a 100×30 tmux window.',
    'The file is read as `analyze` reads it (streamed); its raw lines are read from the file when shown, by the',
    'byte offset of every 256th line, noted in one pass after the parse (src/tui/raw-file.ts). Times are from starting',
    'the process; `parse` is `slp-doctor parse` on the same file, in a process of its own.',
    '',
    '| file | `parse` alone | first frame | raw view at the last line (`4`, `G`) | peak RSS | load average (1, 5, 15 min) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Milliseconds from `start` until the screen of `session` satisfies `predicate`. */
async function until(tmux, session, predicate, start, timeoutMs) {
  for (;;) {
    if (predicate(tmux('capture-pane', '-p', '-t', session))) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`the TUI did not get there within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
