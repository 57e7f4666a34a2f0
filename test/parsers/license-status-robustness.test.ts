import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenseStatusParser } from '../../src/parsers/license-status/index.js';
import { parserFor } from '../../src/parsers/registry.js';
import { goldenInputs, items, parseStatus as parse, scalar } from '../support/status-parse.js';

describe('license-status parser: odd input', () => {
  it('is registered for the whole family', () => {
    for (const command of ['show license status', 'show license all', 'show license tech support', 'show tech-support license', 'show license authorization']) {
      expect(parserFor(command)).toBe(licenseStatusParser);
    }
  });

  it('reads an empty section as nothing', () => {
    const fragment = parse('');
    expect(fragment.diagnostics).toEqual([]);
    expect(fragment.scalars.size).toBe(0);
  });

  it('reports a line no block reads, with its line, and still reads the rest', () => {
    const fragment = parse(['Transport:', '  Type: Smart', 'Frobnication level: 11', 'this is not license output', 'Usage Reporting:', '  Next report push: <none>'].join('\n'));
    expect(fragment.diagnostics).toEqual([
      { line: 3, message: 'unrecognised line in show license status' },
      { line: 4, message: 'unrecognised line in show license status' },
    ]);
    expect(scalar(fragment, 'transport.type')).toBe('smart');
    expect(scalar(fragment, 'usageReporting.nextReportPush')).toBeNull();
  });

  it('reports a field out of its block (Attempts at the top level)', () => {
    const fragment = parse('Attempts: Total=1, Success=1, Fail=0');
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([1]);
  });

  it('reports a line starting with a character no token expects', () => {
    const fragment = parse(['Transport:', '→ Type: Smart', '  Type: CSLU'].join('\n'));
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([2]);
    expect(scalar(fragment, 'transport.type')).toBe('cslu');
  });

  it('reads an unknown time zone as UTC and says so', () => {
    const fragment = parse(['Usage Reporting:', '  Next ACK deadline: Jul 16 15:22:31 2024 XYZT'].join('\n'));
    expect(scalar(fragment, 'usageReporting.nextAckDeadline')).toBe('2024-07-16T15:22:31Z');
    expect(fragment.diagnostics).toEqual([{ line: 2, message: 'unknown time zone XYZT, read as UTC' }]);
  });

  it('reports a time it cannot read and stores nothing for it', () => {
    const fragment = parse(['Usage Reporting:', '  Last ACK received: sometime soon'].join('\n'));
    expect(fragment.scalars.has('usageReporting.lastAckReceived')).toBe(false);
    expect(fragment.diagnostics).toEqual([{ line: 2, message: 'could not read time "sometime soon"' }]);
  });

  it('reports an unknown transport type', () => {
    const fragment = parse(['Transport:', '  Type: Carrier Pigeon'].join('\n'));
    expect(scalar(fragment, 'transport.type')).toBeUndefined();
    expect(fragment.diagnostics[0]?.message).toBe('unknown transport type "Carrier Pigeon"');
  });

  it('reads `Proxy:` / `Not Configured` and `VRF:` / `Not Supported` as null', () => {
    const fragment = parse(['Transport:', '  Type: cslu', '  Proxy:', '    Not Configured', '  VRF:', '    Not Supported'].join('\n'));
    expect(scalar(fragment, 'transport.proxy.address')).toBeNull();
    expect(scalar(fragment, 'transport.proxy.passwordSet')).toBe(false);
    expect(fragment.scalars.get('transport.vrf')).toEqual({ value: null, line: 6 });
  });

  it('reads a configured proxy password as set without keeping it', () => {
    const fragment = parse(['Transport:', '  Proxy:', '    Username: netops', '    Password: ********'].join('\n'));
    expect(scalar(fragment, 'transport.proxy.username')).toBe('netops');
    expect(scalar(fragment, 'transport.proxy.passwordSet')).toBe(true);
    expect(JSON.stringify([...fragment.scalars.values()])).not.toContain('****');
  });

  it('reads `No licenses in use` as a present, empty license list', () => {
    const fragment = parse(['License Usage', '=============', 'No licenses in use'].join('\n'), 'show license all');
    expect(fragment.diagnostics).toEqual([]);
    expect(items(fragment, 'licenses')).toEqual([]);
  });

  it('reads NX-OS `(FEATURE_NAME):` license blocks', () => {
    const fragment = parse(
      ['License Usage', '==============', '(LAN_ENTERPRISE_SERVICES_PKG):', '  Description: LAN license for Nexus 9300 Platform', '  Count: 1', '  Version: 1.0', '  Status: IN USE', '  Export status: NOT RESTRICTED'].join('\n'),
      'show license all',
    );
    expect(fragment.diagnostics).toEqual([]);
    expect(items(fragment, 'licenses')).toEqual([
      {
        name: 'LAN_ENTERPRISE_SERVICES_PKG',
        entitlementTag: null,
        description: 'LAN license for Nexus 9300 Platform',
        count: 1,
        status: 'IN USE',
        enforcementType: null,
        licenseType: null,
      },
    ]);
  });

  it('reads `HA UDI List:` run together with its first UDI', () => {
    const fragment = parse(['HA UDI List: Active: PID:N9K-C9504, SN:FOX0000X0EF', '  Standby: PID:N9K-C9504, SN:FOX0000X0EF'].join('\n'));
    expect(items(fragment, 'haUdis')).toEqual([
      { role: 'active', pid: 'N9K-C9504', sn: 'FOX0000X0EF' },
      { role: 'standby', pid: 'N9K-C9504', sn: 'FOX0000X0EF' },
    ]);
  });

  it('reads `Trust Code Installed: Trust Code Type: CSSM` run together, then the date on its own line', () => {
    const fragment = parse(['Trust Code Installed:    Trust Code Type: CSSM', '  Jul 16 15:15:47 2021 UTC'].join('\n'));
    expect(fragment.diagnostics).toEqual([]);
    expect(scalar(fragment, 'trustCode.installedAt')).toBe('2021-07-16T15:15:47Z');
  });

  it('never throws and keeps diagnostics on the section lines, whatever the lines', () => {
    const realLines = goldenInputs().flatMap((input) => input.lines);
    const lineArb = fc.oneof(fc.constantFrom(...realLines), fc.string({ maxLength: 40 }), fc.constantFrom('', '   ', ':', '(:', '====', '<none>'));
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const fragment = parse(lines.join('\n'));
        const numbers = new Set(lines.map((_, i) => i + 1));
        for (const diagnostic of fragment.diagnostics) expect(numbers.has(diagnostic.line)).toBe(true);
        expect(fragment.diagnostics.some((d) => d.message.includes('parser failed'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('license-status parser: line ends', () => {
  it('reads lines that still carry a carriage return', () => {
    const fragment = parse(['Transport:\r', '  Type: Smart\r', 'Trust Code Installed: <none>\r'].join('\n'));
    expect(fragment.diagnostics).toEqual([]);
    expect(scalar(fragment, 'transport.type')).toBe('smart');
    expect(scalar(fragment, 'trustCode.installedAt')).toBeNull();
  });
});
