// Where a built script is: a worker thread's entry, or a script compiled with a code cache (cli/start.ts,
// tui/startup.ts). The same code runs from tsc's output (dist/…, one file per module) and from the bundle
// (dist/bundle/…, where the calling module sits in a chunk at the top, or in a script itself): each caller lists where
// its script can be relative to itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The first of `candidates` (paths relative to `base`, the caller's `import.meta.url`) that is a file, or null: under
 * a TypeScript test runner the modules are sources with nothing built beside them.
 */
export function findBuiltScript(base: string, candidates: readonly string[]): URL | null {
  for (const candidate of candidates) {
    const url = new URL(candidate, base);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
