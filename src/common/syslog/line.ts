// Telling a syslog message line from other text, and reading its `%FACILITY-SEVERITY-MNEMONIC` tag. Ingest routes
// every such line to its device; the syslog parser decodes it. The prefix before the tag is read in prefix.ts.
import { parseDeviceTime } from '../time.js';
import { isHostLookalike, PLACEHOLDER_YEAR, readSyslogSender, type SyslogSender } from './prefix.js';

/** Stamps, sequence numbers and names before the message never run this long; bounding the prefix keeps odd lines cheap. */
export const MAX_SYSLOG_PREFIX = 160;

/** `%FACILITY-SEVERITY-MNEMONIC`, e.g. `%LICMGR-3-LOG_SMART_LIC_COMM_FAILED`, `%PKI-2-NON_AUTHORITATIVE_CLOCK`. */
const MESSAGE_ID = /%[A-Z][A-Z0-9_]*-[0-7]-[A-Z][A-Z0-9_]*/y;
/** The tag with what follows it: facility, severity 0-7, mnemonic; the colon is sometimes missing. */
const MESSAGE_TAG = /%([A-Z][A-Z0-9_]*)-([0-7])-([A-Za-z0-9_]+)(?=[\s:]|$):?\s*/;
/** The NX-OS logfile shape fills big logs: `2023 Aug  7 17:02:36 leaf-101 %…`, read in one step. */
const NXOS_LOGFILE = /^\d{4} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}:\d{2}(?:\.\d+)? ([A-Za-z][\w.-]*) +(?=%)/;

export interface SyslogLine extends SyslogSender {
  /** Where the `%` of the tag is. */
  messageAt: number;
}

/**
 * A syslog message line: a tag near the start, and in front of it nothing, or a prefix in a shape syslog lines have
 * (prefix.ts). Null for text that merely mentions a message (`Error Message %LICMGR-3-…`) or a percentage.
 */
export function findSyslogMessage(text: string): SyslogLine | null {
  const percent = text.indexOf('%');
  if (percent < 0 || percent > MAX_SYSLOG_PREFIX) return null;
  MESSAGE_ID.lastIndex = percent;
  if (!MESSAGE_ID.test(text)) return null;
  const nxos = NXOS_LOGFILE.exec(text);
  if (nxos && nxos[0].length === percent && !isHostLookalike(nxos[1]!)) return { host: nxos[1]!, relay: null, messageAt: percent };
  const sender = readSyslogSender(text.slice(0, percent));
  return sender && { ...sender, messageAt: percent };
}

export interface MessageTag {
  facility: string;
  severity: number;
  mnemonic: string;
  /** Where the tag starts (the text before it is the prefix). */
  at: number;
  /** The message text after the tag. */
  text: string;
}

/** The first `%FAC-N-MNEMONIC` tag of a line, or null. */
export function readMessageTag(text: string): MessageTag | null {
  if (!text.includes('%')) return null;
  const tag = MESSAGE_TAG.exec(text);
  if (!tag) return null;
  return {
    facility: tag[1]!,
    severity: Number(tag[2]),
    mnemonic: tag[3]!,
    at: tag.index,
    text: text.slice(tag.index + tag[0].length).trimEnd(),
  };
}

/** A log line without a message tag (`2023 Aug  7 17:02:36 leaf-101 last message repeated 3 times`). */
export function startsWithSyslogStamp(text: string): boolean {
  const head = text.trimStart().slice(0, 32);
  return /^[*.]?(?:\d{4} )?[A-Z][a-z]{2}\s+\d{1,2}\s/.test(head) && parseDeviceTime(head, { defaultYear: PLACEHOLDER_YEAR }) !== null;
}
