// `--redact`: captures carry serial numbers, ID tokens, account names, host names and addresses. What came from the
// device is masked (host names, input file names, evidence lines, the values filled into a message) and nothing
// else: a rule's title, actions and references and the words of its message are the tool's, and stay as written
// even where a device value is an ordinary word ("User", "Inventory"). Masking is consistent: one input value, one
// mask, across all devices of a run.
import type { DeviceModel } from '../common/device.js';
import { messageValues, type AnalyzeDocument, type AnalyzedDevice, type Finding, type ValueSpans } from '../common/findings.js';

type Kind = 'host' | 'sn' | 'account' | 'ip' | 'token' | 'user' | 'password';

/** A value a model names that must be masked wherever it appears: `[kind, value]`. */
export type RedactionValue = readonly [Kind, string];

/** Every value `Redactor.learn` takes from a device: small enough to carry for each device of a fleet. */
export function redactionValues(d: DeviceModel): RedactionValue[] {
  const values: RedactionValue[] = [];
  if (d.hostname) values.push(['host', d.hostname]);
  // Other names of the device: the relay of a syslog server, whether an address or a name.
  for (const alias of d.aliases) values.push(['host', alias]);
  for (const m of d.syslog) if (m.host) values.push(['host', m.host]);
  for (const sn of [d.udi.sn, ...d.haUdis.map((u) => u.sn), ...d.trustCode.udis.map((u) => u.sn)]) if (sn) values.push(['sn', sn]);
  if (d.account.smartAccount) values.push(['account', d.account.smartAccount]);
  if (d.account.virtualAccount) values.push(['account', d.account.virtualAccount]);
  // The Virtual Accounts a CSLU's messages name for the devices behind it.
  for (const account of d.derived.csluVirtualAccounts) values.push(['account', account]);
  if (d.transport.proxy.username) values.push(['user', d.transport.proxy.username]);
  // A site's own servers: the CSLU, SSM On-Prem and proxy host names (Cisco's and the documented cslu-local stay).
  const urls = [d.transport.url, d.transport.csluAddress, ...(d.config.callHome?.httpDestinations ?? []), ...d.callHomeProfiles.flatMap((p) => p.httpDestinations)];
  for (const url of urls) {
    const host = url ? siteHostOf(url) : null;
    if (host) values.push(['host', host]);
  }
  if (d.transport.proxy.address && siteHost(d.transport.proxy.address)) values.push(['host', d.transport.proxy.address]);
  // The SSM On-Prem tenant names the Virtual Account, as printed (URL-encoded) and decoded.
  if (d.transport.onPremTenant) {
    values.push(['account', d.transport.onPremTenant]);
    values.push(['account', encodeURIComponent(d.transport.onPremTenant)]);
  }
  for (const host of d.config.ipHosts) if (host.name !== 'cslu-local') values.push(['host', host.name]);
  const seen = new Set<string>();
  return values.filter(([kind, value]) => !seen.has(`${kind}:${value}`) && seen.add(`${kind}:${value}`) !== undefined);
}

const IPV4 = /(?<![\w.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?!\.?\d)(?![A-Za-z0-9_])/g;
// Full or compressed IPv6 with at least one "::" or seven colons; times like 13:37:57 have two.
const IPV6 = /(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?|::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6}))(?![\w:])/g;
// Cisco serial numbers: three letters, four digits, four letters/digits (FOC2344X1AB, FDO2231X0AB).
const SERIAL = /\b[A-Z]{3}\d{4}[A-Z0-9]{4}\b/g;
const SN_FIELD = /\b(SN:\s*|Serial Number\s*:\s*|Processor board ID\s+)([A-Za-z0-9-]{4,})/gi;
const ID_TOKEN = /\b(idtoken\s+)(\S+)/gi;
const LONG_TOKEN = /\b[A-Za-z0-9+/%_-]{40,}={0,2}/g;
const PASSWORD = /\b(password\s+(?:\d\s+)?)(\S+)/gi;
const USER = /\b(user(?:name)?\s*[:=]?\s+)(\S+)/gi;
/** `http(s)://host[:port]/…`: the host, and the SSM On-Prem tenant after `/cslu/v1/pi/`. */
const URL_PARTS = /\b(https?:\/\/)([A-Za-z0-9.-]+)((?::\d+)?(?:\/cslu\/v1\/pi\/)?)([^\s/?#"'<>]*)/gi;

/** A host name that is the site's, not Cisco's: not an address (masked as one), not *.cisco.com, not cslu-local. */
function siteHost(host: string): boolean {
  const name = host.toLowerCase();
  return /[a-z]/.test(name) && !/(^|\.)cisco\.com$/.test(name) && name !== 'cslu-local' && !name.includes(':');
}

function siteHostOf(url: string): string | null {
  const match = /^[a-z]+:\/\/([^/:\s]+)/i.exec(url.trim());
  return match && siteHost(match[1]!) ? match[1]! : null;
}

const ACCOUNT_FIELD = /\b((?:Smart|Virtual) Account:\s*)(.+?)(\s+As of\b.*)?$/gim;

export class Redactor {
  private readonly masks = new Map<string, string>();
  private readonly counters = new Map<Kind, number>();
  /** Learned values and their kind; by length, longest first, for the scan in `maskLiterals`. */
  private readonly literalKinds = new Map<string, Kind>();
  private readonly literalLengths: number[] = [];

  /** Values known from the models are masked wherever they appear, even inside words of other lines. */
  learn(devices: DeviceModel[]): this {
    for (const d of devices) this.learnValues(redactionValues(d));
    return this;
  }

  /** The same from values taken earlier (fleet workers send them instead of models). */
  learnValues(values: Iterable<RedactionValue>): this {
    for (const [kind, value] of values) this.literal(value, kind);
    return this;
  }

  private literal(value: string, kind: Kind): void {
    const trimmed = value.trim();
    if (trimmed.length < 3 || this.literalKinds.has(trimmed)) return;
    this.literalKinds.set(trimmed, kind);
    if (!this.literalLengths.includes(trimmed.length)) {
      this.literalLengths.push(trimmed.length);
      this.literalLengths.sort((a, b) => b - a);
    }
  }

  /**
   * Every learned value that stands between non-alphanumeric characters, the longest where several start at one
   * place, scanning left to right (what one alternation of them all, longest first, would match). A set lookup per
   * possible length instead of that alternation: a fleet learns tens of thousands of values, and a streamed run
   * learns them a device at a time.
   */
  private maskLiterals(text: string): string {
    if (this.literalKinds.size === 0) return text;
    let out = '';
    let copied = 0;
    for (let start = 0; start < text.length; start++) {
      if (start > 0 && isAlphanumeric(text.charCodeAt(start - 1))) continue;
      for (const length of this.literalLengths) {
        const end = start + length;
        if (end > text.length || (end < text.length && isAlphanumeric(text.charCodeAt(end)))) continue;
        const value = text.slice(start, end);
        const kind = this.literalKinds.get(value);
        if (kind === undefined) continue;
        out += text.slice(copied, start) + this.mask(value, kind);
        copied = end;
        start = end - 1;
        break;
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** A value a label revealed: masked here, and learned so it is masked where it recurs without the label. */
  private found(value: string, kind: Kind): string {
    this.literal(value, kind);
    return this.mask(value, kind);
  }

  mask(value: string, kind: Kind): string {
    const key = `${kind}:${value}`;
    let mask = this.masks.get(key);
    if (!mask) {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      mask = `<${kind}-${n}>`;
      this.masks.set(key, mask);
    }
    return mask;
  }

  /** A report with the device's values masked and the tool's own words as they are. */
  redactDocument(document: AnalyzeDocument): AnalyzeDocument {
    return { ...document, devices: document.devices.map((device) => this.redactDevice(device)) };
  }

  /**
   * One analysed device. `spans` gives each finding's message values where the finding no longer carries them (it
   * crossed a worker boundary); a message whose values are not known is masked whole.
   */
  redactDevice(device: AnalyzedDevice, spans?: readonly (ValueSpans | null)[] | null): AnalyzedDevice {
    return {
      ...device,
      hostname: device.hostname === null ? null : this.redact(device.hostname),
      files: device.files.map((file) => this.redact(file)),
      findings: device.findings.map((finding, i) => this.redactFinding(finding, spans?.[i] ?? messageValues(finding))),
    };
  }

  private redactFinding(finding: Finding, spans: ValueSpans | null | undefined): Finding {
    // Evidence first: a value its labels reveal (`Virtual Account: …`) is then masked in the message too.
    const evidence = finding.evidence.map((line) => ({ ...line, file: this.redact(line.file), text: this.redact(line.text) }));
    let message = finding.message;
    if (!spans) message = this.redact(message);
    else {
      message = '';
      let from = 0;
      for (const [start, end] of spans) {
        message += finding.message.slice(from, start) + this.redact(finding.message.slice(start, end));
        from = end;
      }
      message += finding.message.slice(from);
    }
    return { ...finding, message, evidence };
  }

  /** Masks a text that came from the device as a whole (an input line, a host name, a value). */
  redact(text: string): string {
    let out = this.maskLiterals(text);
    out = out.replace(ACCOUNT_FIELD, (_m, label: string, name: string, rest: string | undefined) =>
      name.startsWith('<account-') ? `${label}${name}${rest ?? ''}` : `${label}${this.found(name.trim(), 'account')}${rest ?? ''}`);
    out = out.replace(URL_PARTS, (whole, scheme: string, host: string, path: string, tenant: string) => {
      const maskedHost = siteHost(host) && !host.startsWith('<') ? this.found(host, 'host') : host;
      const maskedTenant = path.endsWith('/pi/') && tenant !== '' && !tenant.startsWith('<') ? this.found(tenant, 'account') : tenant;
      return maskedHost === host && maskedTenant === tenant ? whole : `${scheme}${maskedHost}${path}${maskedTenant}`;
    });
    out = out.replace(ID_TOKEN, (_m, label: string, token: string) => (token.startsWith('<') ? _m : `${label}${this.found(token, 'token')}`));
    out = out.replace(PASSWORD, (_m, label: string, secret: string) => (secret.startsWith('<') ? _m : `${label}${this.found(secret, 'password')}`));
    out = out.replace(USER, (_m, label: string, user: string) => (user.startsWith('<') || /^(is|of|the|name|and)$/i.test(user) ? _m : `${label}${this.found(user, 'user')}`));
    // Tokens are mixed-case base64; paths and kebab-case names are not.
    out = out.replace(LONG_TOKEN, (token) =>
      /[a-z]/.test(token) && /[A-Z]/.test(token) && /\d/.test(token) ? this.mask(token, 'token') : token);
    out = out.replace(SN_FIELD, (_m, label: string, sn: string) => (sn.startsWith('<') ? _m : `${label}${this.found(sn, 'sn')}`));
    out = out.replace(SERIAL, (sn) => this.mask(sn, 'sn'));
    out = out.replace(IPV4, (ip) => this.mask(ip, 'ip'));
    out = out.replace(IPV6, (ip) => this.mask(ip, 'ip'));
    return out;
  }
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
