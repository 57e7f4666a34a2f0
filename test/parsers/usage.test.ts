// Behaviour the goldens of src/parsers/license-usage/goldens do not show: odd fields, stray lines, odd input.
import { describe, expect, it } from 'vitest';
import { licenseUsageParser } from '../../src/parsers/license-usage/index.js';
import type { License } from '../../src/common/device.js';
import { section, scalars } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseUsageParser.parse(section('show license usage', text));
const licenses = (text: string) => (parse(text).lists.get('licenses')?.items ?? []) as License[];

describe('show license usage', () => {
  it('reads classic AUTHORIZED without its date', () => {
    expect(scalars(parse('License Authorization:\n  Status: AUTHORIZED on Jul 16 14:26:01 2021   UTC\n'))).toEqual({
      licensing: 'smart-licensing',
      slpEnabled: false,
      'legacy.authorizationStatus': 'AUTHORIZED',
      'legacy.evalMode': false,
    });
  });

  it('touches licenses for "No licenses in use" under SLP', () => {
    const fragment = parse('License Authorization:\n  Status: Not Applicable\n\nNo licenses in use\n');
    expect(fragment.lists.get('licenses')).toEqual({ items: [], lines: [] });
    expect(scalars(fragment)).toEqual({ licensing: 'slp' });
    expect(fragment.diagnostics).toEqual([]);
  });

  it('keeps the entitlement tag a release prints in full over the short name in brackets, and drops status codes', () => {
    const [row] = licenses('hseck9 (ISR_4400_Hsec):\n  Entitlement Tag: regid.2019-03.com.cisco.ISR_4400_Hsec,1.0_2b41a1c2\n  Count: 1\n  Status: NOT IN USE(1)\n');
    expect(row).toMatchObject({ name: 'hseck9', description: null, entitlementTag: 'regid.2019-03.com.cisco.ISR_4400_Hsec,1.0_2b41a1c2', status: 'NOT IN USE' });
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
