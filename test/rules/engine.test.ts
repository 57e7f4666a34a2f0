import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceModel } from '../../src/common/device.js';
import { evaluateDevice } from '../../src/rules/engine.js';
import { loadPack } from '../../src/rules/rule-directories.js';
import { linesOf, makeDevice, syslogMessage } from './fixtures/device.js';
import { tempDir } from '../support/temp-dirs.js';

const packDir = join(import.meta.dirname, 'fixtures', 'pack');
const pack = loadPack([packDir]);
const FILE = 'capture.txt';
const captureText = Array.from({ length: 60 }, (_, i) => (i === 4 ? '  Type: Transport Off' : `line ${i + 1}`)).join('\n');
const lines = linesOf(FILE, captureText);

function csluDevice(overrides: Partial<DeviceModel> = {}): DeviceModel {
  return {
    ...makeDevice({
      hostname: 'leaf-101',
      platform: 'nxos',
      captureTime: '2024-04-18T07:45:10Z',
      transport: { type: 'cslu', csluAddress: 'cslu-local' },
      usageReporting: { nextAckDeadline: '2024-05-01T07:45:10Z' },
      syslog: [
        syslogMessage(30, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to connect'),
        syslogMessage(12, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to connect'),
        syslogMessage(20, 'COMM_RESTORED', 'Communications with the Cisco Smart License Utility (CSLU) restored'),
      ],
      derived: {
        topology: 'cslu',
        communication: [{ destination: 'cslu', state: 'flapping', failures: 2, restores: 1, firstFailure: null, lastFailure: null, lastRestore: null, lastFailureText: 'Unable to connect' }],
      },
      sources: { 'transport.csluAddress': { file: FILE, line: 7 }, 'usageReporting.nextAckDeadline': { file: FILE, line: 9 } },
      sections: [{ command: 'show license status', startLine: 1, endLine: 60, parser: 'license-status', file: FILE }],
      files: [FILE],
    }),
    ...overrides,
  };
}

describe('evaluateDevice', () => {
  it('produces findings sorted by severity then id, with message, evidence in input order, actions and references', () => {
    const findings = evaluateDevice(pack, csluDevice(), lines, { now: '2024-04-18T07:45:10Z' });
    expect(findings.map((f) => f.ruleId)).toEqual(['comm-failure-cslu', 'ack-deadline-approaching']);
    const [cslu, ack] = findings;
    expect(cslu!.message).toBe('2 communication failures toward CSLU cslu-local; the last one said: Unable to connect');
    expect(cslu!.evidence).toEqual([
      { file: FILE, line: 7, text: 'line 7' },
      { file: FILE, line: 12, text: 'line 12' },
      { file: FILE, line: 30, text: 'line 30' },
    ]);
    expect(cslu!.actions).toHaveLength(3);
    expect(cslu!.references[0]).toMatch(/G 2790-2822/);
    expect(ack!.message).toBe('The next ACK is due in 13 days (2024-05-01T07:45:10Z).');
  });

  it('judges deadlines against the given now, not the wall clock', () => {
    const findings = evaluateDevice(pack, csluDevice(), lines, { now: '2024-03-01T00:00:00Z' });
    expect(findings.map((f) => f.ruleId)).toEqual(['comm-failure-cslu']);
    expect(evaluateDevice(pack, csluDevice(), lines, { now: null }).map((f) => f.ruleId)).toEqual(['comm-failure-cslu']);
  });

  it('stays silent when the condition excludes the case (hostname resolution failure)', () => {
    const device = csluDevice();
    device.syslog.push(syslogMessage(40, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name'));
    expect(evaluateDevice(pack, device, lines, { now: '2024-04-18T07:45:10Z' }).map((f) => f.ruleId)).toEqual(['ack-deadline-approaching']);
  });

  it('filters actions by platform and topology (unknown ones keep every action)', () => {
    const iosxe = evaluateDevice(pack, csluDevice({ platform: 'iosxe' }), lines, { now: null })[0]!;
    expect(iosxe.actions).toEqual([
      'Check that CSLU is running and that TCP port 8182 is open on the CSLU host.',
      'license smart url cslu http://<cslu-ip>:8182/cslu/v1/pi',
    ]);
    const device = csluDevice();
    device.derived = { ...device.derived, topology: 'direct-smart' };
    expect(evaluateDevice(pack, device, lines, { now: null })[0]!.actions).toHaveLength(2);
  });

  it('cites lines: patterns and field sources, renders null as unknown', () => {
    const device = makeDevice({
      platform: 'iosxe',
      transport: { type: 'off' },
      sources: { 'transport.type': { file: FILE, line: 5 } },
      sections: [{ command: 'show license status', startLine: 1, endLine: 60, parser: null, file: FILE }],
      files: [FILE],
    });
    const [finding] = evaluateDevice(pack, device, lines, { now: null });
    expect(finding).toMatchObject({ ruleId: 'transport-off-offline', severity: 'info', message: 'Transport is off.' });
    expect(finding!.evidence).toEqual([{ file: FILE, line: 5, text: '  Type: Transport Off' }]);
  });

  it('caps evidence at 20 lines', () => {
    const device = csluDevice();
    device.syslog = Array.from({ length: 50 }, (_, i) => syslogMessage(i + 1, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to connect'));
    const [finding] = evaluateDevice(pack, device, lines, { now: null });
    expect(finding!.evidence).toHaveLength(20);
    expect(finding!.evidence[0]!.line).toBe(1);
  });

  it('skips rules for another platform', () => {
    const dir = tempDir('slp-rules-');
    writeFileSync(join(dir, 'iosxe-only.yaml'), 'id: iosxe-only\ntitle: t\nseverity: error\nplatforms: [iosxe]\ncause: c\nwhen: "true"\nmessage: m\nactions: []\nreferences: []\n');
    const only = loadPack([dir]);
    expect(evaluateDevice(only, makeDevice({ platform: 'nxos' }), lines, { now: null })).toEqual([]);
    expect(evaluateDevice(only, makeDevice({ platform: 'iosxe' }), lines, { now: null })).toHaveLength(1);
    expect(evaluateDevice(only, makeDevice({ platform: 'unknown' }), lines, { now: null })).toHaveLength(1);
  });

  it('drops the finding of a rule whose deferTo rule fires on the device, and only then', () => {
    const dir = tempDir('slp-rules-');
    const rule = (id: string, when: string, extra = '') =>
      `id: ${id}\ntitle: t\nseverity: error\nplatforms: [nxos, iosxe]\ncause: c\nwhen: ${JSON.stringify(when)}\nmessage: m\nactions: []\nreferences: []\n${extra}`;
    writeFileSync(join(dir, 'general.yaml'), rule('general', 'true', 'deferTo: [precise]\n'));
    writeFileSync(join(dir, 'precise.yaml'), rule('precise', 'platform == "iosxe"'));
    const deferring = loadPack([dir]);
    expect(deferring.get('general')!.deferTo).toEqual(['precise']);
    const ids = (platform: DeviceModel['platform']) => evaluateDevice(deferring, makeDevice({ platform }), lines, { now: null }).map((f) => f.ruleId);
    expect(ids('iosxe')).toEqual(['precise']);
    expect(ids('nxos')).toEqual(['general']);
  });

  // How long a whole pack takes on a device, its log full of failures, is measured by the bench (scripts/bench-worst-case.mjs).
  it('evaluates a 45-rule pack on one device: a handful of rules fire', () => {
    const dir = tempDir('slp-rules-');
    const files = readdirSync(packDir);
    for (let i = 0; i < 45; i++) {
      const source = files[i % files.length]!;
      // Like a real pack: every rule scans the device, a handful fire.
      let text = readFileSync(join(packDir, source), 'utf8').replace(/^id: (.*)$/m, `id: $1-${i}`);
      if (i >= 15) text = text.replace('d.destination == "cslu" &&', 'd.destination == "cssm" &&').replace('< 30', '< 3');
      writeFileSync(join(dir, `${i}-${source}`), text);
    }
    const big = loadPack([dir]);
    expect(big.rules).toHaveLength(45);
    expect(evaluateDevice(big, csluDevice(), lines, { now: '2024-04-18T07:45:10Z' }).length).toBeLessThan(15);
  });
});
