// Behaviour the goldens of src/parsers/data-conversion/goldens do not show: where `empty` points, CLI errors.
import { describe, expect, it } from 'vitest';
import { dataConversionParser } from '../../src/parsers/data-conversion/index.js';
import { section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

function parse(text: string, headerLine: number | null = null) {
  const body = section('show license data conversion', text, { headerLine });
  return dataConversionParser.parse(text === '' ? { ...body, lines: [] } : body);
}

describe('show license data conversion', () => {
  it('says empty, at the command line, when nothing was printed', () => {
    const fragment = parse('', 12);
    expect(fragment.scalars.get('dataConversion.empty')).toEqual({ value: true, line: 12 });
    expect(fragment.lists.get('dataConversion.lines')).toEqual({ items: [], lines: [] });
  });

  it('says empty for blank lines only, pointing at the first line without a header', () => {
    const fragment = parse('\n  \n\t\n');
    expect(fragment.scalars.get('dataConversion.empty')).toEqual({ value: true, line: 1 });
  });

  it('takes a `%` line for the CLI\'s, not conversion data: unread, and whether there is any stays unknown', () => {
    // A refusal like this one reaches cli-output (ingest, cli-refusal.ts); given here directly, it is not ours to read.
    const fragment = parse("                    ^\n% Invalid command at '^' marker.\n");
    expect(fragment.scalars.has('dataConversion.empty')).toBe(false);
    expect(fragment.lists.has('dataConversion.lines')).toBe(false);
    expect(fragment.diagnostics).toEqual([{ line: 2, message: 'unrecognised line in show license data conversion' }]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(dataConversionParser);
  });
});
