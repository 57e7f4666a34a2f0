// PLACEHOLDER until the parser lands: reads nothing, reports every line as unrecognised.
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';

export const versionParser: CommandParser = {
  id: 'version',
  commands: ['show version'],
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    for (const line of section.lines) if (line.text.trim() !== '') out.unrecognised(line.n);
    return out.build();
  },
};
