// `ping` and `telnet` output quoted in a paste: could the device resolve and reach the licensing destination?
// The typed command (section.rawCommand, e.g. `ping cslu-local vrf management`, `telnet smartreceiver.cisco.com 443`)
// names the target; the output's verdict line decides the result, and is kept as a CLI message for evidence.
import type { ReachabilityTest } from '../../common/device.js';
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';

type Result = ReachabilityTest['result'];

const VERDICTS: { result: Result; pattern: RegExp }[] = [
  { result: 'unresolved', pattern: /% Invalid host\/interface|% Unrecognized host or address|% Bad IP address or host name|unknown host|Name or service not known/i },
  {
    result: 'failure',
    pattern: /Success rate is 0 percent|(?<![\d.])100(?:\.0+)?% packet loss|Connection timed out|% Connection refused|Destination Host Unreachable|No route to host/i,
  },
  { result: 'success', pattern: /Success rate is [1-9]\d* percent|(?<![\d.])0(?:\.0+)?% packet loss|(?:^|\.\.\.)\s*Open\s*$|Connected to / },
];

/** Ping and telnet chatter around the verdict. */
const CHATTER =
  /^\s*(?:Type escape sequence|Sending \d+|[!.U]+\s*$|\d+ bytes from|PING |--- ?.* ping statistics|-- .* ping statistics|round-trip|rtt |\d+ packets transmitted|Request \d+ timed out|Trying |Escape character|Translating |Success rate|\^C|Connection closed|\[Connection to)/i;

/** Words of the typed command that are options, each followed by a value. */
const OPTION_WITH_VALUE = new Set(['vrf', '/vrf', 'source', '/source-interface', 'source-interface', 'count', 'repeat', 'size', 'timeout', 'packet-size', 'interval', 'port']);

export const reachabilityParser: CommandParser = {
  id: 'reachability',
  commands: ['ping', 'telnet'],
  fills: { scalars: [], lists: ['reachability', 'messages'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    const command = section.rawCommand ?? section.command;
    let target = targetOf(section.rawCommand);
    let verdict: { result: Result; line: number; text: string } | null = null;
    let connected = false;

    for (const line of section.lines) {
      const text = line.text.trim();
      if (text === '') continue;
      if (target === null) target = targetInOutput(text);
      const found = VERDICTS.find((v) => v.pattern.test(text));
      if (found) {
        // a later verdict (statistics after the echo lines) refines an earlier one
        verdict = { result: found.result, line: line.n, text };
        if (found.result === 'success' && section.command === 'telnet') connected = true;
        out.message(text, line.n, command);
        continue;
      }
      // once a telnet session is open, what follows is the far end talking
      if (connected || CHATTER.test(text)) continue;
      if (text.startsWith('%')) {
        out.message(text, line.n, command);
        continue;
      }
      out.unrecognised(line.n);
    }

    const at = verdict?.line ?? section.headerLine ?? section.lines[0]?.n ?? 0;
    out.add(
      'reachability',
      { command, target: target ?? '', result: verdict?.result ?? 'unknown', line: at, file: section.file },
      at,
    );
    return out.build();
  },
};

/** `ping vrf Mgmt-vrf tools.cisco.com` → `tools.cisco.com`; `telnet smartreceiver.cisco.com 443 /vrf Mgmt-vrf` → host. */
export function targetOf(rawCommand: string | null): string | null {
  if (rawCommand === null) return null;
  const words = rawCommand.trim().split(/\s+/).slice(1);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (OPTION_WITH_VALUE.has(word.toLowerCase())) {
      i++;
      continue;
    }
    if (/^(?:ip|ipv6|-\w)$/i.test(word)) continue;
    return word;
  }
  return null;
}

function targetInOutput(text: string): string | null {
  const m =
    /^PING (\S+)/.exec(text) ??
    /ICMP Echos to (\S+?),/.exec(text) ??
    /^Trying (\S+?)(?:\.\.\.|\s|$)/.exec(text) ??
    /^Translating "([^"]+)"/.exec(text);
  return m ? m[1]! : null;
}
