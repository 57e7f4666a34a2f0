// From one line of text to a syslog message: find the `%FACILITY-SEVERITY-MNEMONIC:` tag, parse the prefix before
// it (grammar.ts) and pick the stamp and host that belong to the message.
import type { CstNode, IToken } from 'chevrotain';
import { formatIso, parseDeviceTime } from '../../common/time.js';
import { parsePrefix } from './grammar.js';
import { MONTH_NAMES } from './lexer.js';

/** `%LICMGR-3-LOG_SMART_LIC_COMM_FAILED:` — facility, severity 0-7, mnemonic; the colon is sometimes missing. */
const MESSAGE_TAG = /%([A-Z][A-Z0-9_]*)-([0-7])-([A-Za-z0-9_]+)(?=[\s:]|$):?\s*/;

/** Year used for stamps that print none; the model builder re-anchors it to the capture year. */
export const PLACEHOLDER_YEAR = 2000;

export interface DecodedSyslog {
  time: string | null;
  yearInferred: boolean;
  /** The zone word printed, when it is not one we know (the time was read as UTC). */
  unknownZone: string | null;
  /** false when the text before the tag is in no shape we know (time and host are then null). */
  prefixRead: boolean;
  host: string | null;
  facility: string;
  severity: number;
  mnemonic: string;
  text: string;
}

/** Quick test used to route lines: does the line carry a message tag at all? */
export function hasMessageTag(text: string): boolean {
  return text.includes('%') && MESSAGE_TAG.test(text);
}

/** Decode one syslog line; null when the line holds no `%FAC-N-MNEMONIC` tag. Never throws. */
export function decodeSyslogLine(text: string): DecodedSyslog | null {
  if (!text.includes('%')) return null;
  const tag = MESSAGE_TAG.exec(text);
  if (!tag) return null;
  const prefixText = text.slice(0, tag.index);
  const message = {
    facility: tag[1]!,
    severity: Number(tag[2]),
    mnemonic: tag[3]!,
    text: text.slice(tag.index + tag[0].length).trimEnd(),
  };
  if (prefixText.trim() === '') {
    return { ...message, time: null, yearInferred: false, unknownZone: null, prefixRead: true, host: null };
  }
  const prefix = readPrefixFast(prefixText) ?? readPrefix(prefixText);
  if (prefix === null) {
    return { ...message, time: null, yearInferred: false, unknownZone: null, prefixRead: false, host: null };
  }
  return { ...message, ...prefix, prefixRead: true };
}

export interface PrefixFacts {
  time: string | null;
  yearInferred: boolean;
  unknownZone: string | null;
  host: string | null;
}

const MONTH_INDEX: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const CLOCK = '(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{3}))?';
const HOST_LOOKALIKE = new RegExp(`^(?:${MONTH_NAMES}\\.?|[A-Z]{1,5}|\\d+|-)$`);
/** NX-OS logfile `2023 Aug  7 17:02:36 leaf-101 ` */
const NXOS_LOGFILE = new RegExp(`^((?:19|20)\\d{2}) ${MONTH} +(\\d{1,2}) ${CLOCK} ([^\\s:*.][^\\s:]*) $`);
/** IOS-XE console `000123: *Mar 11 13:37:57.320 UTC: ` (sequence number, year and UTC optional) */
const IOSXE_CONSOLE = new RegExp(`^(?:\\d+: )?[*.]?${MONTH} +(\\d{1,2})(?: ((?:19|20)\\d{2}))? ${CLOCK}(?: UTC)?: $`);

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
    return time === null ? null : { time, yearInferred: false, unknownZone: null, host: m[8]! };
  }
  m = IOSXE_CONSOLE.exec(prefixText);
  if (m) {
    const year = m[3] === undefined ? PLACEHOLDER_YEAR : Number(m[3]);
    const time = stamp(year, m[1]!, m[2]!, m[4]!, m[5]!, m[6]!, m[7]);
    return time === null ? null : { time, yearInferred: m[3] === undefined, unknownZone: null, host: null };
  }
  return null;
}

function stamp(year: number, month: string, day: string, h: string, min: string, sec: string, ms: string | undefined): string | null {
  const d = Number(day);
  const hour = Number(h);
  if (d < 1 || d > 31 || hour > 23 || Number(min) > 59 || Number(sec) > 60) return null;
  const date = new Date(Date.UTC(year, MONTH_INDEX[month]!, d, hour, Number(min), Number(sec), ms === undefined ? 0 : Number(ms)));
  return formatIso(date, ms !== undefined);
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
  const words: { image: string; index: number; beforeColon: boolean }[] = [];
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
  return { time, yearInferred, unknownZone, host: pickHost(hostWords, stamps.length > 0 ? stamps[0]!.index : -1) };
}

/**
 * The host is the first word after the first stamp (NX-OS logfile, RFC 3164/5424), or a word alone before a colon
 * in front of the stamp (`c9300-edge-01: *Mar 11 …`). Words that look like process tags (`licmgr[1234]`) are not hosts.
 */
function pickHost(words: { image: string; index: number; beforeColon: boolean }[], firstStamp: number): string | null {
  const candidates = words.filter((w) => !/[[\]]/.test(w.image));
  const after = candidates.find((w) => w.index > firstStamp);
  if (firstStamp >= 0 && after && after.index === firstStamp + 1) return after.image;
  const before = candidates.find((w) => w.index < firstStamp && w.beforeColon);
  if (before) return before.image;
  return after?.image ?? null;
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
