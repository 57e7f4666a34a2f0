// Redaction at scale: a generated fleet analysed with --redact in every format leaks none of the serials, ID
// tokens, accounts, host names or IP addresses the generator put in.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze-command.js';
import type { AnalyzeCliOptions } from '../../src/cli/options.js';
import { ingestText } from '../../src/ingest/index.js';
import { fromIngested } from '../../src/pipeline/captures.js';
import { tempDir } from '../support/temp-dirs.js';

interface CaptureValues {
  file: string;
  hostnames: string[];
  serials: string[];
  accounts: string[];
  ips: string[];
  tokens: string[];
}

const root = join(import.meta.dirname, '../..');
const corpusScript = new URL('../../scripts/gen-corpus.mjs', import.meta.url).href;
const { generateFleet } = (await import(corpusScript)) as {
  generateFleet(options: { dir: string; count: number; seed: number; pipeline: object }): Promise<{ manifest: { captures: CaptureValues[] } }>;
};
const dir = join(tempDir('slp-redact-'), 'fleet');
const { manifest } = await generateFleet({ dir, count: 200, seed: 7, pipeline: { ingestText, fromIngested } });
const secrets = [...new Set(manifest.captures.flatMap((c) => [...c.hostnames, ...c.serials, ...c.accounts, ...c.ips, ...c.tokens]))];

async function analyze(extra: Partial<AnalyzeCliOptions>): Promise<string> {
  let out = '';
  const stdout = new Writable({ write(chunk, _encoding, done) { out += String(chunk); done(); } });
  const stderr = new Writable({ write(_chunk, _encoding, done) { done(); } });
  const options: AnalyzeCliOptions = { format: 'text', rules: [], failOn: 'never', redact: true, jobs: '1', ...extra };
  const code = await runAnalyze([dir], options, { stdout, stderr, stdinIsTTY: true, env: { NO_COLOR: '1' } });
  expect(code).toBe(0);
  return out;
}

function leaks(output: string): string[] {
  return secrets.filter((secret) => new RegExp(`(?<![A-Za-z0-9_.-])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).test(output));
}

describe('--redact over a generated fleet of 200 captures', () => {
  it('the generator put in values of every kind', () => {
    for (const kind of ['hostnames', 'serials', 'accounts', 'ips', 'tokens'] as const)
      expect(manifest.captures.some((c) => c[kind].length > 0), kind).toBe(true);
  });

  for (const [name, options] of [
    ['text', { format: 'text' }],
    ['json', { format: 'json' }],
    ['markdown', { format: 'markdown' }],
    ['jsonl', { format: 'jsonl' }],
    ['summary', { summary: true, format: 'text' }],
    ['summary markdown', { summary: true, format: 'markdown' }],
    ['summary json', { summary: true, format: 'json' }],
  ] as const) {
    it(`${name}: no serial, token, account, host name or IP address`, async () => {
      const output = await analyze(options);
      expect(output.length).toBeGreaterThan(500);
      expect(leaks(output)).toEqual([]);
    }, 120_000);
  }

  it('the same holds through the CLI and its worker pool', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin/slp-doctor.js'), 'analyze', '--redact', '--format', 'jsonl', '--jobs', '2', '--fail-on', 'never', dir], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 180_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').length).toBeGreaterThan(150);
    expect(leaks(result.stdout)).toEqual([]);
  }, 200_000);

  it('the check is able to see a leak', async () => {
    const output = await analyze({ format: 'json', redact: false });
    expect(leaks(output).length).toBeGreaterThan(0);
  }, 120_000);
});
