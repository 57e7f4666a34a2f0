// Behaviour the goldens of src/parsers/license-summary/goldens do not show: odd and cut input, and hostile lines.
import { describe, expect, it } from 'vitest';
import { licenseSummaryParser } from '../../src/parsers/license-summary/index.js';
import type { License } from '../../src/common/device.js';
import { section, scalars } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseSummaryParser.parse(section('show license summary', text));
const licenses = (text: string) => (parse(text).lists.get('licenses')?.items ?? []) as License[];

describe('show license summary', () => {
  it('drops trailing status codes and copes with tabs and extra spaces', () => {
    const rows = licenses('License Usage:\n\tair-network-advantage   (AIR Network Advantage)\t\t  4   IN USE(15)  ');
    expect(rows).toEqual([
      expect.objectContaining({ name: 'air-network-advantage', description: 'AIR Network Advantage', count: 4, status: 'IN USE' }),
    ]);
  });

  it('says which licensing only from what proves it', () => {
    expect(scalars(parse('License Usage:\n  network-advantage (C9300-48 Network Advan...) 1 IN USE')).licensing).toBe('slp');
    expect(scalars(parse('License Usage:\n  network-advantage (C9300-48 Network Advan...) 1 AUTHORIZED')).licensing).toBeUndefined();
    expect(scalars(parse('Smart Licensing is DISABLED')).licensing).toBeUndefined();
    expect(scalars(parse('Smart Licensing is ENABLED\n\nLicense Usage:\n  hseck9 (ISR_4331_Hsec) 1 NOT IN USE'))).toMatchObject({
      licensing: 'smart-licensing',
      slpEnabled: false,
    });
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

  it('takes an empty table under classic `Status: No Licenses in Use` as complete', () => {
    const text = [
      'Smart Licensing is ENABLED',
      '',
      'License Authorization:',
      '  Status: No Licenses in Use',
      '',
      'License Usage:',
      '  License                 Entitlement tag               Count Status',
      '  -----------------------------------------------------------------------------',
    ].join('\n');
    const fragment = parse(text);
    expect(fragment.diagnostics).toEqual([]);
    expect(fragment.scalars.get('legacy.authorizationStatus')?.value).toBe('No Licenses in Use');
  });

  it('reports stray text outside the blocks', () => {
    const fragment = parse('% Invalid command at marker\nLicense Usage:\nNo licenses in use');
    expect(fragment.diagnostics).toEqual([{ line: 1, message: 'unrecognised line in show license summary' }]);
  });

  it('accepts an empty section', () => {
    const fragment = parse('');
    expect([fragment.scalars.size, fragment.lists.size, fragment.diagnostics]).toEqual([0, 0, []]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseSummaryParser);
  });
});

describe('hostile show license summary', () => {
  // Found by the fuzzer: deep indentation made a row pattern backtrack for 20 s. The bench times this input
  // (scripts/bench-worst-case.mjs).
  it('deeply indented long lines are each reported', () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, text: `${' '.repeat(3000 + i)}(C9300 x${' '.repeat(500)}y` }));
    const fragment = licenseSummaryParser.parse({ ...section('show license summary', ''), lines });
    expect(fragment.diagnostics).toHaveLength(40);
  });
});
