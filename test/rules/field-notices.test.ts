// The rules for causes beyond the two guides, held to the real output Cisco prints for them (../shared/real-outputs:
// the field notices' own samples, the CUBE guide's outputs). The files stay in ../shared; a case that needs another
// command the sample lacks (`show version`, most often) writes the sample and that command, in the device's own
// prompt, to a temporary file, never into the repository.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzedDevice, Finding } from '../../src/common/findings.js';
import { analyzeFiles } from '../../src/pipeline/analyze.js';
import { sharedPath } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const NEW_RULES = [
  'not-slp-output',
  'clock-unsynced-trust-pending',
  'cssm-identity-rejected',
  'quovadis-root-ca-missing',
  'rum-accumulation-defect',
  'cube-ack-deadline-service-stop',
  'hostname-equals-pid',
  'slac-required-not-installed',
  'platform-error',
];

// Made by the first test that writes (none does when ../shared is absent); removed after the file (test/support/setup.ts).
let scratch: string | null = null;

/** The real output's path, or null (noted on stderr by name) when ../shared is not beside the clone. */
const real = (name: string) => sharedPath(`real-outputs/${name}`);

async function analyze(text: string, name: string, now?: string): Promise<AnalyzedDevice[]> {
  scratch ??= tempDir('slp-field-notices-');
  const file = join(scratch, name);
  writeFileSync(file, text);
  return (await analyzeFiles([file], { now })).devices;
}

/** The real sample with more commands of the same device before or after it. */
function withSample(sample: string, before: string, after = ''): string {
  return before + readFileSync(real(sample)!, 'utf8') + after;
}

function findingsOf(device: AnalyzedDevice | undefined): Finding[] {
  expect(device, 'the device of the capture').toBeDefined();
  return device!.findings;
}

const ids = (device: AnalyzedDevice | undefined) => findingsOf(device).map((f) => f.ruleId);
const finding = (device: AnalyzedDevice | undefined, id: string) => findingsOf(device).find((f) => f.ruleId === id);

const SYSLOG_72323 = 'iosxe-fn72323-quovadis-syslog.txt';
const TRUSTPOOL_72323 = 'iosxe-fn72323-show-crypto-pki-trustpool.txt';
const CPU_72578 = 'iosxe-fn72578-high-cpu-sagetrumids.txt';
const MEMORY_72578 = 'iosxe-fn72578-high-memory-malloclite.txt';
const COUNT_72578 = 'iosxe-fn72578-rum-accumulation-count.txt';
const CUBE_17_6_1A = 'iosxe-cube-17.6.1a-asr1006x-inbox-ha-show-license-summary.txt';

const version = (prompt: string, release: string) =>
  `${prompt}#show version | include Cisco IOS XE Software\nCisco IOS XE Software, Version ${release}\n`;

describe('FN72323: the QuoVadis root decommission', () => {
  it.skipIf(real(SYSLOG_72323) === null)('names the cause on the FN\'s own messages, asking for the release', async () => {
    const [device] = (await analyzeFiles([real(SYSLOG_72323)!])).devices;
    const quovadis = finding(device, 'quovadis-root-ca-missing');
    expect(quovadis?.severity).toBe('error');
    expect(quovadis?.message).toMatch(/^5 licensing message\(s\) failed to reach Cisco as FN72323 describes/);
    expect(quovadis?.message).toContain('The release is not in the capture');
    expect(quovadis?.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it.skipIf(real(SYSLOG_72323) === null)('on a release the FN lists, says so; on a fixed one, stays silent', async () => {
    const logging = (release: string) => withSample(SYSLOG_72323, `${version('rtr-01', release)}rtr-01#show logging\n`);
    const [affected] = await analyze(logging('17.03.02'), 'fn72323-17.3.2.txt');
    expect(finding(affected, 'quovadis-root-ca-missing')?.message).toContain('IOS-XE 17.03.02 is a release FN72323 lists as affected.');
    const [early] = await analyze(logging('16.12.05b'), 'fn72323-16.12.5b.txt');
    expect(ids(early)).toContain('quovadis-root-ca-missing');
    for (const fixed of ['16.12.06', '17.03.04', '17.04.02', '17.06.01']) {
      const [device] = await analyze(logging(fixed), `fn72323-${fixed}.txt`);
      expect(ids(device), fixed).not.toContain('quovadis-root-ca-missing');
    }
  });

  it.skipIf(real(SYSLOG_72323) === null || real(TRUSTPOOL_72323) === null)(
    'stays silent once the trust pool holds IdenTrust Commercial Root CA 1 (the FN\'s workaround)',
    async () => {
      const text = withSample(TRUSTPOOL_72323, `${version('Device', '17.03.03')}Device#show logging\n${readFileSync(real(SYSLOG_72323)!, 'utf8')}`);
      const [device] = await analyze(text, 'fn72323-imported.txt');
      expect(ids(device)).not.toContain('quovadis-root-ca-missing');
    },
  );

  it.skipIf(real(TRUSTPOOL_72323) === null)('the FN\'s trust pool alone (IdenTrust imported) raises nothing new', async () => {
    const [device] = (await analyzeFiles([real(TRUSTPOOL_72323)!])).devices;
    expect(ids(device).filter((id) => NEW_RULES.includes(id))).toEqual([]);
  });
});

describe('FN72578: RUM reports accumulate on 17.3.2a to 17.7.1', () => {
  it.skipIf(real(CPU_72578) === null)('the CPU sample alone shows the backlog, not the release: rum-backlog only', async () => {
    const [device] = (await analyzeFiles([real(CPU_72578)!])).devices;
    expect(ids(device)).toContain('rum-backlog');
    expect(ids(device)).not.toContain('rum-accumulation-defect');
  });

  it.skipIf(real(CPU_72578) === null)('with a release the FN lists, names the defect and the busy processes', async () => {
    for (const release of ['17.03.02a', '17.03.06', '17.04.01', '17.05.01', '17.06.03', '17.07.01']) {
      const [device] = await analyze(withSample(CPU_72578, version('system', release)), `fn72578-cpu-${release}.txt`);
      const defect = finding(device, 'rum-accumulation-defect');
      expect(defect?.severity, release).toBe('error');
      expect(defect?.message).toContain('SAGetRUMIds at 75.29% CPU, SAUtilRepSave at 21.62% CPU');
    }
  });

  it.skipIf(real(CPU_72578) === null)('stays silent before 17.3.2a and on the fixed releases', async () => {
    for (const release of ['17.03.02', '17.03.07', '17.06.05', '17.09.01', '17.12.04']) {
      const [device] = await analyze(withSample(CPU_72578, version('system', release)), `fn72578-cpu-${release}.txt`);
      expect(ids(device), release).not.toContain('rum-accumulation-defect');
    }
  });

  it.skipIf(real(MEMORY_72578) === null)('reads the MallocLite leak on an affected release, and nothing without one', async () => {
    const [alone] = (await analyzeFiles([real(MEMORY_72578)!])).devices;
    expect(ids(alone).filter((id) => NEW_RULES.includes(id))).toEqual([]);
    const [device] = await analyze(withSample(MEMORY_72578, version('system', '17.06.02')), 'fn72578-memory.txt');
    expect(finding(device, 'rum-accumulation-defect')?.message).toContain('*MallocLite* holding 1205 MB');
  });

  it.skipIf(real(COUNT_72578) === null)('214 saved RUM reports are not the thousand the FN warns about', async () => {
    const [device] = await analyze(withSample(COUNT_72578, version('system', '17.03.05')), 'fn72578-count.txt');
    expect(ids(device)).not.toContain('rum-accumulation-defect');
  });
});

describe('CUBE on releases that stop calls at the ACK deadline', () => {
  const status = (prompt: string, deadline: string) => `${prompt}#show license status

Smart Licensing Using Policy:
  Status: ENABLED

Transport:
  Type: cslu
  Cslu address: http://192.0.2.77:8182/cslu/v1/pi

Usage Reporting:
  Last ACK received: <none>
  Next ACK deadline: ${deadline}
  Reporting push interval: 30  days
  Next ACK push check: <none>
  Next report push: Mar 02 10:00:00 2022 UTC
  Last report push: <none>
  Last report file write: <none>

Trust Code Installed: <none>
${prompt}#
`;

  it.skipIf(real(CUBE_17_6_1A) === null)('the guide\'s 17.6.1a summary alone (no release, no deadline) raises nothing new', async () => {
    const devices = (await analyzeFiles([real(CUBE_17_6_1A)!])).devices;
    expect(devices.map((d) => d.hostname).sort()).toEqual(['cube-1', 'cube-2']);
    for (const device of devices) expect(ids(device).filter((id) => NEW_RULES.includes(id))).toEqual([]);
  });

  it.skipIf(real(CUBE_17_6_1A) === null)('on 17.6.1a past the deadline, the CUBE active is named and the standby without CUBE licences is not', async () => {
    const after = `${version('cube-1', '17.06.01a')}${status('cube-1', 'Mar 01 09:00:00 2022 UTC')}`;
    const devices = await analyze(withSample(CUBE_17_6_1A, '', `\n${after}`), 'cube-17.6.1a-overdue.txt', '2022-03-04T12:00:00Z');
    const active = devices.find((d) => d.hostname === 'cube-1');
    const standby = devices.find((d) => d.hostname === 'cube-2');
    const stop = finding(active, 'cube-ack-deadline-service-stop');
    expect(stop?.severity).toBe('error');
    expect(stop?.message).toContain('CUBE licences in use (CUBE_T_STD) on IOS-XE 17.06.01a');
    expect(ids(standby)).not.toContain('cube-ack-deadline-service-stop');
  });

  it.skipIf(real(CUBE_17_6_1A) === null)('on 17.6.1 (not 17.6.1a) and 17.6.2 the same deadline stops nothing', async () => {
    for (const release of ['17.06.01', '17.06.02']) {
      const after = `${version('cube-1', release)}${status('cube-1', 'Mar 01 09:00:00 2022 UTC')}`;
      const devices = await analyze(withSample(CUBE_17_6_1A, '', `\n${after}`), `cube-${release}.txt`, '2022-03-04T12:00:00Z');
      expect(ids(devices.find((d) => d.hostname === 'cube-1')), release).not.toContain('cube-ack-deadline-service-stop');
    }
  });
});

describe('the new rules on every real output', () => {
  const expected: Record<string, string[]> = { [SYSLOG_72323]: ['quovadis-root-ca-missing'] };
  const dir = sharedPath('real-outputs');
  const names = dir === null ? [] : readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();

  it.skipIf(dir === null)('fire only where the real output shows their cause', async () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) {
      const devices = (await analyzeFiles([join(dir!, name)])).devices;
      const fired = [...new Set(devices.flatMap((d) => ids(d)).filter((id) => NEW_RULES.includes(id)))].sort();
      expect(fired, name).toEqual(expected[name] ?? []);
    }
  });
});
