import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reachabilityParser, targetOf } from '../../src/parsers/reachability/index.js';
import { list, section } from '../fixtures/context/section.js';

const parse = (command: 'ping' | 'telnet', rawCommand: string | null, text: string) =>
  reachabilityParser.parse(section(command, text, { rawCommand, headerLine: 1, lines: text.split('\n').map((t, i) => ({ n: i + 2, text: t })) }));

describe('reachability', () => {
  it('IOS-XE ping that cannot resolve the name', () => {
    const f = parse('ping', 'ping cslu-local', 'Translating "cslu-local"...domain server (192.0.2.53)\n% Unrecognized host or address, or protocol not running.');
    expect(list(f, 'reachability')).toEqual([{ command: 'ping cslu-local', target: 'cslu-local', result: 'unresolved', line: 3, file: 't.txt' }]);
    expect(list(f, 'messages')).toEqual([
      { command: 'ping cslu-local', text: '% Unrecognized host or address, or protocol not running.', line: 3, file: 't.txt' },
    ]);
    expect(f.diagnostics).toEqual([]);
  });

  it('NX-OS ping with vrf: Invalid host/interface', () => {
    const f = parse('ping', 'ping cslu-local vrf management', '% Invalid host/interface cslu-local');
    expect(list(f, 'reachability')).toEqual([expect.objectContaining({ target: 'cslu-local', result: 'unresolved' })]);
  });

  it('IOS-XE ping success and failure by success rate', () => {
    const ok = parse(
      'ping',
      'ping vrf Mgmt-vrf tools.cisco.com',
      'Type escape sequence to abort.\nSending 5, 100-byte ICMP Echos to 192.0.2.99, timeout is 2 seconds:\n!!!!!\nSuccess rate is 100 percent (5/5), round-trip min/avg/max = 41/41/42 ms',
    );
    expect(list(ok, 'reachability')).toEqual([expect.objectContaining({ target: 'tools.cisco.com', result: 'success', line: 5 })]);
    expect(ok.diagnostics).toEqual([]);
    const bad = parse('ping', 'ping 192.0.2.10', 'Type escape sequence to abort.\n.....\nSuccess rate is 0 percent (0/5)');
    expect(list(bad, 'reachability')).toEqual([expect.objectContaining({ result: 'failure' })]);
  });

  it('NX-OS ping statistics: packet loss decides', () => {
    const text = 'PING tools.cisco.com (192.0.2.99): 56 data bytes\n64 bytes from 192.0.2.99: icmp_seq=0 ttl=236 time=244.692 ms\n--- tools.cisco.com ping statistics ---\n5 packets transmitted, 5 packets received, 0.00% packet loss\nround-trip min/avg/max = 244.396/244.545/244.692 ms';
    expect(list(parse('ping', null, text), 'reachability')).toEqual([expect.objectContaining({ target: 'tools.cisco.com', result: 'success' })]);
    const lost = text.replace('5 packets received, 0.00%', '0 packets received, 100.00%');
    expect(list(parse('ping', null, lost), 'reachability')).toEqual([expect.objectContaining({ result: 'failure' })]);
  });

  it('telnet to port 443', () => {
    const open = parse('telnet', 'telnet smartreceiver.cisco.com 443 /vrf Mgmt-vrf', 'Trying smartreceiver.cisco.com (192.0.2.77, 443)... Open\n\nHTTP/1.1 400 Bad Request');
    expect(list(open, 'reachability')).toEqual([expect.objectContaining({ target: 'smartreceiver.cisco.com', result: 'success' })]);
    const refused = parse('telnet', 'telnet smartreceiver.cisco.com 443', 'Trying 192.0.2.77, 443 ...\n% Connection refused by remote host');
    expect(list(refused, 'reachability')).toEqual([expect.objectContaining({ result: 'failure' })]);
    const timedOut = parse('telnet', 'telnet 192.0.2.77 443 vrf management', 'Trying 192.0.2.77...\nConnection timed out');
    expect(list(timedOut, 'reachability')).toEqual([expect.objectContaining({ target: '192.0.2.77', result: 'failure' })]);
  });

  it('no verdict: unknown result; odd lines diagnosed; never throws', () => {
    const f = parse('ping', 'ping cslu-local', 'something odd');
    expect(list(f, 'reachability')).toEqual([expect.objectContaining({ result: 'unknown', line: 1 })]);
    expect(f.diagnostics).toHaveLength(1);
    expect(targetOf('ping vrf management source mgmt0 cslu-local')).toBe('cslu-local');
    fc.assert(fc.property(fc.string(), fc.option(fc.string()), (s, raw) => {
        expect(parse('ping', raw, s).parser).toBe('reachability');
      }), { numRuns: 300 });
  });
});
