// `license smart …` configuration lines → transport settings. NX-OS: `license smart transport cslu`,
// `license smart url cslu http://…:8182/cslu/v1/pi`, `license smart vrf X`, `license smart source-interface X`,
// `license smart proxy address X` / `license smart proxy port N`; IOS-XE adds `license smart url <url>`,
// `license smart proxy <addr> port <n>` and proxy credentials (only the fact that a password is set is kept).
import type { TransportType } from '../../common/device.js';
import type { FragmentBuilder } from '../fragment.js';
import type { ConfigCommand } from './tree.js';

const TRANSPORTS: readonly TransportType[] = ['smart', 'cslu', 'callhome', 'off'];

/** URLs seen per kind; the one matching the configured transport becomes transport.url (see finishLicenseSmart). */
export interface LicenseSmartState {
  type: TransportType | null;
  urls: { smart?: { url: string; line: number }; cslu?: { url: string; line: number }; plain?: { url: string; line: number } };
}

export function newLicenseSmartState(): LicenseSmartState {
  return { type: null, urls: {} };
}

/** The line as kept in config.licenseSmartLines: a proxy password is replaced so it never leaves the parser. */
export function redactLicenseLine(command: ConfigCommand): string {
  const words = [...command.words];
  const at = words.indexOf('password');
  if (at >= 0 && words[1] === 'smart' && words[2] === 'proxy') {
    // `password 7 <secret>` carries an encryption type before the secret
    const secretAt = /^\d$/.test(words[at + 1] ?? '') && words.length > at + 2 ? at + 2 : at + 1;
    if (secretAt < words.length) words[secretAt] = '<removed>';
    return words.join(' ');
  }
  return command.text;
}

export function readLicenseSmart(command: ConfigCommand, out: FragmentBuilder, state: LicenseSmartState): void {
  const [, , keyword, ...rest] = command.words;
  const line = command.line;
  switch (keyword) {
    case 'transport': {
      const type = TRANSPORTS.find((t) => t === rest[0]);
      if (type === undefined) {
        out.diag(line, `unknown license smart transport "${rest[0] ?? ''}"`);
        return;
      }
      state.type = type;
      out.set('transport.type', type, line);
      return;
    }
    case 'url': {
      const kind = rest[0];
      if ((kind === 'smart' || kind === 'cslu') && rest[1]) state.urls[kind] = { url: rest[1], line };
      else if (kind && /^https?:\/\//i.test(kind)) state.urls.plain = { url: kind, line };
      else if (kind !== 'default') out.diag(line, 'license smart url without a URL');
      return;
    }
    case 'vrf':
      if (rest[0]) out.set('transport.vrf', rest[0], line);
      else out.diag(line, 'license smart vrf without a VRF name');
      return;
    case 'source-interface':
      if (rest.length > 0) out.set('transport.sourceInterface', rest.join(' '), line);
      else out.diag(line, 'license smart source-interface without an interface');
      return;
    case 'proxy':
      readProxy(rest, line, out);
      return;
    default:
      // usage interval, privacy, reservation, …: kept in licenseSmartLines only
      return;
  }
}

function readProxy(words: string[], line: number, out: FragmentBuilder): void {
  let understood = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = words[i + 1];
    if ((word === 'address' || word === 'port' || word === 'user' || word === 'username' || word === 'password') && value === undefined) {
      out.diag(line, `license smart proxy ${word} without a value`);
      return;
    }
    if (word === 'address') {
      out.set('transport.proxy.address', value, line);
      i++;
    } else if (word === 'port') {
      const port = Number(value);
      if (Number.isInteger(port)) out.set('transport.proxy.port', port, line);
      else out.diag(line, `license smart proxy port "${value}" is not a number`);
      i++;
    } else if (word === 'user' || word === 'username') {
      out.set('transport.proxy.username', value, line);
      i++;
    } else if (word === 'password') {
      out.set('transport.proxy.passwordSet', true, line);
      // skip the optional encryption type and the secret itself
      i += /^\d$/.test(value ?? '') && words[i + 2] !== undefined ? 2 : 1;
    } else if (i === 0) {
      // IOS-XE `license smart proxy <address> port <n>`
      out.set('transport.proxy.address', word, line);
    } else {
      continue;
    }
    understood = true;
  }
  if (!understood) out.diag(line, 'license smart proxy line not understood');
}

/** The URL for the configured transport: CSLU URL for cslu, Smart URL for smart; otherwise whichever is configured. */
export function finishLicenseSmart(state: LicenseSmartState, out: FragmentBuilder): void {
  const { smart, cslu, plain } = state.urls;
  if (cslu) out.set('transport.csluAddress', cslu.url, cslu.line);
  const chosen =
    state.type === 'cslu' ? (cslu ?? plain) : state.type === 'smart' ? (smart ?? plain) : (plain ?? cslu ?? smart);
  if (chosen) out.set('transport.url', chosen.url, chosen.line);
}
