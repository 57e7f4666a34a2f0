// Node 20 keeps no compiled code for ES modules between runs (module.enableCompileCache came with Node 22), but it
// does for a script compiled with vm.Script and cached data. The CLI and the TUI are therefore also built as one
// script each (scripts/bundle.mjs) and compiled here with the code V8 produced on an earlier run. V8 checks that a
// cache matches its version, flags and source and ignores one that does not; the caller then writes a new one.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** A built script, compiled: run it once with its arguments, then save the cache if `needsCache`. */
export interface CachedScript {
  run(...args: unknown[]): Promise<void>;
  /** No cache was read, or V8 rejected it. */
  readonly needsCache: boolean;
  /** Write what V8 has compiled so far (best effort: a read-only install simply starts without a cache). */
  saveCache(): void;
}

/**
 * The script at `path` as the body of an async function (it may await at top level, like a module) taking
 * `__slpRequire` and `__slpScriptUrl` (a script has neither `require` nor `import.meta`), then `parameters`.
 */
export function compileScript(path: string, parameters: readonly string[], cachedData?: Buffer): vm.Script {
  const source = `(async function (${['__slpRequire', '__slpScriptUrl', ...parameters].join(', ')}) {${readFileSync(path, 'utf8')}\n})`;
  return new vm.Script(source, { filename: path, cachedData });
}

declare const __SLP_BUILD_ID__: string | undefined;

/**
 * The script at `path`, compiled from its cache beside it: one per build (another build's never matches its source)
 * and, when the script keeps several, per `kind` (the CLI's per command).
 */
export function loadCachedScript(path: string, parameters: readonly string[], kind?: string): CachedScript {
  const build = typeof __SLP_BUILD_ID__ === 'string' ? __SLP_BUILD_ID__ : 'dev';
  const cachePath = `${path}.${build}${kind === undefined ? '' : `.${kind}`}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  const compiled = compileScript(path, parameters, cachedData);
  return {
    run: (...args) => (compiled.runInThisContext() as (...all: unknown[]) => Promise<void>)(createRequire(path), pathToFileURL(path).href, ...args),
    needsCache: cachedData === undefined || compiled.cachedDataRejected === true,
    saveCache: () => {
      const temporary = `${cachePath}.${process.pid}`;
      try {
        writeFileSync(temporary, compiled.createCachedData());
        renameSync(temporary, cachePath);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
