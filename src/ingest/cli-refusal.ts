// A command the device refused: under the typed line the CLI points at the word it could not take (`^`) and says why
// (`% Invalid input detected at '^' marker.`, `% Incomplete command.`, `% Ambiguous command: "show lic s"`). What
// follows the prompt is then the CLI's answer, not the command's output, so no parser of that command should read it.
import type { Line } from './types.js';

/** The line under a typed command with a `^` under the word the CLI could not take. */
export const CARET_LINE = /^\s*\^\s*$/;
const REFUSAL = /^\s*% ?(?:Invalid (?:input|command)|Incomplete command|Ambiguous command|Unrecognized command)\b/i;

/** Whether a command's output is only the CLI's refusal of it (a `%` line, with its `^` line and blank lines). */
export function refusedByCli(lines: readonly Line[]): boolean {
  let refused = false;
  for (const { text } of lines) {
    if (REFUSAL.test(text)) refused = true;
    else if (text.trim() !== '' && !CARET_LINE.test(text)) return false;
  }
  return refused;
}
