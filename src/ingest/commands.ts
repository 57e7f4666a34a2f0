// What ingest knows of each command slp-doctor reads, one row per command: its canonical name (the parser registry is
// keyed by it), the spellings an engineer types or a show-tech header prints (`sh lic stat`, `show lic all`,
// `------------------ show license status ------------------` are matched against them by resolve-command.ts), and
// how its output starts when it is pasted without a prompt (output-start.ts). A new command is one row.

/** A spelling in full keywords: every word typed must be a prefix of its word. */
type Spelling = string;
/** Stands for a number in a spelling (`show license eventlog <n>`). */
export const NUMBER = '<n>';
/** Stands for any trailing words in a spelling (`show running-config <rest>`). */
export const REST = '<rest>';

export interface CommandRow {
  /** Canonical name: what parsers declare they read and what the model's sections[].command says. */
  readonly name: string;
  /** Every spelling accepted, in full keywords; none for the pseudo-commands ingest names itself. */
  readonly typed?: readonly Spelling[];
  /** The first lines its output is recognised by when no prompt or header comes before it (tried in row order). */
  readonly outputStarts?: readonly RegExp[];
  /** Its output starts as every member of the `show license status` family does; the body tells which (output-start.ts). */
  readonly startsAsFamily?: true;
}

const STATUS_FAMILY_STARTS = [
  /^(?:Smart Licensing [Uu]sing Policy:|Utility:|Smart Licensing Status$|Smart Licensing is (?:ENABLED|DISABLED)|Smart Licensing Tech Support info)/,
  // Documents and tickets often quote just one part of `show license status`; each part's title is distinctive.
  /^(?:Policy:|Transport:|Usage [Rr]eporting:|Trust Code installed:)/,
];

export const COMMAND_TABLE = {
  licenseStatus: { name: 'show license status', typed: ['show license status'], outputStarts: STATUS_FAMILY_STARTS, startsAsFamily: true },
  licenseAll: { name: 'show license all', typed: ['show license all'] },
  licenseSummary: { name: 'show license summary', typed: ['show license summary'], outputStarts: [/^License Usage:?$/] },
  licenseUsage: { name: 'show license usage', typed: ['show license usage'], outputStarts: [/^License Authorization:$/] },
  licenseUdi: { name: 'show license udi', typed: ['show license udi'], outputStarts: [/^UDI: PID:|^SlotID\s+PID\s+SN\s+UDI/] },
  licenseTechSupport: { name: 'show license tech support', typed: ['show license tech support', 'show license tech-support'] },
  licenseAuthorization: {
    name: 'show license authorization',
    typed: ['show license authorization'],
    // Captured with the bare command echoed on the first line and no prompt: the echo is the output's first line.
    outputStarts: [/^show license authorization\s*$/],
  },
  techSupportLicense: { name: 'show tech-support license', typed: ['show tech-support license'] },
  licenseRumIdAll: {
    name: 'show license rum id all',
    typed: ['show license rum id all', `show license rum id ${NUMBER}`, 'test license smart rum id-list', 'test license smart rum-report id-list'],
    outputStarts: [/^report_id:\s*\d|^Smart Licensing Usage Report:|^Report Id\s+State\s+Flag/],
  },
  licenseRumIdDetail: { name: 'show license rum id all detail', typed: ['show license rum id all detail', `show license rum id ${NUMBER} detail`] },
  licenseEventlog: {
    name: 'show license eventlog',
    typed: ['show license eventlog', `show license eventlog ${NUMBER}`],
    outputStarts: [/^\*+ Event Log \*+$|SAEVT_/],
  },
  licenseHistoryMessage: { name: 'show license history message', typed: ['show license history message'], outputStarts: [/^Message History \(oldest to newest\):/] },
  licenseDataConversion: { name: 'show license data conversion', typed: ['show license data conversion'] },
  /** Traditional (PAK) licensing on older routers: `Index 1 Feature: securityk9` blocks. */
  license: { name: 'show license', typed: ['show license'] },
  cryptoPkiTrustpool: { name: 'show crypto pki trustpool', typed: ['show crypto pki trustpool', 'show crypto pki trustpool verbose'] },
  runningConfig: { name: 'show running-config', typed: [`show running-config ${REST}`] },
  callHomeProfileAll: { name: 'show call-home profile all', typed: ['show call-home profile all', `show call-home ${REST}`, `show callhome ${REST}`] },
  clock: { name: 'show clock', typed: [`show clock ${REST}`] },
  version: { name: 'show version', typed: ['show version'] },
  ntpStatus: { name: 'show ntp status', typed: ['show ntp status'] },
  ntpPeers: { name: 'show ntp peers', typed: ['show ntp peers', 'show ntp peer-status', 'show ntp associations'] },
  processCpu: { name: 'show process cpu sorted', typed: [`show processes cpu sorted ${REST}`, 'show processes cpu'] },
  // `sorted` may name its column (`sorted holding`); NX-OS prints plain `show processes memory` in another layout.
  processMemory: { name: 'show processes memory sorted', typed: [`show processes memory sorted ${REST}`] },
  logging: { name: 'show logging', typed: [`show logging ${REST}`] },
  ping: { name: 'ping', typed: [`ping ${REST}`] },
  telnet: { name: 'telnet', typed: [`telnet ${REST}`] },
  /** Pseudo-command for syslog lines found outside any command (a syslog-server extract, console messages). */
  syslog: { name: 'syslog' },
  /** Pseudo-command for the `Load for …` / `Time source is …` lines IOS prints above each output (exec prompt timestamp). */
  promptTimestamp: { name: 'exec prompt timestamp' },
  /** Pseudo-command for SSM On-Prem system log lines pasted beside a device's output. */
  onpremLog: { name: 'onprem log' },
  /** A command typed at a prompt that none of the rows above is. */
  unknown: { name: 'unknown' },
} as const satisfies Record<string, CommandRow>;

type CommandKey = keyof typeof COMMAND_TABLE;
export type CommandName = (typeof COMMAND_TABLE)[CommandKey]['name'];

/** Canonical names by key, for code that means one command (`COMMANDS.runningConfig`). */
export const COMMANDS = Object.fromEntries(Object.entries(COMMAND_TABLE).map(([key, row]) => [key, row.name])) as {
  readonly [K in CommandKey]: (typeof COMMAND_TABLE)[K]['name'];
};

/** Every row, in table order. */
export const COMMAND_ROWS: readonly (CommandRow & { readonly name: CommandName })[] = Object.values(COMMAND_TABLE);
