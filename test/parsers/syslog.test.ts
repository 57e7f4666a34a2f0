import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syslogParser } from '../../src/parsers/syslog/index.js';
import { decodeSyslogLine } from '../../src/parsers/syslog/extract.js';
import { readPrefix, readPrefixFast } from '../../src/common/syslog/prefix.js';
import { LICENSING_MESSAGES, describeMessage, licensingName, messageVariant } from '../../src/parsers/syslog/catalogue.js';
import { LICENSING_FACILITIES } from '../../src/common/syslog/facilities.js';
import { hasShared, sharedPath } from '../support/shared.js';
import type { SyslogMessage } from '../../src/common/device.js';
import { fixture, list, section } from '../fixtures/context/section.js';

function messages(command: string, text: string, hostname: string | null = null): SyslogMessage[] {
  return list(syslogParser.parse(section(command, text, { hostname })), 'syslog') as SyslogMessage[];
}

describe('syslog line shapes', () => {
  it('reads an NX-OS logfile line with year and host', () => {
    const [m] = messages(
      'syslog',
      '2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name',
    );
    expect(m).toEqual({
      time: '2023-08-07T17:02:36Z',
      host: 'leaf-101',
      facility: 'LICMGR',
      severity: 3,
      mnemonic: 'LOG_SMART_LIC_COMM_FAILED',
      text: 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name',
      line: 1,
      file: 't.txt',
      name: 'COMM_FAILED',
      variant: null,
      yearInferred: false,
    });
  });

  it('reads an IOS-XE console line without a year: placeholder year, yearInferred, host from the section', () => {
    const [m] = messages('syslog', '*Mar 11 13:37:57.320: %SMART_LIC-6-AGENT_READY: Smart Agent for Licensing is initialized', 'c9300-edge-01');
    expect(m).toMatchObject({
      time: '2000-03-11T13:37:57.320Z',
      yearInferred: true,
      host: 'c9300-edge-01',
      facility: 'SMART_LIC',
      severity: 6,
      mnemonic: 'AGENT_READY',
      name: 'AGENT_READY',
    });
  });

  it('skips sequence numbers and applies the zone', () => {
    const m = decodeSyslogLine('000123: *Mar 11 13:37:57.320 PDT: %SMART_LIC-3-COMM_FAILED: x');
    expect(m).toMatchObject({ time: '2000-03-11T20:37:57.320Z', yearInferred: true, host: null, text: 'x' });
    const withYear = decodeSyslogLine('.Mar 11 2024 13:37:57 IST: %SMART_LIC-3-COMM_FAILED: x');
    expect(withYear).toMatchObject({ time: '2024-03-11T08:07:57Z', yearInferred: false });
  });

  it('prefers the device stamp with a year in an RFC 3164 relay line', () => {
    const m = decodeSyslogLine(
      '<189>Aug  7 18:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: y',
    );
    expect(m).toMatchObject({ time: '2023-08-07T17:02:36Z', host: 'leaf-101', yearInferred: false, facility: 'LICMGR' });
  });

  it('reads RFC 5424 with nil fields, app name and offsets', () => {
    expect(decodeSyslogLine('<189>1 2023-08-07T17:02:36.000Z leaf-101 - - - - %SMART_LIC-3-COMM_FAILED: z')).toMatchObject({
      time: '2023-08-07T17:02:36.000Z',
      host: 'leaf-101',
    });
    expect(decodeSyslogLine('<190>1 2023-08-07T19:10:44+02:00 leaf-102 licmgr 4123 - - %LICMGR-6-X: t')).toMatchObject({
      time: '2023-08-07T17:10:44Z',
      host: 'leaf-102',
    });
  });

  it('takes the host of a relay line in front of an IOS-XE stamp', () => {
    expect(
      decodeSyslogLine('Mar 11 13:37:57 c9300-edge-01 000123: *Mar 11 13:37:57.320 UTC: %SMART_LIC-3-COMM_FAILED: x'),
    ).toMatchObject({ host: 'c9300-edge-01', time: '2000-03-11T13:37:57.320Z' });
    expect(decodeSyslogLine('<190>123: c9300-edge-01: *Mar 11 13:37:57.320 UTC: %SYS-5-CONFIG_I: Configured')).toMatchObject({
      host: 'c9300-edge-01',
    });
  });

  it('does not mistake a host named like a month for a stamp', () => {
    expect(decodeSyslogLine('2023 Aug  7 17:02:36 Mar-core-01 %LICMGR-6-LOG_SMART_LIC_POLICY_INSTALL_SUCCESS: ok')).toMatchObject({
      host: 'Mar-core-01',
      time: '2023-08-07T17:02:36Z',
    });
  });

  it('keeps a bare message (no stamp) with a null time and no diagnostic', () => {
    const fragment = syslogParser.parse(
      section('syslog', '%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : No detailed information given'),
    );
    expect(list(fragment, 'syslog')).toEqual([expect.objectContaining({ time: null, name: 'COMM_FAILED', yearInferred: false })]);
    expect(fragment.diagnostics).toEqual([]);
  });

  it('reports an unknown zone and an unreadable prefix but keeps the message', () => {
    const fragment = syslogParser.parse(
      section('syslog', ['*Mar 11 13:37:57.320 XST: %SMART_LIC-3-COMM_FAILED: x', 'garbage ((( %PKI-2-NON_AUTHORITATIVE_CLOCK: PKI'].join('\n')),
    );
    const items = list(fragment, 'syslog') as SyslogMessage[];
    expect(items.map((m) => [m.time, m.host])).toEqual([
      ['2000-03-11T13:37:57.320Z', null],
      [null, null],
    ]);
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([1, 2]);
    expect(fragment.diagnostics[0]!.message).toMatch(/XST/);
  });
});

describe('syslog sections', () => {
  it('golden: NX-OS logfile keeps every facility and decodes licensing names', () => {
    const fragment = syslogParser.parse(section('show logging', fixture('nxos-logfile.txt').trimEnd()));
    const items = list(fragment, 'syslog') as SyslogMessage[];
    expect(fragment.diagnostics).toEqual([]);
    expect(items.map((m) => [m.line, m.facility, m.name, m.host])).toEqual([
      [1, 'VSHD', null, 'leaf-101'],
      [2, 'LICMGR', 'COMM_FAILED', 'leaf-101'],
      [3, 'LICMGR', 'COMM_FAILED', 'leaf-101'],
      [4, 'CALLHOME', null, 'leaf-101'],
      [5, 'LICMGR', 'COMM_RESTORED', 'leaf-101'],
      [6, 'LICMGR', 'POLICY_INSTALL_SUCCESS', 'leaf-101'],
      [7, 'LICMGR', 'REPORTING_REQUIRED', 'leaf-101'],
    ]);
    expect(items[6]!.text).toBe('A Usage report acknowledgement will be required in 28 days.');
  });

  it('golden: IOS-XE show logging reads the header silently and keeps the buffer messages', () => {
    const text = fixture('iosxe-show-logging.txt').trimEnd();
    const fragment = syslogParser.parse(section('show logging', text, { hostname: 'c9300-edge-01' }));
    expect(fragment.diagnostics).toEqual([]);
    const items = list(fragment, 'syslog') as SyslogMessage[];
    expect(items.map((m) => [m.mnemonic, m.time, m.yearInferred])).toEqual([
      ['AGENT_READY', '2000-04-17T03:31:30.114Z', true],
      ['NON_AUTHORITATIVE_CLOCK', '2000-04-17T03:31:31.002Z', true],
      ['COMM_FAILED', '2000-04-17T03:46:32.920Z', true],
      ['COMM_FAILED', '2024-04-17T11:01:33.101Z', false],
      ['CONFIG_I', '2000-04-17T05:10:02.555Z', true],
    ]);
    expect(items.every((m) => m.host === 'c9300-edge-01')).toBe(true);
    const lines = text.split('\n');
    expect(lines[items[0]!.line - 1]).toContain('AGENT_READY');
  });

  it('golden: a multi-host syslog-server extract gives each message its own host', () => {
    const items = list(syslogParser.parse(section('syslog', fixture('syslog-server-multi.txt').trimEnd())), 'syslog') as SyslogMessage[];
    expect(items.map((m) => [m.host, m.name, m.time])).toEqual([
      ['leaf-101', 'COMM_FAILED', '2023-08-07T17:02:36Z'],
      ['c9300-edge-01', 'COMM_FAILED', '2023-08-07T17:05:12.000Z'],
      ['198.51.100.21', 'POLICY_INSTALL_SUCCESS', '2000-08-07T17:06:00.231Z'],
      ['leaf-102', 'TRUST_CODE_INSTALL_FAILED', '2023-08-07T17:10:44Z'],
      ['leaf-102', 'TRUST_CODE_INSTALL_SUCCESS', '2023-08-07T17:10:44Z'],
    ]);
    expect(items[3]!.text).toMatch(/Trust code already installed$/);
  });

  it('reports garbage in a syslog section but reads show logging headers silently', () => {
    const garbage = syslogParser.parse(section('syslog', 'hello world\n2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x'));
    expect(garbage.diagnostics).toEqual([{ line: 1, message: 'unrecognised line in syslog' }]);
    const header = syslogParser.parse(section('show logging', 'Logging console:                enabled (Severity: critical)\nLogging logfile:                enabled'));
    expect(header.diagnostics).toEqual([]);
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('%LICMGR-3-X: y', '<1>1 - %A-1-B:', '* %SMART_LIC-9-X', ':::: %A-0-B'))), (texts) => {
        const fragment = syslogParser.parse(section('syslog', texts.join('\n')));
        expect(fragment.parser).toBe('syslog');
      }),
      { numRuns: 300 },
    );
  });
});

describe('fast path for the common shapes', () => {
  const month = fc.constantFrom('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec');
  const clock = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 999 })));
  const host = fc.oneof(
    fc.constantFrom('leaf-101', 'Mar', 'March', 'Marketing-sw1', 'EST', 'LEAF', '12', '-', '192.0.2.5', 'spine-01.example.net', 'x'),
    fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,12}$/),
  );
  const two = (n: number) => String(n).padStart(2, '0');
  const clockText = ([h, m, s, ms]: [number, number, number, number | null]) =>
    `${two(h)}:${two(m)}:${two(s)}${ms === null ? '' : '.' + String(ms).padStart(3, '0')}`;

  it('NX-OS logfile prefixes read the same with and without the grammar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1999, max: 2031 }), month, fc.integer({ min: 0, max: 32 }), clock, host, (year, mon, day, c, h) => {
        const prefix = `${year} ${mon} ${String(day).padStart(2, ' ')} ${clockText(c)} ${h} `;
        const fast = readPrefixFast(prefix);
        if (fast !== null) expect(fast).toEqual(readPrefix(prefix));
      }),
      { numRuns: 1000 },
    );
  });

  it('IOS-XE console prefixes read the same with and without the grammar', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 999999 })), fc.constantFrom('', '*', '.'), month, fc.integer({ min: 0, max: 32 }), fc.option(fc.integer({ min: 1999, max: 2031 })), clock, fc.boolean(), (seq, flag, mon, day, year, c, utc) => {
        const prefix = `${seq === null ? '' : String(seq).padStart(6, '0') + ': '}${flag}${mon} ${day}${year === null ? '' : ' ' + year} ${clockText(c)}${utc ? ' UTC' : ''}: `;
        const fast = readPrefixFast(prefix);
        if (fast !== null) expect(fast).toEqual(readPrefix(prefix));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the fast path for the common shapes', () => {
    expect(readPrefixFast('2023 Aug  7 17:02:36 leaf-101 ')).not.toBeNull();
    expect(readPrefixFast('000412: *Apr 17 03:31:30.114 UTC: ')).not.toBeNull();
    expect(readPrefixFast('2023 Aug  7 17:02:36 Marketing-sw1 ')).toEqual(readPrefix('2023 Aug  7 17:02:36 Marketing-sw1 '));
  });

  it('decodes 20 000 logfile lines of the two fast shapes', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      i % 2
        ? '2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : x'
        : '000412: *Apr 17 03:31:30.114 UTC: %SMART_LIC-6-AGENT_READY: Smart Agent for Licensing is initialized',
    );
    const fragment = syslogParser.parse(section('syslog', lines.join('\n')));
    expect(list(fragment, 'syslog')).toHaveLength(20_000);
  });
});

describe('licensing message catalogue', () => {
  it('maps NX-OS and IOS-XE mnemonics to one name; other facilities only for the licensing messages they print', () => {
    expect(licensingName('LICMGR', 'LOG_SMART_LIC_TRUST_CODE_INSTALL_FAILED')).toBe('TRUST_CODE_INSTALL_FAILED');
    expect(licensingName('SMART_LIC', 'TRUST_CODE_INSTALL_FAILED')).toBe('TRUST_CODE_INSTALL_FAILED');
    expect(licensingName('CALL_HOME', 'SL_MESSAGE_FAILED')).toBe('SL_MESSAGE_FAILED');
    expect(licensingName('PKI', 'AUTHORITATIVE_CLOCK')).toBe('AUTHORITATIVE_CLOCK');
    expect(licensingName('CUBE', 'LICENSE_INFO')).toBe('LICENSE_INFO');
    expect(licensingName('SYS', 'CONFIG_I')).toBeNull();
    expect(licensingName('PKI', 'CERTIFICATE_EXPIRED')).toBeNull();
    expect(licensingName('CALL_HOME', 'LICENSE_INFO')).toBeNull();
  });

  it('holds the twelve documented %LICMGR messages with their documented severities', () => {
    const guide = [...LICENSING_MESSAGES.values()].filter((e) => e.source === 'guide');
    expect(guide).toHaveLength(12);
    expect(guide.every((e) => e.printed['LICMGR'] !== undefined)).toBe(true);
    expect(describeMessage('REPORTING_NOT_SUPPORTED')?.printed['LICMGR']).toBe(4);
    expect(describeMessage('COMM_FAILED')?.meaning).toMatch(/CSSM or CSLU/);
  });

  // Written from research/ios-xe-messages.md: each message as IOS-XE devices print it.
  const IOSXE_MESSAGES = [
    '%SMART_LIC-3-POLICY_INSTALL_FAILED', '%SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED', '%SMART_LIC-3-COMM_FAILED',
    '%SMART_LIC-5-COMM_RESTORED', '%SMART_LIC-3-POLICY_REMOVED', '%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED',
    '%SMART_LIC-4-REPORTING_NOT_SUPPORTED', '%SMART_LIC-6-POLICY_INSTALL_SUCCESS', '%SMART_LIC-6-AUTHORIZATION_INSTALL_SUCCESS',
    '%SMART_LIC-6-AUTHORIZATION_REMOVED', '%SMART_LIC-6-REPORTING_REQUIRED', '%SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS',
    '%SMART_LIC-6-EXPORT_CONTROLLED', '%SMART_LIC-3-AUTH_RENEW_FAILED', '%SMART_LIC-3-AGENT_REG_FAILED',
    '%CALL_HOME-5-SL_MESSAGE_FAILED', '%SMART_LIC-5-SYSTEM_CLOCK_CHANGED', '%SMART_LIC-6-AGENT_ENABLED',
    '%SMART_LIC-6-AGENT_READY', '%SMART_LIC-2-PLATFORM_ERROR', '%SMART_LIC-5-EVAL_START', '%SMART_LIC-3-EVAL_EXPIRED',
    '%CALL_HOME-6-CALL_HOME_ENABLED', '%PKI-6-AUTHORITATIVE_CLOCK', '%CUBE-5-LICENSE_INFO', '%PKI-2-NON_AUTHORITATIVE_CLOCK',
  ];

  it.each(IOSXE_MESSAGES)('knows %s with the severity devices print', (tag) => {
    const [, facility, severity, mnemonic] = /^%([A-Z_]+)-(\d)-([A-Z_]+)$/.exec(tag)!;
    const entry = describeMessage(licensingName(facility!, mnemonic!));
    expect(entry?.printed[facility!]).toBe(Number(severity));
    expect(LICENSING_FACILITIES.has(facility!), `ingest keeps ${facility}`).toBe(true);
  });

  it('keeps the severity each platform prints: COMM_RESTORED is 5 on IOS-XE, 3 in the NX-OS guide', () => {
    expect(describeMessage('COMM_RESTORED')?.printed).toEqual({ LICMGR: 3, SMART_LIC: 5 });
    const [iosxe] = messages('syslog', '*Apr 18 07:45:10.100: %SMART_LIC-5-COMM_RESTORED: Communications with Cisco Smart Software Manager (CSSM) restored');
    const [nxos] = messages('syslog', '2024 Apr 18 07:45:10 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_RESTORED: Communications with the Cisco Smart License Utility (CSLU) restored.');
    expect([iosxe!.name, iosxe!.severity, nxos!.name, nxos!.severity]).toEqual(['COMM_RESTORED', 5, 'COMM_RESTORED', 3]);
  });

  it('every facility the catalogue names is one ingest keeps past its syslog budget', () => {
    const facilities = [...LICENSING_MESSAGES.values()].flatMap((e) => Object.keys(e.printed));
    expect(facilities.filter((f) => !LICENSING_FACILITIES.has(f))).toEqual([]);
  });

  it('tells EXPORT_CONTROLLED allowed from not allowed by its variant', () => {
    const [allowed, notAllowed, other] = messages(
      'syslog',
      [
        '*Mar 11 13:37:57.596: %SMART_LIC-6-EXPORT_CONTROLLED: Usage of export controlled features is allowed for feature hseck9',
        '*Mar 11 13:38:02.101: %SMART_LIC-6-EXPORT_CONTROLLED: Usage of export controlled features is not allowed',
        '*Mar 11 13:38:02.300: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : x',
      ].join('\n'),
    );
    expect([allowed!.variant, notAllowed!.variant, other!.variant]).toEqual(['allowed', 'not-allowed', null]);
    expect(messageVariant('EXPORT_CONTROLLED', 'Usage of export controlled features is not allowed')).toBe('not-allowed');
  });

  it.skipIf(!hasShared('research/ios-xe-messages.md'))('knows every message of research/ios-xe-messages.md but the unverified one', () => {
    const research = readFileSync(sharedPath('research/ios-xe-messages.md')!, 'utf8');
    const rows = research.split('\n').filter((row) => /^\| \d+ \| `%/.test(row));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const unknown = rows
      .map((row) => /`%([A-Z_]+)-(\d)-([A-Z_]+)`/.exec(row)!)
      .filter(([, facility, severity, mnemonic]) => describeMessage(licensingName(facility!, mnemonic!))?.printed[facility!] !== Number(severity))
      .map(([tag]) => tag);
    expect(unknown).toEqual([]);
  });
});
