// `show license data conversion`: what the device holds for converting PAK / traditional Smart licenses to SLP.
// Its format is not documented and an empty output is itself the finding ("no conversion data yet": the first RUM
// report after migration must wait until this is not blank), so every line is kept as printed and `empty` says
// whether there was any. A `%` line is the CLI's, not conversion data: a refusal (`% Invalid input`) is read by ingest as
// an unknown command's answer; another stays unread.
import { CARET_LINE } from '../../ingest/cli-refusal.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';

const CLI_ERROR = /^\s*%/;

export const dataConversionParser: CommandParser = {
  id: 'data-conversion',
  commands: ['show license data conversion'],
  fills: { scalars: ['dataConversion.empty'], lists: ['dataConversion.lines'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    let dataLines = 0;
    let cliErrors = 0;
    for (const line of section.lines) {
      if (line.text.trim() === '' || CARET_LINE.test(line.text)) continue;
      if (CLI_ERROR.test(line.text)) {
        out.unrecognised(line.n);
        cliErrors += 1;
        continue;
      }
      out.add('dataConversion.lines', line.text.trimEnd(), line.n);
      dataLines += 1;
    }
    // the device answered with a `%` line: whether conversion data exists is unknown, not "empty"
    if (cliErrors > 0 && dataLines === 0) return out.build();
    // an empty body still says something, so the scalar always exists; it points at the command line when it can
    const where = section.headerLine ?? section.lines[0]?.n ?? 0;
    out.set('dataConversion.empty', dataLines === 0, where);
    if (dataLines === 0) out.touch('dataConversion.lines');
    return out.build();
  },
};
