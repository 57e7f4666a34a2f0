// Operands to input files: directory walks and globs (src/cli/inputs.ts). Paths are absolute: tests never change
// the working directory.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/inputs.js';
import { InputError } from '../../src/ingest/types.js';
import { tempDir } from '../support/temp-dirs.js';

/** A directory holding `files` (path → content; content `-> target` makes a symbolic link). */
function tree(files: Record<string, string>): string {
  const root = tempDir('slp-inputs-');
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (content.startsWith('-> ')) symlinkSync(content.slice(3), full);
    else writeFileSync(full, content);
  }
  return root;
}

const relativeTo = (root: string, paths: string[]): string[] => paths.map((path) => path.slice(root.length + 1));

describe('a directory operand', () => {
  it('reads a folder holding a link back up the tree once', () => {
    const root = tree({ 'F/a.txt': 'a', 'F/b.txt': 'b', 'F/sub/c.txt': 'c', 'F/loop': '-> ..', 'F/sub/self': '-> .', 'F/up': '-> ../F' });
    const files = expandInputs([join(root, 'F')], false);
    expect(relativeTo(root, files)).toEqual(['F/a.txt', 'F/b.txt', 'F/sub/c.txt']);
  });

  it('follows links to captures and folders kept elsewhere, each file once', () => {
    const root = tree({
      'elsewhere/site-a/one.txt': '1',
      'elsewhere/two.txt': '2',
      'fleet/own.txt': 'o',
      'fleet/site-a': '-> ../elsewhere/site-a',
      'fleet/two.txt': '-> ../elsewhere/two.txt',
      'fleet/two-again.txt': '-> ../elsewhere/two.txt',
    });
    const files = expandInputs([join(root, 'fleet')], false);
    expect(relativeTo(root, files)).toEqual(['fleet/own.txt', 'fleet/site-a/one.txt', 'fleet/two-again.txt']);
  });

  it('lists folder by folder in name order, a folder\'s files straight after its name', () => {
    const root = tree({ 'a-b.txt': '', 'a/x.txt': '', 'a.txt': '', 'B.txt': '', 'a/y/z.txt': '', 'a/ya.txt': '' });
    expect(relativeTo(root, expandInputs([root], false))).toEqual(['B.txt', 'a/x.txt', 'a/y/z.txt', 'a/ya.txt', 'a-b.txt', 'a.txt']);
  });

  it('skips hidden files and folders, node_modules, side files and dangling links', () => {
    const root = tree({
      'cap.txt': '',
      'cap.txt.gz': '',
      '.hidden.txt': '',
      '.git/x.txt': '',
      'node_modules/pkg/x.txt': '',
      'cap.expect.yaml': '',
      'report.json': '',
      'notes.md': '',
      'bundle.tar.gz': '',
      'gone.txt': '-> nowhere.txt',
    });
    expect(relativeTo(root, expandInputs([root], false))).toEqual(['cap.txt', 'cap.txt.gz']);
  });

  it('refuses a directory without capture files', () => {
    const root = tree({ 'notes.md': '' });
    expect(() => expandInputs([root], false)).toThrow(new InputError(root, null, 'directory holds no capture files'));
  });
});

describe('a glob operand', () => {
  const root = tree({
    'ab.txt': '',
    'ac.txt': '',
    'ax.txt': '',
    '.ay.txt': '',
    'old (1)/show tech (2).txt': '',
    'deep/one/two/d.log': '',
    'deep/d.log': '',
    'deep/loop': '-> ..',
    'capture[1].txt': '',
  });

  it('takes [!x] as "any character but x"', () => {
    expect(relativeTo(root, expandInputs([`${root}/a[!x].txt`], false))).toEqual(['ab.txt', 'ac.txt']);
  });

  it('takes {a,b} as alternatives', () => {
    expect(relativeTo(root, expandInputs([`${root}/a{b,x}.txt`], false))).toEqual(['ab.txt', 'ax.txt']);
  });

  it('matches ** across nested folders, each file once despite a loop', () => {
    expect(relativeTo(root, expandInputs([`${root}/**/*.log`], false))).toEqual(['deep/d.log', 'deep/one/two/d.log']);
  });

  it('matches hidden files it names, in sorted order', () => {
    expect(relativeTo(root, expandInputs([`${root}/a?.txt`, `${root}/*y.txt`], false))).toEqual(['ab.txt', 'ac.txt', 'ax.txt', '.ay.txt']);
  });

  it('reads parentheses as part of a name', () => {
    expect(relativeTo(root, expandInputs([`${root}/old (1)/*(2).txt`], false))).toEqual(['old (1)/show tech (2).txt']);
  });

  it('reads a name that exists as written, even with pattern characters in it', () => {
    expect(expandInputs([`${root}/capture[1].txt`], false)).toEqual([`${root}/capture[1].txt`]);
  });

  it('refuses a pattern that matches nothing', () => {
    const pattern = `${root}/*.pcap`;
    expect(() => expandInputs([pattern], false)).toThrow(new InputError(pattern, null, 'no file matches this pattern'));
  });
});

describe('other operands', () => {
  it('keeps files and `-` in the order given; no operand reads a pipe', () => {
    const root = tree({ 'b.txt': '', 'a.txt': '' });
    expect(expandInputs([join(root, 'b.txt'), '-', join(root, 'a.txt')], false)).toEqual([join(root, 'b.txt'), '-', join(root, 'a.txt')]);
    expect(expandInputs([], true)).toEqual(['-']);
    expect(expandInputs([], false)).toEqual([]);
  });

  it('refuses a missing path', () => {
    const missing = join(tempDir('slp-inputs-'), 'nope.txt');
    expect(() => expandInputs([missing], false)).toThrow(new InputError(missing, null, 'no such file or directory'));
  });
});
