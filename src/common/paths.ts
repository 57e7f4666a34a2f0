// Names of the model fields a parser can fill. Scalars are addressed by dotted path and keep a source line each;
// lists are filled item by item. The model builder checks and merges them (model/build.ts).
import type {
  CallHomeProfile,
  CliMessage,
  CommunicationStatistic,
  CpuProcess,
  HaUdi,
  HistoryMessage,
  IpHost,
  License,
  LicenseEvent,
  NameServer,
  NtpServer,
  PolicyAttribute,
  ReachabilityTest,
  RumReport,
  SyslogMessage,
  TrustCodeUdi,
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
  'trustCode.installedAt',
  'usageReportSummary.total',
  'usageReportSummary.purged',
  'usageReportSummary.ackReceived',
  'usageReportSummary.waitingForAck',
  'usageReportSummary.availableToReport',
  'usageReportSummary.collectingData',
  'usageReportSummary.inStorage',
  'usageReportSummary.mia',
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
] as const;

export type ScalarPath = (typeof SCALAR_PATHS)[number];

/** The item type of every list a parser can add to. */
export interface ListItems {
  haUdis: HaUdi;
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
 * same file and line). The other lists describe state: the most specific section that has the list wins.
 */
export const LOG_LISTS: readonly ListPath[] = ['syslog', 'events', 'history', 'reachability', 'messages'];
