// Where the built-in rule pack is: `rules/` beside `src/` in a clone and beside `dist/` in the package (the bundle's
// chunks sit two levels down, as the sources do).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built-in pack shipped with the package. */
export function builtinRulesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
}

/** Where the build writes the precompiled built-in pack. */
export function builtinPackCachePath(): string {
  return resolve(builtinRulesDir(), '..', 'dist', 'rules-pack.json');
}
