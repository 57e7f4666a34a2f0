// What users of well-kept command-line tools expect: -v prints the version, a bad option value is one line naming
// the option and the value with status 2, colour follows --color, NO_COLOR and FORCE_COLOR. Run in this process
// (test/support/cli.ts): stdout is a pipe, the environment only what a test gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNow, UsageError } from '../../src/cli/options.js';
import { runCli as run } from '../support/cli.js';
import { repoRoot } from '../support/shared.js';

const capture = join(repoRoot, 'captures/rule-dns-not-configured.txt');

describe('the version', () => {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  it.each(['-v', '-V', '--version'])('%s prints package.json\'s version', async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('--now', () => {
  it.each([
    ['2024-04-18T07:45:10Z', '2024-04-18T07:45:10Z'],
    ['2024-04-18T09:45:10+02:00', '2024-04-18T07:45:10Z'],
    ['2024-04-18T09:45:10+0200', '2024-04-18T07:45:10Z'],
    ['2024-04-18t07:45:10.250z', '2024-04-18T07:45:10.250Z'],
    ['2024-04-18', '2024-04-18T00:00:00Z'],
    ['2024-02-29 07:45', '2024-02-29T07:45:00Z'],
  ])('reads %s as %s (no zone: UTC, whatever the machine\'s zone)', (given, expected) => {
    expect(checkNow(given)).toBe(expected);
  });

  it.each(['garbage', 'yesterday', '2024-02-30', '2023-02-29', '2024-13-01', '2024-04-18T24:00:00Z', '2024-04-18T07:60Z', '2024-04-18garbage', '20240418', ''])(
    'refuses %j',
    (given) => {
      expect(() => checkNow(given)).toThrow(UsageError);
    },
  );

  it.each([
    ['analyze', '--now', 'garbage', capture],
    ['analyze', '--now', '2024-02-30', '--format', 'jsonl', capture],
    ['rules', 'explain', 'dns-not-configured', capture, '--now', 'garbage'],
  ])('%s %s %s: one line naming the option and the value, status 2', async (...args) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const value = args[args.indexOf('--now') + 1]!;
    expect(result.stderr).toBe(`slp-doctor: --now: "${value}" is not an ISO 8601 time (e.g. 2024-04-18T07:45:10Z)\n`);
  });

  it('a good --now is used: the deadline is judged against it', async () => {
    const early = JSON.parse((await run(['analyze', '--format', 'json', '--now', '2024-04-18T07:45:10Z', capture])).stdout);
    const late = JSON.parse((await run(['analyze', '--format', 'json', '--now', '2025-04-18T07:45:10Z', capture])).stdout);
    expect(early.devices[0].daysToAckDeadline).toBeGreaterThan(late.devices[0].daysToAckDeadline);
  });
});

describe('colour', () => {
  const ESC = '\x1b[';
  it('is off in a pipe, on with --color always or FORCE_COLOR, off with --color never or NO_COLOR', async () => {
    expect((await run(['analyze', capture])).stdout).not.toContain(ESC);
    expect((await run(['analyze', '--color', 'always', capture])).stdout).toContain(ESC);
    expect((await run(['analyze', capture], { FORCE_COLOR: '1' })).stdout).toContain(ESC);
    expect((await run(['analyze', '--color', 'never', capture], { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await run(['analyze', '--color', 'always', capture], { NO_COLOR: '1' })).stdout).toContain(ESC);
    expect((await run(['analyze', capture], { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await run(['analyze', capture], { FORCE_COLOR: '' })).stdout).not.toContain(ESC);
    expect((await run(['analyze', capture], { FORCE_COLOR: '0' })).stdout).not.toContain(ESC);
  });

  it('--color takes auto, always or never', async () => {
    const result = await run(['analyze', '--color', 'sometimes', capture]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^slp-doctor: option '--color <when>' argument 'sometimes' is invalid.*\n$/);
  });
});
