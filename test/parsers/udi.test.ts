// Behaviour the goldens of src/parsers/license-udi/goldens do not show: a standalone table, cut lines, odd input.
import { describe, expect, it } from 'vitest';
import { licenseUdiParser } from '../../src/parsers/license-udi/index.js';
import type { HaUdi } from '../../src/common/device.js';
import { section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseUdiParser.parse(section('show license udi', text));
const haUdis = (text: string) => (parse(text).lists.get('haUdis')?.items ?? []) as HaUdi[];

describe('show license udi', () => {
  it('keeps a single-row table out of haUdis', () => {
    const fragment = parse('SlotID   PID      SN           UDI\n-----\n*        ISR4331/K9   FDO2231X0AB  ISR4331/K9:FDO2231X0AB\n');
    expect(fragment.scalars.get('udi.pid')?.value).toBe('ISR4331/K9');
    expect(fragment.lists.has('haUdis')).toBe(false);
    expect(fragment.diagnostics).toEqual([]);
  });

  it('reports missing fields and stray lines, never throws', () => {
    const text = 'UDI: PID:C9300-48P\nHA UDI List:\n  Active:PID:C9300-48P,SN:FOC2344X1AB\n  Standby:\nC9300-48P FOC2344X1AB C9300-48P:FOC2344X1AB\n\t  ';
    const fragment = parse(text);
    expect(fragment.scalars.has('udi.pid')).toBe(false);
    expect(haUdis(text)).toHaveLength(1);
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([1, 4, 5]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseUdiParser);
  });
});
