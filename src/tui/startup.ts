// How `slp-doctor tui` starts. Left alone, most of its start-up is V8 compiling JavaScript: Ink, React and the
// parsers, about a megabyte. So the build also emits the TUI as one script (dist/bundle/tui-script.js, see
// scripts/bundle.mjs), compiled here from a V8 code cache (common/code-cache.ts): the first run after a build writes
// the cache next to the script once a device is on screen, and later runs start from it. Without the script (tests,
// tsc's dist/) the TUI's ES modules load as they are.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from '../common/code-cache.js';
import { TUI_SCRIPT, TUI_SCRIPT_PARAMETERS } from './scripts.js';

type RunTui = typeof import('./index.js').runTui;

// The build (scripts/bundle.mjs) takes the scripts' names and parameters from here.
export * from './scripts.js';

export async function loadTui(): Promise<RunTui> {
  const script = findScript();
  if (!script) {
    // React's development build checks everything twice and starts far slower; a user's terminal wants production.
    process.env.NODE_ENV ??= 'production';
    return (await import('./index.js')).runTui;
  }
  const path = fileURLToPath(script);
  const compiled = loadCachedScript(path, TUI_SCRIPT_PARAMETERS);
  const exports: { runTui?: RunTui } = {};
  await compiled.run(exports);
  const runTui = exports.runTui!;
  if (!compiled.needsCache) return runTui;
  // Once a device is on screen, the cache holds what start-up compiled, not only the top level. A run that ends
  // before (no terminal, a quit from the start screen) writes none, and the next run tries again.
  return (files, options) => runTui(files, { ...options, onShown: () => compiled.saveCache() });
}

/** dist/bundle/tui-script.js, next to the bundle's chunks; null outside the bundle. */
function findScript(): URL | null {
  for (const candidate of [`./${TUI_SCRIPT}`, `../${TUI_SCRIPT}`]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
