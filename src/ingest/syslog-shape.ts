// Recognises a syslog message line cheaply and finds the host that sent it, without decoding the message. Shapes:
//   NX-OS logfile     2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: …
//   IOS-XE console    000123: *Mar 11 13:37:57.320: %SMART_LIC-6-AGENT_READY: …   (sequence number and `*`/`.` optional)
//   RFC 3164          <189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC: %LICMGR-…
//   RFC 5424          <189>1 2023-08-07T17:02:36.000Z leaf-101 - - - - %SMART_LIC-3-COMM_FAILED: …
// A bare `%FAC-SEV-MNEMONIC: …` (a console message pasted on its own) is a message too, with no host.
import { ZONE_OFFSETS } from '../common/time.js';

export interface SyslogShape {
  host: string | null;
}

/** `%FACILITY-SEVERITY-MNEMONIC`, e.g. `%LICMGR-3-LOG_SMART_LIC_COMM_FAILED`, `%PKI-2-NON_AUTHORITATIVE_CLOCK`. */
const MESSAGE_ID = /%[A-Z][A-Z0-9_]*-[0-7]-[A-Z][A-Z0-9_]*/y;
/** Stamps before the message never run this long; bounding the prefix keeps odd lines cheap. */
const MAX_PREFIX = 160;

const RFC5424 = /^<\d{1,3}>\d{1,2} (\S+) (\S+)/;
const PRI = /^<\d{1,3}>/;
const SEQUENCE = /^\d+:(?=\s|$)/;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const ZONE = `(?:${Object.keys(ZONE_OFFSETS).join('|')})`;
/** `*Mar 11 13:37:57.320 UTC`, `2023 Aug  7 17:02:36`, `Aug  7 2023 17:02:36.123`, `2023-08-07T17:02:36.000Z`. */
const STAMP = new RegExp(
  `^(?:[*.]?(?:\\d{4} +)?${MONTH} +\\d{1,2}(?: +\\d{4})? +\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: +\\d{4})?(?: +${ZONE}(?=[\\s:]|$))?` +
    `|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?(?: +${ZONE}(?=[\\s:]|$))?)`,
);
const HOST = /^[A-Za-z0-9][\w.-]*/;
const NXOS_LOGFILE = /^\d{4} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}:\d{2}(?:\.\d+)? ([A-Za-z][\w.-]*) +(?=%)/;
const IOSXE_CONSOLE = /^(?:\d+: )?[*.]?[A-Z][a-z]{2} +\d{1,2} (?:\d{4} )?\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?: [A-Z]{2,5})?:$/;

export function syslogShape(text: string): SyslogShape | null {
  const found = findSyslogMessage(text);
  return found && { host: found.host };
}

/** Like `syslogShape`, plus where the `%FACILITY-…` message starts (ingest reads the facility for platform hints). */
export function findSyslogMessage(text: string): { host: string | null; messageAt: number } | null {
  const percent = text.indexOf('%');
  if (percent < 0 || percent > MAX_PREFIX) return null;
  MESSAGE_ID.lastIndex = percent;
  if (!MESSAGE_ID.test(text)) return null;
  // The NX-OS logfile shape fills big logs: read it in one step, without cutting the prefix out.
  const nxos = NXOS_LOGFILE.exec(text);
  if (nxos && nxos[0].length === percent) return { host: nxos[1]!, messageAt: percent };
  const shape = hostFromPrefix(text.slice(0, percent));
  return shape && { host: shape.host, messageAt: percent };
}

/** The host named before the message, or null when the prefix is not a syslog stamp at all. */
function hostFromPrefix(prefix: string): SyslogShape | null {
  let rest = prefix.trim();
  if (rest === '') return { host: null };
  if (IOSXE_CONSOLE.test(rest)) return { host: null };
  const rfc5424 = RFC5424.exec(rest);
  if (rfc5424) return { host: rfc5424[2] === '-' ? null : rfc5424[2]! };
  let anchored = false;
  const pri = PRI.exec(rest);
  if (pri) {
    anchored = true;
    rest = rest.slice(pri[0].length);
  }
  let host: string | null = null;
  // Each step consumes one stamp, sequence number or host word; a syslog server may stack its own stamp and host
  // in front of the device's (`Aug 7 17:02:36 leaf-101 : 2023 Aug 7 17:02:36 UTC:`).
  for (let step = 0; step < 8; step++) {
    rest = rest.replace(/^[\s:]+/, '');
    if (rest === '') return anchored ? { host } : null;
    const stamp = STAMP.exec(rest) ?? SEQUENCE.exec(rest);
    if (stamp) {
      anchored = true;
      rest = rest.slice(stamp[0].length);
      continue;
    }
    const word = HOST.exec(rest);
    if (!word || !anchored) return null;
    host ??= word[0];
    rest = rest.slice(word[0].length);
  }
  return null;
}
