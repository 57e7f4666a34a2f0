#!/usr/bin/env node
// Runs one slp-doctor command in this process with output discarded, then reports its wall time and the
// process's peak RSS as JSON on stderr. Used by bench.mjs so memory is measured for the command alone. It runs the
// shipped bundle (what bin/slp-doctor.js loads), not the tsc output, whose ~750 modules take longer to load.
//   node scripts/measure.mjs parse --format json big.txt
import { Writable } from 'node:stream';

// Every argument is slp-doctor's: only a first --help is this script's own.
if (process.argv.length < 3 || ['-h', '--help'].includes(process.argv[2])) {
  const usage = `usage: node scripts/measure.mjs SLP-DOCTOR-ARGUMENTS…
Runs one slp-doctor command in this process with its output discarded and prints {code, ms, maxRssMB} as JSON
on stderr. Needs \`npm run build\` first.
`;
  (process.argv.length < 3 ? process.stderr : process.stdout).write(usage);
  process.exit(process.argv.length < 3 ? 2 : 0);
}

const { start: main } = await import('../dist/bundle/cli/start.js');
const sink = new Writable({ write(_chunk, _encoding, done) { done(); } });
const start = performance.now();
const code = await main(process.argv.slice(2), { stdout: sink, stderr: process.stderr, stdinIsTTY: true, env: { NO_COLOR: '1' } });
const ms = performance.now() - start;
// Then it ends as bin/slp-doctor.js ends a command: at once, without tearing the heap down first.
process.stderr.write(`${JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`, () => process.exit(code));
