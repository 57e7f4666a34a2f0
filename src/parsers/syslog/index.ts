// Syslog messages: console/logfile lines routed to `syslog` sections by ingest, and `show logging` output. Every
// `%FACILITY-SEVERITY-MNEMONIC` line is kept (PKI, CALLHOME, SYS… matter to rules too); licensing ones also get the
// platform-neutral `name` (and, where one mnemonic means two things, the `variant`). Decoding of one line is in
// extract.ts. A syslog server's relay in front of the device's own name becomes an alias of the device.
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';
import { decodeSyslogLine } from './extract.js';
import { licensingName, messageVariant } from './catalogue.js';
import { startsWithSyslogStamp } from '../../common/syslog/line.js';

/**
 * Non-message lines of `show logging` (the logging configuration header and buffer banners of both platforms).
 * They say nothing about licensing and are read silently.
 */
const SHOW_LOGGING_HEADER =
  /^(?:Syslog logging|Logging|Log Buffer|Buffer logging|Console logging|Monitor logging|Trap logging|Persistent logging|File logging|Count and timestamp|No (?:Active|Inactive)\b|Message Discriminator|Exception Logging|Name -|Facility|Severity|server |\{|-{3,}|={3,}|\d+ messages? lines? logged|\s)/i;

/** A field heading such as `Logging Source-Interface:` or `Current Session Severity:`. */
const FIELD_LINE = /^[A-Za-z][\w ./()-]{0,60}:(?:\s|$)/;

export const syslogParser: CommandParser = {
  id: 'syslog',
  commands: ['syslog', 'show logging'],
  fills: { scalars: [], lists: ['aliases', 'syslog'] },
  specificity: 30,
  emptyWhenBlank: true,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    const inShowLogging = section.command === 'show logging';
    const relays = new Set<string>();
    for (const line of section.lines) {
      if (line.text.trim() === '') continue;
      const decoded = decodeSyslogLine(line.text);
      if (decoded === null) {
        if (inShowLogging && (SHOW_LOGGING_HEADER.test(line.text) || FIELD_LINE.test(line.text) || startsWithSyslogStamp(line.text))) continue;
        out.unrecognised(line.n);
        continue;
      }
      if (!decoded.prefixRead) out.diag(line.n, 'syslog timestamp not recognised; message kept without a time');
      if (decoded.unknownZone !== null) out.diag(line.n, `unknown time zone ${decoded.unknownZone}; time read as UTC`);
      if (decoded.relay !== null && decoded.relay.toLowerCase() !== section.hostname?.toLowerCase() && !relays.has(decoded.relay)) {
        relays.add(decoded.relay);
        out.add('aliases', decoded.relay, line.n);
      }
      const name = licensingName(decoded.facility, decoded.mnemonic);
      out.add(
        'syslog',
        {
          time: decoded.time,
          host: decoded.host ?? section.hostname,
          facility: decoded.facility,
          severity: decoded.severity,
          mnemonic: decoded.mnemonic,
          text: decoded.text,
          line: line.n,
          file: section.file,
          name,
          variant: messageVariant(name, decoded.text),
          yearInferred: decoded.yearInferred,
        },
        line.n,
      );
    }
    return out.build();
  },
};
