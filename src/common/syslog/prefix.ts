// The part of a syslog line before its `%FACILITY-SEVERITY-MNEMONIC` tag: which stamp is the device's, which word
// names the device, and which names the syslog server's relay. Ingest reads it to give each device its own lines,
// the syslog parser to date each message; both read it here, so a new layout is taught once. Shapes:
//   NX-OS logfile       2023 Aug  7 17:02:36 leaf-101
//   IOS-XE console      000123: *Mar 11 13:37:57.320 UTC:         (sequence number, `*`/`.`, year and zone optional)
//   origin-id host      000123: c9300-edge-01: *Mar 11 13:37:57.320 UTC:
//   RFC 3164            <189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC:
//   RFC 5424            <189>1 2023-08-07T17:02:36.000Z leaf-101 - - - -
//   syslog server       Mar 12 14:02:31 192.0.2.7 40211: edge-rtr-07:                   (relay, then the device's name)
//                       2024-04-18T07:30:12+00:00 10.1.1.5 2024 Apr 18 07:30:12 leaf-102
import type { CstNode, IToken } from 'chevrotain';
import { formatIso, monthIndex, MONTH_ABBREVIATIONS, MONTH_NAMES, parseDeviceTime, ZONE_NAMES } from '../time.js';
import { parsePrefix } from './prefix-grammar.js';

/** Year used for stamps that print none; the model builder re-anchors it to the capture year. */
export const PLACEHOLDER_YEAR = 2000;

/** Who sent a message: the device's name, and the address (or name) of the syslog server's relay in front of it. */
export interface SyslogSender {
  /** The device the message names; the relay's when the message names none; null when neither is printed. */
  host: string | null;
  /** The word a syslog server wrote in front of the device's own name, when the two differ; else null. */
  relay: string | null;
}

export interface PrefixFacts extends SyslogSender {
  time: string | null;
  yearInferred: boolean;
  /** The zone word printed, when it is not one we know (the time was read as UTC). */
  unknownZone: string | null;
}

const MONTH = `(${MONTH_ABBREVIATIONS})`;
const CLOCK = '(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{3}))?';
const HOST_LOOKALIKE = new RegExp(`^(?:${MONTH_NAMES}\\.?|[A-Z]{1,5}|\\d+|-)$`);
/** NX-OS logfile `2023 Aug  7 17:02:36 leaf-101 ` */
const NXOS_LOGFILE = new RegExp(`^((?:19|20)\\d{2}) ${MONTH} +(\\d{1,2}) ${CLOCK} ([^\\s:*.][^\\s:]*) $`);
/** IOS-XE console `000123: *Mar 11 13:37:57.320 UTC: ` (sequence number, year and UTC optional) */
const IOSXE_CONSOLE = new RegExp(`^(?:\\d+: )?[*.]?${MONTH} +(\\d{1,2})(?: ((?:19|20)\\d{2}))? ${CLOCK}(?: UTC)?: $`);

/** A word the grammar reads as something other than a host (a month, a zone, a number, a nil): fast paths leave it. */
export function isHostLookalike(word: string): boolean {
  return HOST_LOOKALIKE.test(word);
}

const NO_SENDER: SyslogSender = Object.freeze({ host: null, relay: null });

const ZONE = `(?:${ZONE_NAMES})`;
const WORD = '([A-Za-z0-9][\\w.-]*)';
/** A syslog server's receive stamp: RFC 3164 `Mar 12 14:02:31` or RFC 3339 `2024-03-12T14:02:31+00:00`. */
const SERVER_STAMP = `(?:<\\d{1,3}>)?(?:\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?|(?:${MONTH_ABBREVIATIONS}) +\\d{1,2} \\d{1,2}:\\d{2}:\\d{2})`;
/** IOS-XE's own stamp `*Mar 12 2024 14:02:31.412 UTC`, NX-OS's `2024 Mar 12 14:02:31`. */
const IOSXE_STAMP = `[*.]?(?:${MONTH_ABBREVIATIONS}) +\\d{1,2}(?: (?:19|20)\\d{2})? \\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?(?: ${ZONE})?`;
const NXOS_STAMP = `(?:19|20)\\d{2} (?:${MONTH_ABBREVIATIONS}) +\\d{1,2} \\d{1,2}:\\d{2}:\\d{2}(?: ${ZONE})?`;
/**
 * The lines of a syslog server's file: its stamp and the sender's address or name, then what the device wrote:
 * nothing, `seq: host:` (and the device's stamp), `seq: stamp:`, `: stamp:` (NX-OS), or NX-OS's stamp and host.
 */
const SERVER_LINE = new RegExp(
  `^${SERVER_STAMP} ${WORD}(?: \\d+: ${WORD}:(?: ${IOSXE_STAMP}:)?| \\d+: ${IOSXE_STAMP}:| : (?:${NXOS_STAMP}|${IOSXE_STAMP}):| ${NXOS_STAMP} ${WORD})? $`,
);

/** Read a prefix (the text before the tag, with its trailing space): null when it is in no shape a syslog line has. */
export function readSyslogPrefix(prefixText: string): PrefixFacts | null {
  if (prefixText.trim() === '') return { time: null, yearInferred: false, unknownZone: null, ...NO_SENDER };
  return readPrefixFast(prefixText) ?? readPrefix(prefixText);
}

/**
 * Only who sent the message, for ingest's routing of millions of log lines: the common shapes are told by one
 * regular expression without reading their time; the rest as `readSyslogPrefix` reads them.
 */
export function readSyslogSender(prefixText: string): SyslogSender | null {
  if (prefixText.trim() === '') return NO_SENDER;
  const nxos = NXOS_LOGFILE.exec(prefixText);
  if (nxos && !HOST_LOOKALIKE.test(nxos[8]!)) return { host: nxos[8]!, relay: null };
  if (IOSXE_CONSOLE.test(prefixText)) return NO_SENDER;
  const read = readSenderFast(prefixText) ?? readPrefix(prefixText);
  return read && { host: read.host, relay: read.relay };
}

/**
 * The lines of a syslog server's file read without the grammar: it must give exactly the sender the grammar gives (a
 * test checks this); a word the grammar would read as something else sends the line to it.
 */
export function readSenderFast(prefixText: string): SyslogSender | null {
  const m = SERVER_LINE.exec(prefixText);
  if (!m) return null;
  const first = m[1]!;
  const named = m[2] ?? m[3];
  if (isHostLookalike(first) || (named !== undefined && isHostLookalike(named))) return null;
  if (named === undefined || named.toLowerCase() === first.toLowerCase()) return { host: named ?? first, relay: null };
  return { host: named, relay: first };
}

/**
 * The two shapes that make up nearly all of a big logfile, read without the grammar. They must give exactly what
 * the grammar gives (a test checks this); anything else goes through the grammar.
 */
export function readPrefixFast(prefixText: string): PrefixFacts | null {
  let m = NXOS_LOGFILE.exec(prefixText);
  if (m) {
    // hosts the grammar would read as something else (a month, a zone, a number, a nil) are left to it
    if (HOST_LOOKALIKE.test(m[8]!)) return null;
    const time = stamp(Number(m[1]), m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]);
    return time === null ? null : { time, yearInferred: false, unknownZone: null, host: m[8]!, relay: null };
  }
  m = IOSXE_CONSOLE.exec(prefixText);
  if (m) {
    const year = m[3] === undefined ? PLACEHOLDER_YEAR : Number(m[3]);
    const time = stamp(year, m[1]!, m[2]!, m[4]!, m[5]!, m[6]!, m[7]);
    return time === null ? null : { time, yearInferred: m[3] === undefined, unknownZone: null, ...NO_SENDER };
  }
  return null;
}

function stamp(year: number, month: string, day: string, h: string, min: string, sec: string, ms: string | undefined): string | null {
  const d = Number(day);
  const hour = Number(h);
  if (d < 1 || d > 31 || hour > 23 || Number(min) > 59 || Number(sec) > 60) return null;
  const date = new Date(Date.UTC(year, monthIndex(month)!, d, hour, Number(min), Number(sec), ms === undefined ? 0 : Number(ms)));
  return formatIso(date, ms !== undefined);
}

interface Word {
  image: string;
  index: number;
  beforeColon: boolean;
}

/** Read a prefix with the grammar (every shape). */
export function readPrefix(prefixText: string): PrefixFacts | null {
  let parsed;
  try {
    parsed = parsePrefix(prefixText);
  } catch {
    return null;
  }
  if (parsed.cst === null) return null;

  const elements = (parsed.cst.children['element'] ?? []) as CstNode[];
  const stamps: { tokens: IToken[]; hasYear: boolean; index: number }[] = [];
  const words: Word[] = [];
  elements.forEach((element, index) => {
    const stamp = element.children['stamp']?.[0] as CstNode | undefined;
    if (stamp) {
      const tokens = tokensOf(stamp);
      stamps.push({ tokens, hasYear: tokens.some((t) => t.tokenType.name === 'Year' || t.tokenType.name === 'IsoStamp'), index });
      return;
    }
    const word = element.children['Word']?.[0] as IToken | undefined;
    if (word) {
      const next = elements[index + 1];
      words.push({ image: word.image, index, beforeColon: next?.children['Colon'] !== undefined });
    }
  });

  // Without any stamp, only a `host:` word is understood; other text in front of the tag is not a syslog prefix.
  if (stamps.length === 0 && words.some((w) => !w.beforeColon)) return null;

  // The device's own stamp with a year is the most complete; otherwise the one nearest the tag (the device's,
  // when a syslog server put its own receive stamp in front).
  const withYear = stamps.filter((s) => s.hasYear);
  const chosen = (withYear.length > 0 ? withYear : stamps).at(-1);
  let time: string | null = null;
  let yearInferred = false;
  if (chosen) {
    const read = parseDeviceTime(chosen.tokens.map((t) => t.image).join(' '), { defaultYear: PLACEHOLDER_YEAR });
    if (read) {
      time = read.iso;
      yearInferred = read.yearInferred;
    }
  }

  // A capital word between a stamp and its colon (`13:37:57.320 XST:`) is a zone we do not know, not a host.
  const zoneWords = words.filter(
    (w) => w.beforeColon && /^[A-Z]{2,5}$/.test(w.image) && stamps.some((s) => s.index === w.index - 1),
  );
  const zoneOfChosen = chosen ? zoneWords.find((w) => w.index === chosen.index + 1) : undefined;
  const unknownZone = zoneOfChosen?.image ?? null;
  const hostWords = words.filter((w) => !zoneWords.includes(w));
  return { time, yearInferred, unknownZone, ...pickSender(hostWords, stamps.map((s) => s.index)) };
}

/**
 * The word after the first stamp is the sender a stamp is followed by (NX-OS logfile, RFC 3164/5424 host field). A
 * syslog server that relays a device's line writes its own stamp and the relay's address in front of what the
 * device wrote; the device's own name then comes later, after its sequence number and before a colon
 * (`40211: edge-rtr-07:`) or after its own stamp (`2024 Apr 18 07:30:12 leaf-102`). That later name is the device,
 * the first word the relay. Without a stamp after it, a word alone before a colon names the device
 * (`c9300-edge-01: *Mar 11 …`). Words that look like process tags (`licmgr[1234]`) name no one.
 */
function pickSender(words: Word[], stampIndexes: number[]): SyslogSender {
  const candidates = words.filter((w) => !/[[\]]/.test(w.image));
  const firstStamp = stampIndexes[0] ?? -1;
  const afterFirst = firstStamp >= 0 ? candidates.find((w) => w.index === firstStamp + 1) : undefined;
  if (afterFirst) {
    const named = candidates.filter(
      (w) => w.index > afterFirst.index && (w.beforeColon || stampIndexes.includes(w.index - 1)),
    ).at(-1);
    if (!named) return { host: afterFirst.image, relay: null };
    const relay = named.image.toLowerCase() === afterFirst.image.toLowerCase() ? null : afterFirst.image;
    return { host: named.image, relay };
  }
  const before = candidates.find((w) => w.index < firstStamp && w.beforeColon);
  if (before) return { host: before.image, relay: null };
  const after = candidates.find((w) => w.index > firstStamp);
  return { host: after?.image ?? null, relay: null };
}

function tokensOf(node: CstNode): IToken[] {
  const tokens: IToken[] = [];
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      if ('image' in child) tokens.push(child);
      else tokens.push(...tokensOf(child));
    }
  }
  return tokens.sort((a, b) => a.startOffset - b.startOffset);
}
