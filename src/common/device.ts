// The device model: the shape every stage agrees on. It lives in common/ (types only, no code) so that
// parsers can describe what they extract and the model builder can merge it, without either importing the other.
// The JSON printed by `slp-doctor parse --format json` is exactly `ModelDocument` (see DESIGN.md, "Model JSON").
// Unknown or absent values are null; enumerations are lower-case; every time is ISO 8601 UTC.

export type Platform = 'nxos' | 'iosxe' | 'unknown';
/** `automatic` is a configured transport (`license smart transport automatic`), not a destination. */
export type TransportType = 'smart' | 'cslu' | 'callhome' | 'off' | 'automatic';
/**
 * Which licensing the device runs, from what its output shows: Smart Licensing Using Policy, classic Smart
 * Licensing (`Registration:` / `License Authorization:`, before SLP) or traditional licensing (`Index 1 Feature:`).
 */
export type LicensingMode = 'slp' | 'smart-licensing' | 'traditional';
export type HaRole = 'active' | 'standby' | 'member';
export type PolicyCategory =
  | 'unenforced'
  | 'unenforced-perpetual'
  | 'unenforced-subscription'
  | 'enforced'
  | 'export';

/** Where a value came from: the input file and the 1-based line number in it. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface Udi {
  pid: string | null;
  sn: string | null;
}

export interface HaUdi extends Udi {
  role: HaRole;
}

export interface Proxy {
  address: string | null;
  port: number | null;
  username: string | null;
  /** true when a password is configured; the password itself is never kept. */
  passwordSet: boolean | null;
}

export interface Transport {
  type: TransportType | null;
  /** Smart URL, or the CSLU / On-Prem URL when one is configured. */
  url: string | null;
  csluAddress: string | null;
  proxy: Proxy;
  vrf: string | null;
  sourceInterface: string | null;
  /** `IP Mode: IPv4 ONLY` (newer releases), as printed. */
  ipMode: string | null;
  /** `Trust Point: SLA-TrustPoint` (newer releases). */
  trustPoint: string | null;
  /** `Server Identity Check: True` (tech support). */
  serverIdentityCheck: boolean | null;
  /**
   * The SSM On-Prem tenant of a CSLU-style URL (`http://<addr>/cslu/v1/pi/<tenant>`), URL-decoded
   * (`CUBE Regression Mirabile-1`); null for a standalone CSLU URL or none.
   */
  onPremTenant: string | null;
}

export interface PolicyAttribute {
  category: PolicyCategory;
  firstReportDays: number | null;
  reportingFrequencyDays: number | null;
  reportOnChangeDays: number | null;
  /** "CISCO default", "Installed", … as printed in brackets after the value. */
  source: string | null;
}

export interface Policy {
  inUse: string | null;
  name: string | null;
  installedAt: string | null;
  reportingAckRequired: boolean | null;
  attributes: PolicyAttribute[];
}

export interface UsageReporting {
  lastAckReceived: string | null;
  nextAckDeadline: string | null;
  reportingPushIntervalDays: number | null;
  nextAckPushCheck: string | null;
  nextReportPush: string | null;
  lastReportPush: string | null;
  lastReportFileWrite: string | null;
  /** Tech support's `Reporting push interval: 30  days State(4) InPolicy(60)`: the State number. */
  reportingPushState: number | null;
  /** …and the InPolicy number. */
  reportingPushInPolicy: number | null;
}

export interface TrustCodeUdi extends Udi {
  role: HaRole | null;
  installedAt: string | null;
  /**
   * Explicit evidence for this UDI: true for `INSTALLED on …` / `Trust Data INSTALLED`, false for `<none>` /
   * `No Trust Data`; null when the output says neither.
   */
  installed: boolean | null;
  /** `Valid on <date>` (agent 6.3 and later). */
  validFrom: string | null;
  /** `Expired on <date>`; null when not printed or printed as the epoch (`Jan 01 00:00:00 1970`, no expiry). */
  expiresAt: string | null;
  /** `Trust Code Type: CSSM` */
  type: string | null;
}

export interface TrustCode {
  /** The newest installation time shown for the device, null when `<none>`. */
  installedAt: string | null;
  /**
   * Whether the output shows trust: true when a trust code is shown installed (any layout: a date, a per-UDI
   * `INSTALLED on`, `Trust Code Type: CSSM`, `Overall Trust: INSTALLED`); false only on explicit evidence of none
   * (`Trust Code Installed: <none>`, every UDI `<none>`, `Overall Trust: No ID`); null when the capture does not say.
   * When UDIs disagree, true when any has trust (trust-code-missing-standby reads the UDIs).
   */
  installed: boolean | null;
  /** `Trust Code Type: CSSM` on the heading line (agent 6.3 and later). */
  type: string | null;
  /** Tech support Other Info `Overall Trust: INSTALLED (2)` / `No ID`, as printed without the bracketed code. */
  overallTrust: string | null;
  /** Tech support `Communication Level Allowed: DIRECT | INDIRECT` (DIRECT goes with trust installed). */
  communicationLevelAllowed: string | null;
  /** Tech support `Overall State: …` (`Insufficient trust for direct communication`, …); null for `<empty>`. */
  overallState: string | null;
  udis: TrustCodeUdi[];
}

/** `show license authorization` / `License Authorizations`: the SLAC state per UDI. */
export interface AuthorizationUdi extends Udi {
  role: HaRole | null;
  /** As printed, upper-cased: `SMART AUTHORIZATION INSTALLED`, `NOT INSTALLED`, … (the date is not kept here). */
  status: string | null;
  installed: boolean | null;
  installedAt: string | null;
  confirmationCode: string | null;
}

/** `License Conversion:` of newer releases. */
export interface LicenseConversion {
  automaticConversionEnabled: boolean | null;
  /** `Status: Not started`, as printed. */
  status: string | null;
  lastDataPush: string | null;
  lastFileExport: string | null;
}

/** `Data Privacy:` flags (privacy ENABLED / Sending Hostname yes = true). */
export interface DataPrivacy {
  sendingHostname: boolean | null;
  callhomeHostnamePrivacy: boolean | null;
  smartLicensingHostnamePrivacy: boolean | null;
  versionPrivacy: boolean | null;
}

/**
 * `Device Telemetry Report Summary:` / `Product Analytics Report Summary:` (newer releases), or the older one-line
 * `Device Telemetry: NOT AVAILABLE`.
 */
export interface ReportChannel {
  /** false for `NOT AVAILABLE` / a `Not Available Reason:`; true for `Data Channel: AVAILABLE`. */
  available: boolean | null;
  dataChannel: string | null;
  reportsOnDisk: number | null;
  notAvailableReason: string | null;
}

/** The device clock as the capture shows it. */
export interface DeviceClock {
  /**
   * `Time source is NTP, …` → `NTP`; `hardware calendar`, `user configuration`; `No time source` → `none`; as printed,
   * lower-case except NTP / SNTP.
   */
  timeSource: string | null;
  /** false when the device marks its time `*` (never set, not authoritative); true for an unmarked or `.` time. */
  authoritative: boolean | null;
  /**
   * Synchronised to NTP: `Clock sync-ed with NTP: True|False` (tech support), `show ntp status`, or a time-source
   * header (`NTP` with no mark: true; `.` or `*`: false).
   */
  ntpSynchronized: boolean | null;
}

/** One CA certificate of `show crypto pki trustpool`. */
export interface TrustpoolCertificate {
  /** The `cn=` of the Subject (`IdenTrust Commercial Root CA 1`). */
  subject: string | null;
  /** `Trustpool: Downloaded | Built-In` */
  origin: string | null;
  /** `end date:` as ISO UTC */
  validUntil: string | null;
}

export interface Trustpool {
  certificates: TrustpoolCertificate[];
  /** false when the output was cut (`<<output snipped>>`, a pager quit): absence of a CA then proves nothing. */
  complete: boolean;
}

/** One row of `show processes memory sorted`. */
export interface MemoryProcess {
  name: string;
  /** Bytes held (`Holding`). */
  holding: number;
}

export interface License {
  name: string | null;
  entitlementTag: string | null;
  description: string | null;
  count: number | null;
  /** "IN USE", "NOT IN USE", "EVAL MODE", …: trailing "(15)"-style codes dropped. */
  status: string | null;
  enforcementType: string | null;
  licenseType: string | null;
}

export interface RumReport {
  id: number;
  /** As printed, upper-cased: ACK, UNACK, OPEN, CLOSED, UNACKNOWLEDGED, … */
  state: string;
  flag: string | null;
  featureName: string | null;
}

export interface UsageReportSummary {
  total: number | null;
  purged: number | null;
  ackReceived: number | null;
  waitingForAck: number | null;
  availableToReport: number | null;
  collectingData: number | null;
  inStorage: number | null;
  mia: number | null;
  /** The bracketed second number of tech support's `N(M)` pairs (`Purged: 344(344)`); what it counts is not documented. */
  purgedBracketed: number | null;
  waitingForAckBracketed: number | null;
  miaBracketed: number | null;
  /** `Maximum Display: 366` */
  maximumDisplay: number | null;
  /** `Report Module Status: Ready` */
  reportModuleStatus: string | null;
}

export interface CommunicationStatistic {
  /** kebab-case of the heading: hello-message, trust-establishment, usage-reporting, result-polling, … */
  kind: string;
  total: number | null;
  success: number | null;
  fail: number | null;
  /** `Ongoing Failure: Overall=N` */
  ongoingFailure: number | null;
  /** `Ongoing Failure: … Communication=N`: 0 with failures means the server answered (rejected), not unreachable. */
  ongoingCommunicationFailure: number | null;
  lastResponse: string | null;
  failureReason: string | null;
  lastSuccessTime: string | null;
  lastFailureTime: string | null;
}

export interface SyslogMessage {
  /** ISO UTC, or null when the stamp could not be read. */
  time: string | null;
  host: string | null;
  facility: string;
  severity: number;
  mnemonic: string;
  text: string;
  line: number;
  file: string;
  /**
   * Licensing message name common to both platforms: NX-OS `LICMGR-3-LOG_SMART_LIC_COMM_FAILED` and IOS-XE
   * `SMART_LIC-3-COMM_FAILED` are both `COMM_FAILED`. Messages of other facilities that speak of licensing carry
   * their mnemonic (`%CALL_HOME-5-SL_MESSAGE_FAILED` → `SL_MESSAGE_FAILED`, `%PKI-6-AUTHORITATIVE_CLOCK`); null for
   * the rest (`%SYS-5-CONFIG_I`, `%ETHPORT-…`).
   */
  name: string | null;
  /**
   * Which meaning a message printed with two carries, from its text: EXPORT_CONTROLLED `allowed` (`… is allowed for
   * feature hseck9`) or `not-allowed`; null for messages with one meaning.
   */
  variant: string | null;
  /** true when the year of `time` was not printed and was taken from the capture time. */
  yearInferred: boolean;
}

export interface LicenseEvent {
  time: string | null;
  type: string;
  attrs: Record<string, string>;
  line: number;
  file: string;
}

export interface HistoryMessage {
  /** kebab-case of the heading in `show license history message`: trust-establishment, usage-reporting, … */
  kind: string;
  time: string | null;
  /** The first line of the message body (request/response summary); the XML is not kept. */
  summary: string;
  line: number;
  file: string;
}

export interface Section {
  command: string;
  startLine: number;
  endLine: number;
  /** Registry id of the parser that read it, or null when the section was skipped. */
  parser: string | null;
  file: string;
}

export interface Diagnostic {
  line: number;
  message: string;
  file: string;
}

export interface NameServer {
  address: string;
  vrf: string | null;
}

export interface NtpServer {
  address: string;
  prefer: boolean;
  vrf: string | null;
}

export interface IpHost {
  name: string;
  addresses: string[];
}

export interface CallHomeConfig {
  /** `destination-profile … http …` / `destination address http …` URLs in the callhome block */
  httpDestinations: string[];
  /** `transport http use-vrf <vrf>` */
  transportHttpVrf: string | null;
  /** `transport http proxy server …` */
  httpProxy: string | null;
  enabled: boolean | null;
  /** NX-OS `source-interface <if>` under callhome (10.3(2)F and later) */
  sourceInterface: string | null;
}

/** Configuration from `show running-config` and friends; rules read DNS, NTP and HTTP client settings here. */
export interface DeviceConfig {
  /** Every `license smart …` configuration line, as written (without leading spaces). */
  licenseSmartLines: string[];
  nameServers: NameServer[];
  domainName: string | null;
  /** true for `ip domain-lookup`, false for `no ip domain-lookup`, null when not shown */
  domainLookup: boolean | null;
  ipHosts: IpHost[];
  ntpServers: NtpServer[];
  httpClientSourceInterface: string | null;
  vrfs: string[];
  callHome: CallHomeConfig | null;
}

export interface CallHomeProfile {
  name: string;
  /** "active" | "inactive" as printed, lower-cased */
  status: string | null;
  httpDestinations: string[];
  transportMethod: string | null;
}

export interface NtpStatus {
  /** true when `show ntp status` / `show clock` says the clock is synchronised to NTP */
  synchronized: boolean | null;
  peers: string[];
}

export interface CpuProcess {
  name: string;
  /** 5-second CPU percentage (IOS-XE) or total % (NX-OS) */
  percent: number;
}

/** A `ping` / `telnet` / `nslookup` / `curl`-style reachability check quoted in a paste. */
export interface ReachabilityTest {
  command: string;
  target: string;
  result: 'success' | 'failure' | 'unresolved' | 'unknown';
  line: number;
  file: string;
}

/** A line of command output that states a result or an error (`% Invalid host/interface`, `Failure: …`, On-Prem log lines). */
export interface CliMessage {
  command: string;
  text: string;
  line: number;
  file: string;
}

/** Pre-SLP Smart Licensing (`Smart Licensing is ENABLED`, `Registration:`, `License Authorization:`). */
export interface LegacySmartLicensing {
  registrationStatus: string | null;
  authorizationStatus: string | null;
  evalMode: boolean;
}

export interface DeviceModel {
  hostname: string | null;
  /** Other names the input gives this device (the relaying address of a syslog-server extract). */
  aliases: string[];
  platform: Platform;
  captureTime: string | null;
  /** where the capture time came from: "show clock" | "time-source" | "current-time" | "newest-timestamp" | "now-option" */
  captureTimeSource: string | null;
  softwareVersion: string | null;
  agentVersion: string | null;
  udi: Udi;
  haUdis: HaUdi[];
  slpEnabled: boolean | null;
  /** Which licensing the device runs; null when the capture does not show it. */
  licensing: LicensingMode | null;
  /** `Smart Licensing Using Policy:` `Reporting Mode: STANDARD` */
  reportingMode: string | null;
  /** `Utility: Status: ENABLED | DISABLED` */
  utilityEnabled: boolean | null;
  legacy: LegacySmartLicensing | null;
  licenseConversion: LicenseConversion | null;
  /** `Export Authorization Key: Features Authorized:` (empty for `<none>`). */
  exportAuthorizedFeatures: string[];
  /** SLAC state per UDI from `show license authorization` / `License Authorizations`. */
  authorizations: AuthorizationUdi[];
  dataPrivacy: DataPrivacy;
  clock: DeviceClock;
  deviceTelemetry: ReportChannel | null;
  productAnalytics: ReportChannel | null;
  account: { smartAccount: string | null; virtualAccount: string | null };
  transport: Transport;
  policy: Policy;
  usageReporting: UsageReporting;
  trustCode: TrustCode;
  licenses: License[];
  rumReports: RumReport[];
  usageReportSummary: UsageReportSummary | null;
  communication: CommunicationStatistic[];
  syslog: SyslogMessage[];
  events: LicenseEvent[];
  history: HistoryMessage[];
  config: DeviceConfig;
  callHomeProfiles: CallHomeProfile[];
  ntp: NtpStatus;
  cpuProcesses: CpuProcess[];
  /** `show processes memory sorted` */
  memoryProcesses: MemoryProcess[];
  /** `show crypto pki trustpool`; null when the command is not in the capture. */
  trustpool: Trustpool | null;
  /** `more <file> | count RUMReport` after `license smart save usage …`: `Number of lines which match regexp = N`. */
  savedRumReportCount: number | null;
  /** Lines of `show license data conversion`; null when the command is not in the capture. */
  dataConversion: { empty: boolean; lines: string[] } | null;
  reachability: ReachabilityTest[];
  messages: CliMessage[];
  /** "Write Erase Occurred: True" in tech support Other Info */
  writeEraseOccurred: boolean | null;
  /** Facts derived from the fields above (topology, communication state, reporting status); see model/derive. */
  derived: DerivedFacts;
  sections: Section[];
  diagnostics: Diagnostic[];
  /** Source line of each scalar value, keyed by its dotted path (`usageReporting.nextAckDeadline`). */
  sources: Record<string, SourceRef>;
  /** The input files this device was read from. */
  files: string[];
}

export type Topology =
  | 'cslu'
  | 'cslu-disconnected'
  | 'direct-smart'
  | 'direct-callhome'
  | 'onprem'
  | 'onprem-disconnected'
  | 'offline'
  | 'unknown';

export type Destination = 'cssm' | 'cslu' | 'onprem' | 'callhome' | 'unknown';

export interface DestinationState {
  destination: Destination;
  /** failing: last event is a failure; restored: failed then restored; flapping: restored and failed again at least twice */
  state: 'failing' | 'restored' | 'flapping' | 'ok';
  failures: number;
  restores: number;
  firstFailure: string | null;
  lastFailure: string | null;
  lastRestore: string | null;
  /** The text of the last failure message (after the mnemonic). */
  lastFailureText: string | null;
}

export interface ReportingStatus {
  /** Days from capture time to Next ACK deadline (negative when overdue), null when unknown. */
  daysToAckDeadline: number | null;
  ackOverdue: boolean;
  /** Days the Next report push lies before the capture time (positive = overdue), null when unknown. */
  reportPushOverdueDays: number | null;
  /** Hours since Last report push without a later ACK, null when no push or ACK after it. */
  ackPendingHours: number | null;
  /**
   * An ACK (not later than the capture time) arrived at or after the last report push and the last report file
   * write: the last report was acknowledged.
   */
  ackedSinceLastReport: boolean;
  /**
   * Reporting is happening on its own: transport is not off, the last report was acknowledged, no communication or
   * usage-reporting exchange is failing, and the next report push (when shown) falls before the Next ACK deadline.
   */
  onTrack: boolean;
  /**
   * Days left on the newest `REPORTING_REQUIRED` alert (`… will be required in N days`) that no ACK followed: its time
   * plus N, against the capture time (N itself when either is unknown); null when there is no such alert.
   */
  requiredInDays: number | null;
}

/**
 * What the failures of one kind of exchange show. `no-answer`: nothing came back (`NO REPLY`, a send error,
 * `Communication=N` above 0). `rejected`: the server answered and refused the request (`INVALID STATUS CODE`,
 * `OK_TRY_AGAIN`, `Communication=0`). `not-sent`: the device could not build the request (`BUILD REQUEST ERROR`).
 */
export type ExchangeFailure = 'no-answer' | 'rejected' | 'not-sent' | 'unknown';

/** A kind of exchange of the tech-support Communication Statistics that is still failing at the capture time. */
export interface FailingExchange {
  /** As in `communication`: hello-message, usage-reporting, result-polling, … */
  kind: string;
  /** `Ongoing Failure: Overall=N` */
  ongoingFailure: number;
  failure: ExchangeFailure;
  lastResponse: string | null;
  failureReason: string | null;
  lastFailureTime: string | null;
}

export interface DerivedFacts {
  topology: Topology;
  /** Why that topology was inferred, for the report header and `rules explain`. */
  topologyReason: string;
  onPrem: boolean;
  communication: DestinationState[];
  /** true when some destination is in state failing or flapping */
  liveCommFailure: boolean;
  /**
   * Exchanges the Communication Statistics show failing now (`Ongoing Failure: Overall` above 0), without those a
   * later success superseded: a success of the same kind after the last failure or, for failures without an answer,
   * a success of any kind (the server was reached since). Successes later than the capture time do not count.
   */
  failingExchanges: FailingExchange[];
  reporting: ReportingStatus;
  trustInstalled: boolean;
  /**
   * NTP synchronisation as far as the capture shows it: `show ntp status` (ntp.synchronized), else the clock's state
   * (clock.ntpSynchronized: `show clock`, the prompt-timestamp header, tech support), else false when PKI reported a
   * non-authoritative clock.
   */
  clockSynchronized: boolean | null;
  /**
   * Virtual Accounts of all devices in this analysis that report through the same standalone CSLU as this one
   * (same CSLU URL or address), this device's included. Standalone CSLU serves one SA/VA.
   */
  csluVirtualAccounts: string[];
}

export interface ModelDocument {
  schemaVersion: 1;
  devices: DeviceModel[];
}
