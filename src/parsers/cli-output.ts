// Output of commands no grammar models: `license smart save usage …`, `license smart import …`, `write erase`, and
// SSM On-Prem log lines pasted beside a device's output. Their substance for a diagnosis is the result or error
// line (`Failure: save status: The requested item was not found`, `% Invalid input detected`), which becomes a
// `messages` item; everything else they print is read silently, since it is not ours to judge.
import { COMMANDS } from '../ingest/commands.js';
import { onPremLogText } from '../common/onprem-log.js';
import type { RawSection } from '../ingest/types.js';
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';

/** A line that states how a command ended: `Failure: …`, `Success: …`, `Error: …`, `% …`, or anything that `failed`. */
const RESULT_LINE = /^\s*(?:(?:Failure|Success|Error|ERROR)\s*:|%\s*\S)|\bfailed\b/i;


export const cliOutputParser: CommandParser = {
  id: 'cli-output',
  commands: [COMMANDS.unknown, COMMANDS.onpremLog],
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
  for (const line of section.lines) {
    if (!RESULT_LINE.test(line.text)) continue;
    out.add('messages', { command, text: line.text.trim(), line: line.n, file: section.file }, line.n);
    results++;
  }
  // A command that printed no verdict (`write erase` answered by a prompt) still shows what the engineer did.
  if (results === 0 && section.rawCommand !== null && section.headerLine !== null) {
    out.add('messages', { command, text: section.rawCommand, line: section.headerLine, file: section.file }, section.headerLine);
  }
}

function readOnPremLog(section: RawSection, out: FragmentBuilder): void {
  for (const line of section.lines) {
    const text = onPremLogText(line.text);
    if (text === '') continue;
    out.add('messages', { command: COMMANDS.onpremLog, text, line: line.n, file: section.file }, line.n);
  }
}
