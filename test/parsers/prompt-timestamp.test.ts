// The `terminal exec prompt timestamp` header, read in one place for the output of any command.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestText } from '../../src/ingest/index.js';
import { fromIngested } from '../../src/pipeline/captures.js';
import { clockState, isPromptTimestampLine, readTimeSourceHeader } from '../../src/common/prompt-timestamp.js';
import { promptTimestampParser } from '../../src/parsers/prompt-timestamp/index.js';
import { scalars, section } from '../fixtures/context/section.js';

const LOAD = 'Load for five secs: 2%/0%; one minute: 1%; five minutes: 1%';

function device(...lines: string[]) {
  const ingested = ingestText(`${lines.join('\n')}\n`, 'capture.txt');
  const [only] = fromIngested([ingested]).devices;
  return { ingested, device: only! };
}

describe('the header line', () => {
  it('is told from other lines cheaply and read into source, mark and time', () => {
    expect(readTimeSourceHeader('Time source is NTP, 14:02:31.412 UTC Tue Mar 12 2024')).toEqual({
      source: 'NTP',
      mark: '',
      clock: '14:02:31.412 UTC Tue Mar 12 2024',
    });
    expect(readTimeSourceHeader('No time source, *09:12:44.101 UTC Mon Jul 1 2024')).toEqual({ source: null, mark: '*', clock: '09:12:44.101 UTC Mon Jul 1 2024' });
    expect(readTimeSourceHeader('Time source is hardware calendar, *05:30:30.132 UTC Thu Apr 18 2024')?.source).toBe('hardware calendar');
    expect(isPromptTimestampLine(LOAD)).toBe(true);
    expect(isPromptTimestampLine('Time source is NTP, .05:30:30.132 UTC Thu Apr 18 2024')).toBe(true);
    // `show clock` (NX-OS, IOS-XE detail) prints the source alone: that is the clock's own output, not a header
    expect(isPromptTimestampLine('Time source is NTP')).toBe(false);
    expect(isPromptTimestampLine('Trust Code Installed: <none>')).toBe(false);
    expect(isPromptTimestampLine('Nothing here')).toBe(false);
  });

  it.each([
    ['NTP', '', { timeSource: 'NTP', authoritative: true, ntpSynchronized: true }],
    ['NTP', '.', { timeSource: 'NTP', authoritative: true, ntpSynchronized: false }],
    ['NTP', '*', { timeSource: 'NTP', authoritative: false, ntpSynchronized: false }],
    ['SNTP', '', { timeSource: 'SNTP', authoritative: true, ntpSynchronized: true }],
    ['hardware calendar', '', { timeSource: 'hardware calendar', authoritative: true, ntpSynchronized: false }],
    ['user configuration', '', { timeSource: 'user configuration', authoritative: true, ntpSynchronized: false }],
    [null, '*', { timeSource: 'none', authoritative: false, ntpSynchronized: false }],
  ] as const)('source %s with mark "%s" is %o', (source, mark, state) => {
    expect(clockState(source, mark)).toEqual(state);
  });
});

describe('prompt-timestamp headers in a capture', () => {
  it('are taken out of any command, even one no parser reads, and give the capture time and the clock state', () => {
    const { ingested, device: d } = device(
      'Device#show inventory',
      LOAD,
      'Time source is NTP, .23:40:09.537 UTC Sat Mar 6 2021',
      'CA Certificate',
      '  Status: Available',
    );
    const trustpool = ingested.sections.find((s) => s.command === 'unknown')!;
    expect(trustpool.lines.map((l) => l.n)).toEqual([4, 5]);
    expect(d.captureTime).toBe('2021-03-06T23:40:09.537Z');
    expect(d.captureTimeSource).toBe('time-source');
    expect(d.clock).toEqual({ timeSource: 'NTP', authoritative: true, ntpSynchronized: false });
    expect(d.derived.clockSynchronized).toBe(false);
    expect(d.platform).toBe('iosxe');
    expect(d.diagnostics).toEqual([]);
  });

  it('take the newest of several headers; the status report under one is read as without it', () => {
    const { device: d } = device(
      'c9300-edge-01#show license status',
      LOAD,
      'Time source is NTP, 14:02:31.412 UTC Tue Mar 12 2024',
      'Smart Licensing Using Policy:',
      '  Status: ENABLED',
      'c9300-edge-01#show license udi',
      LOAD,
      'Time source is NTP, *14:03:02.001 UTC Tue Mar 12 2024',
      'UDI: PID:C9300-48P,SN:FOC0000X0AB',
      'c9300-edge-01#show version',
      LOAD,
      'Time source is NTP, 14:02:50.000 UTC Tue Mar 12 2024',
    );
    expect(d.captureTime).toBe('2024-03-12T14:03:02.001Z');
    expect(d.sources.captureTime?.line).toBe(8);
    expect(d.clock).toEqual({ timeSource: 'NTP', authoritative: false, ntpSynchronized: false });
    expect(d.slpEnabled).toBe(true);
    expect(d.udi).toEqual({ pid: 'C9300-48P', sn: 'FOC0000X0AB' });
    expect(d.diagnostics).toEqual([]);
  });

  it('lose to show clock', () => {
    const { device: d } = device(
      'c9300-edge-01#show clock',
      LOAD,
      'Time source is NTP, 14:02:31.412 UTC Tue Mar 12 2024',
      '14:02:31.420 UTC Tue Mar 12 2024',
      'c9300-edge-01#show license status',
      LOAD,
      'Time source is NTP, 14:05:00.000 UTC Tue Mar 12 2024',
      'Smart Licensing Using Policy:',
      '  Status: ENABLED',
    );
    expect(d.captureTime).toBe('2024-03-12T14:02:31.420Z');
    expect(d.captureTimeSource).toBe('show clock');
    expect(d.clock).toEqual({ timeSource: 'NTP', authoritative: true, ntpSynchronized: true });
  });

  it('belong to the device of the prompt they follow', () => {
    const loaded = fromIngested([
      ingestText(
        ['r1#show version', 'Time source is NTP, 10:00:00.000 UTC Tue Mar 12 2024', 'r2#show version', 'No time source, *00:01:02.000 UTC Mon Mar 1 1993'].join('\n'),
        'two.txt',
      ),
    ]);
    expect(loaded.devices.map((d) => [d.hostname, d.captureTime, d.clock.timeSource, d.clock.authoritative])).toEqual([
      ['r1', '2024-03-12T10:00:00.000Z', 'NTP', true],
      ['r2', '1993-03-01T00:01:02.000Z', 'none', false],
    ]);
  });

  it('say when a zone word is ambiguous or unknown, and when a time cannot be read', () => {
    const fragment = promptTimestampParser.parse(
      section('exec prompt timestamp', ['Time source is NTP, 23:40:09.537 CST Sat Mar 6 2021', 'Time source is NTP, 01:00:00.000 XYZ Sun Mar 7 2021', 'Time source is NTP, 99:99:99 junk', 'what'].join('\n')),
    );
    expect(fragment.diagnostics.map((d) => [d.line, d.message.split(';')[0]])).toEqual([
      [1, 'time zone CST may be US Central (UTC-6) or China Standard Time (UTC+8)'],
      [2, 'unknown time zone XYZ'],
      [3, 'could not read time "99:99:99 junk"'],
      [4, 'unrecognised line in exec prompt timestamp'],
    ]);
    expect(scalars(fragment)['captureTime']).toBe('2021-03-07T05:40:09.537Z');
  });

  it('never throw on odd input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(LOAD, 'Time source is NTP, *', 'No time source, 1:2:3'))), (texts) => {
        expect(promptTimestampParser.parse(section('exec prompt timestamp', texts.join('\n'))).parser).toBe('prompt-timestamp');
      }),
      { numRuns: 300 },
    );
  });
});
