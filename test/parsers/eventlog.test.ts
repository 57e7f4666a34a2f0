import { describe, expect, it } from 'vitest';
import { licenseEventlogParser, readAttributes } from '../../src/parsers/license-eventlog.js';
import type { LicenseEvent } from '../../src/common/device.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string) => licenseEventlogParser.parse(sectionOf('show license eventlog', text));
const events = (text: string) => (parse(text).lists.get('events')?.items ?? []) as LicenseEvent[];

describe('show license eventlog', () => {
  for (const name of ['eventlog-iosxe', 'eventlog-nxos']) {
    it(`matches the golden output for ${name}`, async () => {
      const fragment = parse(fixture(`${name}.txt`));
      expect(fragment.diagnostics).toEqual([]);
      await expect(plain(fragment)).toMatchFileSnapshot(golden(name));
    });
  }

  it('reads time, type and quoted attributes with their line and file', () => {
    const usage = events(fixture('eventlog-iosxe.txt')).find((e) => e.type === 'SAEVT_ENDPOINT_USAGE');
    expect(usage).toEqual({
      time: '2024-04-17T03:31:32.920Z',
      type: 'SAEVT_ENDPOINT_USAGE',
      attrs: { count: '0', entitlementTag: 'regid.2017-03.com.cisco.DNA_NWStack,1.0_e7244e71-3ad5-4608-8bf0-d12f67c80896' },
      line: 6,
      file: 't.txt',
    });
  });

  it('keeps spaces and escaped quotes inside values', () => {
    const all = events(fixture('eventlog-iosxe.txt'));
    expect(all.find((e) => e.type === 'SAEVT_INIT_CRYPTO')?.attrs).toEqual({
      success: 'False',
      error: 'Crypto Initialization has not been completed',
    });
    expect(all.at(-1)?.attrs.error).toBe('Failed to send usage report: "CSLU not reachable"');
  });

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
