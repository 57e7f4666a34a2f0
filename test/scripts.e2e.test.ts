// Every script in scripts/ answers --help with its usage and does nothing else, and refuses an unknown option with
// one line and status 2 (gen-corpus once wrote 10,000 captures when asked for help).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/shared.js';
import { tempDir } from './support/temp-dirs.js';

const scripts = readdirSync(join(repoRoot, 'scripts')).filter((name) => name.endsWith('.mjs')).sort();
const run = (script: string, args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'scripts', script), ...args], { encoding: 'utf8', timeout: 30_000 });

describe('scripts', () => {
  it('are all here', () => {
    expect(scripts).toEqual(expect.arrayContaining(['bench.mjs', 'bundle.mjs', 'fuzz.mjs', 'gen-corpus.mjs', 'gen-showtech.mjs', 'measure.mjs']));
  });

  it.each(scripts)('%s --help prints its usage and does nothing else', (script) => {
    const out = join(tempDir('slp-script-'), 'out');
    const result = run(script, ['--help', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: /);
    expect(existsSync(out)).toBe(false);
  });

  it.each(scripts.filter((s) => s !== 'measure.mjs'))('%s refuses an unknown option with one line, status 2', (script) => {
    const result = run(script, ['--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${script}: Unknown option '--no-such-option'; usage: .*\\n$`));
  });

  it('measure.mjs leaves its arguments to slp-doctor, which refuses an unknown option', () => {
    const result = run('measure.mjs', ['--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^slp-doctor: unknown option '--no-such-option'\n/);
  });

  it.each([
    ['gen-corpus.mjs', ['--count', 'many'], /^gen-corpus\.mjs: --count: 'many' is not a whole number of at least 1; usage: /],
    ['gen-corpus.mjs', ['--count'], /^gen-corpus\.mjs: Option '--count <value>' argument missing; usage: /],
    ['gen-showtech.mjs', ['out.txt'], /^gen-showtech\.mjs: give OUT\.txt and SIZE_MB; usage: /],
    ['gen-showtech.mjs', ['out.txt', '1', '2', '3'], /^gen-showtech\.mjs: unexpected argument '3'; usage: /],
    ['fuzz.mjs', ['--dump', 'x.bin'], /^fuzz\.mjs: --dump needs --replay; usage: /],
  ])('%s %j: one line, status 2', (script, args, message) => {
    const result = run(script, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
