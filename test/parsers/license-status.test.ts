import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_DIR,
  fixtureNames,
  items,
  parseFixture,
  scalar,
  view,
} from '../fixtures/license-status/load.js';

const SEED_FIXTURES = fixtureNames().filter((name) => /-(guide|cs)-/.test(name));

describe('license-status fixtures', () => {
  it('has a fixture for every seed sample', () => {
    // 8 samples from the NX-OS user guide, 6 from the case-studies deck.
    expect(SEED_FIXTURES.filter((name) => name.includes('-guide-'))).toHaveLength(8);
    expect(SEED_FIXTURES.filter((name) => name.includes('-cs-'))).toHaveLength(6);
  });

  it.each(fixtureNames())('%s parses with no diagnostics', (name) => {
    expect(parseFixture(name).diagnostics).toEqual([]);
  });

  // Golden files hold the whole extraction; refresh with UPDATE_GOLDEN=1 after checking the difference by eye.
  it.each(fixtureNames())('%s matches its golden extraction', (name) => {
    const golden = `${FIXTURE_DIR}/${name.replace(/\.txt$/, '.golden.json')}`;
    const actual = view(parseFixture(name));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(golden), `${golden} missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});

describe('NX-OS show license status', () => {
  it('reads a CSLU device with an installed policy and one trust code (guide Topology 1)', () => {
    const fragment = parseFixture('nxos-guide-cslu-0908.txt');
    expect(scalar(fragment, 'slpEnabled')).toBe(true);
    expect(scalar(fragment, 'transport.type')).toBe('cslu');
    expect(scalar(fragment, 'transport.csluAddress')).toBe('cslu-local');
    expect(scalar(fragment, 'transport.vrf')).toBe('cisco');
    expect(scalar(fragment, 'policy.inUse')).toBe('Merged from multiple sources');
    expect(scalar(fragment, 'policy.reportingAckRequired')).toBe(true);
    expect(items(fragment, 'policy.attributes')).toEqual([
      { category: 'unenforced', firstReportDays: 90, reportingFrequencyDays: 365, reportOnChangeDays: 120, source: 'Installed' },
      { category: 'enforced', firstReportDays: 30, reportingFrequencyDays: 90, reportOnChangeDays: 60, source: 'Installed' },
      { category: 'export', firstReportDays: 30, reportingFrequencyDays: 30, reportOnChangeDays: 30, source: 'Installed' },
    ]);
    expect(scalar(fragment, 'usageReporting.lastAckReceived')).toBe('2022-11-15T02:51:57Z');
    expect(scalar(fragment, 'usageReporting.nextAckDeadline')).toBe('2023-11-15T02:51:57Z');
    expect(scalar(fragment, 'usageReporting.reportingPushIntervalDays')).toBe(30);
    expect(scalar(fragment, 'usageReporting.nextAckPushCheck')).toBeNull();
    expect(scalar(fragment, 'usageReporting.nextReportPush')).toBe('2022-12-15T02:46:56Z');
    expect(scalar(fragment, 'usageReporting.lastReportFileWrite')).toBeNull();
    expect(scalar(fragment, 'trustCode.installedAt')).toBe('2022-11-13T22:36:48Z');
    expect(items(fragment, 'trustCode.udis')).toEqual([
      { role: 'active', pid: 'N9K-C93180YC-FX3H', sn: 'FDO26170Q6A', installedAt: '2022-11-13T22:36:48Z' },
    ]);
  });

  it('keeps the source line of every value', () => {
    const fragment = parseFixture('nxos-guide-cslu-0908.txt');
    // Body line 14 is `  Type: CSLU`, line 39 `  Next ACK deadline: …` (after the joined page break).
    expect(fragment.scalars.get('transport.type')).toEqual({ value: 'cslu', line: 14 });
    expect(fragment.scalars.get('usageReporting.nextAckDeadline')?.line).toBe(39);
  });

  it('reads Callhome transport, slipped indentation and per-UDI trust dates on the UDI line (guide 2098)', () => {
    const fragment = parseFixture('nxos-guide-callhome-2098.txt');
    expect(scalar(fragment, 'transport.type')).toBe('callhome');
    const categories = (items(fragment, 'policy.attributes') as { category: string }[]).map((a) => a.category);
    expect(categories).toEqual(['unenforced', 'enforced', 'export']);
    expect(items(fragment, 'trustCode.udis')).toEqual([
      { role: 'active', pid: 'N9K-C9504', sn: 'FOX2308PCEN', installedAt: '2021-07-16T15:15:47Z' },
      { role: 'standby', pid: 'N9K-C9504', sn: 'FOX2308PCEN', installedAt: '2021-07-16T15:15:47Z' },
    ]);
  });

  it('reads an HA trust code block with the dates on their own lines (guide 1801)', () => {
    const fragment = parseFixture('nxos-guide-trust-ha-1801.txt');
    expect(items(fragment, 'trustCode.udis')).toHaveLength(2);
    expect((items(fragment, 'trustCode.udis') as { role: string }[]).map((u) => u.role)).toEqual(['active', 'standby']);
  });

  it('reads Trust Code installed: <none> as null and marks the UDI list present but empty', () => {
    const fragment = parseFixture('nxos-guide-cslu-2237.txt');
    expect(fragment.scalars.get('trustCode.installedAt')).toEqual({ value: null, line: 45 });
    expect(items(fragment, 'trustCode.udis')).toEqual([]);
    expect(scalar(fragment, 'usageReporting.lastAckReceived')).toBeNull();
  });

  it('reads `Reporting push interval: <none>` as null (guide 2567)', () => {
    const fragment = parseFixture('nxos-guide-usage-reporting-none-2567.txt');
    expect(fragment.scalars.get('usageReporting.reportingPushIntervalDays')).toEqual({ value: null, line: 4 });
    expect(scalar(fragment, 'trustCode.installedAt')).toBe('2023-07-14T11:40:36Z');
  });

  it('reads pre-SLP Smart Licensing as legacy, not SLP (guide 2095, 2237)', () => {
    const registered = parseFixture('nxos-guide-legacy-registered-2095.txt');
    expect(scalar(registered, 'slpEnabled')).toBe(false);
    expect(scalar(registered, 'legacy.registrationStatus')).toBe('REGISTERED');
    expect(scalar(registered, 'legacy.authorizationStatus')).toBe('AUTHORIZED');
    expect(scalar(registered, 'legacy.evalMode')).toBe(false);
    expect(scalar(registered, 'account.smartAccount')).toBe('BU Production Test 1');
    expect(scalar(registered, 'account.virtualAccount')).toBe('N9K_SA_49_Testing');

    const evaluation = parseFixture('nxos-guide-legacy-eval-2237.txt');
    expect(scalar(evaluation, 'legacy.registrationStatus')).toBe('UNREGISTERED');
    expect(scalar(evaluation, 'legacy.authorizationStatus')).toBe('EVAL MODE');
    expect(scalar(evaluation, 'legacy.evalMode')).toBe(true);
  });
});

describe('IOS-XE show license status', () => {
  it('reads the IOS-XE policy attribute blocks (case studies 120, 194)', () => {
    for (const name of ['iosxe-cs-policy-default-0120.txt', 'iosxe-cs-policy-default-0194.txt']) {
      const fragment = parseFixture(name);
      expect(scalar(fragment, 'policy.inUse')).toBe('Merged from multiple sources.');
      expect((items(fragment, 'policy.attributes') as unknown[])[0]).toEqual({
        category: 'unenforced-perpetual',
        firstReportDays: 365,
        reportingFrequencyDays: 0,
        reportOnChangeDays: 90,
        source: 'CISCO default',
      });
    }
  });

  it('reads a custom policy with its install time in CET (case studies 152)', () => {
    const fragment = parseFixture('iosxe-cs-policy-custom-0152.txt');
    expect(scalar(fragment, 'policy.installedAt')).toBe('2023-01-10T15:39:30Z');
    expect(scalar(fragment, 'policy.name')).toBe('<CustomerName Policy>');
    const enforced = (items(fragment, 'policy.attributes') as { category: string; source: string }[])[2];
    // First report stays at the Cisco default; the block is the customer's policy.
    expect(enforced).toMatchObject({ category: 'enforced', source: 'Customer Policy' });
  });

  it('reads Smart transport and `0 (no reporting)` (case studies 354)', () => {
    const fragment = parseFixture('iosxe-cs-direct-smart-0354.txt');
    expect(scalar(fragment, 'transport.type')).toBe('smart');
    expect(scalar(fragment, 'transport.url')).toBe('https://smartreceiver.cisco.com/licservice/license');
    expect(scalar(fragment, 'usageReporting.reportingPushIntervalDays')).toBe(0);
    expect(scalar(fragment, 'usageReporting.lastReportPush')).toBe('2021-09-22T12:48:18Z');
    expect(scalar(fragment, 'trustCode.installedAt')).toBe('2021-09-22T12:47:40Z');
  });

  it('reads Usage Reporting fields printed at column 0 (case studies 1215, 1317)', () => {
    const onPrem = parseFixture('iosxe-cs-onprem-no-ack-1317.txt');
    expect(scalar(onPrem, 'usageReporting.nextAckPushCheck')).toBe('2023-01-23T22:49:06Z');
    expect(scalar(onPrem, 'usageReporting.lastAckReceived')).toBeNull();
    const noRum = parseFixture('iosxe-cs-no-rum-reports-1215.txt');
    expect(scalar(noRum, 'usageReporting.lastReportPush')).toBeNull();
  });

  it('reads account, proxy, custom policy and per-UDI trust of a 17.x HA pair', () => {
    const fragment = parseFixture('iosxe-17-status-smart-ha.txt');
    expect(scalar(fragment, 'account.smartAccount')).toBe('Example Corp');
    expect(scalar(fragment, 'account.virtualAccount')).toBe('VA-Campus');
    expect(scalar(fragment, 'transport.proxy.address')).toBe('198.51.100.20');
    expect(scalar(fragment, 'transport.proxy.port')).toBe(3128);
    expect(scalar(fragment, 'transport.proxy.username')).toBeNull();
    expect(scalar(fragment, 'transport.proxy.passwordSet')).toBe(false);
    expect(scalar(fragment, 'policy.name')).toBe('SLE Policy');
    expect(scalar(fragment, 'usageReporting.reportingPushIntervalDays')).toBe(30);
    // The newest of the per-UDI installation times.
    expect(scalar(fragment, 'trustCode.installedAt')).toBe('2023-11-02T05:19:07Z');
    expect(items(fragment, 'trustCode.udis')).toEqual([
      { role: 'active', pid: 'C9500-24Y4C', sn: 'FDO2231X0AB', installedAt: '2023-11-02T05:19:05Z' },
      { role: 'standby', pid: 'C9500-24Y4C', sn: 'FDO2231X0AC', installedAt: '2023-11-02T05:19:07Z' },
    ]);
  });

  it('copes with slipped indentation, run-together fields, trailing blanks and IST', () => {
    const fragment = parseFixture('messy-status.txt');
    expect(scalar(fragment, 'slpEnabled')).toBe(true);
    expect(scalar(fragment, 'account.smartAccount')).toBe('Example Corp');
    expect(scalar(fragment, 'transport.type')).toBe('off');
    expect(scalar(fragment, 'usageReporting.nextAckDeadline')).toBe('2024-07-09T04:30:00Z');
    expect(scalar(fragment, 'usageReporting.reportingPushIntervalDays')).toBe(0);
    expect(items(fragment, 'policy.attributes')).toHaveLength(1);
    expect(items(fragment, 'trustCode.udis')).toEqual([
      { role: 'active', pid: 'C9200L-24P-4G', sn: 'JAE2233ABCD', installedAt: '2024-04-01T05:30:00Z' },
    ]);
  });
});

describe('show license all', () => {
  it('reads name (description) license blocks, product information, HA UDIs and agent version', () => {
    const fragment = parseFixture('iosxe-17-all-cslu.txt');
    expect(items(fragment, 'licenses')).toEqual([
      {
        name: 'network-advantage',
        entitlementTag: null,
        description: 'C9300-48 Network Advantage',
        count: 2,
        status: 'IN USE',
        enforcementType: 'NOT ENFORCED',
        licenseType: 'Perpetual',
      },
      {
        name: 'dna-advantage',
        entitlementTag: null,
        description: 'C9300-48 DNA Advantage',
        count: 2,
        status: 'IN USE',
        enforcementType: 'NOT ENFORCED',
        licenseType: 'Subscription',
      },
    ]);
    expect(scalar(fragment, 'udi.pid')).toBe('C9300-48P');
    expect(scalar(fragment, 'udi.sn')).toBe('FOC2344X1AB');
    expect(items(fragment, 'haUdis')).toEqual([
      { role: 'active', pid: 'C9300-48P', sn: 'FOC2344X1AB' },
      { role: 'member', pid: 'C9300-48P', sn: 'FOC2344X1AC' },
    ]);
    expect(scalar(fragment, 'agentVersion')).toBe('5.1.26_rel/62');
    expect(scalar(fragment, 'transport.csluAddress')).toBe('http://192.0.2.15:8182/cslu/v1/pi');
    expect(scalar(fragment, 'transport.proxy.address')).toBeNull();
    expect(scalar(fragment, 'transport.vrf')).toBeNull();
    expect(scalar(fragment, 'usageReportSummary.purged')).toBe(64);
    expect(scalar(fragment, 'usageReportSummary.mia')).toBe(3);
  });
});

describe('show license tech support', () => {
  it('reads Handle license blocks with status codes dropped', () => {
    const fragment = parseFixture('iosxe-17-tech-support.txt');
    const licenses = items(fragment, 'licenses') as { name: string; status: string; count: number }[];
    expect(licenses.map((l) => [l.name, l.status, l.count])).toEqual([
      ['network-advantage', 'IN USE', 1],
      ['dna-advantage', 'IN USE', 1],
      ['hseck9', 'NOT IN USE', 0],
    ]);
    expect(licenses[0]).toMatchObject({
      entitlementTag: 'regid.2017-03.com.cisco.advantagek9,1.0_bd1da96e-ec1d-412b-a50e-53846b347d53',
    });
  });

  it('records Current time as the capture time, with its line', () => {
    const fragment = parseFixture('iosxe-17-tech-support.txt');
    expect(fragment.scalars.get('captureTime')).toEqual({ value: '2024-04-18T07:45:10Z', line: 151 });
  });

  it('tells the reporting block from the Communication Statistics heading of the same name', () => {
    const fragment = parseFixture('iosxe-17-tech-support.txt');
    expect(scalar(fragment, 'usageReporting.nextReportPush')).toBe('2024-04-17T03:36:32Z');
    const kinds = (items(fragment, 'communication') as { kind: string }[]).map((c) => c.kind);
    expect(kinds).toEqual([
      'trust-establishment',
      'trust-acknowledgement',
      'usage-reporting',
      'result-polling',
      'authorization-request',
      'authorization-confirmation',
      'authorization-return',
      'trust-sync',
      'hello-message',
    ]);
    expect((items(fragment, 'communication') as unknown[])[8]).toEqual({
      kind: 'hello-message',
      total: 42,
      success: 0,
      fail: 42,
      ongoingFailure: 42,
      lastResponse: 'NO REPLY',
      failureReason: null,
      lastSuccessTime: null,
      lastFailureTime: '2024-04-18T07:40:02Z',
    });
  });

  it('does not let Other Info `Transport:` or scheduled jobs overwrite status fields', () => {
    const fragment = parseFixture('nxos-tech-support-cslu.txt');
    expect(scalar(fragment, 'transport.type')).toBe('cslu');
    expect(scalar(fragment, 'transport.url')).toBeUndefined();
    expect(scalar(fragment, 'writeEraseOccurred')).toBe(false);
    expect(scalar(parseFixture('iosxe-17-tech-support.txt'), 'writeEraseOccurred')).toBe(true);
  });

  it('reads the Usage Report Summary counters, first number of N(M)', () => {
    const fragment = parseFixture('iosxe-17-tech-support.txt');
    const summary = Object.fromEntries(
      ['total', 'purged', 'ackReceived', 'waitingForAck', 'availableToReport', 'collectingData', 'inStorage', 'mia'].map(
        (field) => [field, scalar(fragment, `usageReportSummary.${field}`)],
      ),
    );
    expect(summary).toEqual({
      total: 120,
      purged: 64,
      ackReceived: 0,
      waitingForAck: 12,
      availableToReport: 40,
      collectingData: 2,
      inStorage: 0,
      mia: 3,
    });
  });

  it('reads NX-OS times in PST, the failure reason, and the repeated per-UDI trust block', () => {
    const fragment = parseFixture('nxos-tech-support-cslu.txt');
    expect(scalar(fragment, 'captureTime')).toBe('2024-01-12T17:14:03Z');
    expect(scalar(fragment, 'transport.sourceInterface')).toBe('mgmt0');
    const usage = (items(fragment, 'communication') as { kind: string; failureReason: string }[]).find(
      (c) => c.kind === 'usage-reporting',
    );
    expect(usage?.failureReason).toBe('Unable to resolve server hostname/domain name');
    expect(scalar(fragment, 'trustCode.installedAt')).toBeNull();
    expect(items(fragment, 'trustCode.udis')).toEqual([
      { role: 'active', pid: 'N9K-C9504', sn: 'FOX2308PCEN', installedAt: null },
      { role: 'standby', pid: 'N9K-C9504', sn: 'FOX2308PCEN', installedAt: null },
    ]);
    expect(items(fragment, 'haUdis')).toHaveLength(2);
  });
});
