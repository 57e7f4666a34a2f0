// Layouts ingest meets in real captures and documents: partial status samples, SSM On-Prem log lines, and the
// platform told by how each Smart Agent spells its report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';

const lines = (...text: string[]): string => text.join('\n') + '\n';

describe('partial show license status samples, found by how they start', () => {
  it.each([
    ['Policy:', '  Policy in use: Merged from multiple sources.'],
    ['Transport:', '  Type: Smart'],
    ['Usage Reporting:', 'Last ACK received: <none>'],
    ['Usage reporting:', '  Last ACK received: <none>'],
    ['Trust Code installed: <none>', ''],
    ['Smart Licensing using Policy:', '  Status: ENABLED'],
  ])('%s', (first, second) => {
    const result = ingestText(lines(first, second), 'doc.txt');
    expect(result.sections.map((s) => s.command)).toEqual(['show license status']);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('SSM On-Prem log lines', () => {
  const record = (day: string) =>
    `Apr ${day} 20:49:16 ssm-onprem cf881d42a1b7: 2024/04/${day} 20:49:16#011[ERROR]#011adapters/pi_routes_impl.go:1322#011Finding SL product by UDI {N9K-C93180YC-FX FDO23120DEF} failed due to the following error: record not found.`;

  it('after an idle prompt become one `onprem log` section of the session host, not lines outside any command', () => {
    const result = ingestText(lines('leaf-105# show clock', '07:45:10.482 UTC Thu Apr 18 2024', 'leaf-105# ', record('15'), record('16')), 'paste.txt');
    expect(result.diagnostics).toEqual([]);
    const log = result.sections.find((s) => s.command === 'onprem log');
    expect(log).toMatchObject({ hostname: 'leaf-105', headerLine: null, rawCommand: null });
    expect(log?.lines.map((l) => l.n)).toEqual([4, 5]);
    expect(result.hostname).toBe('leaf-105');
  });

  it('pasted inside another output are taken out of it', () => {
    const result = ingestText(lines('leaf-105# show license status', 'Utility:', record('15'), '  Status: DISABLED'), 'paste.txt');
    const status = result.sections.find((s) => s.command === 'show license status');
    expect(status?.lines.map((l) => l.n)).toEqual([2, 4]);
    expect(result.sections.find((s) => s.command === 'onprem log')?.lines.map((l) => l.n)).toEqual([3]);
  });

  it('are read as the log file holds them, tabs and all', () => {
    const result = ingestText('2024/04/15 20:49:16\t[ERROR]\tadapters/pi_routes_impl.go:1322\tFinding SL product by UDI failed\n', 'onprem.log');
    expect(result.sections.map((s) => s.command)).toEqual(['onprem log']);
    expect(result.diagnostics).toEqual([]);
  });

  it('an ordinary line with a date and brackets is not one', () => {
    const result = ingestText('Report 2024/04/15 20:49:16 [ERROR] something\n', 'x.txt');
    expect(result.sections).toEqual([]);
  });
});

describe('platform told by spelling when nothing else names it', () => {
  it.each([
    ['NX-OS `Smart Licensing using Policy:`', ['Smart Licensing using Policy:', '  Status: ENABLED'], 'nxos'],
    ['IOS-XE `Smart Licensing Using Policy:`', ['Smart Licensing Using Policy:', '  Status: ENABLED'], 'iosxe'],
    ['NX-OS `Usage reporting:`', ['Usage reporting:', '  Last ACK received: <none>'], 'nxos'],
    ['NX-OS `Trust Code installed:`', ['Trust Code installed: <none>'], 'nxos'],
    ['NX-OS `Type: Transport Off`', ['Transport:', '  Type: Transport Off'], 'nxos'],
    ['IOS-XE policy attribute heading', ['Policy:', '  Unenforced/Non-Export Perpetual Attributes:', '    First report requirement (days): 365 (CISCO default)'], 'iosxe'],
    ['IOS-XE `State(4) InPolicy(90)`', ['License Usage:', '  network-advantage (C9300-48 Network Advantage):', '    Status: IN USE', '    Reporting push interval: 30  days State(4) InPolicy(90)'], 'iosxe'],
  ])('%s', (_, text, platform) => {
    expect(ingestText(lines(...text), 'doc.txt').platform).toBe(platform);
  });

  it.each([
    ['NX-OS running-config headers', ['#show running-config', '', '!Command: show running-config', '!Time: Thu Apr 18 07:45:10 2024', '', 'version 10.3(4a) Bios:version 05.47'], 'nxos'],
    ['IOS-XE running-config header', ['#show running-config', '', 'Current configuration : 10243 bytes', 'hostname c9300-edge-01'], 'iosxe'],
  ])('%s', (_, text, platform) => {
    expect(ingestText(lines(...text), 'doc.txt').platform).toBe(platform);
  });

  it('outweighs a document adding a space after an IOS-XE prompt', () => {
    const text = lines('c9300-dc-09# show license status', 'Smart Licensing Using Policy:', '  Status: ENABLED');
    expect(ingestText(text, 'doc.txt').platform).toBe('iosxe');
  });

  it('agrees with the seeds: NX-OS guide samples are nxos, case-study samples are never nxos', () => {
    const dir = new URL('../fixtures/captures/', import.meta.url);
    const nxos = ['seed-guide-907-status-cslu.txt', 'seed-guide-1801-status-trust-ha.txt', 'seed-guide-2567-status-never-synced.txt'];
    for (const name of nxos) expect(ingestText(readFileSync(new URL(name, dir), 'utf8'), name).platform, name).toBe('nxos');
    const iosxe = ['seed-case-124-status-default-policy.txt', 'seed-case-154-all-custom-policy.txt', 'seed-case-196-all-default-policy.txt'];
    for (const name of iosxe) expect(ingestText(readFileSync(new URL(name, dir), 'utf8'), name).platform, name).toBe('iosxe');
  });
});
