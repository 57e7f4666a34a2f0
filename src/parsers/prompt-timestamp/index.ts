// The `terminal exec prompt timestamp` header IOS prints above each command's output (common/prompt-timestamp.ts):
// ingest gathers these lines from every command into one section per device. The newest header is the device clock
// when the capture was last added to: a capture time (below `show clock`, above tech support's `Current time:`), and
// the clock's state (source, authoritative, synchronised to NTP).
import { AMBIGUOUS_ZONES, parseDeviceTime } from '../../common/time.js';
import { clockState, isLoadLine, readTimeSourceHeader } from '../../common/prompt-timestamp.js';
import { COMMANDS } from '../../ingest/commands.js';
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';

export const promptTimestampParser: CommandParser = {
  id: 'prompt-timestamp',
  commands: [COMMANDS.promptTimestamp],
  fills: { scalars: ['captureTime', 'clock.authoritative', 'clock.ntpSynchronized', 'clock.timeSource'], lists: [] },
  specificity: 25,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    let newest: { iso: string; source: string | null; mark: string; line: number } | null = null;
    for (const line of section.lines) {
      // CPU load says nothing licensing depends on.
      if (line.text === '' || isLoadLine(line.text)) continue;
      const header = readTimeSourceHeader(line.text);
      if (!header) {
        out.unrecognised(line.n);
        continue;
      }
      const time = parseDeviceTime(header.clock);
      if (time === null) {
        out.diag(line.n, `could not read time "${header.clock}"`);
        continue;
      }
      if (time.unknownZone) out.diag(line.n, `unknown time zone ${time.zone}; time read as UTC`);
      else if (time.zone !== null && AMBIGUOUS_ZONES[time.zone])
        out.diag(line.n, `time zone ${time.zone} may be ${AMBIGUOUS_ZONES[time.zone]}; read as the first`);
      if (newest === null || Date.parse(time.iso) >= Date.parse(newest.iso)) newest = { iso: time.iso, source: header.source, mark: header.mark, line: line.n };
    }
    if (newest) {
      out.set('captureTime', newest.iso, newest.line);
      const state = clockState(newest.source, newest.mark);
      out.set('clock.timeSource', state.timeSource, newest.line);
      out.set('clock.authoritative', state.authoritative, newest.line);
      out.set('clock.ntpSynchronized', state.ntpSynchronized, newest.line);
    }
    return out.build();
  },
};
