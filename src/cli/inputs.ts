// Turning command-line operands into input files: FILE, `-`, a directory (every file below it) or a glob.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../ingest/types.js';

const SKIP = /(^|\/)(\.[^/]+|node_modules)$/;
// Compressed captures (.gz) are read; archives are not captures.
const SIDE_FILES = /\.(expect\.ya?ml|json|md|zip|tgz|tar|tar\.gz)$/i;

/** Expand operands in order; directories are walked in sorted order so results are deterministic. */
export function expandInputs(operands: string[], stdinIsPipe: boolean): string[] {
  if (operands.length === 0) return stdinIsPipe ? ['-'] : [];
  const files: string[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      files.push('-');
      continue;
    }
    if (/[*?[]/.test(operand)) {
      const matched = expandGlob(operand);
      if (matched.length === 0) throw new InputError(operand, null, 'no file matches this pattern');
      files.push(...matched);
      continue;
    }
    let stats;
    try {
      stats = statSync(operand);
    } catch {
      throw new InputError(operand, null, 'no such file or directory');
    }
    if (stats.isDirectory()) {
      const found = walk(operand);
      if (found.length === 0) throw new InputError(operand, null, 'directory holds no capture files');
      files.push(...found);
    } else files.push(operand);
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  // Entry types come with the listing: a fleet directory of ten thousand captures needs no stat per file.
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (SKIP.test(path)) continue;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stats = statSync(path);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      } catch {
        continue;
      }
    }
    if (isDirectory) out.push(...walk(path));
    else if (isFile && !SIDE_FILES.test(entry.name)) out.push(path);
  }
  return out;
}

/** Minimal glob: `*`, `?` and `**` in path segments, enough for `captures/*.txt` and `fleet/**\/*.log`. */
function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  const results: string[] = [];
  const visit = (base: string, index: number): void => {
    if (index === segments.length) {
      results.push(base);
      return;
    }
    const segment = segments[index]!;
    if (segment === '**') {
      visit(base, index + 1);
      for (const name of safeReaddir(base)) {
        const path = join(base, name);
        if (isDir(path)) visit(path, index);
      }
      return;
    }
    if (!/[*?[]/.test(segment)) {
      visit(join(base, segment), index + 1);
      return;
    }
    const regex = new RegExp(`^${segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    for (const name of safeReaddir(base).sort()) if (regex.test(name)) visit(join(base, name), index + 1);
  };
  visit(absolute ? '/' : '.', 0);
  return [...new Set(results)].filter((p) => !isDir(p)).map((p) => (absolute ? resolve(p) : p.replace(/^\.\//, ''))).sort();
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
