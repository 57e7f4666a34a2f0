// The command line starts from a V8 code cache (src/cli/start.ts, common/code-cache.ts): the build writes one for
// `parse` and `analyze`, another command's first run writes its own, and a cache V8 rejects is replaced. A cache may
// only ever change how fast the answer comes, never the answer: each run here is held to the output of the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDir, copyBuiltProduct, runBinary } from '../support/cli.js';
import { repoRoot } from '../support/shared.js';
import { Terminal } from '../tui/tmux.js';

const capture = join(repoRoot, 'captures/rule-dns-not-configured.txt');
const caches = (install: string): string[] => readdirSync(bundleDir(install)).filter((name) => /^cli-script\.js\..+\.cache$/.test(name)).sort();
const commandOf = (cacheName: string): string => cacheName.split('.').at(-2)!;

/** A copy of the built product, so that removing and spoiling caches leaves the repository's build alone. */
function productCopy(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  copyBuiltProduct(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'bin/slp-doctor.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return { root, run };
}

const { root: install, run: runCopy } = productCopy('slp-code-cache-');
const analyzeArgs = ['analyze', '--format', 'json', capture];
const expected = runBinary(analyzeArgs);

describe('the command line\'s code cache', () => {
  it('is written by the build for parse and analyze', () => {
    expect(caches(repoRoot).map(commandOf)).toEqual(expect.arrayContaining(['analyze', 'parse']));
  });

  it('is written by a command\'s first run, then read as it is', () => {
    for (const name of caches(install)) rmSync(join(bundleDir(install), name));
    expect(runCopy(analyzeArgs)).toEqual(expected);
    const written = caches(install);
    expect(written.map(commandOf)).toEqual(['analyze']);
    const path = join(bundleDir(install), written[0]!);
    const before = statSync(path).mtimeMs;
    expect(runCopy(analyzeArgs)).toEqual(expected);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('keeps one cache per command', () => {
    const list = runCopy(['rules', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(runBinary(['rules', 'list']).stdout);
    expect(caches(install).map(commandOf)).toContain('rules');
  });

  it('replaces a cache V8 rejects, and answers the same', () => {
    const name = caches(install).find((n) => commandOf(n) === 'analyze')!;
    const path = join(bundleDir(install), name);
    writeFileSync(path, 'not a code cache');
    expect(runCopy(analyzeArgs)).toEqual(expected);
    expect(readFileSync(path, 'utf8').startsWith('not a code cache')).toBe(false);
    expect(statSync(path).size).toBeGreaterThan(100_000);
  });

  it('is not needed: without the CLI script the modules of the bundle answer the same', () => {
    rmSync(join(bundleDir(install), 'cli-script.js'));
    expect(runCopy(analyzeArgs)).toEqual(expected);
    expect(caches(install).length).toBeGreaterThan(0);
  });
});

describe('the TUI\'s code cache', () => {
  const terminal = new Terminal('code-cache');
  afterAll(() => terminal.kill());
  const tuiCaches = (): string[] => readdirSync(bundleDir(install)).filter((name) => /^tui-script\.js\..+\.cache$/.test(name));

  it('is written by a first run that quits as soon as the device is on screen, then read as it is', async () => {
    Terminal.expectReady();
    for (const name of tuiCaches()) rmSync(join(bundleDir(install), name));
    const run = async (session: string): Promise<string> => {
      terminal.start(session, `node ${join(install, 'bin/slp-doctor.js')} tui ${capture}`);
      const screen = await terminal.waitForText(session, 'ACK deadline');
      terminal.keys(session, 'q');
      await terminal.waitForExit(session);
      return screen.split('\n').find((line) => line.includes('ACK deadline'))!;
    };
    const first = await run('first');
    expect(tuiCaches()).toHaveLength(1);
    const path = join(bundleDir(install), tuiCaches()[0]!);
    const written = statSync(path).mtimeMs;
    expect(await run('second')).toBe(first);
    expect(statSync(path).mtimeMs).toBe(written);
  });

  it('has the rule engine in a script of its own, whose cache the first findings write and later runs read', async () => {
    Terminal.expectReady();
    const ruleEngineCaches = (): string[] => readdirSync(bundleDir(install)).filter((name) => /^tui-rules-script\.js\..+\.cache$/.test(name));
    for (const name of ruleEngineCaches()) rmSync(join(bundleDir(install), name));
    const findings = async (session: string): Promise<string[]> => {
      terminal.start(session, `node ${join(install, 'bin/slp-doctor.js')} tui ${capture}`);
      const screen = await terminal.waitForText(session, '[dns-not-configured]');
      terminal.keys(session, 'q');
      await terminal.waitForExit(session);
      return screen.split('\n').filter((line) => /\[[a-z-]+\]/.test(line));
    };
    const first = await findings('rules-first');
    expect(first.join('\n')).toContain('DNS is not configured for licensing');
    expect(ruleEngineCaches()).toHaveLength(1);
    const path = join(bundleDir(install), ruleEngineCaches()[0]!);
    const written = statSync(path).mtimeMs;
    expect(await findings('rules-second')).toEqual(first);
    expect(statSync(path).mtimeMs).toBe(written);
  });
});

describe('the command line in the TUI\'s script', () => {
  // `tui` parses its options in the TUI's script (src/cli/tui-script.ts); without that script, in the CLI's modules.
  const { root: copy, run } = productCopy('slp-tui-options-');
  const cases = [['tui', '--help'], ['tui', '--bogus'], ['tui', '--now', 'yesterday', capture], ['tui', capture]];

  it('answers tui\'s options as the CLI\'s modules do', () => {
    const withScript = cases.map(run);
    rmSync(join(bundleDir(copy), 'tui-script.js'));
    expect(cases.map(run)).toEqual(withScript);
    expect(withScript.map((result) => result.code)).toEqual([0, 2, 2, 2]);
    expect(withScript[0]!.stdout).toContain('Usage: slp-doctor tui [options] [files...]');
    expect(withScript[3]!.stderr).toBe('slp-doctor: tui needs a terminal; use `slp-doctor analyze FILE` in scripts and pipes\n');
  });
});
