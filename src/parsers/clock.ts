// `show clock`. NX-OS prints `Time source is NTP` on its own line then `07:45:10.123 UTC Thu Apr 18 2024`;
// IOS-XE prints `*09:12:55.123 UTC Thu Apr 18 2024` or `Time source is NTP, .05:30:30.132 UTC Thu Apr 18 2024`.
// The leading mark is the device's own verdict on its clock: `*` not authoritative, `.` authoritative but NTP
// synchronisation lost. The time becomes the capture time; the mark and time source tell whether NTP is in sync.
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';
import { parseDeviceTime } from '../common/time.js';

const TIME_SOURCE = /^Time source is ([^,]+?)\s*(?:,\s*(.*))?$/i;
const CLOCK_LINE = /^([*.]?)\d{1,2}:\d{2}:\d{2}/;

export const clockParser: CommandParser = {
  id: 'clock',
  commands: ['show clock'],
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    let source: { ntp: boolean; line: number } | null = null;
    let mark: { flag: string; line: number } | null = null;

    for (const line of section.lines) {
      let text = line.text.trim();
      if (text === '') continue;
      const sourceMatch = TIME_SOURCE.exec(text);
      if (sourceMatch) {
        source = { ntp: /^NTP\b/i.test(sourceMatch[1]!), line: line.n };
        if (!sourceMatch[2]) continue;
        text = sourceMatch[2].trim();
      }
      const clock = CLOCK_LINE.exec(text);
      const time = clock ? parseDeviceTime(text) : null;
      if (!clock || time === null) {
        out.unrecognised(line.n);
        continue;
      }
      if (time.unknownZone) out.diag(line.n, `unknown time zone ${time.zone}; time read as UTC`);
      out.set('captureTime', time.iso, line.n);
      mark = { flag: clock[1]!, line: line.n };
    }

    if (mark && mark.flag !== '') out.set('ntp.synchronized', false, mark.line);
    else if (source) out.set('ntp.synchronized', source.ntp, source.line);
    return out.build();
  },
};
