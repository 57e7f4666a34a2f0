// Preloaded with `node --import` into a TUI that scripts/bench-tui.mjs starts: at exit, writes the process's peak
// RSS to $SLP_PROBE_OUT. The measuring stays in the benchmark; the product has none.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.SLP_PROBE_OUT) writeFileSync(process.env.SLP_PROBE_OUT, JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
});
