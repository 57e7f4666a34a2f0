// The Model JSON contract (DESIGN.md "Model JSON"): what `slp-doctor parse --format json` prints. Checked by hand,
// structurally, on every capture through the functions, and once through the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaptures } from '../src/model/load.js';
import { captureDir, listCaptures, readSidecar, repoRoot } from './fixtures/captures/sidecar.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
/** Device text that means "nothing" must arrive as null, never as a string. */
const PLACEHOLDERS = new Set(['<none>', '<empty>', 'not configured', 'none', '']);

type Check = (value: unknown, where: string, problems: string[]) => void;

const str: Check = (v, w, p) => void (typeof v !== 'string' && p.push(`${w}: expected string, got ${JSON.stringify(v)}`));
const num: Check = (v, w, p) =>
  void ((typeof v !== 'number' || !Number.isFinite(v)) && p.push(`${w}: expected number, got ${JSON.stringify(v)}`));
const bool: Check = (v, w, p) => void (typeof v !== 'boolean' && p.push(`${w}: expected boolean, got ${JSON.stringify(v)}`));
const iso: Check = (v, w, p) => void ((typeof v !== 'string' || !ISO_UTC.test(v)) && p.push(`${w}: expected ISO UTC time …Z, got ${JSON.stringify(v)}`));
const value: Check = (v, w, p) => {
  if (typeof v === 'string' && PLACEHOLDERS.has(v.trim().toLowerCase())) p.push(`${w}: device placeholder ${JSON.stringify(v)} must be null`);
};
const oneOf = (...allowed: string[]): Check => (v, w, p) =>
  void (!allowed.includes(v as string) && p.push(`${w}: expected one of ${allowed.join('|')}, got ${JSON.stringify(v)}`));
const nullable = (check: Check): Check => (v, w, p) => {
  if (v === null) return;
  check(v, w, p);
  value(v, w, p);
};
const shape = (fields: Record<string, Check>): Check => (v, w, p) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    p.push(`${w}: expected object, got ${JSON.stringify(v)}`);
    return;
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!(key in v)) p.push(`${w}.${key}: missing`);
    else check((v as Record<string, unknown>)[key], `${w}.${key}`, p);
  }
};
const listOf = (check: Check): Check => (v, w, p) => {
  if (!Array.isArray(v)) {
    p.push(`${w}: expected array, got ${JSON.stringify(v)}`);
    return;
  }
  v.forEach((item, i) => check(item, `${w}[${i}]`, p));
};
const record = (check: Check): Check => (v, w, p) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) p.push(`${w}: expected a map`);
  else for (const [k, item] of Object.entries(v)) check(item, `${w}.${k}`, p);
};
const kebab: Check = (v, w, p) => void ((typeof v !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) && p.push(`${w}: expected kebab-case, got ${JSON.stringify(v)}`));
const upper: Check = (v, w, p) => void ((typeof v !== 'string' || v !== v.toUpperCase()) && p.push(`${w}: expected upper-case text, got ${JSON.stringify(v)}`));

const s = nullable(str);
const n = nullable(num);
const t = nullable(iso);
const udi = { pid: s, sn: s };
const role = oneOf('active', 'standby', 'member');

const device: Check = shape({
  hostname: s,
  platform: oneOf('nxos', 'iosxe', 'unknown'),
  captureTime: t,
  softwareVersion: s,
  agentVersion: s,
  udi: shape(udi),
  haUdis: listOf(shape({ role, ...udi })),
  slpEnabled: nullable(bool),
  account: shape({ smartAccount: s, virtualAccount: s }),
  transport: shape({
    type: nullable(oneOf('smart', 'cslu', 'callhome', 'off', 'automatic')),
    url: s,
    csluAddress: s,
    proxy: shape({ address: s, port: n, username: s }),
    vrf: s,
    sourceInterface: s,
  }),
  policy: shape({
    inUse: s,
    name: s,
    installedAt: t,
    reportingAckRequired: nullable(bool),
    attributes: listOf(
      shape({
        category: oneOf('unenforced', 'unenforced-perpetual', 'unenforced-subscription', 'enforced', 'export'),
        firstReportDays: n,
        reportingFrequencyDays: n,
        reportOnChangeDays: n,
        source: s,
      }),
    ),
  }),
  usageReporting: shape({
    lastAckReceived: t,
    nextAckDeadline: t,
    reportingPushIntervalDays: n,
    nextAckPushCheck: t,
    nextReportPush: t,
    lastReportPush: t,
    lastReportFileWrite: t,
  }),
  trustCode: shape({ installedAt: t, udis: listOf(shape({ role: nullable(role), ...udi, installedAt: t })) }),
  licenses: listOf(
    shape({
      name: s,
      entitlementTag: s,
      description: s,
      count: n,
      // "IN USE(15)" must arrive as "IN USE"
      status: nullable((v, w, p) => void (/\(\d+\)\s*$/.test(String(v)) && p.push(`${w}: status code not dropped: ${JSON.stringify(v)}`))),
      enforcementType: s,
      licenseType: s,
    }),
  ),
  rumReports: listOf(shape({ id: num, state: upper, flag: s, featureName: s })),
  usageReportSummary: nullable(
    shape({ total: n, purged: n, ackReceived: n, waitingForAck: n, availableToReport: n, collectingData: n, inStorage: n, mia: n }),
  ),
  communication: listOf(
    shape({
      kind: kebab,
      total: n,
      success: n,
      fail: n,
      ongoingFailure: n,
      lastResponse: s,
      failureReason: s,
      lastSuccessTime: t,
      lastFailureTime: t,
    }),
  ),
  syslog: listOf(
    shape({ time: t, host: s, facility: str, severity: num, mnemonic: str, text: str, line: num, name: nullable(str), variant: nullable(str), yearInferred: bool }),
  ),
  events: listOf(shape({ time: t, type: str, attrs: record(str), line: num })),
  sections: listOf(shape({ command: str, startLine: num, endLine: num, parser: nullable(str) })),
  diagnostics: listOf(shape({ line: num, message: str })),
  derived: shape({
    topology: oneOf('cslu', 'cslu-disconnected', 'direct-smart', 'direct-callhome', 'onprem', 'onprem-disconnected', 'offline', 'unknown'),
    onPrem: bool,
    liveCommFailure: bool,
    trustInstalled: bool,
  }),
});

/** Problems of one parse --format json document; empty when it meets the contract. */
export function contractProblems(document: unknown): string[] {
  const problems: string[] = [];
  shape({ schemaVersion: (v, w, p) => void (v !== 1 && p.push(`${w}: expected 1`)), devices: listOf(device) })(document, '$', problems);
  return problems;
}

describe('Model JSON contract', () => {
  it('the checker itself rejects what the contract forbids', () => {
    const problems = contractProblems({
      schemaVersion: 1,
      devices: [{ hostname: '<none>', platform: 'NXOS', captureTime: '2024-04-18 07:45:10', transport: {} }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.devices[0].hostname: device placeholder "<none>" must be null',
        '$.devices[0].platform: expected one of nxos|iosxe|unknown, got "NXOS"',
        '$.devices[0].captureTime: expected ISO UTC time …Z, got "2024-04-18 07:45:10"',
        '$.devices[0].transport.type: missing',
        '$.devices[0].licenses: missing',
      ]),
    );
  });

  describe.each(listCaptures())('%s', (capture) => {
    it('parses to a document that meets the contract', async () => {
      const { now } = readSidecar(capture);
      const { document } = await loadCaptures([path.join(captureDir, capture)], { now });
      // What parse --format json prints is the document serialised; check it after the round trip.
      const json: unknown = JSON.parse(JSON.stringify(document));
      expect(contractProblems(json)).toEqual([]);
    });
  });

  it('the built binary prints a contract-conforming document for parse --format json', () => {
    const bin = path.join(repoRoot, 'bin/slp-doctor.js');
    expect(existsSync(path.join(repoRoot, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
    const result = spawnSync(process.execPath, [bin, 'parse', '--format', 'json', 'captures/nxos-techsupport.txt'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as { devices: { hostname: string | null }[] };
    expect(contractProblems(document)).toEqual([]);
    expect(document.devices.map((d) => d.hostname)).toEqual(['leaf-101']);
  });
});
