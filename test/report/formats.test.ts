// The output format registry (src/report/formats.ts) is the only place a format is chosen: every entry is offered by
// the commands whose document it writes, and the commands offer nothing else. So a format added there works
// everywhere at once, and one removed there is gone from `--format` too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzedDevice } from '../../src/common/findings.js';
import { FORMATS, formatChoices, writerFor, writes, writesAnalysis, type FormatName } from '../../src/report/formats.js';
import { PLAIN } from '../../src/report/color.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/shared.js';

const capture = join(repoRoot, 'captures/rule-dns-not-configured.txt');
const names = Object.keys(FORMATS) as FormatName[];

/** The choices commander lists in a command's help: `(choices: "a", "b", default: "a")`. */
async function helpChoices(command: string): Promise<string[]> {
  const { stdout } = await runCli([command, '--help']);
  const choices = /--format <format>[\s\S]*?\(choices: ([^)]*?), default/.exec(stdout)?.[1] ?? '';
  return [...choices.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe('the output formats', () => {
  it('are what analyze and parse offer, each command its default first', async () => {
    expect(await helpChoices('analyze')).toEqual(formatChoices(writesAnalysis, 'text'));
    expect(await helpChoices('parse')).toEqual(formatChoices(writes('model'), 'json'));
    expect(formatChoices(writesAnalysis, 'text')).toEqual(['text', 'json', 'markdown', 'jsonl']);
    expect(formatChoices(writes('model'), 'json')).toEqual(['json', 'text']);
  });

  it.each(names.filter((name) => writesAnalysis(FORMATS[name])))('analyze --format %s writes the analysis', async (name) => {
    const result = await runCli(['analyze', '--format', name, '--fail-on', 'never', '--color', 'never', capture]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('dns-not-configured');
  });

  it.each(names.filter((name) => writes('summary')(FORMATS[name])))('analyze --summary --format %s writes the fleet summary', async (name) => {
    const result = await runCli(['analyze', '--summary', '--format', name, '--fail-on', 'never', '--color', 'never', capture]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('dns-not-configured');
  });

  it.each(names.filter((name) => writes('model')(FORMATS[name])))('parse --format %s writes the device models', async (name) => {
    const result = await runCli(['parse', '--format', name, capture]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.length).toBeGreaterThan(100);
  });

  it('writes a device line as the JSON document holds the device', async () => {
    const { stdout } = await runCli(['analyze', '--format', 'json', '--fail-on', 'never', capture]);
    const [device] = (JSON.parse(stdout) as { devices: AnalyzedDevice[] }).devices;
    expect(JSON.parse(FORMATS.jsonl.deviceLine!(device!))).toEqual({ schemaVersion: 1, device });
    expect(writerFor('jsonl', 'analysis')).toBeNull();
    expect(writerFor('markdown', 'model')).toBeNull();
    expect(writerFor('json', 'analysis')!({ schemaVersion: 1, devices: [] }, PLAIN)).toBe('{\n  "schemaVersion": 1,\n  "devices": []\n}\n');
  });

  it('refuses a format a command does not offer, naming the choices', async () => {
    const result = await runCli(['parse', '--format', 'markdown', capture]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`slp-doctor: option '--format <format>' argument 'markdown' is invalid. Allowed choices are json, text.\n`);
  });
});
