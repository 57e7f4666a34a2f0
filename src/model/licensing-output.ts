// Whether an input holds licensing output at all: the one criterion behind refusing a page of prose, an unrelated
// router's configuration or a bare `show version` (analyze, parse, the TUI and the fleet all ask here).
//
// Output counts when slp-doctor reads it for a licensing diagnosis: any `show license …` family, call-home
// profiles, data conversion, the troubleshooting commands the field notices ask for (process CPU and memory, the
// PKI trustpool, saved RUM reports), licensing system messages, `license smart` configuration and SSM On-Prem logs.
// Commands that describe any device (`show version`, `show clock`, NTP) do not count by themselves, nor do a log
// or a configuration without a licensing line: they only add context to a device that has licensing output.
import type { CliMessage, SyslogMessage } from '../common/device.js';
import { COMMANDS } from '../ingest/commands.js';
import { InputError } from '../ingest/types.js';
import type { Fragment } from '../parsers/fragment.js';

/** Parsers of commands that describe any device; their output is context, never licensing output by itself. */
const CONTEXT_PARSERS = new Set(['version', 'clock', 'ntp', 'reachability']);

/**
 * A command typed at a prompt that is about licensing although no grammar reads it (yet): `license smart …`,
 * `show license …` variants, call-home, counting saved RUM reports, and the field notices' PKI trustpool and
 * process memory checks (FN72323, FN72578).
 */
const LICENSING_COMMAND = /\blicen[cs]e\b|\bcall-?home\b|\bcslu\b|RUMReport|\bcrypto\s+pki\s+trustpool\b|\bproc(?:ess(?:es)?)?\s+mem/i;

/** True when what this parser read from its section is licensing output (see the rules above). */
export function showsLicensing(fragment: Fragment): boolean {
  switch (fragment.parser) {
    case 'running-config':
      return hasItems(fragment, 'config.licenseSmartLines') || hasItems(fragment, 'config.callHome.httpDestinations');
    case 'syslog':
      return (fragment.lists.get('syslog')?.items ?? []).some((m) => isLicensingMessage(m as SyslogMessage));
    case 'cli-output':
      return fragment.command === COMMANDS.onpremLog || LICENSING_COMMAND.test(fragment.command) || commandsOf(fragment).some((c) => LICENSING_COMMAND.test(c));
    default:
      return !CONTEXT_PARSERS.has(fragment.parser);
  }
}

/**
 * A system message about licensing: a Smart Licensing / license manager message (it has a licensing name), any
 * other facility's licence message (`%CUBE-5-LICENSE_INFO`, classic `%LICENSE-…`), or Call Home's Smart Licensing
 * messages (`%CALL_HOME-5-SL_MESSAGE_FAILED`).
 */
function isLicensingMessage(message: SyslogMessage): boolean {
  return message.name !== null || /LIC/.test(message.facility) || /^SL_|LICENSE/.test(message.mnemonic);
}

function hasItems(fragment: Fragment, path: 'config.licenseSmartLines' | 'config.callHome.httpDestinations'): boolean {
  return (fragment.lists.get(path)?.items.length ?? 0) > 0;
}

/** The commands as typed (`license smart save usage …`), which the fragment's canonical `unknown` does not say. */
function commandsOf(fragment: Fragment): string[] {
  return (fragment.lists.get('messages')?.items ?? []).map((m) => (m as CliMessage).command);
}

/** The one-line refusal of an input without licensing output (exit 2, as any unreadable input). */
export function noLicensingOutput(file: string): InputError {
  return new InputError(file, null, 'no NX-OS or IOS-XE licensing output found (show license … output, a show-tech or licensing syslog lines)');
}
