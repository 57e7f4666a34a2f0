// Trust, as every release prints it (research/layouts.md, "Trust code"):
//   1. `Trust Code Installed: <none>`
//   2. `Trust Code Installed: Feb 27 09:06:59 2024 IST` (one date)
//   3. a bare `Trust Code Installed:` and a block per UDI (`Active: PID:…,SN:…` then `INSTALLED on <date>` or `<none>`)
//   4. agent 6.3+: `Trust Code Installed:    Trust Code Type: CSSM`, `Attributes: <none>`, then per UDI
//      `INSTALLED on <date>    Valid on <date>`, `Expired on <date>` (the epoch: no expiry), `Trust Code Type: CSSM`
//   5. agent 5.x tech support: no such block; Other Info `P:<pid>,S:<sn>: …, Trust Data INSTALLED` or
//      `… No Trust Data`, and `Overall Trust: INSTALLED (2)` or `No ID`.
// Tech support's `Communication Level Allowed: DIRECT` (trust) / `INDIRECT` (none) decides only when nothing else does.
import type { IToken } from 'chevrotain';
import type { HaUdi, TrustCodeUdi } from '../../common/device.js';
import { kind, type Listed, type Reading } from './reading.js';
import { afterLabel, readUdi, textOrNull, withoutCode } from './values.js';

/** `Jan 01 00:00:00 1970 UTC`: what the agent prints for a trust code that never expires. */
const EPOCH = /^1970-01-01T00:00:00(?:\.000)?Z$/;
const INSTALLED_ON = /^INSTALLED on\s+/i;
const VALID_ON = /\bValid on\s+(.*)$/i;

interface Evidence {
  installed: boolean;
  line: number;
}

function emptyUdi(role: TrustCodeUdi['role'], pid: string | null, sn: string | null): TrustCodeUdi {
  return { role, pid, sn, installedAt: null, installed: null, validFrom: null, expiresAt: null, type: null };
}

export class TrustReader {
  private readonly udis: Listed<TrustCodeUdi>[] = [];
  /** The line that decided each UDI's `installed`, for the source of the device's verdict. */
  private readonly shownOn = new Map<TrustCodeUdi, number>();
  private newest: { iso: string; line: number } | null = null;
  private headingLine: number | null = null;
  /** Explicit statements about the whole device: the heading, `Overall Trust:`. */
  private readonly deviceEvidence: Evidence[] = [];
  private communicationLevel: Evidence | null = null;

  constructor(private readonly reading: Reading) {}

  /** The `Trust Code Installed:` block (layouts 1 to 4). */
  trustCode(tokens: readonly IToken[]): void {
    let current: TrustCodeUdi | null = null;
    /** Lines of one UDI with no UDI line before them (layout 4 on a standalone device): the device's own. */
    const own = (token: IToken): TrustCodeUdi => {
      if (current) return current;
      current = emptyUdi(null, null, null);
      this.udis.push({ item: current, line: this.reading.lineOf(token) });
      return current;
    };
    for (const token of tokens) {
      const line = this.reading.lineOf(token);
      switch (kind(token)) {
        case 'TrustCodeInstalled':
          this.heading(token, line);
          break;
        case 'UdiRoleLine': {
          const udi = readUdi(token.image);
          if (!udi) break;
          // Tech support may print the block twice; a UDI already listed is the same UDI.
          const known = this.udis.find(({ item }) => item.role === udi.role && item.pid === udi.pid && item.sn === udi.sn);
          current = known?.item ?? emptyUdi(udi.role, udi.pid, udi.sn);
          if (!known) this.udis.push({ item: current, line });
          // NX-OS prints the date on the UDI line, bare or as `INSTALLED on …`.
          if (udi.rest !== '') this.installedOn(current, token, udi.rest);
          break;
        }
        case 'DateLine':
          this.installedOn(own(token), token, token.image.trim());
          break;
        case 'ExpiryLine': {
          const iso = this.reading.time(token, token.image.trim().replace(/^Expire[sd] on\s+/i, ''));
          own(token).expiresAt = iso && !EPOCH.test(iso) ? iso : null;
          break;
        }
        case 'TrustCodeType': {
          const type = textOrNull(afterLabel(token.image));
          own(token).type = type;
          if (type !== null && own(token).installed === null) this.mark(own(token), true, token);
          break;
        }
        case 'BareValue':
          // `<none>` under a UDI: that member has no trust code; alone under the heading: the device has none.
          if (!current) this.deviceEvidence.push({ installed: false, line });
          else if (current.installed === null) this.mark(current, false, token);
          break;
        default:
          // `Attributes: <none>`: what the trust code allows, nothing the model keeps.
          break;
      }
    }
  }

  private heading(token: IToken, line: number): void {
    this.headingLine ??= line;
    const value = afterLabel(token.image);
    if (value === '') return;
    // Agent 6.3+ runs the type onto the heading: the trust code is installed, its dates follow per UDI.
    const type = /^Trust Code Type\s*:\s*(.*)$/i.exec(value);
    if (type) {
      this.reading.set('trustCode.type', textOrNull(type[1]!), token);
      this.deviceEvidence.push({ installed: true, line });
      return;
    }
    const iso = this.reading.time(token, value);
    if (iso === undefined) return;
    this.deviceEvidence.push({ installed: iso !== null, line });
    this.newestAt(iso, line);
  }

  /** `INSTALLED on <date>    Valid on <date>`, or a bare date. */
  private installedOn(udi: TrustCodeUdi, token: IToken, text: string): void {
    const iso = this.reading.time(token, text.replace(INSTALLED_ON, ''));
    if (iso === undefined) return;
    udi.installedAt ??= iso;
    if (iso !== null) this.mark(udi, true, token);
    this.newestAt(iso, this.reading.lineOf(token));
    const valid = VALID_ON.exec(text);
    if (valid) udi.validFrom = this.reading.time(token, valid[1]!) ?? null;
  }

  private mark(udi: TrustCodeUdi, installed: boolean, token: IToken): void {
    udi.installed = installed;
    this.shownOn.set(udi, this.reading.lineOf(token));
  }

  private newestAt(iso: string | null, line: number): void {
    if (iso !== null && (this.newest === null || iso > this.newest.iso)) this.newest = { iso, line };
  }

  /** `P:C9300-24P,S:FOC0000X0AB: DIRECT, state[2], Trust Data INSTALLED` / `P:…: No Trust Data` (layout 5). */
  trustData(token: IToken): void {
    const match = /^\s*P\s*:\s*([^,:]+?)\s*,\s*S\s*:\s*([^,:]*?)\s*:(.*)$/i.exec(token.image);
    if (!match) return;
    const pid = textOrNull(match[1]!);
    const sn = textOrNull(match[2]!);
    const state = match[3]!;
    const installed = /\bNo Trust Data\b/i.test(state) ? false : /\bTrust Data INSTALLED\b/i.test(state) ? true : null;
    // The same `P:…,S:…:` opens other lists (the Platform Provided Mapping Table): a line silent on trust is not one.
    if (installed === null) return;
    let udi = this.udis.find(({ item }) => item.pid === pid && item.sn === sn)?.item;
    if (!udi) {
      udi = emptyUdi(null, pid, sn);
      this.udis.push({ item: udi, line: this.reading.lineOf(token) });
    }
    if (udi.installed === null) this.mark(udi, installed, token);
  }

  /** `Overall Trust: INSTALLED (2)` / `Overall Trust: No ID`. */
  overallTrust(token: IToken): void {
    const value = textOrNull(withoutCode(afterLabel(token.image)));
    this.reading.set('trustCode.overallTrust', value, token);
    if (value === null) return;
    const line = this.reading.lineOf(token);
    if (/^INSTALLED\b/i.test(value)) this.deviceEvidence.push({ installed: true, line });
    else if (/^(?:No ID|NOT INSTALLED|No Trust)/i.test(value)) this.deviceEvidence.push({ installed: false, line });
  }

  /** `Communication Level Allowed: DIRECT | INDIRECT` of Communication Statistics. */
  communicationLevelAllowed(token: IToken): void {
    const value = textOrNull(afterLabel(token.image));
    this.reading.set('trustCode.communicationLevelAllowed', value, token);
    const line = this.reading.lineOf(token);
    if (value !== null && /^DIRECT$/i.test(value)) this.communicationLevel = { installed: true, line };
    else if (value !== null && /^INDIRECT$/i.test(value)) this.communicationLevel = { installed: false, line };
  }

  /** Record what was read. `haUdis` gives a role to the UDIs that Other Info names by PID and serial alone. */
  finish(haUdis: readonly HaUdi[]): void {
    const { out } = this.reading;
    if (this.newest) out.set('trustCode.installedAt', this.newest.iso, this.newest.line);
    else if (this.headingLine !== null) out.set('trustCode.installedAt', null, this.headingLine);

    const verdict = this.verdict();
    if (verdict) out.set('trustCode.installed', verdict.installed, verdict.line);

    if (this.headingLine !== null) out.touch('trustCode.udis');
    for (const { item, line } of this.udis) {
      if (item.role === null && item.sn !== null) item.role = haUdis.find((h) => h.sn === item.sn && h.pid === item.pid)?.role ?? null;
      out.add('trustCode.udis', item, line);
    }
  }

  /** Any evidence of trust wins; none only on explicit evidence of none; the communication level last. */
  private verdict(): Evidence | null {
    const statements = [...this.deviceEvidence];
    for (const { item, line } of this.udis) {
      if (item.installed !== null) statements.push({ installed: item.installed, line: this.shownOn.get(item) ?? line });
    }
    const installed = statements.find((s) => s.installed);
    if (installed) return installed;
    if (statements.length > 0) return statements[0]!;
    return this.communicationLevel;
  }
}
