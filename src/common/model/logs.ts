// What happened, line by line: syslog, license events and history, reachability checks and result lines quoted in a
// paste, and where each value and section of the input came from.
/* eslint-disable @typescript-eslint/no-empty-object-type -- each model type is an interface named after its schema, so hovers and errors say `SyslogMessage`, not its fields */
import { block, dictionary, known, named, oneOf, text, time, type Static } from './fields.js';

const lineNumber = (): ReturnType<typeof known.integer> => known.integer('1-based line number in the input file');
const inputFile = (): ReturnType<typeof known.text> => known.text('The input file');

const sourceRef = block(
  { file: known.text(), line: known.integer(undefined, { minimum: 0 }) },
  'Where a value came from: the input file and the 1-based line number in it',
);
export interface SourceRef extends Static<typeof sourceRef> {}
export const SourceRef = named<SourceRef>(sourceRef);

const syslogMessage = block({
  time: time('ISO UTC, or null when the stamp could not be read'),
  host: text(),
  facility: known.text(),
  severity: known.integer(),
  mnemonic: known.text(),
  text: known.text(),
  line: lineNumber(),
  file: inputFile(),
  name: text(
    'Licensing message name common to both platforms: NX-OS `LICMGR-3-LOG_SMART_LIC_COMM_FAILED` and IOS-XE `SMART_LIC-3-COMM_FAILED` are both `COMM_FAILED`. Messages of other facilities that speak of licensing carry their mnemonic (`%CALL_HOME-5-SL_MESSAGE_FAILED` → `SL_MESSAGE_FAILED`, `%PKI-6-AUTHORITATIVE_CLOCK`); null for the rest (`%SYS-5-CONFIG_I`, `%ETHPORT-…`)',
  ),
  variant: text(
    'Which meaning a message printed with two carries, from its text: EXPORT_CONTROLLED `allowed` (`… is allowed for feature hseck9`) or `not-allowed`; null for messages with one meaning',
  ),
  yearInferred: known.flag('true when the year of `time` was not printed and was taken from the capture time'),
});
export interface SyslogMessage extends Static<typeof syslogMessage> {}
export const SyslogMessage = named<SyslogMessage>(syslogMessage);

const licenseEvent = block({
  time: time(),
  type: known.text(),
  attrs: dictionary(known.text()),
  line: lineNumber(),
  file: inputFile(),
});
export interface LicenseEvent extends Static<typeof licenseEvent> {}
export const LicenseEvent = named<LicenseEvent>(licenseEvent);

const historyMessage = block({
  kind: known.kind('The heading in `show license history message`: trust-establishment, usage-reporting, …'),
  time: time(),
  summary: known.text('The first line of the message body (request/response summary); the XML is not kept'),
  line: lineNumber(),
  file: inputFile(),
});
export interface HistoryMessage extends Static<typeof historyMessage> {}
export const HistoryMessage = named<HistoryMessage>(historyMessage);

export const REACHABILITY_RESULTS = ['success', 'failure', 'unresolved', 'unknown'] as const;

const reachabilityTest = block(
  {
    command: known.text(),
    target: known.text(),
    result: oneOf(REACHABILITY_RESULTS),
    line: lineNumber(),
    file: inputFile(),
  },
  'A `ping` / `telnet` / `nslookup` / `curl`-style reachability check quoted in a paste',
);
export interface ReachabilityTest extends Static<typeof reachabilityTest> {}
export const ReachabilityTest = named<ReachabilityTest>(reachabilityTest);

const cliMessage = block(
  { command: known.text(), text: known.text(), line: lineNumber(), file: inputFile() },
  'A line of command output that states a result or an error (`% Invalid host/interface`, `Failure: …`, On-Prem log lines)',
);
export interface CliMessage extends Static<typeof cliMessage> {}
export const CliMessage = named<CliMessage>(cliMessage);

const section = block({
  command: known.text(),
  startLine: known.integer(),
  endLine: known.integer(),
  parser: text('Registry id of the parser that read it, or null when the section was skipped'),
  file: inputFile(),
});
export interface Section extends Static<typeof section> {}
export const Section = named<Section>(section);

const diagnostic = block({ line: lineNumber(), message: known.text(), file: inputFile() });
export interface Diagnostic extends Static<typeof diagnostic> {}
export const Diagnostic = named<Diagnostic>(diagnostic);
