// The license-status parser on its own: what the goldens beside it (src/parsers/license-status/goldens) cannot show,
// namely the line each value came from and how trust evidence of different layouts adds up.
import { describe, expect, it } from 'vitest';
import { goldenInputs, items, parseStatus, scalar } from '../support/status-parse.js';

function golden(name: string): string {
  const input = goldenInputs().find((g) => g.name === name);
  if (!input) throw new Error(`no golden input ${name}`);
  return input.lines.join('\n');
}

describe('source lines', () => {
  it('keeps the line of every value', () => {
    const fragment = parseStatus(golden('nxos-guide-cslu-0908.txt'));
    // Line 14 is `  Type: CSLU`, line 39 `  Next ACK deadline: …`.
    expect(fragment.scalars.get('transport.type')).toEqual({ value: 'cslu', line: 14 });
    expect(fragment.scalars.get('usageReporting.nextAckDeadline')?.line).toBe(39);
  });

  it('records Current time of tech support as the capture time, with its line', () => {
    const fragment = parseStatus(golden('iosxe-17-tech-support.txt'), 'show license tech support');
    expect(fragment.scalars.get('captureTime')).toEqual({ value: '2024-04-18T07:45:10Z', line: 151 });
  });

  it('gives trust the line that shows it: the heading, a UDI date, or Other Info', () => {
    expect(parseStatus('Trust Code Installed: <none>').scalars.get('trustCode.installed')).toEqual({ value: false, line: 1 });
    const perUdi = parseStatus(['Trust Code Installed:', '  Active: PID:C9300-24P,SN:FOC0000X0AB', '    INSTALLED on Feb 27 09:06:59 2024 UTC'].join('\n'));
    expect(perUdi.scalars.get('trustCode.installed')).toEqual({ value: true, line: 3 });
    const otherInfo = parseStatus(['Other Info', '==========', 'Overall Trust: INSTALLED (2)'].join('\n'), 'show license tech support');
    expect(otherInfo.scalars.get('trustCode.installed')).toEqual({ value: true, line: 3 });
  });
});

describe('trust evidence', () => {
  const communicationLevel = (level: string, ...more: string[]) =>
    parseStatus(['Communication Statistics:', '=======================', `Communication Level Allowed: ${level}`, 'Overall State: <empty>', ...more].join('\n'), 'show license tech support');

  it('takes the communication level only when nothing else shows trust', () => {
    expect(scalar(communicationLevel('DIRECT'), 'trustCode.installed')).toBe(true);
    expect(scalar(communicationLevel('INDIRECT'), 'trustCode.installed')).toBe(false);
    expect(scalar(communicationLevel('DIRECT', '', 'Trust Code Installed: <none>'), 'trustCode.installed')).toBe(false);
  });

  it('any evidence of trust wins over a statement of none', () => {
    const fragment = parseStatus(['Trust Code Installed: <none>', '', 'Other Info', '==========', 'Overall Trust: INSTALLED (2)'].join('\n'));
    expect(scalar(fragment, 'trustCode.installed')).toBe(true);
    expect(scalar(fragment, 'trustCode.installedAt')).toBeNull();
  });

  it('a member without trust leaves the device trusted and says so for that member', () => {
    const fragment = parseStatus(
      ['Trust Code Installed:', '  Active: PID:C9300-24P,SN:FOC0000X0AB', '    INSTALLED on Feb 27 09:06:59 2024 UTC', '  Member: PID:C9300-24P,SN:FOC0000X0CD', '    <none>'].join('\n'),
    );
    expect(scalar(fragment, 'trustCode.installed')).toBe(true);
    expect((items(fragment, 'trustCode.udis') as { role: string; installed: boolean }[]).map((u) => [u.role, u.installed])).toEqual([
      ['active', true],
      ['member', false],
    ]);
  });

  it('reads agent 6.3 lines printed with no UDI line as the device its own', () => {
    const fragment = parseStatus(
      [
        'Trust Code Installed:    Trust Code Type: CSSM',
        '    Attributes: <none>',
        '    INSTALLED on Jan 08 11:14:52 2025 UTC    Valid on Jan 08 11:14:52 2025 UTC',
        '    Expired on Jan 01 00:00:00 1970 UTC',
        '    Trust Code Type: CSSM',
      ].join('\n'),
    );
    expect(fragment.diagnostics).toEqual([]);
    expect(scalar(fragment, 'trustCode.type')).toBe('CSSM');
    expect(items(fragment, 'trustCode.udis')).toEqual([
      { role: null, pid: null, sn: null, installedAt: '2025-01-08T11:14:52Z', installed: true, validFrom: '2025-01-08T11:14:52Z', expiresAt: null, type: 'CSSM' },
    ]);
  });

  it('takes a `P:…,S:…:` line for trust only when it speaks of trust', () => {
    const fragment = parseStatus(['Other Info', '==========', 'P:C9300-48P,S:FOC2344X1AB:', 'Agent State: authorized'].join('\n'), 'show license tech support');
    expect(items(fragment, 'trustCode.udis')).toBeUndefined();
    expect(scalar(fragment, 'trustCode.installed')).toBeUndefined();
  });

  it('gives an Other Info UDI the role the HA UDI list names for it', () => {
    const fragment = parseStatus(
      ['HA UDI List:', '    Active:PID:C9300-24P,SN:FOC0000X0AB', '    Member:PID:C9300-24P,SN:FOC0000X0CD', '', 'Other Info', '==========', 'P:C9300-24P,S:FOC0000X0CD: No Trust Data'].join('\n'),
      'show license tech support',
    );
    expect(items(fragment, 'trustCode.udis')).toMatchObject([{ role: 'member', sn: 'FOC0000X0CD', installed: false }]);
  });
});

describe('license names', () => {
  it('reads `Truncated descr... (FEATURE):` as the NX-OS feature name with no description', () => {
    const fragment = parseStatus(['License Usage', '=============', 'LAN license for Nexus 9... (LAN_ENTERPRISE_SERVICES_PKG):', '  Count: 1'].join('\n'), 'show license all');
    expect(items(fragment, 'licenses')).toMatchObject([{ name: 'LAN_ENTERPRISE_SERVICES_PKG', description: null, count: 1 }]);
  });
});
