// How `slp-doctor tui` starts. Left alone, most of its start-up is V8 compiling JavaScript: Ink, React and the
// parsers, about a megabyte. So the build also emits the TUI as one script (dist/bundle/tui-script.js, see
// scripts/bundle.mjs), compiled here from a V8 code cache (common/code-cache.ts): the first run after a build writes
// the cache next to the script once a device is on screen, and later runs start from it. Without the script (tests,
// tsc's dist/) the TUI's ES modules load as they are.
import { fileURLToPath } from 'node:url';
import { findBuiltScript } from '../common/built-script.js';
import { loadCachedScript } from '../common/code-cache.js';
import { TUI_SCRIPT, TUI_SCRIPT_PARAMETERS, type TuiScriptExports } from './scripts.js';

type RunTui = typeof import('./index.js').runTui;

// The build (scripts/bundle.mjs) takes the scripts' names and parameters from here.
export * from './scripts.js';

/** The TUI's script, compiled and run: its runTui and the command line in front of it. null outside the bundle. */
export async function loadTuiScript(): Promise<Required<TuiScriptExports> | null> {
  const script = findScript();
  if (!script) return null;
  const compiled = loadCachedScript(fileURLToPath(script), TUI_SCRIPT_PARAMETERS);
  const exports: TuiScriptExports = {};
  await compiled.run(exports);
  if (compiled.needsCache) {
    // Once a device is on screen, the cache holds what start-up compiled, not only the top level. A run that ends
    // before (no terminal, a quit from the start screen) writes none, and the next run tries again. The script's own
    // command line finds this runTui too (startup-in-script.ts).
    const runTui = exports.runTui!;
    exports.runTui = (files, options) => runTui(files, { ...options, onShown: () => compiled.saveCache() });
  }
  return exports as Required<TuiScriptExports>;
}

export async function loadTui(): Promise<RunTui> {
  const script = await loadTuiScript();
  if (script) return script.runTui;
  // React's development build checks everything twice and starts far slower; a user's terminal wants production.
  process.env.NODE_ENV ??= 'production';
  return (await import('./index.js')).runTui;
}

/** dist/bundle/tui-script.js, next to the bundle's chunks; null outside the bundle. */
function findScript(): URL | null {
  return findBuiltScript(import.meta.url, [`./${TUI_SCRIPT}`, `../${TUI_SCRIPT}`]);
}
