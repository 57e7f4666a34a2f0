// Behaviour the goldens of src/parsers/pki-trustpool/goldens do not show: a failed command, odd dates and lines.
import { describe, expect, it } from 'vitest';
import { pkiTrustpoolParser } from '../../src/parsers/pki-trustpool/index.js';
import { list, scalars, section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => pkiTrustpoolParser.parse(section('show crypto pki trustpool', text));

describe('show crypto pki trustpool', () => {
  it('says nothing about the trustpool when the device answered with a `%` line, which stays unread', () => {
    // A refusal like this one reaches cli-output (ingest, cli-refusal.ts); given here directly, it is not ours to read.
    const fragment = parse("                        ^\n% Invalid input detected at '^' marker.");
    expect(fragment.lists.has('trustpool.certificates')).toBe(false);
    expect(scalars(fragment)).toEqual({});
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([1, 2]);
  });

  it('names a CA without a common name by the first part of its subject, and reports odd dates', () => {
    const text = ['CA Certificate', '  Subject: ', '    ou=Class 3 Public Primary Certification Authority', '    o=VeriSign, Inc.', '  Validity Date: ', '    end   date: 23:59:59 XYZ Aug 1 2028', '  Trustpool: Built-In'].join('\n');
    const fragment = parse(text);
    expect(list(fragment, 'trustpool.certificates')).toEqual([
      { subject: 'Class 3 Public Primary Certification Authority', origin: 'Built-In', validUntil: '2028-08-01T23:59:59Z' },
    ]);
    expect(scalars(fragment)['trustpool.complete']).toBe(true);
    expect(fragment.diagnostics).toEqual([{ line: 6, message: 'unknown time zone "XYZ" (read as UTC)' }]);
  });

  it('does not read certificate lines outside a certificate', () => {
    const fragment = parse('  Status: Available\n    cn=Stray\nCA Certificate\n  Subject: \n    cn=Cisco Root CA M2\n    end   date: 13:00:18 UTC Nov 12 2037');
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([1, 2]);
    expect(list(fragment, 'trustpool.certificates')).toHaveLength(1);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(pkiTrustpoolParser);
  });
});
