import { describe, expect, it } from 'vitest';
import { licenseRumParser, rumState } from '../../src/parsers/license-rum.js';
import type { RumReport } from '../../src/common/device.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string) => licenseRumParser.parse(sectionOf('show license rum id all', text));
const reports = (text: string) => (parse(text).lists.get('rumReports')?.items ?? []) as RumReport[];

describe('show license rum id all', () => {
  for (const name of ['rum-iosxe', 'rum-case-study', 'rum-agent-ids', 'rum-nxos']) {
    it(`matches the golden output for ${name}`, async () => {
      const fragment = parse(fixture(`${name}.txt`));
      expect(fragment.diagnostics).toEqual([]);
      await expect(plain(fragment)).toMatchFileSnapshot(golden(name));
    });
  }

  it('reads the IOS-XE table', () => {
    const rows = reports(fixture('rum-iosxe.txt'));
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual({ id: 1673377132, state: 'UNACK', flag: 'E', featureName: 'network-advantage_100M' });
    expect(parse(fixture('rum-iosxe.txt')).lists.get('rumReports')?.lines).toEqual([6, 7, 8, 9]);
  });

  it('reads the tabbed table with spelled-out flags (case study)', () => {
    expect(reports(fixture('rum-case-study.txt'))).toEqual([
      { id: 1673377132, state: 'UNACK', flag: 'E', featureName: 'network-advantage_100M' },
      { id: 1673377133, state: 'OPEN', flag: 'N', featureName: 'network-advantage_100M' },
    ]);
  });

  it('reads the agent id-list form, naming states without the SmartAgentRumState prefix', () => {
    expect(reports(fixture('rum-agent-ids.txt')).map((r) => `${r.id} ${r.state} ${r.flag}`)).toEqual([
      '1673725840 UNACKNOWLEDGED null',
      '1673725841 UNACKNOWLEDGED null',
      '1673725842 OPEN null',
      '1673725843 OPEN null',
    ]);
    expect(rumState('SmartAgentRumStateClosed')).toBe('CLOSED');
  });

  it('reads the labelled one-line form', () => {
    expect(reports('Report Id: 1673377132  State: ACK  Flag: E  Feature Name: network-advantage_100M')).toEqual([
      { id: 1673377132, state: 'ACK', flag: 'E', featureName: 'network-advantage_100M' },
    ]);
  });

  it('marks the list present when the table has no rows or the device has none', () => {
    expect(parse('Smart Licensing Usage Report:\n=====\n\nReport Id  State  Flag  Feature Name\n').lists.get('rumReports')).toEqual({ items: [], lines: [] });
    const none = parse('No report in device');
    expect(none.lists.get('rumReports')).toEqual({ items: [], lines: [] });
    expect(none.diagnostics).toEqual([]);
  });

  it('reports a truncated row and stray lines, keeps the rest, never throws', () => {
    const text = 'Smart Licensing Usage Report:\n====\nReport Id  State  Flag  Feature Name\n1673377130 ACK N network-advantage_100M\n16733771\n% Error: something';
    expect(reports(text)).toHaveLength(1);
    expect(parse(text).diagnostics.map((d) => d.line)).toEqual([5, 6]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseRumParser);
  });
});
