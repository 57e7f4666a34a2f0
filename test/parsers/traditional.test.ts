// Behaviour the goldens of src/parsers/license-traditional/goldens do not show: CLI errors, odd fields, stray lines.
import { describe, expect, it } from 'vitest';
import { licenseTraditionalParser } from '../../src/parsers/license-traditional/index.js';
import { list, scalars, section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseTraditionalParser.parse(section('show license', text));

describe('show license (traditional licensing)', () => {
  it('reads the `show license detail` heading form too', () => {
    const fragment = parse('Index: 1        Feature: securityk9                        Version: 1.0\n        License Type: Permanent\n        Store Index: 0\n        Store Name: Primary License Storage');
    expect(list(fragment, 'licenses')).toEqual([expect.objectContaining({ name: 'securityk9', licenseType: 'Permanent' })]);
    expect(fragment.diagnostics).toEqual([]);
  });

  it('leaves a `%` line unread and claims no licensing for it (ingest gives a refusal to cli-output)', () => {
    const fragment = parse("                 ^\n% Incomplete command.\n");
    expect(fragment.lists.has('messages')).toBe(false);
    expect(scalars(fragment)).toEqual({});
    expect(fragment.diagnostics).toEqual([
      { line: 1, message: 'unrecognised line in show license' },
      { line: 2, message: 'unrecognised line in show license' },
    ]);
  });

  it('reports unknown fields, fields outside a feature, and lines after a license file ended', () => {
    const text = 'Period left: Life time\nIndex 1 Feature: ipbasek9\n\tLicense Colour: blue\nfoo.lic:\nSERVER this_host ANY\n\nstray text';
    const fragment = parse(text);
    expect(fragment.diagnostics).toEqual([
      { line: 3, message: 'unrecognised field "License Colour" in show license' },
      { line: 1, message: 'unrecognised line in show license' },
      { line: 7, message: 'unrecognised line in show license' },
    ]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseTraditionalParser);
  });
});
