import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runningConfigParser } from '../../src/parsers/running-config/index.js';
import { fixture, list, listLines, scalarLine, scalars, section } from '../fixtures/context/section.js';

function parse(text: string, rawCommand: string | null = null) {
  return runningConfigParser.parse(section('show running-config', text, { rawCommand }));
}

describe('running-config: NX-OS', () => {
  const text = fixture('nxos-running-config.txt').trimEnd();
  const fragment = parse(text, 'show running-config');
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('golden scalars, with their source lines', () => {
    expect(scalars(fragment)).toEqual({
      hostname: 'leaf-101',
      'config.domainLookup': false,
      'config.domainName': 'mgmt.example.net',
      'config.httpClientSourceInterface': 'mgmt0',
      'config.callHome.transportHttpVrf': 'management',
      'config.callHome.httpProxy': '192.0.2.80 port 8080',
      'config.callHome.enabled': true,
      'transport.type': 'cslu',
      'transport.url': 'http://192.0.2.10:8182/cslu/v1/pi',
      'transport.csluAddress': 'http://192.0.2.10:8182/cslu/v1/pi',
      'transport.vrf': 'management',
      'transport.sourceInterface': 'mgmt0',
    });
    expect(scalarLine(fragment, 'transport.type')).toBe(lineOf('license smart transport cslu'));
    expect(scalarLine(fragment, 'config.callHome.enabled')).toBe(lineOf('  enable'));
  });

  it('golden lists', () => {
    expect(list(fragment, 'config.licenseSmartLines')).toEqual([
      'license smart transport cslu',
      'license smart url cslu http://192.0.2.10:8182/cslu/v1/pi',
      'license smart url smart https://smartreceiver.cisco.com/licservice/license',
      'license smart vrf management',
      'license smart source-interface mgmt0',
      'license smart usage interval 30',
    ]);
    expect(list(fragment, 'config.nameServers')).toEqual([
      { address: '192.0.2.53', vrf: 'management' },
      { address: '198.51.100.53', vrf: 'management' },
    ]);
    expect(list(fragment, 'config.ipHosts')).toEqual([{ name: 'cslu-local', addresses: ['192.0.2.10'] }]);
    expect(list(fragment, 'config.ntpServers')).toEqual([
      { address: '192.0.2.123', prefer: true, vrf: 'management' },
      { address: '198.51.100.123', prefer: false, vrf: 'management' },
    ]);
    expect(list(fragment, 'config.vrfs')).toEqual(['management']);
    expect(list(fragment, 'config.callHome.httpDestinations')).toEqual([
      'https://tools.cisco.com/its/service/oddce/services/DDCEService',
    ]);
    expect(listLines(fragment, 'config.ipHosts')).toEqual([lineOf('ip host cslu-local')]);
  });

  it('gives no diagnostics for a clean configuration', () => {
    expect(fragment.diagnostics).toEqual([]);
  });

  it('reads the guide sample of show running-config callhome all, with the URL wrapped onto its own line', () => {
    const sample = [
      'version 10.3(1) Bios:version 05.45',
      'callhome',
      '  email-contact noc@example.net',
      '  destination-profile xml transport-method http',
      '  destination-profile xml index 1 email-addr noc@example.net',
      '  destination-profile xml index 1 http',
      'https://tools.cisco.com/its/service/oddce/services/DDCEService',
      '  transport http use-vrf management',
      '  enable',
      '  periodic-inventory notification interval 1',
    ].join('\n');
    const f = parse(sample, 'show running-config callhome all');
    expect(list(f, 'config.callHome.httpDestinations')).toEqual(['https://tools.cisco.com/its/service/oddce/services/DDCEService']);
    expect(listLines(f, 'config.callHome.httpDestinations')).toEqual([7]);
    expect(scalars(f)['config.callHome.enabled']).toBe(true);
    expect(f.diagnostics).toEqual([]);
    // a partial configuration says nothing about servers it does not show
    expect([...f.lists.keys()]).not.toContain('config.nameServers');
  });

  it('reads the callhome source-interface (10.3(2)F and later), with its line', () => {
    const f = parse(['callhome', '  transport http use-vrf management', '  source-interface Ethernet1/1', '  enable'].join('\n'));
    expect(scalars(f)['config.callHome.sourceInterface']).toBe('Ethernet1/1');
    expect(scalarLine(f, 'config.callHome.sourceInterface')).toBe(3);
    expect(f.diagnostics).toEqual([]);
    // the license smart source interface is a different setting
    expect(scalars(f)['transport.sourceInterface']).toBeUndefined();
    expect(parse('callhome\n  source-interface').diagnostics).toHaveLength(1);
  });

  it('a callhome block without enable is disabled', () => {
    expect(scalars(parse('callhome\n  transport http use-vrf management'))['config.callHome.enabled']).toBe(false);
  });

  it('reads name servers and host entries inside vrf context', () => {
    const f = parse('vrf context management\n  ip name-server 192.0.2.53\n  ip host cslu-local 192.0.2.10');
    expect(list(f, 'config.nameServers')).toEqual([{ address: '192.0.2.53', vrf: 'management' }]);
    expect(list(f, 'config.ipHosts')).toEqual([{ name: 'cslu-local', addresses: ['192.0.2.10'] }]);
  });
});

describe('running-config: IOS-XE', () => {
  const text = fixture('iosxe-running-config.txt').trimEnd();
  const fragment = parse(text, 'show running-config');

  it('golden scalars; the proxy password is never kept', () => {
    expect(scalars(fragment)).toEqual({
      hostname: 'c9300-edge-01',
      'config.domainLookup': false,
      'config.domainName': 'example.org',
      'config.httpClientSourceInterface': 'GigabitEthernet0/0',
      'config.callHome.enabled': true,
      'config.callHome.transportHttpVrf': 'Mgmt-vrf',
      'config.callHome.httpProxy': '198.51.100.8 port 3128',
      'transport.type': 'smart',
      'transport.url': 'https://smartreceiver.cisco.com/licservice/license',
      'transport.proxy.address': '198.51.100.8',
      'transport.proxy.port': 3128,
      'transport.proxy.username': 'proxyuser',
      'transport.proxy.passwordSet': true,
    });
    expect(JSON.stringify([...fragment.lists])).not.toContain('0822455D0A16');
    expect(list(fragment, 'config.licenseSmartLines')).toContain('license smart proxy user proxyuser password 7 <removed>');
  });

  it('golden lists', () => {
    expect(list(fragment, 'config.nameServers')).toEqual([
      { address: '192.0.2.53', vrf: 'Mgmt-vrf' },
      { address: '198.51.100.53', vrf: 'Mgmt-vrf' },
    ]);
    expect(list(fragment, 'config.ntpServers')).toEqual([{ address: '192.0.2.123', prefer: true, vrf: 'Mgmt-vrf' }]);
    expect(list(fragment, 'config.vrfs')).toEqual(['Mgmt-vrf']);
    expect(list(fragment, 'config.callHome.httpDestinations')).toEqual([
      'https://tools.cisco.com/its/service/oddce/services/DDCEService',
    ]);
    expect(fragment.diagnostics).toEqual([]);
  });
});

describe('running-config: malformed lines and odd input', () => {
  it('diagnoses malformed licensing lines only', () => {
    const f = parse(['license smart transport carrier-pigeon', 'license smart url', 'ip name-server use-vrf management', 'ntp server', 'router bgp 65000', '  neighbor 192.0.2.1'].join('\n'));
    expect(f.diagnostics.map((d) => d.line)).toEqual([1, 2, 3, 4]);
    expect(scalars(f)['transport.type']).toBeUndefined();
  });

  it('IOS-XE proxy forms and url default', () => {
    const f = parse('license smart proxy address 192.0.2.8\nlicense smart proxy port 80\nlicense smart url default');
    expect(scalars(f)).toMatchObject({ 'transport.proxy.address': '192.0.2.8', 'transport.proxy.port': 80 });
    expect(f.diagnostics).toEqual([]);
  });

  it('reads a configuration of many thousand lines, a block that spans a chunk of parsing whole', () => {
    const lines: string[] = [];
    for (let port = 1; lines.length < 1_990; port++) lines.push(`interface Ethernet1/${port}`, `  description port ${port}`, '  no shutdown');
    // Its children run past line 2,000, where a chunk would end.
    lines.push('callhome', ...Array.from({ length: 40 }, (_, i) => `  contract-id ${i}`), '  transport http use-vrf management', '  enable');
    for (let port = 1; port < 2_000; port++) lines.push(`interface Vlan${port}`, '  no shutdown');
    lines.push('license smart transport smart', 'ip name-server 192.0.2.53 use-vrf management');
    const f = parse(lines.join('\n'), 'show running-config');
    expect(scalars(f)).toMatchObject({ 'config.callHome.transportHttpVrf': 'management', 'config.callHome.enabled': true, 'transport.type': 'smart' });
    expect(scalarLine(f, 'config.callHome.enabled')).toBe(lines.indexOf('  enable') + 1);
    expect(list(f, 'config.nameServers')).toHaveLength(1);
    expect(f.diagnostics).toEqual([]);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('callhome', '  destination-profile x http', 'license smart proxy', ' "', '!', '\t'))), (lines) => {
        expect(parse(lines.join('\n')).parser).toBe('running-config');
      }),
      { numRuns: 300 },
    );
  });
});
