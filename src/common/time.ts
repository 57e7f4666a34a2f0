// Device timestamps come in many orders ("Jul 16 15:22:31 2021 UTC", "15:22:31.123 UTC Mon Jul 16 2021",
// "2023 Aug  7 17:02:36", "2024-04-17 03:31:32.920 UTC", "Mar 11 13:37:57.320"). Rather than one pattern per
// order, the text is read token by token: a month name, a day, a four-digit year, a clock time and a zone word.

// Month and zone names are facts about Cisco output that ingest, parsers and model all meet: they live here only.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

/** The three-letter months devices print, as a pattern alternation (`Jan|Feb|…`), for stamps in regular expressions. */
export const MONTH_ABBREVIATIONS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';

/** Abbreviated or full month names (`Mar`, `March`, `Sept`), as a pattern group. */
export const MONTH_NAMES =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** 0-11 for a month name or abbreviation in any case (`Mar`, `march`, `Sept`); undefined for anything else. */
export function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS[lower.slice(0, 4).replace(/\.$/, '')] ?? MONTHS[lower.slice(0, 3)];
}

/** Offsets in minutes east of UTC for the abbreviations devices print. CST is read as US Central. */
export const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0, WET: 0,
  WEST: 60, BST: 60, CET: 60, MET: 60, CEST: 120, MEST: 120, EET: 120, EEST: 180, SAST: 120, MSK: 180,
  IST: 330, GST: 240, PKT: 300, NPT: 345, ICT: 420, WIB: 420, SGT: 480, HKT: 480, PHT: 480, AWST: 480,
  JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  AST: -240, ADT: -180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, BRT: -180, ART: -180, NST: -210, NDT: -150,
};

/**
 * Zone words that stand for more than one offset where devices are found; ZONE_OFFSETS reads the first meaning, and
 * a reader says so. (IOS takes any abbreviation in `clock timezone`: a Chinese site's `CST 8` prints the same word as
 * US Central time.)
 */
export const AMBIGUOUS_ZONES: Readonly<Record<string, string>> = {
  CST: 'US Central (UTC-6) or China Standard Time (UTC+8)',
};

/** The zone words of ZONE_OFFSETS longest first, as a pattern alternation (so `CEST` is tried before `CET`). */
export const ZONE_NAMES = Object.keys(ZONE_OFFSETS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export interface DeviceTime {
  /** ISO 8601 UTC with milliseconds only when the device printed them. */
  iso: string;
  /** The zone word as printed, or null when none was printed (then UTC is assumed). */
  zone: string | null;
  /** true when the zone word was not one we know; the time was taken as UTC. */
  unknownZone: boolean;
  /** true when no year was printed and `defaultYear` was used. */
  yearInferred: boolean;
}

export interface ParseTimeOptions {
  /** Year to use when the text has none (syslog stamps). Without it, a year-less stamp gives null. */
  defaultYear?: number;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(.*))?$/;
const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/;
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** Read a device timestamp. Returns null when the text holds no complete date and time. Never throws. */
export function parseDeviceTime(text: string, options: ParseTimeOptions = {}): DeviceTime | null {
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let hour: number | null = null;
  let minute = 0;
  let second = 0;
  let millis: number | null = null;
  let zone: string | null = null;
  let offsetMinutes: number | null = null;

  const tokens = text.replace(/^[*.]+/, '').split(/[\s,]+/);
  for (const raw of tokens) {
    if (raw === '') continue;
    const first = raw.charCodeAt(0);
    const token = first === 42 /* * */ || first === 46 /* . */ ? raw.slice(1) : raw;
    const iso = isDigit(token.charCodeAt(0)) ? ISO_DATE.exec(token) : null;
    if (iso) {
      year = Number(iso[1]);
      month = Number(iso[2]) - 1;
      day = Number(iso[3]);
      if (iso[4]) {
        const rest = iso[4].replace(/Z$/i, '');
        if (/Z$/i.test(iso[4])) zone = 'Z';
        const clock = CLOCK.exec(rest.replace(/[+-]\d{2}:?\d{2}$/, ''));
        if (clock) [hour, minute, second, millis] = readClock(clock);
        const off = /([+-])(\d{2}):?(\d{2})$/.exec(rest);
        if (off) offsetMinutes = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]));
      }
      continue;
    }
    const clock = CLOCK.exec(token);
    if (clock && hour === null) {
      [hour, minute, second, millis] = readClock(clock);
      continue;
    }
    const lower = isDigit(token.charCodeAt(0)) ? '' : token.toLowerCase();
    const named = lower === '' ? undefined : monthIndex(lower);
    if (named !== undefined && /^[a-z]{3,9}\.?$/.test(lower) && !WEEKDAYS.has(lower.slice(0, 3))) {
      if (month === null) month = named;
      continue;
    }
    if (/^\d{4}$/.test(token)) {
      year = Number(token);
      continue;
    }
    if (/^\d{1,2}$/.test(token) && day === null && month !== null) {
      day = Number(token);
      continue;
    }
    if (/^\d{1,2}$/.test(token) && day === null) {
      day = Number(token);
      continue;
    }
    const off = OFFSET.exec(token);
    if (off && (token.startsWith('+') || token.startsWith('-') || /^(UTC|GMT)[+-]/i.test(token))) {
      offsetMinutes = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3] ?? 0));
      zone = token;
      continue;
    }
    if (/^[A-Z]{1,5}$/.test(token) && zone === null && hour !== null) {
      zone = token;
    }
  }

  let yearInferred = false;
  if (year === null && options.defaultYear !== undefined) {
    year = options.defaultYear;
    yearInferred = true;
  }
  if (year === null || month === null || day === null || hour === null) return null;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;

  let unknownZone = false;
  if (offsetMinutes === null) {
    if (zone === null) offsetMinutes = 0;
    else if (ZONE_OFFSETS[zone] !== undefined) offsetMinutes = ZONE_OFFSETS[zone]!;
    else {
      offsetMinutes = 0;
      unknownZone = true;
    }
  }
  const utcMillis = Date.UTC(year, month, day, hour, minute, second, millis ?? 0) - offsetMinutes * 60_000;
  const date = new Date(utcMillis);
  if (Number.isNaN(date.getTime())) return null;
  return { iso: formatIso(date, millis !== null), zone, unknownZone, yearInferred };
}

function readClock(match: RegExpExecArray): [number, number, number, number | null] {
  const fraction = match[4];
  const millis = fraction === undefined ? null : Math.round(Number(`0.${fraction}`) * 1000);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0), millis];
}

/** ISO 8601 UTC; milliseconds are shown only when the source had them, so goldens read like the device output. */
export function formatIso(date: Date, withMillis = false): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) {
    const iso = date.toISOString(); // years of other widths, and the RangeError of an invalid date
    return withMillis ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
  }
  // Assembled from the fields: toISOString and a replace cost more than the rest of reading a timestamp.
  const stamp = `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  if (!withMillis) return `${stamp}Z`;
  const millis = date.getUTCMilliseconds();
  return `${stamp}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Convenience: the ISO string or null. */
export function toIso(text: string, options: ParseTimeOptions = {}): string | null {
  return parseDeviceTime(text, options)?.iso ?? null;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (fractional; negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}

/**
 * A year-less syslog stamp gets the capture year; if that puts it more than a day after the capture time, the
 * message was logged the year before (a capture taken on 2 January holding messages from 31 December).
 */
export function inferYear(month: number, day: number, captureIso: string | null): number {
  if (captureIso === null) return new Date().getUTCFullYear();
  const capture = new Date(captureIso);
  const year = capture.getUTCFullYear();
  const candidate = Date.UTC(year, month, day);
  return candidate - capture.getTime() > DAY_MS ? year - 1 : year;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time a user gives (`--now`) as ISO 8601 UTC, or null when it is not one. A date that does not exist (2024-02-30)
 * is refused rather than rolled over, and a time without a zone is UTC, as every time in the model is: the machine's
 * own zone must not change a verdict.
 */
export function isoInstant(text: string): string | null {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const millis = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone.toUpperCase()}`);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString().replace(/\.000Z$/, 'Z');
}
