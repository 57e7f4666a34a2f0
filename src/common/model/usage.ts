// Licenses in use and what the device reports about them: `show license usage` / `summary`, RUM reports, the
// tech-support statistics, and the smaller blocks newer releases print (conversion, privacy, telemetry).
/* eslint-disable @typescript-eslint/no-empty-object-type -- each model type is an interface named after its schema, so hovers and errors say `License`, not its fields */
import { block, count, flag, known, named, text, time, type Static } from './fields.js';

const license = block({
  name: text(),
  entitlementTag: text(),
  description: text(),
  count: count(),
  status: text('"IN USE", "NOT IN USE", "EVAL MODE", …', {
    pattern: '^(?!.*\\(\\d+\\)\\s*$)',
    note: 'trailing "(15)"-style codes dropped',
  }),
  enforcementType: text(),
  licenseType: text(),
});
export interface License extends Static<typeof license> {}
export const License = named<License>(license);

const rumReport = block({
  id: known.integer(),
  state: known.text('ACK, UNACK, OPEN, CLOSED, UNACKNOWLEDGED, …', { pattern: '^[^a-z]*$', note: 'as printed, upper-cased' }),
  flag: text(),
  featureName: text(),
});
export interface RumReport extends Static<typeof rumReport> {}
export const RumReport = named<RumReport>(rumReport);

const usageReportSummary = block({
  total: count(),
  purged: count(),
  ackReceived: count(),
  waitingForAck: count(),
  availableToReport: count(),
  collectingData: count(),
  inStorage: count(),
  mia: count(),
  purgedBracketed: count(
    "The bracketed second number of tech support's `N(M)` pairs (`Purged: 344(344)`); what it counts is not documented",
  ),
  waitingForAckBracketed: count(),
  miaBracketed: count(),
  maximumDisplay: count('`Maximum Display: 366`'),
  reportModuleStatus: text('`Report Module Status: Ready`'),
});
export interface UsageReportSummary extends Static<typeof usageReportSummary> {}
export const UsageReportSummary = named<UsageReportSummary>(usageReportSummary);

const communicationStatistic = block({
  kind: known.kind('The heading: hello-message, trust-establishment, usage-reporting, result-polling, …'),
  total: count(),
  success: count(),
  fail: count(),
  ongoingFailure: count('`Ongoing Failure: Overall=N`'),
  ongoingCommunicationFailure: count(
    '`Ongoing Failure: … Communication=N`: 0 with failures means the server answered (rejected), not unreachable',
  ),
  lastResponse: text(),
  failureReason: text(),
  lastSuccessTime: time(),
  lastFailureTime: time(),
});
export interface CommunicationStatistic extends Static<typeof communicationStatistic> {}
export const CommunicationStatistic = named<CommunicationStatistic>(communicationStatistic);

const legacySmartLicensing = block(
  {
    registrationStatus: text(),
    authorizationStatus: text(),
    evalMode: known.flag(undefined, false),
  },
  'Pre-SLP Smart Licensing (`Smart Licensing is ENABLED`, `Registration:`, `License Authorization:`)',
);
export interface LegacySmartLicensing extends Static<typeof legacySmartLicensing> {}
export const LegacySmartLicensing = named<LegacySmartLicensing>(legacySmartLicensing);

const licenseConversion = block(
  {
    automaticConversionEnabled: flag(),
    status: text('`Status: Not started`, as printed'),
    lastDataPush: time(),
    lastFileExport: time(),
  },
  '`License Conversion:` of newer releases',
);
export interface LicenseConversion extends Static<typeof licenseConversion> {}
export const LicenseConversion = named<LicenseConversion>(licenseConversion);

const dataPrivacy = block(
  {
    sendingHostname: flag(),
    callhomeHostnamePrivacy: flag(),
    smartLicensingHostnamePrivacy: flag(),
    versionPrivacy: flag(),
  },
  '`Data Privacy:` flags (privacy ENABLED / Sending Hostname yes = true)',
);
export interface DataPrivacy extends Static<typeof dataPrivacy> {}
export const DataPrivacy = named<DataPrivacy>(dataPrivacy);

const reportChannel = block(
  {
    available: flag('false for `NOT AVAILABLE` / a `Not Available Reason:`; true for `Data Channel: AVAILABLE`'),
    dataChannel: text(),
    reportsOnDisk: count(),
    notAvailableReason: text(),
  },
  '`Device Telemetry Report Summary:` / `Product Analytics Report Summary:` (newer releases), or the older one-line `Device Telemetry: NOT AVAILABLE`',
);
export interface ReportChannel extends Static<typeof reportChannel> {}
export const ReportChannel = named<ReportChannel>(reportChannel);
