// Preloaded with `node --import` into a TUI that scripts/bench-tui.mjs starts: at exit, writes the process's peak
// RSS to $SLP_PROBE_OUT. The measuring stays in the benchmark; the product has none.
import { writeFileSync } from 'node:fs';
import { runBy } from './args.mjs';

runBy(import.meta.url, `
usage: node --import ./scripts/tui-probe.mjs <the TUI's command line>
Preloaded by scripts/bench-tui.mjs into the TUI it measures; it writes the peak RSS to $SLP_PROBE_OUT at exit.`);

process.on('exit', () => {
  if (process.env.SLP_PROBE_OUT) writeFileSync(process.env.SLP_PROBE_OUT, JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
});
