// --redact masks the device's values and never the tool's words: over every capture, in text, JSON and Markdown
// (through analyze, in this thread and through its worker pool) and in the TUI's export, each finding keeps its
// title, actions, references and the words of its message exactly, while host names, serials, accounts, tokens,
// addresses and user names are masked.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../src/cli/analyze-command.js';
import type { AnalyzeCliOptions } from '../src/cli/options.js';
import { messageValues, type AnalyzeDocument, type Finding } from '../src/common/findings.js';
import type { DeviceModel } from '../src/common/device.js';
import { Redactor } from '../src/report/redact.js';
import { exportMarkdown } from '../src/tui/export.js';
import { parseFiles, withFindings } from '../src/tui/session.js';
import { analyzeLoaded } from '../src/pipeline/analyze.js';
import { loadRulePack } from '../src/pipeline/rule-pack.js';

const root = join(import.meta.dirname, '..');
const captures = readdirSync(join(root, 'captures')).filter((f) => f.endsWith('.txt')).sort();
const pack = loadRulePack();

async function analyze(file: string, format: AnalyzeCliOptions['format'], redact: boolean): Promise<string> {
  let out = '';
  const stdout = new Writable({ write(chunk, _encoding, done) { out += String(chunk); done(); } });
  const stderr = new Writable({ write(_chunk, _encoding, done) { done(); } });
  const options: AnalyzeCliOptions = { format, rules: [], failOn: 'never', redact, jobs: '1', color: 'never' };
  await runAnalyze([file], options, { stdout, stderr, stdinIsTTY: true, env: { NO_COLOR: '1' } });
  return out;
}

/** The message's own words: what lies between the values filled in from the device. */
function messageWords(finding: Finding): string[] {
  const spans = messageValues(finding) ?? [];
  const words: string[] = [];
  let from = 0;
  for (const [start, end] of [...spans, [finding.message.length, finding.message.length] as const]) {
    const piece = finding.message.slice(from, start).trim();
    if (piece !== '') words.push(piece);
    from = end;
  }
  return words;
}

/** The device values --redact must mask, written from the model (as test/redact.test.ts takes them). */
function deviceValues(devices: DeviceModel[]): string[] {
  const values = new Set<string>();
  for (const d of devices) {
    for (const value of [d.hostname, d.udi.sn, d.account.smartAccount, d.account.virtualAccount, d.transport.proxy.username,
      ...d.haUdis.map((u) => u.sn), ...d.trustCode.udis.map((u) => u.sn), ...d.syslog.map((m) => m.host), ...d.aliases, ...d.derived.csluVirtualAccounts])
      if (value && value.length >= 3) values.add(value);
  }
  return [...values];
}

/** Every fixed word of every finding appears in the output as the rule wrote it. */
function expectWordsKept(output: string, findings: readonly Finding[], where: string): void {
  for (const finding of findings) {
    expect(output, `${where}: title of ${finding.ruleId}`).toContain(finding.title);
    for (const action of finding.actions)
      for (const line of action.split('\n').map((l) => l.trim()).filter(Boolean)) expect(output, `${where}: action of ${finding.ruleId}`).toContain(line);
    for (const reference of finding.references) expect(output, `${where}: reference of ${finding.ruleId}`).toContain(reference);
    for (const words of messageWords(finding)) expect(output, `${where}: message words of ${finding.ruleId}`).toContain(words);
  }
}

function expectValuesMasked(output: string, values: readonly string[], where: string): void {
  const leaked = values.filter((value) => new RegExp(`(?<![A-Za-z0-9_.-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).test(output));
  expect(leaked, where).toEqual([]);
}

describe('--redact keeps the tool words of every finding of every capture', () => {
  it.each(captures)('%s', async (name) => {
    const file = join(root, 'captures', name);
    const session = withFindings(await parseFiles([file]), { schemaVersion: 1, devices: [] });
    const document = analyzeLoaded(session.loaded, pack);
    const findings = document.devices.flatMap((d) => d.findings);
    const values = deviceValues(session.devices);

    const outputs: Record<string, string> = {
      text: await analyze(file, 'text', true),
      markdown: await analyze(file, 'markdown', true),
      'TUI export': exportMarkdown(document, new Redactor().learn(session.devices)),
    };
    for (const [format, output] of Object.entries(outputs)) {
      expectWordsKept(output, findings, format);
      expectValuesMasked(output, values, format);
    }

    const json = await analyze(file, 'json', true);
    expectValuesMasked(json, values, 'json');
    // analyze orders devices by host name; the redacted output keeps the order of the plain one.
    const redacted = JSON.parse(json) as AnalyzeDocument;
    const plain = JSON.parse(await analyze(file, 'json', false)) as AnalyzeDocument;
    const fixed = (doc: AnalyzeDocument) => doc.devices.map((d) => d.findings.map((f) => [f.ruleId, f.title, f.actions, f.references]));
    expect(fixed(redacted)).toEqual(fixed(plain));
    const key = (d: { hostname: string | null; files: string[] }) => `${d.hostname}\u0000${d.files.join('\u0000')}`;
    const analysed = new Map(document.devices.map((d) => [key(d), d]));
    redacted.devices.forEach((device, i) => {
      const original = analysed.get(key(plain.devices[i]!))!;
      device.findings.forEach((finding, j) => {
        for (const words of messageWords(original.findings[j]!)) expect(finding.message, `json message of ${finding.ruleId}`).toContain(words);
      });
    });
  });

  it('through the worker pool too: the message values cross the worker boundary', () => {
    const dir = join(root, 'captures');
    const redacted = spawnSync(process.execPath, [join(root, 'bin/slp-doctor.js'), 'analyze', '--redact', '--format', 'json', '--jobs', '2', '--fail-on', 'never', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const plain = spawnSync(process.execPath, [join(root, 'bin/slp-doctor.js'), 'analyze', '--format', 'json', '--jobs', '1', '--fail-on', 'never', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(redacted.status).toBe(0);
    const words = (text: string) => (JSON.parse(text) as AnalyzeDocument).devices.flatMap((d) => d.findings.map((f) => [f.ruleId, f.title, f.actions, f.references]));
    expect(words(redacted.stdout)).toEqual(words(plain.stdout));
    expect(redacted.stdout).toMatch(/<host-\d+>/);
  }, 120_000);
});

describe('the words the issue found masked', () => {
  it('"Nexus SLP User Guide," and "Virtual Account: Inventory > General > New Token" stay as written', async () => {
    const file = join(root, 'captures/rule-trust-code-account-mismatch.txt');
    for (const format of ['text', 'markdown', 'json'] as const) {
      const output = await analyze(file, format, true);
      expect(output, format).toContain('Virtual Account: Inventory > General > New Token');
      expect(output, format).not.toMatch(/User <user-\d+>|<account-\d+> > General/);
    }
    const plain = await analyze(file, 'text', false);
    expect(plain).toContain('User Guide,');
    expect(await analyze(file, 'text', true)).toContain('User Guide,');
  });

  it('a device value that is an ordinary word is masked in the device text, not in the rule words', () => {
    const redactor = new Redactor().learnValues([['account', 'Inventory'], ['host', 'General']]);
    const finding: Finding = {
      ruleId: 'trust-code-account-mismatch',
      severity: 'error',
      title: 'General trust problem',
      message: 'Account Inventory differs',
      evidence: [{ file: 'General.txt', line: 3, text: 'Virtual Account: Inventory' }],
      actions: ['Generate a new token in that Virtual Account: Inventory > General > New Token'],
      references: ['Nexus SLP User Guide, Chapter 7'],
    };
    const out = redactor.redactDevice({ hostname: 'General', platform: 'nxos', captureTime: null, topology: 'cslu', daysToAckDeadline: null, files: ['General.txt'], findings: [finding], diagnosticCount: 0 }, [[[8, 17]]]);
    expect(out.hostname).toBe('<host-1>');
    expect(out.files).toEqual(['<host-1>.txt']);
    expect(out.findings[0]).toEqual({
      ...finding,
      message: 'Account <account-1> differs',
      evidence: [{ file: '<host-1>.txt', line: 3, text: 'Virtual Account: <account-1>' }],
    });
  });
});
