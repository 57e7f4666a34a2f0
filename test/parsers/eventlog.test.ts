// Behaviour the goldens of src/parsers/license-eventlog/goldens do not show: zones, bare and broken attributes.
import { describe, expect, it } from 'vitest';
import { licenseEventlogParser, readAttributes } from '../../src/parsers/license-eventlog/index.js';
import type { LicenseEvent } from '../../src/common/device.js';
import { section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseEventlogParser.parse(section('show license eventlog', text));
const events = (text: string) => (parse(text).lists.get('events')?.items ?? []) as LicenseEvent[];

describe('show license eventlog', () => {
  it('reads events without attributes and converts the zone', () => {
    expect(events('2021-02-18 17:47:05.435 UTC SAEVT_READY')).toEqual([
      { time: '2021-02-18T17:47:05.435Z', type: 'SAEVT_READY', attrs: {}, line: 1, file: 't.txt' },
    ]);
    expect(events('2021-02-18 17:47:05 PST SAEVT_READY')[0]?.time).toBe('2021-02-19T01:47:05Z');
  });

  it('reads bare values to the next space', () => {
    expect(readAttributes('count=3 entitlementTag=regid.2017-03.com.cisco.x,1.0_ab udi=PID:C9300-48P,SN:FOC2344X1AB')).toEqual({
      attrs: { count: '3', entitlementTag: 'regid.2017-03.com.cisco.x,1.0_ab', udi: 'PID:C9300-48P,SN:FOC2344X1AB' },
      problem: null,
    });
  });

  it('keeps the text of an unterminated quote and says so', () => {
    const fragment = parse('2024-04-17 04:00:01.512 UTC SAEVT_COMM_FAIL error="Unable to connect');
    expect((fragment.lists.get('events')?.items[0] as LicenseEvent).attrs).toEqual({ error: 'Unable to connect' });
    expect(fragment.diagnostics).toEqual([{ line: 1, message: 'unterminated quote in event attributes' }]);
  });

  it('reports an unknown zone, loose text and non-event lines, never throws', () => {
    const text = '**** Event Log ****\n2024-04-17 03:31:32 XYZ SAEVT_READY\n2024-04-17 03:31:33 UTC SAEVT_TAG_AUTHORIZED stray count="1"\ntruncated 2024-04-1\n\t\n';
    const fragment = parse(text);
    expect(events(text).map((e) => e.type)).toEqual(['SAEVT_READY', 'SAEVT_TAG_AUTHORIZED']);
    expect(events(text)[1]!.attrs).toEqual({ count: '1' });
    expect(fragment.diagnostics).toEqual([
      { line: 2, message: 'unknown time zone "XYZ" (read as UTC)' },
      { line: 3, message: 'unreadable event attribute text "stray"' },
      { line: 4, message: 'unrecognised line in show license eventlog' },
    ]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseEventlogParser);
  });
});
