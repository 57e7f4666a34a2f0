// The device model: the shape every stage agrees on, defined once as schemas (common/model/*) from which the types
// below, the empty model (model/empty.ts), the paths parsers fill (common/paths.ts), the CEL type environment
// (rules/model-schema.ts) and the Model JSON Schema (rules/model-json-schema.ts) all follow. A new field is one line
// in the block it belongs to. The JSON printed by `slp-doctor parse --format json` is exactly `ModelDocument` (see
// DESIGN.md, "Model JSON"), its keys in the order written here. Unknown or absent values are null; enumerations are
// lower-case; every time is ISO 8601 UTC.
/* eslint-disable @typescript-eslint/no-empty-object-type -- DeviceModel is an interface named after its schema, so hovers and errors say `DeviceModel`, not its fields */
import { block, count, dictionary, flag, known, list, named, nullable, oneOf, text, time, type Static } from './model/fields.js';
import { DerivedFacts } from './model/derived.js';
import { Account, AuthorizationUdi, HaUdi, Policy, TrustCode, Transport, Udi, UsageReporting } from './model/licensing.js';
import { CliMessage, Diagnostic, HistoryMessage, LicenseEvent, ReachabilityTest, Section, SourceRef, SyslogMessage } from './model/logs.js';
import {
  CallHomeProfile,
  CpuProcess,
  DataConversion,
  DeviceClock,
  DeviceConfig,
  MemoryProcess,
  NtpStatus,
  Trustpool,
} from './model/system.js';
import {
  CommunicationStatistic,
  DataPrivacy,
  LegacySmartLicensing,
  License,
  LicenseConversion,
  ReportChannel,
  RumReport,
  UsageReportSummary,
} from './model/usage.js';

export * from './model/derived.js';
export * from './model/licensing.js';
export * from './model/logs.js';
export * from './model/system.js';
export * from './model/usage.js';

export const PLATFORMS = ['nxos', 'iosxe', 'unknown'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Which licensing the device runs, from what its output shows: Smart Licensing Using Policy, classic Smart
 * Licensing (`Registration:` / `License Authorization:`, before SLP) or traditional licensing (`Index 1 Feature:`).
 */
export const LICENSING_MODES = ['slp', 'smart-licensing', 'traditional'] as const;
export type LicensingMode = (typeof LICENSING_MODES)[number];

const deviceModel = block({
  hostname: text(),
  aliases: list(known.text(), 'Other names the input gives this device (the relaying address of a syslog-server extract)'),
  platform: oneOf(PLATFORMS, undefined, 'unknown'),
  captureTime: time(),
  captureTimeSource: text(
    'where the capture time came from: "show clock" | "time-source" | "current-time" | "newest-timestamp" | "now-option"',
  ),
  softwareVersion: text(),
  agentVersion: text(),
  udi: Udi,
  haUdis: list(HaUdi),
  slpEnabled: flag(),
  licensing: nullable(oneOf(LICENSING_MODES), 'Which licensing the device runs; null when the capture does not show it'),
  reportingMode: text('`Smart Licensing Using Policy:` `Reporting Mode: STANDARD`'),
  utilityEnabled: flag('`Utility: Status: ENABLED | DISABLED`'),
  legacy: nullable(LegacySmartLicensing),
  licenseConversion: nullable(LicenseConversion),
  exportAuthorizedFeatures: list(known.text(), '`Export Authorization Key: Features Authorized:` (empty for `<none>`)'),
  authorizations: list(AuthorizationUdi, 'SLAC state per UDI from `show license authorization` / `License Authorizations`'),
  dataPrivacy: DataPrivacy,
  clock: DeviceClock,
  deviceTelemetry: nullable(ReportChannel),
  productAnalytics: nullable(ReportChannel),
  account: Account,
  transport: Transport,
  policy: Policy,
  usageReporting: UsageReporting,
  trustCode: TrustCode,
  licenses: list(License),
  rumReports: list(RumReport),
  usageReportSummary: nullable(UsageReportSummary),
  communication: list(CommunicationStatistic),
  syslog: list(SyslogMessage),
  events: list(LicenseEvent),
  history: list(HistoryMessage),
  config: DeviceConfig,
  callHomeProfiles: list(CallHomeProfile),
  ntp: NtpStatus,
  cpuProcesses: list(CpuProcess),
  memoryProcesses: list(MemoryProcess, '`show processes memory sorted`'),
  trustpool: nullable(Trustpool, '`show crypto pki trustpool`; null when the command is not in the capture'),
  savedRumReportCount: count(
    '`more <file> | count RUMReport` after `license smart save usage …`: `Number of lines which match regexp = N`',
  ),
  dataConversion: nullable(DataConversion, 'Lines of `show license data conversion`; null when the command is not in the capture'),
  reachability: list(ReachabilityTest),
  messages: list(CliMessage),
  writeEraseOccurred: flag('"Write Erase Occurred: True" in tech support Other Info'),
  derived: DerivedFacts,
  sections: list(Section),
  diagnostics: list(Diagnostic),
  sources: dictionary(SourceRef, 'Source line of each scalar value, keyed by its dotted path (`usageReporting.nextAckDeadline`)'),
  files: list(known.text(), 'The input files this device was read from'),
});
export interface DeviceModel extends Static<typeof deviceModel> {}
export const DeviceModel = named<DeviceModel>(deviceModel);

/**
 * Fields the model builder fills itself (from the sections, the merge and derive.ts); every other field is read by
 * a parser, which is what common/paths.ts offers them.
 */
export const BUILT_BY_MODEL = ['captureTimeSource', 'derived', 'sections', 'diagnostics', 'sources', 'files'] as const satisfies readonly (keyof DeviceModel)[];

export interface ModelDocument {
  schemaVersion: 1;
  devices: DeviceModel[];
}
