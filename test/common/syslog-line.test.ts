import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSyslogMessage } from '../../src/common/syslog/line.js';
import { readPrefix, readSenderFast } from '../../src/common/syslog/prefix.js';

/** Who sent the line, as ingest routes it: the device's name and the relay in front of it (or null: not a message). */
function syslogShape(text: string): { host: string | null; relay?: string } | null {
  const found = findSyslogMessage(text);
  if (!found) return null;
  return found.relay === null ? { host: found.host } : { host: found.host, relay: found.relay };
}

describe('findSyslogMessage', () => {
  it('reads the NX-OS logfile shape and its host', () => {
    expect(
      syslogShape('2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name'),
    ).toEqual({ host: 'leaf-101' });
  });

  it('reads IOS-XE console messages without a host, with or without a sequence number', () => {
    expect(syslogShape('*Mar 11 13:37:57.320: %SMART_LIC-6-AUTHORIZATION_INSTALL_SUCCESS: A new licensing authorization code was successfully installed')).toEqual({ host: null });
    expect(syslogShape('000123: *Mar 11 13:37:57.320 UTC: %SMART_LIC-6-AGENT_READY: Smart Agent for Licensing is initialized')).toEqual({ host: null });
    expect(syslogShape('.Apr 18 07:45:10: %SMART_LIC-3-COMM_FAILED: Communications failure')).toEqual({ host: null });
  });

  it('finds a host a syslog server put after its own stamp', () => {
    expect(syslogShape('Apr 18 07:45:10 c9300-edge-01 123: *Apr 18 07:45:09.100: %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: 'c9300-edge-01' });
    expect(syslogShape('Mar 11 13:37:57 192.0.2.21 %PKI-2-NON_AUTHORITATIVE_CLOCK: PKI functions can not be initialized')).toEqual({ host: '192.0.2.21' });
  });

  it('reads RFC 3164 with a host and the device stamp after it', () => {
    expect(syslogShape('<189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x')).toEqual({ host: 'leaf-101' });
    expect(syslogShape('<187>Aug  7 17:02:36 leaf-102 %LICMGR-6-LOG_SMART_LIC_REPORTING_REQUIRED: y')).toEqual({ host: 'leaf-102' });
  });

  it('names a relayed device by the host name inside the message, the relay address aside', () => {
    expect(syslogShape('Mar 12 14:02:31 192.0.2.7 40211: edge-rtr-07: %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: 'edge-rtr-07', relay: '192.0.2.7' });
    expect(syslogShape('Mar 12 14:02:31 192.0.2.7 40211: edge-rtr-07: *Mar 12 14:02:31.412 UTC: %SMART_LIC-3-COMM_FAILED: x')).toEqual({
      host: 'edge-rtr-07',
      relay: '192.0.2.7',
    });
    expect(syslogShape('2024-04-18T07:30:12+00:00 10.1.1.5 2024 Apr 18 07:30:12 leaf-102 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x')).toEqual({
      host: 'leaf-102',
      relay: '10.1.1.5',
    });
    expect(syslogShape('2024-04-18 07:30:12 relay-03.example.net 2024 Apr 18 07:30:12 leaf-102 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x')).toEqual({
      host: 'leaf-102',
      relay: 'relay-03.example.net',
    });
    // the same name twice is one device, not a relay
    expect(syslogShape('Aug  7 17:10:44 leaf-102 2023 Aug  7 17:10:44 leaf-102 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x')).toEqual({ host: 'leaf-102' });
    // a process tag names no one
    expect(syslogShape('<190>1 2023-08-07T19:10:44+02:00 leaf-102 licmgr 4123 - - %LICMGR-6-X: t')).toEqual({ host: 'leaf-102' });
  });

  it('reads a device name alone before the message (logging origin-id hostname, no stamp)', () => {
    expect(syslogShape('40211: edge-rtr-07: %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: 'edge-rtr-07' });
  });

  it('reads RFC 5424', () => {
    expect(syslogShape('<189>1 2023-08-07T17:02:36.000Z leaf-101 - - - - %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: 'leaf-101' });
    expect(syslogShape('<189>1 2023-08-07T17:02:36.000Z - - - - - %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: null });
  });

  it('accepts a bare console message', () => {
    expect(syslogShape('%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : No detailed information given')).toEqual({ host: null });
  });

  it('rejects text that merely mentions a message or a percentage', () => {
    expect(syslogShape('Error Message %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the [chars] : [chars]')).toBeNull();
    expect(syslogShape('CPU utilization for five seconds: 100%/1%; one minute: 61%')).toBeNull();
    expect(syslogShape('% Invalid input detected at \'^\' marker.')).toBeNull();
    expect(syslogShape('  Status: ENABLED')).toBeNull();
    expect(syslogShape('')).toBeNull();
  });
});

describe('syslog-server lines read without the grammar', () => {
  const month = fc.constantFrom('Jan', 'Mar', 'Aug', 'Dec');
  const word = fc.oneof(
    fc.constantFrom('edge-rtr-07', 'EDGE-RTR-07', '192.0.2.7', 'leaf-102', 'Mar', 'March', 'Mar-core-01', 'EST', 'UTC', 'LEAF', '12', '2024', 'relay-03.example.net', 'x'),
    fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,10}$/),
  );
  const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }));
  const hms = ([h, m, s]: [number, number, number]) => [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
  const serverStamp = fc.oneof(
    fc.tuple(month, fc.integer({ min: 1, max: 31 }), clock).map(([mon, d, c]) => `${mon} ${String(d).padStart(2, ' ')} ${hms(c)}`),
    clock.map((c) => `2024-03-12T${hms(c)}+00:00`),
    clock.map((c) => `<189>2024-03-12 ${hms(c)}`),
  );
  const deviceStamp = fc.tuple(fc.constantFrom('', '*', '.'), month, fc.integer({ min: 1, max: 31 }), fc.boolean(), clock, fc.constantFrom('', '.412'), fc.constantFrom('', ' UTC', ' CET', ' XST'))
    .map(([flag, mon, d, year, c, ms, zone]) => `${flag}${mon} ${d}${year ? ' 2024' : ''} ${hms(c)}${ms}${zone}`);
  const nxosStamp = fc.tuple(month, fc.integer({ min: 1, max: 31 }), clock, fc.constantFrom('', ' UTC')).map(([mon, d, c, zone]) => `2024 ${mon} ${String(d).padStart(2, ' ')} ${hms(c)}${zone}`);
  const rest = fc.oneof(
    fc.constant(''),
    fc.tuple(fc.nat(99999), word, fc.option(deviceStamp)).map(([seq, w, stamp]) => ` ${seq}: ${w}:${stamp === null ? '' : ` ${stamp}:`}`),
    fc.tuple(fc.nat(99999), deviceStamp).map(([seq, stamp]) => ` ${seq}: ${stamp}:`),
    nxosStamp.map((stamp) => ` : ${stamp}:`),
    fc.tuple(nxosStamp, word).map(([stamp, w]) => ` ${stamp} ${w}`),
  );

  it('give the sender the grammar gives', () => {
    fc.assert(
      fc.property(serverStamp, word, rest, (stamp, first, tail) => {
        const prefix = `${stamp} ${first}${tail} `;
        const fast = readSenderFast(prefix);
        if (fast === null) return;
        const read = readPrefix(prefix);
        expect(read && { host: read.host, relay: read.relay }, prefix).toEqual(fast);
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('take the fast path for the shapes syslog servers write', () => {
    for (const prefix of [
      'Mar 12 14:02:31 192.0.2.7 40211: edge-rtr-07: Mar 12 2024 14:02:31.412 UTC: ',
      'Mar 12 14:17:31 192.0.2.7 40214: edge-rtr-07: ',
      '2024-03-12T14:05:02+00:00 10.1.1.5 2024 Mar 12 14:05:02 leaf-102 ',
      '<189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC: ',
      '<190>Apr 18 06:00:02 c9500-core-02 1187: Apr 18 2024 06:00:02.415 UTC: ',
    ])
      expect(readSenderFast(prefix), prefix).not.toBeNull();
  });
});
