// DNS, host and NTP configuration lines, NX-OS and IOS-XE forms:
//   ip name-server 192.0.2.53 198.51.100.53 use-vrf management    |  ip name-server vrf Mgmt-vrf 192.0.2.53
//   ip domain-name example.com                                      |  ip domain name vrf Mgmt-vrf example.com
//   ip host cslu-local 192.0.2.10
//   ntp server 192.0.2.123 prefer use-vrf management                |  ntp server vrf Mgmt-vrf 192.0.2.123 prefer
import type { FragmentBuilder } from '../fragment.js';

const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+|[A-Za-z0-9][\w.-]*\.[A-Za-z]{2,})$/i;

/** `words` are the words after `ip name-server`; `contextVrf` is set inside `vrf context X`. */
export function readNameServer(words: string[], contextVrf: string | null, line: number, out: FragmentBuilder): void {
  let vrf = contextVrf;
  const addresses: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if ((word === 'use-vrf' || word === 'vrf') && words[i + 1]) vrf = words[++i]!;
    else if (word === 'source-interface') i++;
    else if (ADDRESS.test(word)) addresses.push(word);
  }
  if (addresses.length === 0) out.diag(line, 'ip name-server without an address');
  for (const address of addresses) out.add('config.nameServers', { address, vrf }, line);
}

export function readDomainName(words: string[], line: number, out: FragmentBuilder): void {
  const rest = words[0] === 'vrf' || words[0] === 'use-vrf' ? words.slice(2) : words;
  const name = rest.find((w) => w !== 'use-vrf');
  if (name) out.set('config.domainName', name, line);
  else out.diag(line, 'ip domain-name without a name');
}

export function readIpHost(words: string[], line: number, out: FragmentBuilder): void {
  const rest = words[0] === 'vrf' ? words.slice(2) : words;
  const [name, ...addresses] = rest;
  const valid = addresses.filter((a) => ADDRESS.test(a));
  if (!name || valid.length === 0) {
    out.diag(line, 'ip host without a name and an address');
    return;
  }
  out.add('config.ipHosts', { name, addresses: valid }, line);
}

export function readNtpServer(words: string[], line: number, out: FragmentBuilder): void {
  let vrf: string | null = null;
  let address: string | null = null;
  let prefer = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if ((word === 'use-vrf' || word === 'vrf') && words[i + 1]) vrf = words[++i]!;
    else if (word === 'prefer') prefer = true;
    else if (word === 'key' || word === 'version' || word === 'source' || word === 'minpoll' || word === 'maxpoll') i++;
    else if (address === null && (ADDRESS.test(word) || /^[A-Za-z][\w-]*$/.test(word))) address = word;
  }
  if (address === null) {
    out.diag(line, 'ntp server without an address');
    return;
  }
  out.add('config.ntpServers', { address, prefer, vrf }, line);
}
