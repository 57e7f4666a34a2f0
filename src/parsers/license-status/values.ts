// Readers for the values the Smart Agent prints after a label. They never throw: what they cannot read is
// `undefined` (the caller decides whether that deserves a diagnostic), and the agent's words for "nothing"
// (`<none>`, `<empty>`, `Not Configured`, `None`) are null.
import { isNothing, textOrNull } from '../../common/nothing.js';
import { parseDeviceTime } from '../../common/time.js';
import type { HaRole, PolicyCategory, TransportType } from '../../common/device.js';

export { isNothing, textOrNull };

/** The text after the first colon of a `Label: value` line, trimmed. */
export function afterLabel(image: string): string {
  const colon = image.indexOf(':');
  return colon < 0 ? '' : image.slice(colon + 1).trim();
}

/** The first whole number in the text: `30  days State(2) InPolicy(0)` → 30, `64(902)` → 64. */
export function firstNumber(value: string): number | null {
  const match = /\d+/.exec(value);
  return match ? Number(match[0]) : null;
}

/** `yes`, `Yes (CISCO default)`, `True` → true; `no`, `False` → false. */
export function yesNo(value: string): boolean | undefined {
  const word = value.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (word === 'yes' || word === 'true' || word === 'enabled') return true;
  if (word === 'no' || word === 'false' || word === 'disabled') return false;
  return undefined;
}

export interface TimeReading {
  iso: string | null;
  /** Set when the value was a time whose zone we do not know (read as UTC), or text that is not a time. */
  problem?: string;
}

/**
 * A device time such as `Nov 15 02:51:57 2022 UTC`; `<none>` is null. Only the first run of the value is read:
 * the agent runs fields together (`INSTALLED on Apr 17 03:31:32 2024 IST    Valid on …`).
 */
export function readTime(value: string): TimeReading {
  const firstRun = value.trim().split(/\s{2,}|\t|\bValid\b/)[0] ?? '';
  if (isNothing(firstRun)) return { iso: null };
  const parsed = parseDeviceTime(firstRun);
  if (parsed === null) return { iso: null, problem: `could not read time "${firstRun}"` };
  if (parsed.unknownZone) return { iso: parsed.iso, problem: `unknown time zone ${parsed.zone}, read as UTC` };
  return { iso: parsed.iso };
}

/** `Transport: Type:` words → the model's enumeration. */
export function transportType(value: string): TransportType | null | undefined {
  const word = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (word === 'smart') return 'smart';
  if (word === 'cslu') return 'cslu';
  if (word === 'callhome' || word === 'call home' || word === 'call-home') return 'callhome';
  if (word === 'off' || word === 'transport off') return 'off';
  // `license smart transport automatic`: the agent picks the destination itself.
  if (word === 'automatic') return 'automatic';
  if (isNothing(word)) return null;
  return undefined;
}

export interface PushInterval {
  days: number | null;
  /** Tech support only: `State(2)` and `InPolicy(90)`; undefined when not printed. */
  state?: number;
  inPolicy?: number;
}

/** `30  days`, `1  days`, `30  days State(2) InPolicy(90)`, `0 (no reporting)`, `<none>`. */
export function pushInterval(value: string): PushInterval {
  if (isNothing(value)) return { days: null };
  const interval: PushInterval = { days: firstNumber(value) };
  const state = /\bState\((\d+)\)/i.exec(value);
  const inPolicy = /\bInPolicy\((\d+)\)/i.exec(value);
  if (state) interval.state = Number(state[1]);
  if (inPolicy) interval.inPolicy = Number(inPolicy[1]);
  return interval;
}

/** `90 (CISCO default)` → { days: 90, source: 'CISCO default' }. */
export function daysWithSource(value: string): { days: number | null; source: string | null } {
  const source = /\(([^)]*)\)\s*$/.exec(value)?.[1]?.trim() ?? null;
  return { days: firstNumber(value.replace(/\([^)]*\)\s*$/, '')), source: source === '' ? null : source };
}

/** The policy category a `Unenforced/Non-Export Perpetual Attributes:`-style heading names. */
export function policyCategory(heading: string): PolicyCategory {
  const text = heading.toLowerCase();
  if (text.startsWith('unenforced')) {
    if (text.includes('perpetual')) return 'unenforced-perpetual';
    if (text.includes('subscription')) return 'unenforced-subscription';
    return 'unenforced';
  }
  return text.startsWith('enforced') ? 'enforced' : 'export';
}

export interface UdiReading {
  role: HaRole | null;
  pid: string | null;
  sn: string | null;
  /** Whatever follows the serial number on the same line (`INSTALLED on …`). */
  rest: string;
}

const UDI = /(?:(Active|Standby|Member)\s*:\s*)?PID\s*:\s*([^,\s]*)\s*,?\s*SN\s*:\s*([^,\s]*)\s*,?(.*)$/i;

/** `Active: PID: N9K-C9504, SN: FOX0000X0EF`, `Active:PID:C9300-48P,SN:FOC2344X1AB INSTALLED on …`, `UDI: PID:…,SN:…`. */
export function readUdi(text: string): UdiReading | undefined {
  const match = UDI.exec(text);
  if (!match) return undefined;
  const role = match[1] ? (match[1].toLowerCase() as HaRole) : null;
  return { role, pid: textOrNull(match[2] ?? ''), sn: textOrNull(match[3] ?? ''), rest: (match[4] ?? '').trim() };
}

/** `Trust Establishment` → `trust-establishment`. */
export function kebabCase(heading: string): string {
  return heading
    .replace(/:\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `IN USE(15)` → `IN USE`. */
export function withoutCode(value: string): string {
  return value.replace(/\s*\(\d+\)\s*$/, '').trim();
}
