// PLACEHOLDER until the parser lands: reads nothing, reports every line as unrecognised.
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';

export const licenseSummaryParser: CommandParser = {
  id: 'license-summary',
  commands: ['show license summary'],
  specificity: 25,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    for (const line of section.lines) if (line.text.trim() !== '') out.unrecognised(line.n);
    return out.build();
  },
};

export const licenseUsageParser: CommandParser = { ...licenseSummaryParser, id: 'license-usage', commands: ['show license usage'], specificity: 30 };
