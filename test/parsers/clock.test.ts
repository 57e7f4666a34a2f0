import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockParser } from '../../src/parsers/clock/index.js';
import { scalarLine, scalars, section } from '../fixtures/context/section.js';

const parse = (text: string) => clockParser.parse(section('show clock', text));

describe('show clock', () => {
  it('NX-OS: time source line then the time', () => {
    const f = parse('Time source is NTP\n07:45:10.123 UTC Thu Apr 18 2024');
    expect(scalars(f)).toEqual({
      captureTime: '2024-04-18T07:45:10.123Z',
      'clock.timeSource': 'NTP',
      'clock.authoritative': true,
      'clock.ntpSynchronized': true,
    });
    expect(scalarLine(f, 'captureTime')).toBe(2);
    expect(scalarLine(f, 'clock.timeSource')).toBe(1);
    expect(scalarLine(f, 'clock.ntpSynchronized')).toBe(2);
    expect(f.diagnostics).toEqual([]);
  });

  it('IOS-XE: a leading * means the clock is not authoritative, so not synchronised either', () => {
    expect(scalars(parse('*09:12:55.123 UTC Thu Apr 18 2024'))).toEqual({
      captureTime: '2024-04-18T09:12:55.123Z',
      'clock.authoritative': false,
      'clock.ntpSynchronized': false,
    });
  });

  it('IOS-XE show clock detail: a leading . means NTP synchronisation was lost; the source follows the time', () => {
    const f = parse('.05:30:30.132 IST Thu Apr 18 2024\nTime source is NTP');
    expect(scalars(f)).toEqual({
      captureTime: '2024-04-18T00:00:30.132Z',
      'clock.timeSource': 'NTP',
      'clock.authoritative': true,
      'clock.ntpSynchronized': false,
    });
    expect(scalars(parse('05:30:30.132 UTC Thu Apr 18 2024\nTime source is hardware calendar'))).toMatchObject({
      'clock.timeSource': 'hardware calendar',
      'clock.ntpSynchronized': false,
    });
  });

  it('leaves sync unknown when the output does not say', () => {
    expect(scalars(parse('09:12:55.123 PDT Thu Apr 18 2024'))).toEqual({
      captureTime: '2024-04-18T16:12:55.123Z',
      'clock.authoritative': true,
    });
  });

  it('diagnoses unknown zones and unreadable lines, and never throws', () => {
    const f = parse('09:12:55 XYZ Thu Apr 18 2024\nnot a clock');
    expect(scalars(f)['captureTime']).toBe('2024-04-18T09:12:55Z');
    expect(f.diagnostics.map((d) => d.line)).toEqual([1, 2]);
    fc.assert(fc.property(fc.string(), (s) => {
        expect(parse(s).parser).toBe('clock');
      }), { numRuns: 300 });
  });
});
