// `npm run bench` section: how long until the TUI shows a small capture's header, in a real terminal (tmux).
// Called by scripts/bench.mjs with its `record`; returns Markdown notes for docs/PERFORMANCE.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runBy } from './args.mjs';

runBy(import.meta.url, `
usage: npm run bench
This module is the TUI part of scripts/bench.mjs, which runs it.`);

const RUNS = 5;
const TIMEOUT_MS = 15_000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run({ record, root, bin }) {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    record('TUI first frame, small capture', 'not measured (tmux missing)', '', undefined);
    return '';
  }
  const capture = join(root, 'captures/nxos-status-cslu.txt');
  // A private tmux server, started before timing so its start-up is not counted.
  const socket = `slp-bench-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'idle', '-x', '100', '-y', '30');
  // The TUI starts from a V8 code cache that its first run after a build writes (src/tui/load.ts). That first run is
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
  return [
    '## TUI first frame',
    '',
    `\`slp-doctor tui captures/nxos-status-cslu.txt\` in a 100×30 tmux window, from starting the process to the header`,
    `("ACK deadline …") on screen, polled every 5 ms: ${cached.map((t) => t.toFixed(0)).join(', ')} ms (median ${ms.toFixed(0)} ms);`,
    `the first run after the build, which has no code cache yet (it writes it once the device is on screen), ${first.toFixed(0)} ms.`,
    'It includes Node start-up, compiling the TUI (from the cache), loading Ink and React, and reading and parsing the',
    'capture; the rule pack loads after the first frame.',
  ].join('\n');
}
