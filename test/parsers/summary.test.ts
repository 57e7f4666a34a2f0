import { describe, expect, it } from 'vitest';
import { licenseSummaryParser } from '../../src/parsers/license-summary.js';
import type { License } from '../../src/common/device.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string) => licenseSummaryParser.parse(sectionOf('show license summary', text));
const licenses = (text: string) => (parse(text).lists.get('licenses')?.items ?? []) as License[];

describe('show license summary', () => {
  for (const name of ['summary-iosxe', 'summary-nxos', 'summary-nxos-legacy', 'summary-nxos-eval', 'summary-no-licenses', 'summary-iosxe-account']) {
    it(`matches the golden output for ${name}`, async () => {
      const fragment = parse(fixture(`${name}.txt`));
      expect(fragment.diagnostics).toEqual([]);
      await expect(plain(fragment)).toMatchFileSnapshot(golden(name));
    });
  }

  it('reads IOS-XE rows as name plus truncated description', () => {
    const [first, , , last] = licenses(fixture('summary-iosxe.txt'));
    expect(first).toMatchObject({ name: 'network-advantage', description: 'C9300-48 Network Advan...', count: 1, status: 'IN USE' });
    expect(last).toMatchObject({ name: 'C9300 48P Network Adv...', description: 'C9300-48 Network Advan...' });
  });

  it('reads the IOS-XE account block without its "As of" date, and one-word names before upper-case tags', () => {
    const fragment = parse(fixture('summary-iosxe-account.txt'));
    expect(fragment.scalars.get('account.smartAccount')).toEqual({ value: 'Example Corp', line: 2 });
    expect(fragment.scalars.get('account.virtualAccount')).toEqual({ value: 'VA-Campus', line: 3 });
    expect(fragment.scalars.has('slpEnabled')).toBe(false);
    expect(licenses(fixture('summary-iosxe-account.txt')).map((l) => [l.name, l.description, l.status])).toEqual([
      ['booster_performance', 'ISR_4331_BOOST', 'IN USE'],
      ['hseck9', 'ISR_4331_Hsec', 'NOT IN USE'],
      ['appxk9', 'ISR_4300_Application', 'IN USE'],
    ]);
  });

  it('reads NX-OS rows with the package tag as the name', () => {
    const rows = licenses(fixture('summary-nxos.txt'));
    expect(rows.map((l) => l.name)).toEqual(['DCN_NDB', 'NETWORK_SERVICES_PKG', 'LAN_ENTERPRISE_SERVICES_PKG']);
    expect(rows[0]!.description).toBe('DCN NDB Add-On License ...');
  });

  it('marks the pre-SLP summary as not SLP, with registration and authorization', () => {
    const fragment = parse(fixture('summary-nxos-legacy.txt'));
    expect(fragment.scalars.get('slpEnabled')?.value).toBe(false);
    expect(fragment.scalars.get('legacy.registrationStatus')).toEqual({ value: 'REGISTERED', line: 5 });
    expect(fragment.scalars.get('legacy.authorizationStatus')).toEqual({ value: 'AUTHORIZED', line: 11 });
    expect(fragment.scalars.get('legacy.evalMode')?.value).toBe(false);
    expect(fragment.scalars.get('account.smartAccount')?.value).toBe('Example Corp');
    expect(licenses(fixture('summary-nxos-legacy.txt')).map((l) => l.status)).toEqual(['AUTHORIZED', 'AUTHORIZED']);
  });

  it('reads eval mode and <empty> descriptions, also when <empty> wraps onto its own line', () => {
    const fragment = parse(fixture('summary-nxos-eval.txt'));
    expect(fragment.scalars.get('legacy.evalMode')?.value).toBe(true);
    expect(fragment.scalars.get('legacy.registrationStatus')?.value).toBe('UNREGISTERED');
    const rows = licenses(fixture('summary-nxos-eval.txt'));
    expect(rows.map((l) => [l.name, l.description, l.status])).toEqual([
      ['LAN_ENTERPRISE_SERVICES_PKG', null, 'EVAL MODE'],
      ['NETWORK_SERVICES_PKG', null, 'EVAL MODE'],
      ['VPN_FABRIC', null, 'EVAL MODE'],
    ]);
  });

  it('touches licenses for "No licenses in use" and leaves slpEnabled alone', () => {
    const fragment = parse(fixture('summary-no-licenses.txt'));
    expect(fragment.lists.get('licenses')).toEqual({ items: [], lines: [] });
    expect(fragment.scalars.has('slpEnabled')).toBe(false);
  });

  it('drops trailing status codes and copes with tabs and extra spaces', () => {
    const rows = licenses('License Usage:\n\tair-network-advantage   (AIR Network Advantage)\t\t  4   IN USE(15)  ');
    expect(rows).toEqual([
      expect.objectContaining({ name: 'air-network-advantage', description: 'AIR Network Advantage', count: 4, status: 'IN USE' }),
    ]);
  });

  it('reports a truncated table and unknown lines, and never throws', () => {
    const text = 'License Usage:\n  License   Entitlement Tag   Count Status\n  ------\n  network-advantage (C9300-48 Net';
    const fragment = parse(text);
    expect(fragment.diagnostics).toEqual([
      { line: 2, message: 'license usage table has no rows (output cut short?)' },
      { line: 4, message: 'unrecognised line in show license summary' },
    ]);
    expect(fragment.lists.get('licenses')).toBeUndefined();
  });

  it('reports stray text outside the blocks', () => {
    const fragment = parse('% Invalid command at marker\nLicense Usage:\nNo licenses in use');
    expect(fragment.diagnostics).toEqual([{ line: 1, message: 'unrecognised line in show license summary' }]);
  });

  it('accepts an empty section', () => {
    expect(plain(parse(''))).toBe('{\n  "scalars": {},\n  "lists": {},\n  "diagnostics": []\n}\n');
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseSummaryParser);
  });
});

describe('hostile show license summary', () => {
  // Found by the fuzzer: deep indentation made a row pattern backtrack for 20 s. The timeout is a hang guard.
  it('deeply indented long lines are read in bounded time', { timeout: 10_000 }, () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, text: `${' '.repeat(3000 + i)}(C9300 x${' '.repeat(500)}y` }));
    const fragment = licenseSummaryParser.parse({
      command: 'show license summary', rawCommand: null, file: 't.txt', headerLine: null, hostname: null, platform: 'unknown', lines,
    });
    expect(fragment.diagnostics).toHaveLength(40);
  });
});
