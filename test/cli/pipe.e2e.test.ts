// A closed pipe ends every command quietly: `slp-doctor … | head -1` exits 0 with nothing on stderr, however much
// output was left to write and whatever the findings. Driven through real pipes: a shell pipeline into head, and a
// reader that is gone before the first byte (every write then fails).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const bin = join(repoRoot, 'bin/slp-doctor.js');
const captures = join(repoRoot, 'captures');
const capture = join(captures, 'rule-dns-not-configured.txt');
const dir = tempDir('slp-pipe-');

/**
 * Every command; the fleet ones run more than 24 files, so they use the worker pool. Each analyze prints ~100 KB here,
 * more than a pipe holds: head has closed it before the last write, so the status must be 0 although there are errors.
 */
const COMMANDS: string[][] = [
  ['--help'],
  ['rules', 'list'],
  ['rules', 'lint'],
  ['rules', 'test'],
  ['rules', 'schema'],
  ['rules', 'explain', 'dns-not-configured', capture],
  ['parse', capture],
  ['parse', '--format', 'text', captures],
  ['analyze', captures],
  ['analyze', '--jobs', '2', '--format', 'json', captures],
  ['analyze', '--jobs', '2', '--format', 'jsonl', captures],
  ['analyze', '--format', 'markdown', captures],
];
/** Output a pipe holds whole: only a reader gone before the first write sees it closed. */
const SHORT: string[][] = [['analyze', '--summary', captures], ['--version']];

const named = (commands: string[][]) => commands.map((args) => [args.join(' ').replaceAll(repoRoot, '.'), args] as const);
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('a closed pipe', () => {
  it.each(named(COMMANDS))('%s | head -1: status 0, nothing on stderr', (_name, args) => {
    const stderr = join(dir, 'stderr.txt');
    const pipeline = `set -o pipefail; ${quote(process.execPath)} ${quote(bin)} ${args.map(quote).join(' ')} 2>${quote(stderr)} | head -1`;
    const result = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8', timeout: 60_000 });
    expect(readFileSync(stderr, 'utf8')).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.status).toBe(0);
  });

  it.each(named([...COMMANDS, ...SHORT]))('%s into a reader already gone: status 0, nothing on stderr', async (_name, args) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before Node has started in the child: its first write meets a pipe nobody reads.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('standard error closed as well (2>&1 | head -1)', () => {
    const pipeline = `set -o pipefail; ${quote(process.execPath)} ${quote(bin)} analyze --jobs 2 ${quote(captures)} ${quote(join(dir, 'missing.txt'))} 2>&1 | head -1`;
    const result = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.status).toBe(0);
  });
});
