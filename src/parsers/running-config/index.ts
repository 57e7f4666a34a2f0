// `show running-config` and its licensing subsets (`show run license`, `show running-config callhome`): the lines
// that decide how licensing traffic leaves the device — license smart transport/URL/VRF/proxy, DNS, ip host, NTP,
// HTTP client source interface, VRFs and Call Home. Everything else in a configuration is not licensing-relevant
// and is read silently; only malformed lines among those we read become diagnostics.
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';
import { readConfigTree, type ConfigCommand } from './tree.js';
import {
  finishLicenseSmart,
  newLicenseSmartState,
  readLicenseSmart,
  redactLicenseLine,
} from './license-smart.js';
import { readCallHomeBlock } from './call-home.js';
import { readNameServer, readNtpServer, readIpHost, readDomainName } from './network.js';

export const runningConfigParser: CommandParser = {
  id: 'running-config',
  commands: ['show running-config'],
  fills: {
    scalars: [
      'config.callHome.enabled', 'config.callHome.httpProxy', 'config.callHome.sourceInterface',
      'config.callHome.transportHttpVrf', 'config.domainLookup', 'config.domainName',
      'config.httpClientSourceInterface', 'hostname', 'transport.csluAddress', 'transport.proxy.address',
      'transport.proxy.passwordSet', 'transport.proxy.port', 'transport.proxy.username',
      'transport.sourceInterface', 'transport.type', 'transport.url', 'transport.vrf',
    ],
    lists: [
      'config.callHome.httpDestinations', 'config.ipHosts', 'config.licenseSmartLines', 'config.nameServers',
      'config.ntpServers', 'config.vrfs',
    ],
  },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    const commands = readConfigTree(section.lines);
    if (commands.length === 0 && section.lines.some((l) => l.text.trim() !== '' && !l.text.trim().startsWith('!'))) {
      out.diag(section.lines[0]!.n, 'configuration could not be read');
    }
    if (isFullConfig(section.rawCommand)) {
      // a whole configuration lists every server and VRF there is: none shown means none configured
      for (const list of ['config.nameServers', 'config.ntpServers', 'config.ipHosts', 'config.vrfs'] as const) out.touch(list);
    }
    if (isFullConfig(section.rawCommand) || /\blic/.test(section.rawCommand ?? '')) out.touch('config.licenseSmartLines');

    const licenseSmart = newLicenseSmartState();
    for (let i = 0; i < commands.length; i++) {
      const command = commands[i]!;
      const consumed = readTopLevel(command, commands.slice(i + 1, i + 2), out, licenseSmart);
      i += consumed;
    }
    finishLicenseSmart(licenseSmart, out);
    return out.build();
  },
};

/** `show running-config` / `sh run` / no header at all, as opposed to `show run license` or `… callhome`. */
function isFullConfig(rawCommand: string | null): boolean {
  if (rawCommand === null) return true;
  const words = rawCommand.trim().split(/\s+/).slice(2);
  return words.every((w) => w === 'all' || w.startsWith('|'));
}

function readTopLevel(
  command: ConfigCommand,
  following: ConfigCommand[],
  out: FragmentBuilder,
  licenseSmart: ReturnType<typeof newLicenseSmartState>,
): number {
  const w = command.words;
  const line = command.line;
  if ((w[0] === 'hostname' || w[0] === 'switchname') && w.length === 2) {
    out.set('hostname', w[1], line);
  } else if (w[0] === 'license' && w[1] === 'smart') {
    out.add('config.licenseSmartLines', redactLicenseLine(command), line);
    readLicenseSmart(command, out, licenseSmart);
  } else if (w[0] === 'ip' && w[1] === 'name-server') {
    readNameServer(w.slice(2), null, line, out);
  } else if (w[0] === 'ip' && (w[1] === 'domain-name' || (w[1] === 'domain' && w[2] === 'name'))) {
    readDomainName(w.slice(w[1] === 'domain' ? 3 : 2), line, out);
  } else if (w[0] === 'ip' && (w[1] === 'domain-lookup' || (w[1] === 'domain' && w[2] === 'lookup'))) {
    out.set('config.domainLookup', true, line);
  } else if (w[0] === 'no' && w[1] === 'ip' && (w[2] === 'domain-lookup' || (w[2] === 'domain' && w[3] === 'lookup'))) {
    out.set('config.domainLookup', false, line);
  } else if (w[0] === 'ip' && w[1] === 'host') {
    readIpHost(w.slice(2), line, out);
  } else if (w[0] === 'ntp' && w[1] === 'server') {
    readNtpServer(w.slice(2), line, out);
  } else if (w[0] === 'ip' && w[1] === 'http' && w[2] === 'client' && w[3] === 'source-interface') {
    if (w.length > 4) out.set('config.httpClientSourceInterface', w.slice(4).join(' '), line);
    else out.diag(line, 'ip http client source-interface without an interface');
  } else if ((w[0] === 'vrf' && (w[1] === 'context' || w[1] === 'definition')) || (w[0] === 'ip' && w[1] === 'vrf' && w.length === 3)) {
    const name = w[2];
    if (name) out.add('config.vrfs', name, line);
    if (name && w[1] === 'context') readVrfContext(command, name, out);
  } else if ((w[0] === 'callhome' || w[0] === 'call-home') && w.length === 1) {
    return readCallHomeBlock(command, following, out);
  } else if (w[0] === 'service' && w[1] === 'call-home') {
    out.set('config.callHome.enabled', true, line);
  } else if (w[0] === 'no' && w[1] === 'service' && w[2] === 'call-home') {
    out.set('config.callHome.enabled', false, line);
  }
  return 0;
}

/** NX-OS `vrf context management` holds the DNS settings used inside that VRF. */
function readVrfContext(block: ConfigCommand, vrf: string, out: FragmentBuilder): void {
  for (const child of block.children) {
    const w = child.words;
    if (w[0] === 'ip' && w[1] === 'name-server') readNameServer(w.slice(2), vrf, child.line, out);
    else if (w[0] === 'ip' && w[1] === 'domain-name') readDomainName(w.slice(2), child.line, out);
    else if (w[0] === 'ip' && w[1] === 'host') readIpHost(w.slice(2), child.line, out);
  }
}
