import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ntpParser } from '../../src/parsers/ntp/index.js';
import { list, scalars, section } from '../fixtures/context/section.js';

const parse = (command: string, text: string) => ntpParser.parse(section(command, text));

describe('ntp', () => {
  it('IOS-XE show ntp status', () => {
    const synced = parse(
      'show ntp status',
      'Clock is synchronized, stratum 3, reference is 192.0.2.123\nnominal freq is 250.0000 Hz, actual freq is 249.9990 Hz, precision is 2**10\nntp uptime is 1503800 (1/100 of seconds), resolution is 4000',
    );
    expect(scalars(synced)).toEqual({ 'ntp.synchronized': true });
    expect(synced.diagnostics).toEqual([]);
    expect(scalars(parse('show ntp status', 'Clock is unsynchronized, stratum 16, no reference clock'))).toEqual({ 'ntp.synchronized': false });
  });

  it('NX-OS show ntp status says nothing about sync', () => {
    const f = parse('show ntp status', 'Distribution : Disabled\nLast operational state: No session');
    expect(scalars(f)).toEqual({});
    expect(f.diagnostics).toEqual([]);
  });

  it('NX-OS show ntp peer-status: * marks the selected server', () => {
    const text = [
      'Total peers : 2',
      '* - selected for sync, + -  peer mode(active),',
      '- - peer mode(passive), = - polled in client mode',
      '    remote                                 local                                   st   poll   reach delay   vrf',
      '-------------------------------------------------------------------------------------------------------------------',
      '*192.0.2.123                             192.0.2.21                              3   64       377   0.00123 management',
      '=198.51.100.123                          192.0.2.21                              3   64       377   0.00150 management',
    ].join('\n');
    const f = parse('show ntp peers', text);
    expect(list(f, 'ntp.peers')).toEqual(['192.0.2.123', '198.51.100.123']);
    expect(scalars(f)).toEqual({ 'ntp.synchronized': true });
    expect(f.diagnostics).toEqual([]);
    expect(scalars(parse('show ntp peers', text.replace('*192', '=192')))).toEqual({ 'ntp.synchronized': false });
  });

  it('NX-OS show ntp peers (no sync column) and IOS-XE associations', () => {
    const peers = parse(
      'show ntp peers',
      '--------------------------------------------------\n  Peer IP Address               Serv/Peer\n--------------------------------------------------\n  192.0.2.123                   Server (configured)',
    );
    expect(list(peers, 'ntp.peers')).toEqual(['192.0.2.123']);
    expect(scalars(peers)).toEqual({});
    expect(peers.diagnostics).toEqual([]);
    const assoc = parse(
      'show ntp peers',
      '  address         ref clock       st   when   poll reach  delay  offset   disp\n ~192.0.2.123     .INIT.          16      -   1024     0  0.000   0.000 15937.\n * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured',
    );
    expect(list(assoc, 'ntp.peers')).toEqual(['192.0.2.123']);
    expect(scalars(assoc)).toEqual({ 'ntp.synchronized': false });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => {
        expect(parse('show ntp peers', s).parser).toBe('ntp');
      }), { numRuns: 300 });
  });
});
