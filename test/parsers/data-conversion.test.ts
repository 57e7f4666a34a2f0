import { describe, expect, it } from 'vitest';
import { dataConversionParser } from '../../src/parsers/data-conversion.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string, headerLine: number | null = null) =>
  dataConversionParser.parse(sectionOf('show license data conversion', text, headerLine));

describe('show license data conversion', () => {
  for (const name of ['data-conversion-empty', 'data-conversion-nxos']) {
    it(`matches the golden output for ${name}`, async () => {
      const fragment = parse(fixture(`${name}.txt`), 40);
      expect(fragment.diagnostics).toEqual([]);
      await expect(plain(fragment)).toMatchFileSnapshot(golden(name));
    });
  }

  it('says empty, at the command line, when nothing was printed', () => {
    const fragment = parse('', 12);
    expect(fragment.scalars.get('dataConversion.empty')).toEqual({ value: true, line: 12 });
    expect(fragment.lists.get('dataConversion.lines')).toEqual({ items: [], lines: [] });
  });

  it('says empty for blank lines only, pointing at the first line without a header', () => {
    const fragment = parse('\n  \n\t\n');
    expect(fragment.scalars.get('dataConversion.empty')).toEqual({ value: true, line: 1 });
  });

  it('keeps every printed line as data', () => {
    const fragment = parse(fixture('data-conversion-nxos.txt'));
    expect(fragment.scalars.get('dataConversion.empty')?.value).toBe(false);
    expect(fragment.lists.get('dataConversion.lines')?.items).toHaveLength(4);
    expect(fragment.lists.get('dataConversion.lines')?.lines).toEqual([1, 2, 3, 4]);
  });

  it('treats a CLI error as a message, not as conversion data', () => {
    const fragment = parse("                    ^\n% Invalid command at '^' marker.\n");
    expect(fragment.scalars.has('dataConversion.empty')).toBe(false);
    expect(fragment.lists.get('messages')?.items).toEqual([
      { command: 'show license data conversion', text: "% Invalid command at '^' marker.", line: 2, file: 't.txt' },
    ]);
    expect(fragment.diagnostics).toEqual([]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(dataConversionParser);
  });
});
