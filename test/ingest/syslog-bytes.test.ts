import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOtherSyslogMessage, messagePercent } from '../../src/ingest/syslog-bytes.js';
import { MAX_SYSLOG_PREFIX } from '../../src/common/syslog/line.js';

/** The rule written plainly: the first `%` followed by a capital in the first MAX_SYSLOG_PREFIX + 1 bytes of pos..end. */
function reference(bytes: Uint8Array, pos: number, end: number): number {
  const stop = Math.min(end, pos + MAX_SYSLOG_PREFIX + 1);
  for (let at = pos; at < stop; at++) {
    const next = bytes[at + 1];
    if (bytes[at] === 0x25 && next !== undefined && next >= 65 && next <= 90) return at;
  }
  return -1;
}

const byteArb = fc.oneof(
  { arbitrary: fc.constantFrom(0x25, 0x4c, 0x61, 0x20, 0x0a, 0x25, 0x5a, 0x41, 0x40, 0x5b, 0x23, 0x3e), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 },
);

/** What the line indexer hands over: the first `%` of pos..end, or -1. */
const firstPercentOf = (bytes: Uint8Array, pos: number, end: number): number => {
  const at = bytes.subarray(pos, end).indexOf(0x25);
  return at < 0 ? -1 : pos + at;
};

describe('message percent', () => {
  it('finds the same message `%` as a plain search from the line start, for any line', () => {
    fc.assert(
      fc.property(fc.array(byteArb, { minLength: 1, maxLength: 400 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const chunk = Buffer.from(bytes);
        const pos = a % bytes.length;
        const end = pos + (b % (bytes.length - pos + 1));
        expect(messagePercent(chunk, pos, end, firstPercentOf(chunk, pos, end))).toBe(reference(chunk, pos, end));
      }),
      { seed: 20261123, numRuns: 5000 },
    );
  });

  it('looks no further than the prefix a syslog stamp and host can take', () => {
    const line = Buffer.from(`${'x'.repeat(MAX_SYSLOG_PREFIX + 1)}%LICMGR-3-X`);
    expect(messagePercent(line, 0, line.length, MAX_SYSLOG_PREFIX + 1)).toBe(-1);
    const near = Buffer.from(`${'x'.repeat(MAX_SYSLOG_PREFIX)}%LICMGR-3-X`);
    expect(messagePercent(near, 0, near.length, MAX_SYSLOG_PREFIX)).toBe(MAX_SYSLOG_PREFIX);
    const rate = Buffer.from('leaf# CPU 5% 1 minute: %SYS-5-X');
    expect(messagePercent(rate, 0, rate.length, 4)).toBe(23);
  });
});

describe('other syslog messages', () => {
  const judge = (text: string): boolean => {
    const chunk = Buffer.from(text);
    return isOtherSyslogMessage(chunk, 0, messagePercent(chunk, 0, chunk.length, firstPercentOf(chunk, 0, chunk.length)));
  };

  it('drops facilities unrelated to licensing and keeps the licensing ones', () => {
    expect(judge('2024 Apr 17 01:11:01 leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up')).toBe(true);
    expect(judge('*Apr 17 01:11:01.123: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success')).toBe(true);
    expect(judge('2024 Apr 17 01:11:01 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure')).toBe(false);
    expect(judge('*Apr 17 01:11:01.123: %SMART_LIC-3-COMM_FAILED: Communications failure')).toBe(false);
    expect(judge('*Apr 17 01:11:01.123: %SYS-5-CONFIG_I: Configured from console')).toBe(false);
    // Same initial as a licensing facility, another name.
    expect(judge('*Apr 17 01:11:01.123: %SPANTREE-2-BLOCK: Blocking port')).toBe(true);
  });

  it('never drops what could be a prompt, a header or an indented line', () => {
    expect(judge('leaf-101# show logging | include %ETHPORT')).toBe(false);
    expect(judge('`show logging logfile` %ETHPORT-5-IF_UP')).toBe(false);
    expect(judge('  2024 Apr 17 %ETHPORT-5-IF_UP: x')).toBe(false);
    expect(judge('no message here')).toBe(false);
  });
});
