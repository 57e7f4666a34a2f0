// Output pasted without its prompt is recognised by how it starts. The `show license status` family (status, all,
// tech support) starts alike, so which member it is becomes clear only from the body.
import { COMMANDS, type CommandName } from './commands.js';
import type { Line } from './types.js';

/** Marker for a body that belongs to the status family; resolved by `licenseFamilyCommand` when the section ends. */
export const LICENSE_FAMILY = 'license-family';
export type Shape = CommandName | typeof LICENSE_FAMILY;

const STARTS: readonly (readonly [RegExp, Shape])[] = [
  [/^(?:Smart Licensing [Uu]sing Policy:|Utility:|Smart Licensing Status$|Smart Licensing is (?:ENABLED|DISABLED)|Smart Licensing Tech Support info)/, LICENSE_FAMILY],
  // Documents and tickets often quote just one part of `show license status`; each part's title is distinctive.
  [/^(?:Policy:|Transport:|Usage [Rr]eporting:|Trust Code installed:)/, LICENSE_FAMILY],
  [/^License Usage:?$/, COMMANDS.licenseSummary],
  [/^License Authorization:$/, COMMANDS.licenseUsage],
  [/^UDI: PID:|^SlotID\s+PID\s+SN\s+UDI/, COMMANDS.licenseUdi],
  [/^report_id:\s*\d|^Smart Licensing Usage Report:|^Report Id\s+State\s+Flag/, COMMANDS.licenseRumIdAll],
  [/^\*+ Event Log \*+$|SAEVT_/, COMMANDS.licenseEventlog],
  [/^Message History \(oldest to newest\):/, COMMANDS.licenseHistoryMessage],
  // Captured with the bare command echoed on the first line and no prompt: the echo is the output's first line.
  [/^show license authorization\s*$/, COMMANDS.licenseAuthorization],
];

/** The command whose output starts with this line, when found outside any command. */
export function shapeOf(text: string): Shape | null {
  for (const [pattern, shape] of STARTS) if (pattern.test(text)) return shape;
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
