// Telling, from its bytes alone, a syslog message we drop unread (a facility unrelated to licensing) inside a log of
// millions of lines. This runs once per line of every `show logging` in a show-tech.
import { LICENSING_FACILITIES } from '../common/syslog/facilities.js';
import { MAX_SYSLOG_PREFIX } from '../common/syslog/line.js';

const PERCENT = 0x25;
const DASH = 0x2d;
const SPACE = 0x20;

/**
 * The first message `%` in bytes from..stop: a `%` followed by a capital letter (`%LICMGR-…`; `% 5 minute rate` and
 * `100%` do not count), or -1. `from` is a `%` the line indexer found (line-index.ts), or -1 when the line has none.
 */
export function messagePercentBetween(chunk: Buffer, from: number, stop: number): number {
  if (from < 0) return -1;
  for (let at = from; at < stop; at++) {
    if (chunk[at] !== PERCENT) continue;
    const next = chunk[at + 1]!;
    if (next >= 65 && next <= 90) return at;
  }
  return -1;
}

/**
 * The message `%` of the line pos..end in its first MAX_SYSLOG_PREFIX + 1 bytes, or -1, from the line's first `%`
 * (`firstPercent`, -1: none), so a log line costs no search here.
 */
export function messagePercent(chunk: Buffer, pos: number, end: number, firstPercent: number): number {
  return messagePercentBetween(chunk, firstPercent, Math.min(end, pos + MAX_SYSLOG_PREFIX + 1));
}

/** For each first letter, the licensing facilities starting with it (most facilities are ruled out by it alone). */
const FACILITIES_BY_INITIAL: (ReadonlySet<string> | undefined)[] = new Array(256).fill(undefined);
for (const facility of LICENSING_FACILITIES) {
  const initial = facility.charCodeAt(0);
  FACILITIES_BY_INITIAL[initial] = new Set([...(FACILITIES_BY_INITIAL[initial] ?? []), facility]);
}

/**
 * Whether the line at `pos` is, by its bytes, a syslog message (stamp first, message `%` at `percent`, near the start)
 * of a facility unrelated to licensing. A prompt or header never starts with a digit, `<`, `*` or `.`; a month name is
 * followed by a space.
 */
export function isOtherSyslogMessage(chunk: Buffer, pos: number, percent: number): boolean {
  if (percent === -1 || percent - pos > MAX_SYSLOG_PREFIX) return false;
  const first = chunk[pos]!;
  const stampStart =
    (first >= 48 && first <= 57) || first === 60 || first === 42 || first === 46 || percent === pos ||
    (first >= 65 && first <= 90 && chunk[pos + 3] === SPACE);
  if (!stampStart) return false;
  const candidates = FACILITIES_BY_INITIAL[chunk[percent + 1]!];
  if (candidates === undefined) return true;
  const dash = chunk.indexOf(DASH, percent + 1);
  if (dash < 0 || dash - percent > 32) return false;
  return !candidates.has(chunk.toString('latin1', percent + 1, dash));
}
