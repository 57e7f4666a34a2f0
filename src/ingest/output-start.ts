// Output pasted without its prompt is recognised by how it starts (the `outputStarts` of the command table). The
// `show license status` family (status, all, tech support) starts alike, so which member it is becomes clear only
// from the body.
import { COMMAND_ROWS, COMMANDS, type CommandName } from './commands.js';
import type { Line } from './types.js';

/** Marker for a body that belongs to the status family; resolved by `licenseFamilyCommand` when the section ends. */
export const LICENSE_FAMILY = 'license-family';
/** What an output start tells: one command, or the status family. */
export type OutputStart = CommandName | typeof LICENSE_FAMILY;

const STARTS: readonly (readonly [RegExp, OutputStart])[] = COMMAND_ROWS.flatMap((row) =>
  (row.outputStarts ?? []).map((pattern) => [pattern, row.startsAsFamily ? LICENSE_FAMILY : row.name] as const),
);

/** The command whose output starts with this line, when found outside any command. */
export function outputStartOf(text: string): OutputStart | null {
  for (const [pattern, start] of STARTS) if (pattern.test(text)) return start;
  return null;
}

// `show license all` prints a Usage Report Summary too (real 17.x output), so that part names no member.
const TECH_SUPPORT_PARTS = /^(?:Smart Licensing Tech Support info|Communication Statistics:?|Upcoming Scheduled Jobs:?|Other Info:?)$/;
const LICENSE_ALL_PARTS = /^(?:Product Information:?|Agent Version:?|License Usage:?)$|^\s*Handle: \d/;

/** Tech support has parts status lacks; `show license all` adds usage, product and agent parts to status. */
export function licenseFamilyCommand(lines: readonly Line[]): CommandName {
  let all = false;
  for (const line of lines) {
    if (TECH_SUPPORT_PARTS.test(line.text)) return COMMANDS.licenseTechSupport;
    if (!all && LICENSE_ALL_PARTS.test(line.text)) all = true;
  }
  return all ? COMMANDS.licenseAll : COMMANDS.licenseStatus;
}
