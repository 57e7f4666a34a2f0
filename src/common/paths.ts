// Names of the model fields a parser can fill. Scalars are addressed by dotted path and keep a source line each;
// lists are filled item by item. The model builder checks and merges them (model/build.ts).
import type {
  AuthorizationUdi,
  CallHomeProfile,
  CliMessage,
  CommunicationStatistic,
  CpuProcess,
  HaUdi,
  HistoryMessage,
  IpHost,
  License,
  LicenseEvent,
  MemoryProcess,
  NameServer,
  NtpServer,
  PolicyAttribute,
  ReachabilityTest,
  RumReport,
  SyslogMessage,
  TrustCodeUdi,
  TrustpoolCertificate,
} from './device.js';

export const SCALAR_PATHS = [
  'hostname',
  'platform',
  'captureTime',
  'softwareVersion',
  'agentVersion',
  'udi.pid',
  'udi.sn',
  'slpEnabled',
  'licensing',
  'reportingMode',
  'utilityEnabled',
  'licenseConversion.automaticConversionEnabled',
  'licenseConversion.status',
  'licenseConversion.lastDataPush',
  'licenseConversion.lastFileExport',
  'dataPrivacy.sendingHostname',
  'dataPrivacy.callhomeHostnamePrivacy',
  'dataPrivacy.smartLicensingHostnamePrivacy',
  'dataPrivacy.versionPrivacy',
  'clock.timeSource',
  'clock.authoritative',
  'clock.ntpSynchronized',
  'deviceTelemetry.available',
  'deviceTelemetry.dataChannel',
  'deviceTelemetry.reportsOnDisk',
  'deviceTelemetry.notAvailableReason',
  'productAnalytics.available',
  'productAnalytics.dataChannel',
  'productAnalytics.reportsOnDisk',
  'productAnalytics.notAvailableReason',
  'legacy.registrationStatus',
  'legacy.authorizationStatus',
  'legacy.evalMode',
  'account.smartAccount',
  'account.virtualAccount',
  'transport.type',
  'transport.url',
  'transport.csluAddress',
  'transport.proxy.address',
  'transport.proxy.port',
  'transport.proxy.username',
  'transport.proxy.passwordSet',
  'transport.vrf',
  'transport.sourceInterface',
  'transport.ipMode',
  'transport.trustPoint',
  'transport.serverIdentityCheck',
  'transport.onPremTenant',
  'policy.inUse',
  'policy.name',
  'policy.installedAt',
  'policy.reportingAckRequired',
  'usageReporting.lastAckReceived',
  'usageReporting.nextAckDeadline',
  'usageReporting.reportingPushIntervalDays',
  'usageReporting.nextAckPushCheck',
  'usageReporting.nextReportPush',
  'usageReporting.lastReportPush',
  'usageReporting.lastReportFileWrite',
  'usageReporting.reportingPushState',
  'usageReporting.reportingPushInPolicy',
  'trustCode.installedAt',
  'trustCode.installed',
  'trustCode.type',
  'trustCode.overallTrust',
  'trustCode.communicationLevelAllowed',
  'trustCode.overallState',
  'usageReportSummary.total',
  'usageReportSummary.purged',
  'usageReportSummary.ackReceived',
  'usageReportSummary.waitingForAck',
  'usageReportSummary.availableToReport',
  'usageReportSummary.collectingData',
  'usageReportSummary.inStorage',
  'usageReportSummary.mia',
  'usageReportSummary.purgedBracketed',
  'usageReportSummary.waitingForAckBracketed',
  'usageReportSummary.miaBracketed',
  'usageReportSummary.maximumDisplay',
  'usageReportSummary.reportModuleStatus',
  'config.domainName',
  'config.domainLookup',
  'config.httpClientSourceInterface',
  'config.callHome.transportHttpVrf',
  'config.callHome.httpProxy',
  'config.callHome.enabled',
  'config.callHome.sourceInterface',
  'ntp.synchronized',
  'dataConversion.empty',
  'writeEraseOccurred',
  'trustpool.complete',
  'savedRumReportCount',
] as const;

export type ScalarPath = (typeof SCALAR_PATHS)[number];

/** The item type of every list a parser can add to. */
export interface ListItems {
  haUdis: HaUdi;
  aliases: string;
  exportAuthorizedFeatures: string;
  authorizations: AuthorizationUdi;
  memoryProcesses: MemoryProcess;
  'trustpool.certificates': TrustpoolCertificate;
  'policy.attributes': PolicyAttribute;
  'trustCode.udis': TrustCodeUdi;
  licenses: License;
  rumReports: RumReport;
  communication: CommunicationStatistic;
  syslog: SyslogMessage;
  events: LicenseEvent;
  history: HistoryMessage;
  'config.licenseSmartLines': string;
  'config.nameServers': NameServer;
  'config.ipHosts': IpHost;
  'config.ntpServers': NtpServer;
  'config.vrfs': string;
  'config.callHome.httpDestinations': string;
  callHomeProfiles: CallHomeProfile;
  'ntp.peers': string;
  cpuProcesses: CpuProcess;
  'dataConversion.lines': string;
  reachability: ReachabilityTest;
  messages: CliMessage;
}

export type ListPath = keyof ListItems;

/**
 * Lists that are logs: every section adds to them and the builder concatenates (dropping exact repeats of the
 * same file and line). The other lists (but NAME_LISTS) describe state: the most specific section that has the list
 * wins.
 */
export const LOG_LISTS: readonly ListPath[] = ['syslog', 'events', 'history', 'reachability', 'messages'];

/** Lists of names the device goes by: every section's names count, each kept once, in the order first given. */
export const NAME_LISTS: readonly ListPath[] = ['aliases'];

/**
 * Blocks of fields one output block prints together (`Transport:`, `Usage Reporting:`, `Trust Code Installed:`, …):
 * of several files, the newest that shows a block gives all of it, so an old capture's `Cslu address:` does not
 * survive next to a newer `Type: Smart`. Fields outside these blocks (configuration, clock, versions) come one by one.
 */
export const STATE_BLOCKS: readonly string[] = [
  'account',
  'transport',
  'policy',
  'usageReporting',
  'trustCode',
  'usageReportSummary',
  'licenseConversion',
  'dataPrivacy',
  'deviceTelemetry',
  'productAnalytics',
  'legacy',
];
