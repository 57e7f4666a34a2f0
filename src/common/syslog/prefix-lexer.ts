// Tokens of the part of a syslog line that comes before the `%FACILITY-SEVERITY-MNEMONIC` tag: priority, stamps
// (with or without year and zone), sequence numbers, host and tag words. The message text after the tag is free text
// and is never lexed. Order matters: Chevrotain takes the first pattern that matches, so the specific shapes
// (ISO stamp, clock, year) come before the catch-all word.
import { createToken, Lexer } from 'chevrotain';
import { MONTH_NAMES, ZONE_OFFSETS } from '../time.js';
import { LEXER_CHECKS } from '../grammar-options.js';

// A word ends at white space or a colon; the lookahead keeps `Mar` from matching the start of `Mar-core-01`.
const END = '(?![^\\s:])';

export const Whitespace = createToken({ name: 'Whitespace', pattern: /\s+/, group: Lexer.SKIPPED });
/** `<189>` */
export const Priority = createToken({ name: 'Priority', pattern: /<\d{1,3}>/ });
/** RFC 5424 `2023-08-07T17:02:36.000Z`; syslog servers also write `2023-08-07 17:02:36`. */
export const IsoStamp = createToken({
  name: 'IsoStamp',
  pattern: /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/,
});
/** `17:02:36`, `13:37:57.320` */
export const Clock = createToken({ name: 'Clock', pattern: /\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,6})?/ });
/** IOS-XE sequence number `000123:` */
export const SequenceNumber = createToken({ name: 'SequenceNumber', pattern: /\d+:/ });
export const Year = createToken({ name: 'Year', pattern: new RegExp(`(?:19|20)\\d{2}${END}`) });
/** A day of month, or the RFC 5424 version `1` right after the priority. */
export const SmallNumber = createToken({ name: 'SmallNumber', pattern: new RegExp(`\\d{1,2}${END}`) });
/** Abbreviated or full month names only, so that a host such as `Marketing-sw1` stays a word. */
export const Month = createToken({
  name: 'Month',
  pattern: new RegExp(`${MONTH_NAMES}\\.?${END}`),
});
const zoneNames = Object.keys(ZONE_OFFSETS).filter((zone) => zone.length > 1).sort((a, b) => b.length - a.length);
export const Zone = createToken({ name: 'Zone', pattern: new RegExp(`(?:${zoneNames.join('|')})${END}`) });
/** IOS-XE `*` (clock not authoritative) or `.` (synchronisation lost) before a stamp. */
export const ClockFlag = createToken({ name: 'ClockFlag', pattern: /[*.](?=[A-Z\d])/ });
/** RFC 5424 nil value `-` (app-name, procid, msgid, structured data). */
export const Nil = createToken({ name: 'Nil', pattern: new RegExp(`-${END}`) });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
/** Host names, app names, process ids: anything else up to white space or a colon. */
export const Word = createToken({ name: 'Word', pattern: /[^\s:]+/ });

export const prefixTokens = [
  Whitespace,
  Priority,
  IsoStamp,
  Clock,
  SequenceNumber,
  Year,
  SmallNumber,
  Month,
  Zone,
  ClockFlag,
  Nil,
  Colon,
  Word,
];

let lexer: Lexer | undefined;

/** Built on first use, like the grammar. */
export function prefixLexer(): Lexer {
  lexer ??= new Lexer(prefixTokens, { ensureOptimizations: false, positionTracking: 'onlyOffset', ...LEXER_CHECKS });
  return lexer;
}
