// Build step (run by scripts/bundle.mjs from the bundle it just built): checks the built-in pack with every
// load-time check and writes the cache `analyze` loads instead (see pack-cache.ts). A pack with errors gets no
// cache, so the CLI reports the errors exactly as it would without one.
import { rmSync, writeFileSync } from 'node:fs';
import { readPack, ruleFiles } from './rule-directories.js';
import { currentBuild, packCache } from './pack-cache.js';
import { formatProblem } from './types.js';

/**
 * Writes the cache of the pack in `dir` (the built-in `rules/`) to `out` (where `builtinPackCachePath` finds it);
 * returns the problems that prevented it (empty when written).
 */
export function writePackCache(dir: string, out: string): string[] {
  rmSync(out, { force: true }); // never leave a cache of an earlier build behind
  const build = currentBuild();
  if (build === null) return ['not running from the bundle: no build id'];
  const { pack, problems } = readPack([dir]);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return errors.map(formatProblem);
  writeFileSync(out, JSON.stringify(packCache(ruleFiles(dir), pack.rules, build)));
  return [];
}
