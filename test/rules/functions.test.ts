import { describe, expect, it } from 'vitest';
import { closest, didYouMean, levenshtein } from '../../src/rules/did-you-mean.js';
import {
  daysSince,
  daysUntil,
  evaluationScope,
  hoursBetween,
  isIpAddress,
  isIpv6,
  re2Matches,
  releaseBefore,
  urlHost,
  urlPath,
  urlPort,
  urlScheme,
} from '../../src/rules/functions.js';

describe('releaseBefore', () => {
  const ordered = ['9.3(5)', '10.2(1)', '10.3(1)F', '10.3(2)F', '10.3(3)F', '10.3(4a)M', '10.4(1)F'];
  it('orders NX-OS releases as the spec lists them', () => {
    for (let i = 0; i < ordered.length; i++)
      for (let j = 0; j < ordered.length; j++) expect(releaseBefore(ordered[i], ordered[j]), `${ordered[i]} < ${ordered[j]}`).toBe(i < j);
  });
  it('orders IOS-XE releases numerically', () => {
    expect(releaseBefore('17.9.4a', '17.12.1')).toBe(true);
    expect(releaseBefore('17.12.1', '17.9.4a')).toBe(false);
    expect(releaseBefore('17.9.4', '17.9.4a')).toBe(true);
  });
  it('is false for null or unreadable versions', () => {
    expect(releaseBefore(null, '10.3(2)F')).toBe(false);
    expect(releaseBefore('banana', '10.3(2)F')).toBe(false);
  });
});

describe('URL and address helpers', () => {
  it('takes URLs apart null-safely', () => {
    expect(urlHost('http://cslu-local:8182/cslu/v1/pi')).toBe('cslu-local');
    expect(urlPort('http://cslu-local:8182/cslu/v1/pi')).toBe(8182n);
    expect(urlPort('https://smartreceiver.cisco.com/licservice/license')).toBe(443n);
    expect(urlPort('http://192.0.2.10/cslu/v1/pi')).toBe(80n);
    expect(urlPath('https://203.0.113.5/cslu/v1/pi/tenant-1')).toBe('/cslu/v1/pi/tenant-1');
    expect(urlScheme('https://smartreceiver.cisco.com/licservice/license')).toBe('https');
    expect(urlHost('http://[2001:db8::10]:8182/cslu/v1/pi')).toBe('2001:db8::10');
    for (const fn of [urlHost, urlPort, urlPath, urlScheme]) {
      expect(fn(null)).toBeNull();
      expect(fn('not a url')).toBeNull();
    }
  });
  it('recognises IP literals', () => {
    expect(isIpAddress('192.0.2.1')).toBe(true);
    expect(isIpAddress('2001:db8::1')).toBe(true);
    expect(isIpAddress('cslu-local')).toBe(false);
    expect(isIpAddress(null)).toBe(false);
    expect(isIpv6('[2001:db8::1]')).toBe(true);
    expect(isIpv6('198.51.100.7')).toBe(false);
  });
});

describe('time functions', () => {
  it('count days and hours against the evaluation clock', () => {
    evaluationScope.now = '2024-04-18T00:00:00Z';
    expect(daysUntil('2024-04-28T12:00:00Z')).toBeCloseTo(10.5);
    expect(daysSince('2024-04-08T00:00:00Z')).toBe(10);
    expect(hoursBetween('2024-04-18T00:00:00Z', '2024-04-18T06:30:00Z')).toBe(6.5);
    expect(() => daysUntil(null)).toThrow(/null/);
    evaluationScope.now = null;
    expect(() => daysUntil('2024-04-28T12:00:00Z')).toThrow(/capture time is unknown/);
  });
});

describe('RE2 matching', () => {
  // How long the catastrophic pattern takes is measured by the bench (scripts/bench-worst-case.mjs).
  it('answers the classic catastrophic pattern', () => {
    expect(re2Matches(`${'a'.repeat(50_000)}!`, '(a+)+$')).toBe(false);
    expect(re2Matches('Unable to resolve server hostname', '(?i)RESOLVE SERVER')).toBe(true);
  });
});

describe('did you mean', () => {
  it('suggests close names only', () => {
    expect(levenshtein('nextAckDeadlin', 'nextAckDeadline')).toBe(1);
    expect(closest('csluAdress', ['csluAddress', 'url', 'type'])).toEqual(['csluAddress']);
    expect(didYouMean('zzzzzz', ['url', 'type'])).toBe('');
  });
});
