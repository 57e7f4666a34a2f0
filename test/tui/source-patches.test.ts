// scripts/source-patches.mjs rewrites parts of Ink's dependencies as the TUI script is bundled. A rewrite whose text a
// new release no longer has would only warn at build time and quietly cost start-up time; and a rewrite must not
// change what the TUI prints. Both are held here against the installed packages.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { patchSource, SOURCE_PATCHES } from '../../scripts/source-patches.mjs';
import { repoRoot } from '../support/shared.js';

interface Patch { file: RegExp; only?: string; edits: [string, unknown][] }
const patches = SOURCE_PATCHES as Patch[];
const patch = (path: string, source: string) => patchSource(patches.find((p) => p.file.test(path)), path, source) as { source: string | null; missing: string[] };

/** Every file under node_modules a patch names. */
function patchedFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js') && patches.some((p) => p.file.test(path))) found.push(path);
    }
  };
  for (const top of ['yoga-layout', 'string-width', 'ink', '@alcalzone', 'wrap-ansi']) walk(join(repoRoot, 'node_modules', top));
  return found;
}

describe('the TUI script\'s source patches', () => {
  it('each find all their text in the installed package they are for', () => {
    const applied = new Set<Patch>();
    for (const path of patchedFiles()) {
      const result = patch(path, readFileSync(path, 'utf8'));
      if (result.source === null) continue; // another copy of the package (`only`), left as it is
      expect(result.missing, relative(repoRoot, path)).toEqual([]);
      applied.add(patches.find((p) => p.file.test(path))!);
    }
    expect(applied.size).toBe(patches.length);
  });
});

describe('the styledCharsToString patch', () => {
  // The package's build, once as installed and once patched, side by side.
  const dir = mkdtempSync(join(tmpdir(), 'slp-ansi-tokenize-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const build = join(repoRoot, 'node_modules/@alcalzone/ansi-tokenize/build');
  const copy = join(dir, 'node_modules/@alcalzone/ansi-tokenize/build');
  cpSync(build, copy, { recursive: true, filter: (source) => !source.endsWith('.map') });
  // Without their maps, the copies must not point to them either.
  for (const name of readdirSync(copy)) if (name.endsWith('.js')) writeFileSync(join(copy, name), readFileSync(join(copy, name), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
  const patchedPath = join(copy, 'styledChars.js');
  writeFileSync(patchedPath, patch(patchedPath, readFileSync(patchedPath, 'utf8')).source!);
  type Tokenizer = { tokenize(text: string): unknown[]; styledCharsFromTokens(tokens: unknown[]): unknown[]; styledCharsToString(chars: unknown[]): string };
  const load = async (root: string): Promise<Tokenizer> => (await import(pathToFileURL(join(root, 'index.js')).href)) as Tokenizer;

  it('prints every row as the package does', async () => {
    const [original, patched] = await Promise.all([load(build), load(copy)]);
    // SGR as chalk writes it: `sgr(31)` red on, `sgr(39)` its end.
    const sgr = (...codes: number[]): string => codes.map((code) => `\u001B[${code}m`).join('');
    // Rows as the TUI draws them: runs of one style, styles nested and ended, intensity (bold, dim) together, links.
    const rows = [
      'plain text, no style at all',
      `${sgr(31)}✖ ERROR${sgr(39)} (2) ${sgr(1, 31)}› ✖ Communication${sgr(39, 22)} ${sgr(2)}[comm-failure-cssm-smart]${sgr(22)}`,
      `${sgr(1)}${sgr(2)}dim in bold${sgr(22)}${sgr(1)} bold${sgr(22)} ${sgr(7)} 1 Findings ${sgr(27)}${sgr(44, 37)} 2 Device model ${sgr(39, 49)}`,
      `${sgr(32)}✔${sgr(39)} ACK deadline in ${sgr(33, 1)}12${sgr(22, 39)} days ${sgr(90)}${'─'.repeat(40)}${sgr(39)}`,
      `\u001B]8;;https://example.invalid\u0007link\u001B]8;;\u0007 after ${sgr(4)}under${sgr(24)}${sgr(0)}reset x`,
      `${sgr(1)}a${sgr(22)}${sgr(1)}b${sgr(22)}${sgr(2)}c${sgr(22)}${sgr(1, 2)}d${sgr(22)}${sgr(3)}e${sgr(23)}`,
      `${sgr(38)};5;196mnot a colour${sgr(0)} ${sgr(38, 5, 196)}256 colours${sgr(39)} ${sgr(31)}never ended`,
    ];
    for (const row of rows) {
      const chars = original.styledCharsFromTokens(original.tokenize(row));
      expect(patched.styledCharsToString(chars), row).toBe(original.styledCharsToString(chars));
    }
  });
});
