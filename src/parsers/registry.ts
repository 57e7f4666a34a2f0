// Every parser, one line each: a parser is the folder beside this file (index.ts declares its commands, the model
// fields it fills and its specificity; its goldens are in goldens/). Ingest names the command; the registry finds the
// parser. test/goldens.test.ts checks that every folder is listed here.
import type { CommandParser } from './fragment.js';
import { callHomeProfileParser } from './call-home-profile/index.js';
import { cliOutputParser } from './cli-output/index.js';
import { clockParser } from './clock/index.js';
import { dataConversionParser } from './data-conversion/index.js';
import { licenseEventlogParser } from './license-eventlog/index.js';
import { licenseHistoryParser } from './license-history/index.js';
import { licenseRumParser } from './license-rum/index.js';
import { licenseStatusParser } from './license-status/index.js';
import { licenseSummaryParser } from './license-summary/index.js';
import { licenseTraditionalParser } from './license-traditional/index.js';
import { licenseUdiParser } from './license-udi/index.js';
import { licenseUsageParser } from './license-usage/index.js';
import { ntpParser } from './ntp/index.js';
import { pkiTrustpoolParser } from './pki-trustpool/index.js';
import { processCpuParser } from './process-cpu/index.js';
import { processMemoryParser } from './process-memory/index.js';
import { promptTimestampParser } from './prompt-timestamp/index.js';
import { reachabilityParser } from './reachability/index.js';
import { runningConfigParser } from './running-config/index.js';
import { syslogParser } from './syslog/index.js';
import { versionParser } from './version/index.js';

export const PARSERS: readonly CommandParser[] = [
  callHomeProfileParser, cliOutputParser, clockParser, dataConversionParser, licenseEventlogParser, licenseHistoryParser,
  licenseRumParser, licenseStatusParser, licenseSummaryParser, licenseTraditionalParser, licenseUdiParser,
  licenseUsageParser, ntpParser, pkiTrustpoolParser, processCpuParser, processMemoryParser, promptTimestampParser,
  reachabilityParser, runningConfigParser, syslogParser, versionParser,
];

/** One parser per command: two claiming the same one is a mistake to stop at load, not a silent override. */
const byCommand = new Map<string, CommandParser>();
for (const parser of PARSERS)
  for (const command of parser.commands) {
    const other = byCommand.get(command);
    if (other) throw new Error(`parsers ${other.id} and ${parser.id} both read \`${command}\``);
    byCommand.set(command, parser);
  }

export function parserFor(command: string): CommandParser | undefined {
  return byCommand.get(command);
}
