// Output of commands no grammar models: `license smart save usage …`, `license smart import …`, `write erase`,
// `license smart factory reset`, and SSM On-Prem log lines pasted beside a device's output. Their substance for a
// diagnosis is the result or error line (`Failure: save status: The requested item was not found`, `% Invalid input
// detected`, `%Warning: reload required after "license smart factory reset" command`), which becomes a `messages`
// item; everything else they print is read silently, since it is not ours to judge. One count is kept as a number:
// FN72578's check of RUM reports piling up, `more flash:report.txt | count RUMReport` after `license smart save
// usage all file flash:report.txt`, answered `Number of lines which match regexp = 214`.
import { COMMANDS } from '../../ingest/commands.js';
import { onPremLogText } from '../../common/onprem-log.js';
import type { RawSection } from '../../ingest/types.js';
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';

/** A line that states how a command ended: `Failure: …`, `Success: …`, `Error: …`, `% …`, or anything that `failed`. */
const RESULT_LINE = /^\s*(?:(?:Failure|Success|Error|ERROR)\s*:|%\s*\S)|\bfailed\b/i;


/** `… | count RUMReport`: the output filter that counts the RUM reports of a saved usage file. */
const COUNT_RUM_REPORTS = /\|\s*count\s+.*RUMReport/i;
const COUNT_RESULT = /^\s*Number of lines which match regexp\s*=\s*(\d+)/i;

export const cliOutputParser: CommandParser = {
  id: 'cli-output',
  commands: [COMMANDS.unknown, COMMANDS.onpremLog],
  fills: { scalars: ['savedRumReportCount'], lists: ['messages'] },
  specificity: 10,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    if (section.command === COMMANDS.onpremLog) readOnPremLog(section, out);
    else readCommandOutput(section, out);
    return out.build();
  },
};

function readCommandOutput(section: RawSection, out: FragmentBuilder): void {
  const command = section.rawCommand ?? COMMANDS.unknown;
  let results = 0;
  const countsRumReports = COUNT_RUM_REPORTS.test(command);
  for (const line of section.lines) {
    const count = countsRumReports ? COUNT_RESULT.exec(line.text) : null;
    if (count) out.set('savedRumReportCount', Number(count[1]), line.n);
    if (!RESULT_LINE.test(line.text)) continue;
    out.message(line.text, line.n, command);
    results++;
  }
  // A command that printed no verdict (`write erase` answered by a prompt) still shows what the engineer did.
  if (results === 0 && section.rawCommand !== null && section.headerLine !== null) {
    out.message(section.rawCommand, section.headerLine, command);
  }
}

function readOnPremLog(section: RawSection, out: FragmentBuilder): void {
  for (const line of section.lines) {
    const text = onPremLogText(line.text);
    if (text === '') continue;
    out.message(text, line.n);
  }
}
