// The sibling ../shared folder (source documents, rule catalogue, real device output) is not part of the
// repository: Cisco's text stays there. A clone without it still tests itself; what needs it is skipped with one
// line naming the missing path.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedRoot = path.resolve(repoRoot, '../shared');

/** The absolute path of `relative` under ../shared, or null (after one note on stderr) when it is absent. */
export function sharedPath(relative: string): string | null {
  const full = path.join(sharedRoot, relative);
  if (existsSync(full)) return full;
  noteMissing(relative);
  return null;
}

const noted = new Set<string>();
function noteMissing(relative: string): void {
  if (noted.has(relative)) return;
  noted.add(relative);
  process.stderr.write(`skipped: ../shared/${relative} is not beside this clone\n`);
}

/** For `describe.skipIf(!hasShared('seeds'))`: true when ../shared/<relative> exists; notes it once when not. */
export function hasShared(relative: string): boolean {
  return sharedPath(relative) !== null;
}
