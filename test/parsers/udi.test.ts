import { describe, expect, it } from 'vitest';
import { licenseUdiParser } from '../../src/parsers/license-udi.js';
import type { HaUdi } from '../../src/common/device.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string) => licenseUdiParser.parse(sectionOf('show license udi', text));
const haUdis = (text: string) => (parse(text).lists.get('haUdis')?.items ?? []) as HaUdi[];

describe('show license udi', () => {
  for (const name of ['udi-nxos', 'udi-nxos-oneline', 'udi-iosxe-stack', 'udi-iosxe-table']) {
    it(`matches the golden output for ${name}`, async () => {
      const fragment = parse(fixture(`${name}.txt`));
      expect(fragment.diagnostics).toEqual([]);
      await expect(plain(fragment)).toMatchFileSnapshot(golden(name));
    });
  }

  it('reads the NX-OS UDI with a space after the comma and the HA list', () => {
    const fragment = parse(fixture('udi-nxos.txt'));
    expect(fragment.scalars.get('udi.pid')).toEqual({ value: 'N9K-C9504', line: 1 });
    expect(fragment.scalars.get('udi.sn')).toEqual({ value: 'FOX2308X0AB', line: 1 });
    expect(haUdis(fixture('udi-nxos.txt'))).toEqual([
      { role: 'active', pid: 'N9K-C9504', sn: 'FOX2308X0AB' },
      { role: 'standby', pid: 'N9K-C9504', sn: 'FOX2308X0CD' },
    ]);
  });

  it('reads "HA UDI List: Active: …" on one line the same as the block form', () => {
    expect(haUdis(fixture('udi-nxos-oneline.txt'))).toEqual(haUdis(fixture('udi-nxos.txt')));
  });

  it('reads IOS-XE Active/Standby/Member without spaces', () => {
    expect(haUdis(fixture('udi-iosxe-stack.txt')).map((u) => `${u.role} ${u.sn}`)).toEqual([
      'active FOC2344X1AB',
      'standby FOC2344X1CD',
      'member FOC2344X1EF',
    ]);
  });

  it('takes the * row of the older table as the device UDI, tabs or spaces', () => {
    const fragment = parse(fixture('udi-iosxe-table.txt'));
    expect(fragment.scalars.get('udi.sn')).toEqual({ value: 'FOC2344X1AB', line: 3 });
    expect(haUdis(fixture('udi-iosxe-table.txt')).map((u) => `${u.role} ${u.pid} ${u.sn}`)).toEqual([
      'active C9300-48P FOC2344X1AB',
      'member C9300-48P FOC2344X1CD',
      'member C9300-24T FOC2344X1EF',
    ]);
  });

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
