// Behaviour the goldens of src/parsers/license-rum/goldens do not show: other row forms, empty and cut output.
import { describe, expect, it } from 'vitest';
import { licenseRumParser, rumState } from '../../src/parsers/license-rum/index.js';
import type { RumReport } from '../../src/common/device.js';
import { section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseRumParser.parse(section('show license rum id all', text));
const reports = (text: string) => (parse(text).lists.get('rumReports')?.items ?? []) as RumReport[];

describe('show license rum id all', () => {
  it('names agent states without the SmartAgentRumState prefix', () => {
    expect(rumState('SmartAgentRumStateClosed')).toBe('CLOSED');
    expect(rumState('unack')).toBe('UNACK');
  });

  it('reads the labelled one-line form', () => {
    expect(reports('Report Id: 1712555132  State: ACK  Flag: E  Feature Name: network-advantage_100M')).toEqual([
      { id: 1712555132, state: 'ACK', flag: 'E', featureName: 'network-advantage_100M' },
    ]);
  });

  it('marks the list present when the table has no rows or the device has none', () => {
    expect(parse('Smart Licensing Usage Report:\n=====\n\nReport Id  State  Flag  Feature Name\n').lists.get('rumReports')).toEqual({ items: [], lines: [] });
    expect(parse('Smart Licensing Usage Report Detail:\n=====\n').lists.get('rumReports')).toEqual({ items: [], lines: [] });
    const none = parse('No report in device');
    expect(none.lists.get('rumReports')).toEqual({ items: [], lines: [] });
    expect(none.diagnostics).toEqual([]);
  });

  it('reads rows whose columns end in commas', () => {
    expect(reports('Report Id,   State,   Flag, Feature Name\n1712040001,  CLOSED,  N,    air-network-advantage')).toEqual([
      { id: 1712040001, state: 'CLOSED', flag: 'N', featureName: 'air-network-advantage' },
    ]);
  });

  it('reports a detail block cut before its State, and detail fields outside any block', () => {
    const text = '  State: ACK, State Change Reason: ACKED\nReport Id: 1712040011\n  Metric Name: ENTITLEMENT\n  Feature Name: network-advantage';
    const fragment = parse(text);
    expect(fragment.lists.has('rumReports')).toBe(false);
    expect(fragment.diagnostics).toEqual([
      { line: 2, message: 'report 1712040011 has no State line (output cut short?)' },
      { line: 1, message: 'unrecognised line in show license rum id all' },
    ]);
  });

  it('reports a truncated row and stray lines, keeps the rest, never throws', () => {
    const text = 'Smart Licensing Usage Report:\n====\nReport Id  State  Flag  Feature Name\n1712555130 ACK N network-advantage_100M\n17125551\n% Error: something';
    expect(reports(text)).toHaveLength(1);
    expect(parse(text).diagnostics.map((d) => d.line)).toEqual([5, 6]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseRumParser);
  });
});
