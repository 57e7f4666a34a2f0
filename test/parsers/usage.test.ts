import { describe, expect, it } from 'vitest';
import { licenseUsageParser } from '../../src/parsers/license-summary.js';
import type { License } from '../../src/common/device.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string) => licenseUsageParser.parse(sectionOf('show license usage', text));
const licenses = (text: string) => (parse(text).lists.get('licenses')?.items ?? []) as License[];

describe('show license usage', () => {
  for (const name of ['usage-nxos', 'usage-nxos-eval', 'usage-iosxe']) {
    it(`matches the golden output for ${name}`, async () => {
      const fragment = parse(fixture(`${name}.txt`));
      expect(fragment.diagnostics).toEqual([]);
      await expect(plain(fragment)).toMatchFileSnapshot(golden(name));
    });
  }

  it('reads NX-OS package blocks with enforcement and license type', () => {
    const [ndb] = licenses(fixture('usage-nxos.txt'));
    expect(ndb).toEqual({
      name: 'DCN_NDB',
      entitlementTag: null,
      description: 'DCN NDB Add-On License N9K Modular',
      count: 1,
      status: 'IN USE',
      enforcementType: 'NOT ENFORCED',
      licenseType: 'Generic',
    });
    expect(parse(fixture('usage-nxos.txt')).scalars.size).toBe(0);
  });

  it('reads IOS-XE name (description) blocks with lower-case field names', () => {
    const rows = licenses(fixture('usage-iosxe.txt'));
    expect(rows.map((l) => [l.name, l.description, l.count, l.licenseType, l.enforcementType])).toEqual([
      ['network-advantage', 'C9300-48 Network Advantage', 2, 'Perpetual', 'NOT ENFORCED'],
      ['dna-advantage', 'C9300-48 DNA Advantage', 2, 'Subscription', 'NOT ENFORCED'],
    ]);
  });

  it('reads pre-SLP eval mode as legacy and <empty> as null', () => {
    const fragment = parse(fixture('usage-nxos-eval.txt'));
    expect(fragment.scalars.get('slpEnabled')).toEqual({ value: false, line: 2 });
    expect(fragment.scalars.get('legacy.evalMode')).toEqual({ value: true, line: 2 });
    expect(licenses(fixture('usage-nxos-eval.txt')).every((l) => l.description === null && l.status === 'EVAL MODE')).toBe(true);
  });

  it('reads pre-SLP AUTHORIZED without its date', () => {
    const fragment = parse('License Authorization:\n  Status: AUTHORIZED on Jul 16 14:26:01 2021   UTC\n');
    expect(fragment.scalars.get('legacy.authorizationStatus')?.value).toBe('AUTHORIZED');
    expect(fragment.scalars.get('legacy.evalMode')?.value).toBe(false);
  });

  it('touches licenses for "No licenses in use"', () => {
    const fragment = parse('License Authorization:\n  Status: Not Applicable\n\nNo licenses in use\n');
    expect(fragment.lists.get('licenses')).toEqual({ items: [], lines: [] });
    expect(fragment.diagnostics).toEqual([]);
  });

  it('keeps the entitlement tag when a release prints it, and drops status codes', () => {
    const [row] = licenses('hseck9 (ISR_4400_Hsec):\n  Entitlement Tag: regid.2019-03.com.cisco.ISR_4400_Hsec,1.0_2b41a1c2\n  Count: 1\n  Status: NOT IN USE(1)\n');
    expect(row).toMatchObject({ name: 'hseck9', description: 'ISR_4400_Hsec', entitlementTag: 'regid.2019-03.com.cisco.ISR_4400_Hsec,1.0_2b41a1c2', status: 'NOT IN USE' });
  });

  it('reports unknown fields and stray lines, keeps the rest, never throws', () => {
    const text = [
      'Status: IN USE',
      '(DCN_NDB):',
      '\tDescription:   DCN NDB Add-On License N9K Modular   ',
      '  Count: one',
      '  Colour: blue',
      '  this is not a field',
    ].join('\n');
    const fragment = parse(text);
    expect(licenses(text)).toEqual([expect.objectContaining({ name: 'DCN_NDB', description: 'DCN NDB Add-On License N9K Modular', count: null, status: null })]);
    expect(fragment.diagnostics).toEqual([
      { line: 5, message: 'unrecognised field "Colour" in show license usage' },
      { line: 1, message: 'unrecognised line in show license usage' },
      { line: 6, message: 'unrecognised line in show license usage' },
    ]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseUsageParser);
  });
});
