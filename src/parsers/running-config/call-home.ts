// The Call Home block of the configuration. NX-OS:
//   callhome
//     destination-profile CiscoTAC-1 http https://tools.cisco.com/its/service/oddce/services/DDCEService
//     transport http use-vrf management
//     transport http proxy server 192.0.2.80 port 8080
//     source-interface Ethernet1/1
//     enable
// IOS-XE:
//   call-home
//    http-proxy "192.0.2.80" port 8080
//    profile "CiscoTAC-1"
//     active
//     destination transport-method http
//     destination address http https://tools.cisco.com/its/service/oddce/services/DDCEService
import type { FragmentBuilder } from '../fragment.js';
import type { ConfigCommand } from './tree.js';

const URL = /^https?:\/\//i;

/**
 * Read one callhome / call-home block. `trailing` are top-level commands that follow the block: a URL wrapped onto
 * its own line at column 0 (as in the user guide's sample) belongs to the `… http` line before it. Returns how many
 * of them were consumed.
 */
export function readCallHomeBlock(block: ConfigCommand, trailing: ConfigCommand[], out: FragmentBuilder): number {
  const nxos = block.words[0] === 'callhome';
  let enabled: boolean | null = nxos ? false : null;
  let enabledLine = block.line;
  out.touch('config.callHome.httpDestinations');

  // The URL of a `destination-profile … http` line wrapped to column 0 ends the block for the grammar; the indented
  // lines after it still belong to callhome.
  const wrapped = wrappedUrl(block, trailing[0]);
  const children = wrapped ? [...block.children, ...wrapped.children] : block.children;

  for (const child of children) {
    const w = child.words;
    if (w[0] === 'destination-profile') {
      const httpAt = w.indexOf('http');
      if (httpAt > 0 && w[httpAt - 1] !== 'transport-method') {
        const url = w[httpAt + 1];
        if (url && URL.test(url)) out.add('config.callHome.httpDestinations', url, child.line);
        else if (url === undefined && wrapped && child === block.children.at(-1)) {
          out.add('config.callHome.httpDestinations', wrapped.words[0]!, wrapped.line);
        } else out.diag(child.line, 'callhome destination-profile http without a URL');
      }
    } else if (w[0] === 'destination' && w[1] === 'address' && w[2] === 'http') {
      const url = w[3];
      if (url && URL.test(url)) out.add('config.callHome.httpDestinations', url, child.line);
      else out.diag(child.line, 'call-home destination address http without a URL');
    } else if (w[0] === 'transport' && w[1] === 'http' && w[2] === 'use-vrf') {
      if (w[3]) out.set('config.callHome.transportHttpVrf', w[3], child.line);
      else out.diag(child.line, 'transport http use-vrf without a VRF name');
    } else if (w[0] === 'transport' && w[1] === 'http' && w[2] === 'proxy' && w[3] === 'server') {
      if (w.length > 4) out.set('config.callHome.httpProxy', w.slice(4).join(' '), child.line);
      else out.diag(child.line, 'transport http proxy server without an address');
    } else if (w[0] === 'http-proxy') {
      if (w.length > 1) out.set('config.callHome.httpProxy', w.slice(1).join(' '), child.line);
      else out.diag(child.line, 'http-proxy without an address');
    } else if (!nxos && w[0] === 'vrf' && w[1]) {
      out.set('config.callHome.transportHttpVrf', w[1], child.line);
    } else if (nxos && w[0] === 'source-interface') {
      if (w[1]) out.set('config.callHome.sourceInterface', w.slice(1).join(''), child.line);
      else out.diag(child.line, 'callhome source-interface without an interface');
    } else if (nxos && w[0] === 'enable') {
      enabled = true;
      enabledLine = child.line;
    } else if (nxos && w[0] === 'no' && w[1] === 'enable') {
      enabled = false;
      enabledLine = child.line;
    }
    // contacts, e-mail transport, periodic inventory, profile/active lines: not needed for licensing
  }

  if (enabled !== null) out.set('config.callHome.enabled', enabled, enabledLine);
  return wrapped ? 1 : 0;
}

function wrappedUrl(block: ConfigCommand, next: ConfigCommand | undefined): ConfigCommand | null {
  const last = block.children.at(-1);
  if (!last || last.words[0] !== 'destination-profile' || last.words.at(-1) !== 'http') return null;
  if (!next || next.words.length !== 1 || !URL.test(next.words[0]!)) return null;
  return next;
}
