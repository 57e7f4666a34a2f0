import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callHomeProfileParser } from '../../src/parsers/call-home-profile/index.js';
import { fixture, list, listLines, section } from '../fixtures/context/section.js';

const parse = (text: string) => callHomeProfileParser.parse(section('show call-home profile all', text));

describe('show call-home profile all', () => {
  it('golden: IOS-XE profiles with status, transport and HTTP destinations', () => {
    const f = parse(fixture('iosxe-call-home-profile-all.txt').trimEnd());
    expect(list(f, 'callHomeProfiles')).toEqual([
      { name: 'campus-noc', status: 'inactive', transportMethod: 'email', httpDestinations: [] },
      {
        name: 'CiscoTAC-1',
        status: 'active',
        transportMethod: 'http',
        httpDestinations: ['https://tools.cisco.com/its/service/oddce/services/DDCEService'],
      },
    ]);
    expect(listLines(f, 'callHomeProfiles')).toEqual([2, 12]);
    expect(f.diagnostics).toEqual([]);
  });

  it('golden: NX-OS show callhome destination-profile', () => {
    const f = parse(fixture('nxos-callhome-destination-profile.txt').trimEnd());
    expect(list(f, 'callHomeProfiles')).toEqual([
      {
        name: 'CiscoTAC-1',
        status: null,
        transportMethod: 'http',
        httpDestinations: ['https://tools.cisco.com/its/service/oddce/services/DDCEService'],
      },
    ]);
    expect(f.diagnostics).toEqual([]);
  });

  it('reads the short form quoted in the user guide', () => {
    const f = parse(
      [
        'Current smart-licensing transport settings: Smart-license messages: enabled',
        'Profile: CiscoTAC-1 (status: ACTIVE)',
        'Destination URL(s): https://tools.cisco.com/its/service/oddce/services/DDCEService',
      ].join('\n'),
    );
    expect(list(f, 'callHomeProfiles')).toEqual([
      { name: 'CiscoTAC-1', status: 'active', transportMethod: null, httpDestinations: ['https://tools.cisco.com/its/service/oddce/services/DDCEService'] },
    ]);
    expect(f.diagnostics).toEqual([]);
  });

  it('reports text before any profile and never throws', () => {
    expect(parse('what is this\nProfile Name: x').diagnostics).toEqual([{ line: 1, message: 'unrecognised line in show call-home profile all' }]);
    fc.assert(fc.property(fc.array(fc.string()), (lines) => {
        expect(parse(lines.join('\n')).parser).toBe('call-home-profile');
      }), { numRuns: 200 });
  });
});
