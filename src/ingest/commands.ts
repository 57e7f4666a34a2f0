// Canonical names of the commands slp-doctor reads. Ingest maps whatever was typed or printed in a header
// (`sh lic stat`, `show lic all`, `------------------ show license status ------------------`) to one of these;
// the parser registry is keyed by them.
export const COMMANDS = {
  licenseStatus: 'show license status',
  licenseAll: 'show license all',
  licenseSummary: 'show license summary',
  licenseUsage: 'show license usage',
  licenseUdi: 'show license udi',
  licenseTechSupport: 'show license tech support',
  licenseAuthorization: 'show license authorization',
  techSupportLicense: 'show tech-support license',
  licenseRumIdAll: 'show license rum id all',
  licenseRumIdDetail: 'show license rum id all detail',
  licenseEventlog: 'show license eventlog',
  licenseHistoryMessage: 'show license history message',
  licenseDataConversion: 'show license data conversion',
  /** Traditional (PAK) licensing on older routers: `Index 1 Feature: securityk9` blocks. */
  license: 'show license',
  cryptoPkiTrustpool: 'show crypto pki trustpool',
  runningConfig: 'show running-config',
  callHomeProfileAll: 'show call-home profile all',
  clock: 'show clock',
  version: 'show version',
  ntpStatus: 'show ntp status',
  ntpPeers: 'show ntp peers',
  processCpu: 'show process cpu sorted',
  processMemory: 'show processes memory sorted',
  logging: 'show logging',
  ping: 'ping',
  telnet: 'telnet',
  /** Pseudo-command for syslog lines found outside any command (a syslog-server extract, console messages). */
  syslog: 'syslog',
  /** Pseudo-command for the `Load for …` / `Time source is …` lines IOS prints above each output (exec prompt timestamp). */
  promptTimestamp: 'exec prompt timestamp',
  /** Pseudo-command for SSM On-Prem system log lines pasted beside a device's output. */
  onpremLog: 'onprem log',
  unknown: 'unknown',
} as const;

export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];
