// Turning command-line operands into input files: FILE, `-`, a directory (every capture file below it) or a glob.
//
// Symbolic links are followed, to files and to folders, inside the operand or outside it: a folder of links to
// captures kept elsewhere is read like a folder of captures. Each file is read once however many ways lead to it, so a
// link back up the tree (`loop -> ..`) or to a folder already read adds nothing.
import { realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import type { GlobOptions } from 'tinyglobby';
import { InputError } from '../ingest/types.js';

let tinyglobby: typeof import('tinyglobby') | null = null;

/**
 * tinyglobby, loaded with the first directory or pattern from node_modules rather than bundled: evaluating it and
 * picomatch costs every start-up tens of milliseconds, and most runs name capture files.
 */
function globSync(pattern: string, options: GlobOptions): string[] {
  tinyglobby ??= createRequire(import.meta.url)('tinyglobby') as typeof import('tinyglobby');
  return tinyglobby.globSync(pattern, options);
}

// Compressed captures (.gz) are read; archives are not captures.
const SIDE_FILES = /\.(expect\.ya?ml|json|md|zip|tgz|tar|tar\.gz)$/i;
const GLOB_CHARACTERS = /[*?[{]/;

/** Expand operands in order; each directory and each glob gives its files in sorted order, so results are deterministic. */
export function expandInputs(operands: string[], stdinIsPipe: boolean): string[] {
  if (operands.length === 0) return stdinIsPipe ? ['-'] : [];
  const files: string[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      files.push('-');
      continue;
    }
    let stats;
    try {
      stats = statSync(operand);
    } catch {
      // A name that exists is read as written (`capture[1].txt`); only one that does not is a pattern.
      if (!GLOB_CHARACTERS.test(operand)) throw new InputError(operand, null, 'no such file or directory');
      const matched = expandGlob(operand);
      if (matched.length === 0) throw new InputError(operand, null, 'no file matches this pattern');
      files.push(...matched);
      continue;
    }
    if (stats.isDirectory()) {
      const found = capturesBelow(operand);
      if (found.length === 0) throw new InputError(operand, null, 'directory holds no capture files');
      files.push(...found);
    } else files.push(operand);
  }
  return files;
}

/**
 * Every capture file below a directory, folder by folder in name order (a folder's files follow straight after its
 * name, as a depth-first walk lists them). Hidden files and folders, node_modules and side files (expectations, JSON
 * output, notes, archives) are not captures.
 */
function capturesBelow(dir: string): string[] {
  const found = filesOnce(dir, '**', { dot: false, ignore: ['**/node_modules'] });
  return found
    .filter((path) => !SIDE_FILES.test(basename(path)))
    .sort(byFolderThenName)
    .map((path) => join(dir, path));
}

/**
 * `*`, `?`, `[abc]`, `[!x]`, `{a,b}` within a name and `**` across folders. The part before the first wildcard is
 * kept as written, so matches are named the way the pattern names them. Unlike a directory, a pattern also matches
 * hidden and side files: it names what it wants.
 */
function expandGlob(pattern: string): string[] {
  const segments = pattern.split('/');
  const firstWild = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const base = segments.slice(0, firstWild).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const rest = segments.slice(firstWild).filter((segment) => segment !== '').map(literalParentheses).join('/');
  // Parentheses, `!`, `+` and `@` are ordinary characters in capture names ("show tech (1).txt"), not pattern syntax.
  return filesOnce(base, rest, { dot: true, extglob: false })
    .map((path) => join(base, path))
    .sort();
}

const literalParentheses = (segment: string): string => segment.replace(/[()]/g, '\\$&').replace(/^!/, '\\!');

/** Compares paths folder by folder: `a/x` before `a-b`, as a walk that lists each folder in name order meets them. */
function byFolderThenName(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * The files below `base` that `pattern` matches (paths relative to `base`, in no particular order), one path per
 * file. A file reached several ways is named by the path that goes through no link, else by the shortest:
 * `sub/c.txt`, not `loop/F/sub/c.txt`.
 */
function filesOnce(base: string, pattern: string, options: Pick<GlobOptions, 'dot' | 'ignore' | 'extglob'>): string[] {
  // The crawler resolves each link it meets with realpath: noting those calls tells which paths went through a link,
  // so only those need resolving again (a realpath per file would cost more than the walk on a fleet directory).
  const links = new Set<string>();
  const realpathNoting = (path: string): string => {
    links.add(path.replace(/\/+$/, ''));
    return realpathSync(path);
  };
  const paths = globSync(pattern, { ...options, cwd: base, expandDirectories: false, fs: { realpathSync: realpathNoting as typeof realpathSync } });
  if (links.size === 0) return paths;

  const root = resolve(base);
  const realRoot = realpathSync.native(root);
  const throughLink = (path: string): boolean => {
    let prefix = root;
    return path.split('/').some((segment) => links.has((prefix = join(prefix, segment))));
  };
  const chosen = new Map<string, Way>();
  for (const path of paths) {
    const direct = !throughLink(path);
    let real: string;
    try {
      real = direct ? join(realRoot, path) : realpathSync.native(join(root, path));
    } catch {
      continue; // removed while we looked: not an input
    }
    const candidate: Way = { path, direct, depth: path.split('/').length };
    const held = chosen.get(real);
    if (!held || preferred(candidate, held)) chosen.set(real, candidate);
  }
  return [...chosen.values()].map(({ path }) => path);
}

interface Way {
  path: string;
  /** Goes through no link below the base. */
  direct: boolean;
  depth: number;
}

/** Through no link first, then the shortest, then the first in name order: the same name on every run. */
function preferred(a: Way, b: Way): boolean {
  if (a.direct !== b.direct) return a.direct;
  if (a.depth !== b.depth) return a.depth < b.depth;
  return a.path < b.path;
}
