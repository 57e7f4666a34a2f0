// Fleet analysis in this process: merge groups, deterministic order, per-file errors and the summary. The worker pool
// agreeing with it is in pool.e2e.test.ts.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFleet, mergeGroups, streamFleet, type FleetDevice } from '../../src/fleet/index.js';
import { inOrder } from '../../src/fleet/stream.js';
import { summarise } from '../../src/fleet/summary.js';
import { renderSummaryMarkdown, renderSummaryText } from '../../src/report/fleet-summary.js';
import { loadRulePack } from '../../src/pipeline/rule-pack.js';
import { PLAIN } from '../../src/report/color.js';
import { tempDir } from '../support/temp-dirs.js';

const root = join(import.meta.dirname, '../..');
const capture = (name: string) => join(root, 'captures', name);
const pack = loadRulePack([]);
const options = { pack, jobs: 1 };

describe('merge groups', () => {
  it('links files that share a host, transitively, and leaves single files alone', () => {
    const keys: Record<string, string[]> = { a: ['leaf-101'], b: ['leaf-102'], c: ['leaf-101', 'leaf-103'], d: ['leaf-103'], e: [] };
    expect(mergeGroups(['a', 'b', 'c', 'd', 'e'], (f) => keys[f]!)).toEqual([['a', 'c', 'd']]);
  });
});

describe('analyzeFleet', () => {
  it("joins a syslog-server extract to the show-tech of the host it names", async () => {
    const dir = tempDir('slp-fleet-merge-');
    const syslog = join(dir, 'syslog-server.log');
    writeFileSync(syslog, '<187>Apr 18 05:10:21 leaf-101 : 2024 Apr 18 05:10:21 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Communication send error.\n'
      + '<187>Apr 18 05:11:21 leaf-202 : 2024 Apr 18 05:11:21 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Communication send error.\n');
    const result = await analyzeFleet([syslog, capture('nxos-techsupport.txt')], options);
    const leaf101 = result.devices.find((d) => d.facts.hostname === 'leaf-101')!;
    expect([...leaf101.facts.files].sort()).toEqual([capture('nxos-techsupport.txt'), syslog].sort());
    expect(leaf101.facts.platform).toBe('nxos');
    expect(result.devices.map((d) => d.facts.hostname)).toEqual(['leaf-101', 'leaf-202']);
  });

  it('gives the same devices in the same order whatever the order of the inputs', async () => {
    const files = ['iosxe-techsupport.txt', 'syslog-multi-host.txt', 'nxos-techsupport.txt', 'rule-dns-not-configured.txt'].map(capture);
    const forward = await analyzeFleet(files, options);
    const backward = await analyzeFleet([...files].reverse(), options);
    const names = (r: typeof forward) => r.devices.map((d) => `${d.facts.hostname}:${[...d.facts.files].sort().join(',')}`);
    expect(names(backward)).toEqual(names(forward));
    const hostnames = forward.devices.map((d) => d.facts.hostname ?? '~');
    expect(hostnames).toEqual([...hostnames].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('reports unreadable inputs one line each and still analyses the others', async () => {
    const dir = tempDir('slp-fleet-err-');
    const locked = join(dir, 'locked.txt');
    copyFileSync(capture('nxos-techsupport.txt'), locked);
    chmodSync(locked, 0o000);
    const lockedIsUnreadable = (() => {
      try {
        readFileSync(locked);
        return false; // running as root: permissions are not enforced
      } catch {
        return true;
      }
    })();
    const result = await analyzeFleet([join(dir, 'missing.txt'), locked, capture('iosxe-techsupport.txt')], options);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/missing\.txt: no such file/),
      ...(lockedIsUnreadable ? [expect.stringMatching(/locked\.txt: permission denied/)] : []),
    ]);
    for (const error of result.errors) expect(error.message).not.toContain('\n');
    expect(result.devices.some((d) => d.facts.files.includes(capture('iosxe-techsupport.txt')))).toBe(true);
  });
});

describe('streamFleet (--format jsonl)', () => {
  async function stream(files: string[]) {
    const sets: FleetDevice[][] = [];
    const errors: string[] = [];
    const result = await streamFleet(files, { pack, jobs: 1, onDevices: (d) => sets.push(d), onError: (e) => errors.push(e.message) });
    return { sets, errors, result, lines: sets.flat().map((d) => d.line!) };
  }

  it('gives each device once, in the path order of the files whatever the operand order, a set of files that name one host together', async () => {
    const dir = tempDir('slp-fleet-stream-');
    const syslog = join(dir, 'b-syslog-server.log');
    writeFileSync(syslog, '<187>Apr 18 05:10:21 leaf-101 : 2024 Apr 18 05:10:21 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Communication send error.\n');
    copyFileSync(capture('iosxe-techsupport.txt'), join(dir, 'a-iosxe.txt'));
    copyFileSync(capture('nxos-techsupport.txt'), join(dir, 'd-nxos.txt'));
    const files = [join(dir, 'd-nxos.txt'), syslog, join(dir, 'c-missing.txt'), join(dir, 'a-iosxe.txt')];
    const { sets, errors, result, lines } = await stream(files);
    const hosts = lines.map((line) => (JSON.parse(line) as { device: { hostname: string } }).device.hostname);
    expect(hosts).toEqual(['c9300-stack-01', 'leaf-101']);
    expect(sets.map((set) => set.map((d) => d.facts.files.length))).toEqual([[1], [2]]);
    expect(errors).toEqual([expect.stringMatching(/c-missing\.txt: no such file/)]);
    expect(result).toMatchObject({ files: 4, devices: 2, errors: 1 });
    expect((await stream([...files].reverse())).lines).toEqual(lines);
  });
});

describe('inOrder', () => {
  it('hands each result on as soon as every earlier one has been, whatever order they finish in', async () => {
    const release: (() => void)[] = [];
    const emitted: number[] = [];
    const jobs = [0, 1, 2].map((n) => () => new Promise<number>((resolve) => (release[n] = () => resolve(n))));
    const done = inOrder(jobs, (n) => emitted.push(n));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    release[2]!();
    await settle();
    expect(emitted).toEqual([]);
    release[0]!();
    await settle();
    expect(emitted).toEqual([0]);
    release[1]!();
    await done;
    expect(emitted).toEqual([0, 1, 2]);
  });
});

describe('fleet summary', () => {
  it('counts devices per topology, platform and worst severity, and lists deadlines and live failures', async () => {
    const dir = tempDir('slp-fleet-sum-');
    mkdirSync(dir, { recursive: true });
    const files = ['nxos-techsupport.txt', 'iosxe-techsupport.txt', 'syslog-multi-host.txt'].map(capture);
    const result = await analyzeFleet(files, options);
    const summary = summarise(result, pack);
    const total = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
    expect(summary.devices).toBe(result.devices.length);
    expect(total(summary.byTopology)).toBe(summary.devices);
    expect(total(summary.byPlatform)).toBe(summary.devices);
    expect(total(summary.byWorstSeverity)).toBe(summary.devices);
    for (const finding of summary.topFindings)
      expect(finding.devices).toBe(result.devices.filter((d) => d.analyzed!.findings.some((f) => f.ruleId === finding.ruleId)).length);
    expect(summary.liveCommFailures.map((d) => d.hostname)).toEqual(result.devices.filter((d) => d.facts.liveCommFailure).map((d) => d.analyzed!.hostname));
    for (const entry of summary.ackDeadlineWithin30Days) expect(entry.daysToAckDeadline).toBeLessThanOrEqual(30);
    expect(summary.ackDeadlineWithin90Days.length).toBeGreaterThanOrEqual(summary.ackDeadlineWithin30Days.length);

    const text = renderSummaryText(summary, PLAIN);
    expect(text).toContain(`Fleet summary: ${summary.devices} device(s) from 3 input file(s)`);
    expect(text).toMatch(/Live communication failures: \d+/);
    const markdown = renderSummaryMarkdown(summary);
    expect(markdown).toMatch(/^# Fleet summary/);
    expect(markdown).toContain('| topology | devices |');
  });
});

describe('analyze command over several operands', () => {
  it('prints the readable inputs, one stderr line per unreadable operand, and exits 2', async () => {
    const { runAnalyze } = await import('../../src/cli/analyze-command.js');
    const { Writable } = await import('node:stream');
    let out = '';
    let err = '';
    const sink = (append: (s: string) => void) => new Writable({ write(chunk, _e, done) { append(String(chunk)); done(); } });
    const emptyDir = tempDir('slp-fleet-empty-');
    const code = await runAnalyze(
      [capture('nxos-techsupport.txt'), join(emptyDir, 'nope.txt'), emptyDir, capture('iosxe-techsupport.txt')],
      { format: 'jsonl', rules: [], failOn: 'never' },
      { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), stdinIsTTY: true, env: {} },
    );
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/nope\.txt: no such file/), expect.stringMatching(/holds no capture files/)]);
    const devices = out.trim().split('\n').map((line) => JSON.parse(line) as { schemaVersion: number; device: { hostname: string } });
    // jsonl streams devices in the path order of the files (the other formats sort by host name).
    expect(devices.map((d) => d.device.hostname)).toEqual(['c9300-stack-01', 'leaf-101']);
  });
});
