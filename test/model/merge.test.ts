// One device from many files (DESIGN.md "One device from many files"): the newest capture gives the present, histories
// merge in time order, and the result never depends on the order of the files. Expected values are read by hand from
// test/fixtures/merge/*.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze-command.js';
import type { AnalyzeCliOptions } from '../../src/cli/options.js';
import { ingestText } from '../../src/ingest/index.js';
import { fromIngested } from '../../src/pipeline/captures.js';

const dir = join(import.meta.dirname, '../fixtures/merge');
const OLD_TECH_SUPPORT = join(dir, 'edge-rtr-07-techsupport-2024-03.txt');
const NEW_STATUS = join(dir, 'edge-rtr-07-status-2024-05.txt');
const SYSLOG_SERVER = join(dir, 'syslog-server-2024-05.txt');
const FILES = [OLD_TECH_SUPPORT, NEW_STATUS, SYSLOG_SERVER];

/** Every order of the items. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const load = (files: string[]) => fromIngested(files.map((file) => ingestText(readFileSync(file, 'utf8'), file)));
const texts = (entries: [string, string][]) => fromIngested(entries.map(([name, text]) => ingestText(text, name)));

async function analyzeOutput(files: string[], format: AnalyzeCliOptions['format']): Promise<string> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) => new Writable({ write(chunk, _e, done) { append(String(chunk)); done(); } });
  await runAnalyze(files, { format, rules: [], failOn: 'never' }, { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), stdinIsTTY: true, env: {} });
  expect(err).toBe('');
  return out;
}

describe('an old tech support, a newer show license status and a syslog-server extract of one host', () => {
  const device = () => load(FILES).devices.find((d) => d.hostname === 'edge-rtr-07')!;

  it('take the present from the newest capture (show clock of May 20), block by block', () => {
    const edge = device();
    expect(edge.captureTime).toBe('2024-05-20T14:30:00.000Z');
    expect(edge.captureTimeSource).toBe('show clock');
    expect(edge.sources.captureTime).toEqual({ file: NEW_STATUS, line: 2 });
    // Transport: CSLU in March, Smart in May; the March `Cslu address:` does not survive next to `Type: Smart`.
    expect(edge.transport).toMatchObject({ type: 'smart', url: 'https://smartreceiver.cisco.com/licservice/license', csluAddress: null });
    expect(edge.sources['transport.type']).toEqual({ file: NEW_STATUS, line: 21 });
    // Trust: `<none>` in March, installed on May 10 in May.
    expect(edge.trustCode.installedAt).toBe('2024-05-10T11:58:12Z');
    expect(edge.trustCode.udis).toEqual([
      expect.objectContaining({ role: 'active', pid: 'C8300-1N1S-6T', sn: 'FLM2410X0AA', installedAt: '2024-05-10T11:58:12Z' }),
    ]);
    expect(edge.usageReporting).toMatchObject({ lastAckReceived: '2024-05-12T06:10:02Z', nextAckDeadline: '2024-08-10T06:10:02Z' });
    expect(edge.derived.topology).toBe('direct-smart');
    expect(edge.diagnostics).toEqual([]);
  });

  it('keep what only the older capture shows (its license summary)', () => {
    const edge = device();
    expect(edge.licenses.map((l) => [l.name, l.count, l.status])).toEqual([
      ['network-essentials', 1, 'IN USE'],
      ['dna-essentials', 1, 'IN USE'],
    ]);
    expect(edge.sources['licenses[0]']!.file).toBe(OLD_TECH_SUPPORT);
  });

  it('merge the logs in time order, a message seen in two files kept once', () => {
    const edge = device();
    expect(edge.syslog.map((m) => [m.time, m.name])).toEqual([
      ['2024-03-04T08:00:00.000Z', 'COMM_FAILED'],
      ['2024-03-05T09:30:00.000Z', 'COMM_FAILED'], // in both device logs
      ['2024-04-02T07:15:00.000Z', 'COMM_FAILED'], // only on the syslog server
      ['2024-05-10T11:58:12.000Z', 'TRUST_CODE_INSTALL_SUCCESS'], // device log and syslog server
      ['2024-05-12T06:10:03.000Z', 'REPORTING_REQUIRED'], // device log and syslog server
    ]);
    expect(edge.syslog[2]!.file).toBe(SYSLOG_SERVER);
  });

  it('list files, sections, diagnostics and devices in an order of their own', () => {
    const { devices } = load(FILES);
    expect(devices.map((d) => d.hostname)).toEqual(['edge-rtr-07', 'edge-rtr-08']);
    expect(devices[0]!.files).toEqual([NEW_STATUS, OLD_TECH_SUPPORT, SYSLOG_SERVER]);
    expect(devices[0]!.sections.map((s) => [s.file, s.command])).toEqual([
      [NEW_STATUS, 'show clock'],
      [NEW_STATUS, 'show license status'],
      [NEW_STATUS, 'show logging'],
      [NEW_STATUS, 'syslog'], // ingest gives the log lines under a `show logging` prompt a section of their own
      [OLD_TECH_SUPPORT, 'show clock'],
      [OLD_TECH_SUPPORT, 'show license status'],
      [OLD_TECH_SUPPORT, 'show license summary'],
      [OLD_TECH_SUPPORT, 'show logging'],
      [OLD_TECH_SUPPORT, 'syslog'],
      [SYSLOG_SERVER, 'syslog'],
    ]);
  });

  it('give the same model in every order of the files', () => {
    const [first, ...others] = permutations(FILES).map((files) => JSON.stringify(load(files).document));
    for (const other of others) expect(other).toBe(first);
  });

  it.each(['json', 'text', 'markdown', 'jsonl'] as const)('give byte-identical analyze --format %s output in every order', async (format) => {
    const [first, ...others] = await Promise.all(permutations(FILES).map((files) => analyzeOutput(files, format)));
    expect(first).toContain('edge-rtr-07');
    for (const other of others) expect(other).toBe(first);
  });
});

describe('year-less syslog stamps of several files', () => {
  const clockAndLog = (clock: string, log: string) => `edge-rtr-09#show clock\n${clock}\nedge-rtr-09#show logging | include SMART_LIC\n${log}\n`;
  const JAN_2025 = clockAndLog('08:00:00.000 UTC Thu Jan 2 2025', 'Dec 30 10:00:00.000 UTC: %SMART_LIC-5-COMM_RESTORED: Communications with the Cisco Smart Software Manager (CSSM) restored.');
  const FEB_2023 = clockAndLog('08:00:00.000 UTC Fri Feb 10 2023', 'Feb  1 10:00:00.000 UTC: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Couldn\'t connect to server');
  const NO_CLOCK = 'edge-rtr-09#show logging | include SMART_LIC\nJan  1 09:00:00.000 UTC: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Couldn\'t connect to server\n';

  it('take their year from their own file\'s capture, or from the newest capture when their file has no clock', () => {
    for (const entries of permutations<[string, string]>([['jan-2025.txt', JAN_2025], ['feb-2023.txt', FEB_2023], ['no-clock.txt', NO_CLOCK]])) {
      const [device] = texts(entries).devices;
      expect(device!.syslog.map((m) => [m.time, m.file])).toEqual([
        ['2023-02-01T10:00:00.000Z', 'feb-2023.txt'],
        ['2024-12-30T10:00:00.000Z', 'jan-2025.txt'],
        ['2025-01-01T09:00:00.000Z', 'no-clock.txt'],
      ]);
      expect(device!.captureTime).toBe('2025-01-02T08:00:00.000Z');
      expect(device!.diagnostics).toEqual([]);
    }
  });
});

describe('files that tie', () => {
  const status = (type: string) => `edge-rtr-11#show clock
09:00:00.000 UTC Mon Apr 15 2024
edge-rtr-11#show license status
Smart Licensing Using Policy:
  Status: ENABLED

Transport:
  Type: ${type}
`;
  const summary = (license: string) => `edge-rtr-12#show license summary
License Usage:
  License                 Entitlement Tag               Count Status
  -----------------------------------------------------------------------------
  ${license.padEnd(24)}(C8300 ${license})              1 IN USE
`;

  it('on capture time take the present from the first file by path, whatever the order', () => {
    const orders = permutations<[string, string]>([['b.txt', status('cslu')], ['a.txt', status('Smart')]]);
    for (const entries of orders) expect(texts(entries).devices[0]!.transport.type).toBe('smart');
    const [first, second] = orders.map((entries) => JSON.stringify(texts(entries).document));
    expect(second).toBe(first);
  });

  it('without any capture time do the same', () => {
    const orders = permutations<[string, string]>([['y.txt', summary('network-advantage')], ['x.txt', summary('network-essentials')]]);
    for (const entries of orders) {
      const [device] = texts(entries).devices;
      expect(device!.captureTime).toBeNull();
      expect(device!.licenses.map((l) => l.name)).toEqual(['network-essentials']);
    }
  });
});
