// The parser for each canonical command. Ingest names the command; the registry finds the grammar.
import type { CommandParser } from './fragment.js';
import { licenseStatusParser } from './license-status.js';
import { licenseSummaryParser, licenseUsageParser } from './license-summary.js';
import { licenseUdiParser } from './license-udi.js';
import { licenseRumParser } from './license-rum.js';
import { licenseEventlogParser } from './license-eventlog.js';
import { licenseHistoryParser } from './license-history.js';
import { licenseTraditionalParser } from './license-traditional.js';
import { pkiTrustpoolParser } from './pki-trustpool.js';
import { processMemoryParser } from './process-memory.js';
import { syslogParser } from './syslog.js';
import { runningConfigParser } from './running-config.js';
import { callHomeProfileParser } from './call-home.js';
import { clockParser } from './clock.js';
import { versionParser } from './version.js';
import { ntpParser } from './ntp.js';
import { processCpuParser } from './process-cpu.js';
import { dataConversionParser } from './data-conversion.js';
import { reachabilityParser } from './reachability.js';
import { cliOutputParser } from './cli-output.js';
import { promptTimestampParser } from './prompt-timestamp.js';

export const PARSERS: readonly CommandParser[] = [
  licenseStatusParser,
  licenseSummaryParser,
  licenseUsageParser,
  licenseUdiParser,
  licenseRumParser,
  licenseEventlogParser,
  licenseHistoryParser,
  licenseTraditionalParser,
  syslogParser,
  runningConfigParser,
  callHomeProfileParser,
  clockParser,
  promptTimestampParser,
  versionParser,
  ntpParser,
  processCpuParser,
  processMemoryParser,
  pkiTrustpoolParser,
  dataConversionParser,
  reachabilityParser,
  cliOutputParser,
];

const byCommand = new Map<string, CommandParser>();
for (const parser of PARSERS) for (const command of parser.commands) byCommand.set(command, parser);

export function parserFor(command: string): CommandParser | undefined {
  return byCommand.get(command);
}

/** Every command some parser reads: ingest keeps these sections and skips the rest cheaply. */
export function knownCommands(): string[] {
  return [...byCommand.keys()];
}
