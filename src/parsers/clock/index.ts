// `show clock`. NX-OS prints `Time source is NTP` on its own line then `07:45:10.123 UTC Thu Apr 18 2024`; IOS-XE
// prints `*09:12:55.123 UTC Thu Apr 18 2024` (`show clock detail` adds `Time source is NTP` after it). The leading
// mark is the device's own verdict on its clock: `*` not authoritative, `.` authoritative but NTP synchronisation
// lost. The time becomes the capture time; mark and source give the clock's state as the prompt-timestamp header
// does (common/prompt-timestamp.ts: ingest takes that header, `Time source is NTP, <time>`, out of this output).
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';
import { parseDeviceTime } from '../../common/time.js';
import { clockState } from '../../common/prompt-timestamp.js';

const TIME_SOURCE = /^Time source is (.+?)\s*$/i;
const CLOCK_LINE = /^([*.]?)\d{1,2}:\d{2}:\d{2}/;

export const clockParser: CommandParser = {
  id: 'clock',
  commands: ['show clock'],
  fills: { scalars: ['captureTime', 'clock.authoritative', 'clock.ntpSynchronized', 'clock.timeSource'], lists: [] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    let source: { name: string; line: number } | null = null;
    let mark: { flag: string; line: number } | null = null;

    for (const line of section.lines) {
      const text = line.text.trim();
      if (text === '') continue;
      const sourceMatch = TIME_SOURCE.exec(text);
      if (sourceMatch) {
        source = { name: sourceMatch[1]!, line: line.n };
        continue;
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

    // Only what this output says: an unknown here must not hide what the prompt-timestamp header says.
    const state = clockState(source?.name, mark?.flag);
    if (source) out.set('clock.timeSource', state.timeSource, source.line);
    if (mark) out.set('clock.authoritative', state.authoritative, mark.line);
    if (state.ntpSynchronized !== null) out.set('clock.ntpSynchronized', state.ntpSynchronized, (mark ?? source)!.line);
    return out.build();
  },
};
