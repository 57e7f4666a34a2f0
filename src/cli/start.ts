// What bin/slp-doctor.js starts. A cold `analyze` of a small capture spent a quarter of its time compiling the
// bundle's JavaScript; compiled from a V8 code cache (common/code-cache.ts) it starts ~90 ms sooner
// (docs/PERFORMANCE.md). The cache is kept per command, since each compiles different code: written by the build
// for `parse` and `analyze` (scripts/bundle.mjs), otherwise by a command's first run, and replaced when V8 rejects it
// (another Node version). Without the script (tsc's dist/) the CLI's ES modules load as they are.
import { fileURLToPath } from 'node:url';
import { findBuiltScript } from '../common/built-script.js';
import { loadCachedScript } from '../common/code-cache.js';
import { startReadAheadSoon } from '../ingest/read-ahead.js';
import type { CliIO } from './options.js';

type Main = typeof import('./main.js').main;

export const CLI_SCRIPT = 'cli-script.js';
export const CLI_SCRIPT_PARAMETERS = ['__slpCli', '__slpImport'] as const;
/** Commands with a cache of their own; the rest share one. */
const CACHED_COMMANDS = new Set(['analyze', 'parse', 'rules']);

/** Runs the command line; the exit status. */
export async function start(argv: string[], io?: CliIO): Promise<number> {
  const script = findBuiltScript(import.meta.url, [`../${CLI_SCRIPT}`]);
  // The TUI has a script of its own, with the command line in it (cli/tui-script.ts): `tui` runs there. Compiling
  // this one too would only delay it. (A caller's own streams, as tests pass, are for this script's commands.)
  if (argv[0] === 'tui' && io === undefined) {
    const tui = await (await import('../tui/startup.js')).loadTuiScript();
    if (tui) return tui.main(argv);
  }
  // No command may open the TUI (on a terminal): main.js decides, and loads it as `tui` does.
  if (argv.length === 0 || argv[0] === 'tui' || script === null) return (await import('./main.js')).main(argv, io);
  const path = fileURLToPath(script);
  const command = CACHED_COMMANDS.has(argv[0] ?? '') ? argv[0]! : 'other';
  // A big file's read-ahead worker starts now, while the script is compiled and the command sets up.
  if (command === 'analyze' || command === 'parse') startReadAheadSoon(argv.slice(1));
  const compiled = loadCachedScript(path, CLI_SCRIPT_PARAMETERS, command);
  const exports: { main?: Main } = {};
  // The TUI stays an ES module of the bundle (it has a script of its own): the CLI script imports it through here.
  const importFromBundle = (specifier: string): Promise<unknown> => import(new URL(specifier, script).href);
  await compiled.run(exports, importFromBundle);
  const code = await exports.main!(argv, io);
  if (compiled.needsCache) compiled.saveCache();
  return code;
}
export { compileScript } from '../common/code-cache.js';
