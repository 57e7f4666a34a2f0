// From one line of text to a syslog message: the `%FACILITY-SEVERITY-MNEMONIC:` tag and, from the prefix before
// it, the stamp and the sender that belong to the message (both read in src/common/syslog, as ingest reads them).
import { readMessageTag } from '../../common/syslog/line.js';
import { readSyslogPrefix } from '../../common/syslog/prefix.js';

export interface DecodedSyslog {
  time: string | null;
  yearInferred: boolean;
  /** The zone word printed, when it is not one we know (the time was read as UTC). */
  unknownZone: string | null;
  /** false when the text before the tag is in no shape we know (time and host are then null). */
  prefixRead: boolean;
  host: string | null;
  /** The syslog server's relay in front of the device's own name, when it printed both. */
  relay: string | null;
  facility: string;
  severity: number;
  mnemonic: string;
  text: string;
}

/** Decode one syslog line; null when the line holds no `%FAC-N-MNEMONIC` tag. Never throws. */
export function decodeSyslogLine(text: string): DecodedSyslog | null {
  const tag = readMessageTag(text);
  if (!tag) return null;
  const message = { facility: tag.facility, severity: tag.severity, mnemonic: tag.mnemonic, text: tag.text };
  const prefix = readSyslogPrefix(text.slice(0, tag.at));
  if (prefix === null) {
    return { ...message, time: null, yearInferred: false, unknownZone: null, prefixRead: false, host: null, relay: null };
  }
  return { ...message, ...prefix, prefixRead: true };
}
