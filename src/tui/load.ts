// How `slp-doctor tui` starts. Left alone, most of its start-up is V8 compiling JavaScript: Ink, React and the
// parsers, about a megabyte. Node 20 keeps no compiled code for ES modules between runs, but it does for a script
// compiled with vm.Script and cached data. So the build also emits the TUI as one script (dist/bundle/tui-script.js, see
// scripts/bundle.mjs), compiled here with the code V8 produced the last time: the first run after a build writes the
// cache next to the script once a device is on screen, and later runs start from it. V8 checks that a cache matches
// its version, flags and source, and ignores (and here replaces) one that does not. Without the script (tests, tsc's
// dist/) the TUI's ES modules load as they are.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

type RunTui = typeof import('./index.js').runTui;

declare const __SLP_BUILD_ID__: string | undefined;

export const TUI_SCRIPT = 'tui-script.js';

/** The script as the body of an async function (it awaits Yoga's WebAssembly at top level, like a module). */
export function compileTuiScript(path: string, cachedData?: Buffer): vm.Script {
  const source = `(async function (__slpRequire, __slpScriptUrl, __slpTui) {${readFileSync(path, 'utf8')}\n})`;
  return new vm.Script(source, { filename: path, cachedData });
}

export async function loadTui(): Promise<RunTui> {
  const script = findScript();
  if (!script) {
    // React's development build checks everything twice and starts far slower; a user's terminal wants production.
    process.env.NODE_ENV ??= 'production';
    return (await import('./index.js')).runTui;
  }
  const path = fileURLToPath(script);
  const cachePath = `${path}.${typeof __SLP_BUILD_ID__ === 'string' ? __SLP_BUILD_ID__ : 'dev'}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  const compiled = compileTuiScript(path, cachedData);
  const exports: { runTui?: RunTui } = {};
  await compiled.runInThisContext()(createRequire(path), script.href, exports);
  const runTui = exports.runTui!;
  if (cachedData && !compiled.cachedDataRejected) return runTui;
  // Once a device is on screen, the cache holds what start-up compiled, not only the top level. A run that ends
  // before (no terminal, a quit from the start screen) writes none, and the next run tries again.
  return (files, options) => runTui(files, { ...options, onShown: () => saveCache(compiled, cachePath) });
}

/** Best effort: a read-only install simply starts without a cache. */
function saveCache(compiled: vm.Script, cachePath: string): void {
  const temporary = `${cachePath}.${process.pid}`;
  try {
    writeFileSync(temporary, compiled.createCachedData());
    renameSync(temporary, cachePath);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** dist/bundle/tui-script.js, next to the bundle's chunks; null outside the bundle. */
function findScript(): URL | null {
  for (const candidate of [`./${TUI_SCRIPT}`, `../${TUI_SCRIPT}`]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
