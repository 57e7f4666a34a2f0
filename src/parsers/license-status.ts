// PLACEHOLDER until the parser lands: reads nothing, reports every line as unrecognised.
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';

export const licenseStatusParser: CommandParser = {
  id: 'license-status',
  commands: ['show license status', 'show license all', 'show license tech support', 'show tech-support license'],
  specificity: 20,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    for (const line of section.lines) if (line.text.trim() !== '') out.unrecognised(line.n);
    return out.build();
  },
};
