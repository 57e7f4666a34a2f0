// Files of one host merge in a fleet run too, and the output does not depend on the order of the files: through the
// built binary, with the worker pool (24 files or more) and in one thread, in both orders.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dirs.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/slp-doctor.js');

function run(files: string[], ...options: string[]) {
  return spawnSync(process.execPath, [bin, 'analyze', '--fail-on', 'never', ...options, ...files], { encoding: 'utf8', timeout: 120_000 });
}

function analyze(files: string[], ...options: string[]): string {
  const result = run(files, ...options);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('a fleet run over files of shared hosts', () => {
  const dir = tempDir('slp-merge-order-');
  const merge = join(root, 'test/fixtures/merge');
  const files = readdirSync(merge).map((name) => {
    copyFileSync(join(merge, name), join(dir, name));
    return join(dir, name);
  });
  // Each capture twice under another name: two files of one host with the same capture time, merged by path order.
  const captures = ['nxos-techsupport.txt', 'iosxe-techsupport.txt', 'syslog-multi-host.txt', 'nxos-status-cslu.txt', 'rule-comm-agent-failing.txt',
    'rule-dns-not-configured.txt', 'topology-cslu.txt', 'rule-ack-overdue.txt', 'iosxe-summary.txt', 'rule-comm-failure-cssm-smart-restored.txt', 'nxos-usage.txt'];
  for (const name of captures)
    for (const copy of ['a', 'b']) {
      const file = join(dir, `${copy}-${name}`);
      copyFileSync(join(root, 'captures', name), file);
      files.push(file);
    }
  const reversed = [...files].reverse();

  it('has enough files for the worker pool', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
  });

  it.each(['json', 'text', 'jsonl'])('--format %s is byte-identical in both orders, with the pool and in one thread', (format) => {
    const pooled = analyze(files, '--format', format, '--jobs', '2');
    expect(analyze(reversed, '--format', format, '--jobs', '2')).toBe(pooled);
    expect(analyze(reversed, '--format', format, '--jobs', '1')).toBe(pooled);
    if (format === 'json') {
      const devices = (JSON.parse(pooled) as { devices: { hostname: string; files: string[] }[] }).devices;
      expect(devices.find((d) => d.hostname === 'edge-rtr-07')!.files.map((f) => f.slice(dir.length + 1))).toEqual([
        'edge-rtr-07-status-2024-05.txt',
        'edge-rtr-07-techsupport-2024-03.txt',
        'syslog-server-2024-05.txt',
      ]);
      expect(devices.find((d) => d.hostname === 'leaf-101')!.files.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports an input without licensing output in one line and analyses the rest; a bare show version of a host joins it', () => {
    const prose = join(dir, 'zz-note.txt');
    writeFileSync(prose, 'The branch router was rebooted on Monday after the power cut.\n');
    const version = join(dir, 'zz-edge-rtr-07-version.txt');
    writeFileSync(version, 'edge-rtr-07#show version\nCisco IOS XE Software, Version 17.09.04a\nedge-rtr-07 uptime is 3 weeks\n');
    const result = run([prose, version, ...files], '--format', 'json', '--jobs', '2');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/zz-note\.txt: no NX-OS or IOS-XE licensing output/)]);
    const devices = (JSON.parse(result.stdout) as { devices: { hostname: string; files: string[] }[] }).devices;
    expect(devices.find((d) => d.hostname === 'edge-rtr-07')!.files).toContain(version);
    expect(devices.some((d) => d.files.includes(prose))).toBe(false);
  });
});
