import { describe, expect, it } from 'vitest';
import { formatIso, inferYear, parseDeviceTime, toIso } from '../../src/common/time.js';

describe('device timestamps', () => {
  it.each([
    ['Jul 16 15:22:31 2021 UTC', '2021-07-16T15:22:31Z'],
    ['Nov 16 09:38:37 2021 UTC', '2021-11-16T09:38:37Z'],
    ['15:22:31.123 UTC Mon Jul 16 2021', '2021-07-16T15:22:31.123Z'],
    ['*09:12:55.123 UTC Thu Apr 18 2024', '2024-04-18T09:12:55.123Z'],
    ['.05:30:30.132 UTC Thu Apr 18 2024', '2024-04-18T05:30:30.132Z'],
    ['2023 Aug  7 17:02:36', '2023-08-07T17:02:36Z'],
    ['2024-04-17 03:31:32.920 UTC', '2024-04-17T03:31:32.920Z'],
    ['2023-08-07T17:02:36.000Z', '2023-08-07T17:02:36.000Z'],
    ['Dec 03 10:00:00 2023 PDT', '2023-12-03T17:00:00Z'],
    ['Apr 18 10:00:00 2024 IST', '2024-04-18T04:30:00Z'],
    ['Apr 18 10:00:00 2024 CET', '2024-04-18T09:00:00Z'],
    ['Apr 18 10:00:00 2024 PST', '2024-04-18T18:00:00Z'],
  ])('%s -> %s', (text, iso) => {
    expect(toIso(text)).toBe(iso);
  });

  it('formats milliseconds and years of any width as toISOString does', () => {
    expect(formatIso(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 7)), true)).toBe('2024-01-02T03:04:05.007Z');
    expect(formatIso(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 70)))).toBe('2024-01-02T03:04:05Z');
    const early = new Date(Date.UTC(2000, 0, 1));
    early.setUTCFullYear(999);
    expect(formatIso(early)).toBe('0999-01-01T00:00:00Z');
    expect(() => formatIso(new Date(NaN))).toThrow(RangeError);
  });

  it('an unknown zone is read as UTC and flagged', () => {
    expect(parseDeviceTime('Apr 18 10:00:00 2024 XYZT')).toMatchObject({ iso: '2024-04-18T10:00:00Z', unknownZone: true });
  });

  it('a stamp without a year needs one', () => {
    expect(parseDeviceTime('Mar 11 13:37:57.320')).toBeNull();
    expect(parseDeviceTime('Mar 11 13:37:57.320', { defaultYear: 2024 })).toMatchObject({ iso: '2024-03-11T13:37:57.320Z', yearInferred: true });
  });

  it('text without a date is not a time', () => {
    expect(toIso('<none>')).toBeNull();
    expect(toIso('')).toBeNull();
    expect(toIso('30 days')).toBeNull();
  });

  it('year-less stamps across New Year belong to the previous year', () => {
    expect(inferYear(11, 31, '2024-01-02T08:00:00Z')).toBe(2023);
    expect(inferYear(0, 1, '2024-01-02T08:00:00Z')).toBe(2024);
  });
});
