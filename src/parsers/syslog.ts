// PLACEHOLDER until the parser lands: reads nothing, reports every line as unrecognised.
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';

export const syslogParser: CommandParser = {
  id: 'syslog',
  commands: ['syslog', 'show logging'],
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    for (const line of section.lines) if (line.text.trim() !== '') out.unrecognised(line.n);
    return out.build();
  },
};
