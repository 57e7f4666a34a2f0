import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { versionParser } from '../../src/parsers/version/index.js';
import { scalarLine, scalars, section } from '../fixtures/context/section.js';

const parse = (text: string) => versionParser.parse(section('show version', text));

const NXOS = `Cisco Nexus Operating System (NX-OS) Software
TAC support: http://www.cisco.com/tac
Copyright (C) 2002-2023, Cisco and/or its affiliates.

Software
  BIOS: version 05.47
  NXOS: version 10.3(4a) [Maintenance Release]
  BIOS compile time:  04/28/2022
  NXOS image file is: bootflash:///nxos64-cs.10.3.4a.M.bin

Hardware
  cisco Nexus9000 C93180YC-FX Chassis
  Intel(R) Xeon(R) CPU D-1528 @ 1.90GHz with 24569356 kB of memory.
  Processor Board ID FDO2231X0AB

  Device name: leaf-101
  bootflash:  115805708 kB
Kernel uptime is 12 day(s), 3 hour(s), 4 minute(s), 10 second(s)`;

const IOSXE = `Cisco IOS XE Software, Version 17.09.04a
Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)
Technical Support: http://www.cisco.com/techsupport
c9300-edge-01 uptime is 3 weeks, 2 days, 4 hours, 10 minutes
System image file is "flash:packages.conf"
Model Number                       : C9300-48P
System Serial Number               : FOC2344X1AB`;

describe('show version', () => {
  it('golden NX-OS', () => {
    const f = parse(NXOS);
    expect(scalars(f)).toEqual({ platform: 'nxos', softwareVersion: '10.3(4a)', hostname: 'leaf-101' });
    expect(scalarLine(f, 'softwareVersion')).toBe(7);
    expect(f.diagnostics).toEqual([]);
  });

  it('older NX-OS: system: version', () => {
    expect(scalars(parse('  system:    version 9.3(5)'))['softwareVersion']).toBe('9.3(5)');
  });

  it('golden IOS-XE', () => {
    const f = parse(IOSXE);
    expect(scalars(f)).toEqual({
      platform: 'iosxe',
      softwareVersion: '17.09.04a',
      hostname: 'c9300-edge-01',
      'udi.pid': 'C9300-48P',
      'udi.sn': 'FOC2344X1AB',
    });
    expect(f.diagnostics).toEqual([]);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => {
        expect(parse(s).parser).toBe('version');
      }), { numRuns: 300 });
  });
});
