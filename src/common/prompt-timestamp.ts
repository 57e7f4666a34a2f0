// The two lines IOS prints at the top of every command's output under `terminal exec prompt timestamp`:
//   Load for five secs: 2%/0%; one minute: 1%; five minutes: 1%
//   Time source is NTP, 14:02:31.412 UTC Tue Mar 12 2024
// The second is the device clock when the command ran, with the device's verdict on it: the source (`NTP`,
// `hardware calendar`, `user configuration`, or `No time source, …`) and a mark before the time (`*` the time is not
// authoritative, never set; `.` set but not synchronised, NTP lost or not yet in sync; none: authoritative).
// Ingest takes these lines out of whatever command they head (one place for every command); the prompt-timestamp
// parser reads them, and `show clock` reads the same clock state the same way.
import type { DeviceClock } from './device.js';

const LOAD = 'Load for five secs:';
/** `Time source is NTP, .05:30:30.132 UTC Thu Apr 18 2024`, `No time source, *09:12:44.101 UTC Mon Jul 1 2024`. */
const TIME_SOURCE_HEADER = /^(?:Time source is ([^,]+?)|No time source), ([*.]?)(\d{1,2}:\d{2}:\d{2}.*)$/;

const L = 76;
const T = 84;
const N = 78;

/** Whether the line is one of the two header lines (cheap for the many lines that are not). */
export function isPromptTimestampLine(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === L) return text.startsWith(LOAD);
  if (first === T || first === N) return TIME_SOURCE_HEADER.test(text);
  return false;
}

export function isLoadLine(text: string): boolean {
  return text.startsWith(LOAD);
}

export interface TimeSourceHeader {
  /** The source as printed (`NTP`, `hardware calendar`), or null for `No time source`. */
  source: string | null;
  /** `*`, `.` or empty. */
  mark: string;
  /** The time as printed after the mark (`14:02:31.412 UTC Tue Mar 12 2024`). */
  clock: string;
}

export function readTimeSourceHeader(text: string): TimeSourceHeader | null {
  const m = TIME_SOURCE_HEADER.exec(text);
  return m ? { source: m[1]?.trim() ?? null, mark: m[2]!, clock: m[3]! } : null;
}

/**
 * The model's clock state from a source as printed (null: `No time source`; undefined: the output does not say)
 * and the mark before the time (undefined: no time was printed).
 */
export function clockState(source: string | null | undefined, mark: string | undefined): DeviceClock {
  const ntp = source !== null && source !== undefined && /^S?NTP$/i.test(source);
  let ntpSynchronized: boolean | null = null;
  if (source === undefined) ntpSynchronized = mark === '*' || mark === '.' ? false : null;
  else ntpSynchronized = ntp && (mark ?? '') === '';
  return {
    timeSource: source === undefined ? null : source === null ? 'none' : ntp ? source.toUpperCase() : source.toLowerCase(),
    authoritative: mark === undefined ? null : mark !== '*',
    ntpSynchronized,
  };
}
