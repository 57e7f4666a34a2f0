// The grammar of the Smart Agent's status report, as printed by `show license status`, `show license all` and
// `show license tech support`: a sequence of parts and blocks, each introduced by its title or heading. Context
// gives a repeated heading its meaning: `Usage Reporting:` opens the reporting block at the top level but is a
// message kind inside Communication Statistics; `Transport: Callhome` under Other Info is just another Other Info
// line. The top level never fails: a line no block reads is taken by `unrecognised`, and the extractor reports it.
import { CstParser, type CstNode, type IOrAlt, type TokenType } from 'chevrotain';
import * as t from './lexer.js';
import { grammarConfig } from '../grammar-options.js';

// What each block reads after its heading, in any order. The first listed wins where tokens overlap (a specific
// field before the generic `Label: value` it also matches).
const UTILITY = [t.Status, t.KeyValue, t.GenericHeading, t.BareValue];
const SLP_STATUS = [t.Status, t.ReportingMode];
const ACCOUNT = [t.SmartAccount, t.VirtualAccount];
const DATA_PRIVACY = [
  t.SendingHostname,
  t.CallhomeHostnamePrivacy,
  t.SmartLicensingHostnamePrivacy,
  t.VersionPrivacy,
  t.KeyValue,
];
const FREE_FIELDS = [t.KeyValue];
const TRANSPORT = [
  t.TransportTypeField,
  t.Url,
  t.CsluAddress,
  t.ProxyHeading,
  t.ProxyAddress,
  t.ProxyPort,
  t.ProxyUsername,
  t.ProxyPassword,
  t.VrfHeading,
  t.Vrf,
  t.SourceInterface,
  t.ServerIdentityCheck,
  t.IpMode,
  t.TrustPoint,
  t.BareValue,
];
const POLICY_CATEGORIES = [
  t.UnenforcedPerpetualHeading,
  t.UnenforcedSubscriptionHeading,
  t.UnenforcedHeading,
  t.EnforcedHeading,
  t.ExportHeading,
];
const POLICY_DAYS = [t.FirstReport, t.ReportingFrequency, t.ReportOnChange];
const USAGE_REPORTING = [
  t.LastAckReceived,
  t.NextAckDeadline,
  t.ReportingPushInterval,
  t.NextAckPushCheck,
  t.NextReportPush,
  t.LastReportPush,
  t.LastReportFileWrite,
];
const TRUST_CODE = [t.UdiRoleLine, t.DateLine, t.ExpiryLine, t.TrustCodeType, t.TrustAttributes, t.BareValue];
const LEGACY_HEADINGS = [t.RegistrationHeading, t.LicenseAuthorizationHeading, t.EvaluationPeriodHeading];
const LEGACY_FIELDS = [t.Status, t.SmartAccount, t.VirtualAccount, t.KeyValue, t.GenericHeading, t.BareValue];
const CONVERSION = [t.AutomaticConversion, t.Status, t.LastDataPush, t.LastFileExport];
/** A feature may print as `name (description):`, `name: …` or a bare word. */
const EXPORT_AUTHORIZATION_KEY = [t.FeaturesAuthorizedHeading, t.BareValue, t.LicenseHeading, t.KeyValue, t.OtherLine];
const LICENSE_HEADINGS = [t.Handle, t.LicenseHeading];
const LICENSE_FIELDS = [
  t.LicenseName,
  t.EntitlementTag,
  t.Description,
  t.Count,
  t.Status,
  t.FeatureName,
  t.FeatureDescription,
  t.EnforcementType,
  t.LicenseType,
  t.MeasurementsHeading,
  // `Application HA Info:` / `Peer Info:` of an application HA pair name the peer's UDI (`UDI: P:…,S:…`).
  t.UdiField,
  t.KeyValue,
  t.GenericHeading,
  t.BareValue,
];
const HA_UDIS = [t.UdiRoleLine];
const AUTHORIZATION_STARTS = [t.LicenseAuthorizationsTitle, t.AuthorizationEcho, t.OverallStatusHeading];
const AUTHORIZATION_LINES = [
  t.Underline,
  t.LastDataPush,
  t.LastFileExport,
  t.OverallStatusHeading,
  t.UdiRoleLine,
  t.Status,
  t.LastConfirmationCode,
  t.AuthorizationsHeading,
  t.PurchasedLicensesHeading,
  t.NoPurchaseInformation,
  t.DerivedLicensesHeading,
  t.EntitlementTag,
  t.LicenseHeading,
  t.Description,
  t.EnforcementType,
  t.LicenseType,
  t.KeyValue,
  t.GenericHeading,
  t.BareValue,
];
const SCHEDULED_JOBS = [t.Underline, t.CurrentTime, t.AnyField, t.GenericHeading, t.BareValue];
const COMMUNICATION_LEVEL = [t.Underline, t.CommunicationLevelAllowed, t.OverallState];
const MESSAGE_KIND = [t.Attempts, t.OngoingFailure, t.LastResponse, t.FailureReason, t.LastSuccessTime, t.LastFailureTime];
const USAGE_REPORT_SUMMARY = [
  t.Underline,
  t.SummaryTotal,
  t.SummaryAckReceived,
  t.SummaryWaitingForAck,
  t.SummaryAvailableToReport,
  t.SummaryCollectingData,
  t.SummaryMaximumDisplay,
  t.SummaryInStorage,
  t.SummaryMia,
  t.SummaryReportModuleStatus,
  t.KeyValue,
];
const REPORT_CHANNEL_TITLES = [t.DeviceTelemetryTitle, t.ProductAnalyticsTitle];
const REPORT_CHANNEL = [t.Underline, t.DataChannel, t.ReportsOnDisk, t.NotAvailableReason];
const OTHER_INFO = [t.Underline, t.WriteEraseOccurred, t.BodyLine];
const UNSTORED_TITLES = [t.LicenseCertificatesTitle, t.HaInfoTitle, t.ReservationInfoTitle, t.MappingTableTitle];
const ANY_LINE = [t.Underline, t.BodyLine];
/** Lines that stand alone at the top level. */
const SINGLE_LINES = [
  t.PartTitle,
  t.SmartLicensingIs,
  t.NoLicensesInUse,
  t.UdiField,
  t.AgentVersion,
  t.CurrentTime,
  t.SmartAccount,
  t.VirtualAccount,
  t.DeviceTelemetry,
  // Trust as agent 5.x tech support shows it (under Other Info, read here too when a paste cut the title off).
  t.OverallTrust,
  t.TrustDataLine,
  t.Elision,
];

class StatusGrammar extends CstParser {
  constructor() {
    super(t.allTokens, { recoveryEnabled: false, nodeLocationTracking: 'onlyOffset', ...grammarConfig(1) });
    this.performSelfAnalysis();
  }

  // Alternatives are built once and reused: building them on every call would allocate on every line parsed.
  private readonly cache = new Map<unknown, IOrAlt<unknown>[]>();

  private alternatives(key: unknown, build: () => IOrAlt<unknown>[]): IOrAlt<unknown>[] {
    let alternatives = this.cache.get(key);
    if (!alternatives) {
      alternatives = build();
      this.cache.set(key, alternatives);
    }
    return alternatives;
  }

  /** `index` numbers the CONSUME calls, so that a token may both open a block and recur inside it. */
  private consumers(tokens: readonly TokenType[], index = 0): IOrAlt<unknown>[] {
    const key = index === 0 ? tokens : `${index}:${tokens.map((token) => token.name).join()}`;
    return this.alternatives(key, () => tokens.map((token) => ({ ALT: () => this.consume(index, token) })));
  }

  // Chevrotain numbers repeated DSL calls within one rule (OR1, OR2, …): these helpers take their own numbers so a
  // rule may use both, next to a plain OR/MANY of its own.

  /** Consume one of the given tokens. */
  private oneOf(tokens: readonly TokenType[]): void {
    this.OR1(this.consumers(tokens, 1));
  }

  /** Consume any number of the given tokens, in any order. */
  private anyOf(tokens: readonly TokenType[]): void {
    const alternatives = this.consumers(tokens);
    this.MANY2(() => this.OR2({ IGNORE_AMBIGUITIES: true, DEF: alternatives }));
  }

  report = this.RULE('report', () => {
    this.MANY(() => this.SUBRULE(this.part));
  });

  /** A part with a title, a block with a heading, a line on its own, or (last) a line nothing reads. */
  part = this.RULE('part', () => {
    const blocks = this.alternatives('part', () => [
      ...[
        this.scheduledJobs,
        this.communicationStatistics,
        this.usageReportSummary,
        this.otherInfo,
        this.unstoredPart,
        this.utility,
        this.smartLicensingUsingPolicy,
        this.accountInformation,
        this.dataPrivacy,
        this.transport,
        this.policy,
        this.policyAttributes,
        this.miscellaneous,
        this.usageReporting,
        this.trustCode,
        this.legacyStatus,
        this.licenseConversion,
        this.exportAuthorizationKey,
        this.licenseAuthorizations,
        this.reportChannel,
        this.license,
        this.haUdiList,
      ].map((rule) => ({ ALT: () => this.SUBRULE(rule) })),
      ...SINGLE_LINES.map((token) => ({ ALT: () => this.CONSUME(token) })),
      { ALT: () => this.CONSUME(t.BodyLine) },
    ]);
    this.OR({ IGNORE_AMBIGUITIES: true, DEF: blocks });
  });

  // Smart Licensing Status

  utility = this.RULE('utility', () => {
    this.CONSUME(t.UtilityHeading);
    this.anyOf(UTILITY);
  });

  smartLicensingUsingPolicy = this.RULE('smartLicensingUsingPolicy', () => {
    this.CONSUME(t.SlpHeading);
    this.anyOf(SLP_STATUS);
  });

  accountInformation = this.RULE('accountInformation', () => {
    this.CONSUME(t.AccountInformationHeading);
    this.anyOf(ACCOUNT);
  });

  dataPrivacy = this.RULE('dataPrivacy', () => {
    this.CONSUME(t.DataPrivacyHeading);
    this.anyOf(DATA_PRIVACY);
  });

  transport = this.RULE('transport', () => {
    this.CONSUME(t.TransportHeading);
    this.anyOf(TRANSPORT);
  });

  policy = this.RULE('policy', () => {
    this.CONSUME(t.PolicyHeading);
    const fields = this.alternatives('policy', () => [
      { ALT: () => this.CONSUME(t.PolicyInUse) },
      { ALT: () => this.CONSUME(t.PolicyName) },
      { ALT: () => this.CONSUME(t.AckRequired) },
      { ALT: () => this.SUBRULE(this.policyAttributes) },
    ]);
    this.MANY(() => this.OR(fields));
  });

  /** `Unenforced/Non-Export Perpetual Attributes:` and its three day counts. */
  policyAttributes = this.RULE('policyAttributes', () => {
    this.oneOf(POLICY_CATEGORIES);
    this.anyOf(POLICY_DAYS);
  });

  miscellaneous = this.RULE('miscellaneous', () => {
    this.CONSUME(t.MiscellaneousHeading);
    this.anyOf(FREE_FIELDS);
  });

  usageReporting = this.RULE('usageReporting', () => {
    this.CONSUME(t.UsageReportingHeading);
    this.anyOf(USAGE_REPORTING);
  });

  trustCode = this.RULE('trustCode', () => {
    this.CONSUME(t.TrustCodeInstalled);
    this.anyOf(TRUST_CODE);
  });

  /** Classic Smart Licensing, before SLP (`Registration:`, `License Authorization:`, `Evaluation Period:`). */
  legacyStatus = this.RULE('legacyStatus', () => {
    this.oneOf(LEGACY_HEADINGS);
    this.anyOf(LEGACY_FIELDS);
  });

  /** `License Conversion:` (classic Smart Licensing and SLP releases alike). */
  licenseConversion = this.RULE('licenseConversion', () => {
    this.CONSUME(t.ConversionHeading);
    this.anyOf(CONVERSION);
  });

  exportAuthorizationKey = this.RULE('exportAuthorizationKey', () => {
    this.CONSUME(t.ExportAuthorizationKeyHeading);
    this.anyOf(EXPORT_AUTHORIZATION_KEY);
  });

  /**
   * Smart Licensing Authorization Codes per UDI: the `License Authorizations` part of `show license all`, or
   * `show license authorization` on its own (from its echoed command or its first heading).
   */
  licenseAuthorizations = this.RULE('licenseAuthorizations', () => {
    this.oneOf(AUTHORIZATION_STARTS);
    this.anyOf(AUTHORIZATION_LINES);
  });

  /** `Device Telemetry Report Summary:` / `Product Analytics Report Summary:` of newer releases. */
  reportChannel = this.RULE('reportChannel', () => {
    this.oneOf(REPORT_CHANNEL_TITLES);
    this.anyOf(REPORT_CHANNEL);
  });

  // License Usage, Product Information

  license = this.RULE('license', () => {
    this.oneOf(LICENSE_HEADINGS);
    this.anyOf(LICENSE_FIELDS);
  });

  haUdiList = this.RULE('haUdiList', () => {
    this.CONSUME(t.HaUdiList);
    this.anyOf(HA_UDIS);
  });

  // Tech support parts

  scheduledJobs = this.RULE('scheduledJobs', () => {
    this.CONSUME(t.ScheduledJobsTitle);
    this.anyOf(SCHEDULED_JOBS);
  });

  communicationStatistics = this.RULE('communicationStatistics', () => {
    this.CONSUME(t.CommunicationStatisticsTitle);
    const entries = this.alternatives('communicationStatistics', () => [
      ...this.consumers(COMMUNICATION_LEVEL),
      { ALT: () => this.SUBRULE(this.messageKind) },
    ]);
    this.MANY(() => this.OR(entries));
  });

  /** One message kind under Communication Statistics (`Hello Message:` and its attempts and times). */
  messageKind = this.RULE('messageKind', () => {
    this.CONSUME(t.CommKindHeading);
    this.anyOf(MESSAGE_KIND);
  });

  usageReportSummary = this.RULE('usageReportSummary', () => {
    this.CONSUME(t.UsageReportSummaryTitle);
    this.anyOf(USAGE_REPORT_SUMMARY);
  });

  otherInfo = this.RULE('otherInfo', () => {
    this.CONSUME(t.OtherInfoTitle);
    this.anyOf(OTHER_INFO);
  });

  /** Parts read but not stored: their lines are known, their facts are not in the model. */
  unstoredPart = this.RULE('unstoredPart', () => {
    this.oneOf(UNSTORED_TITLES);
    this.anyOf(ANY_LINE);
  });
}

let grammar: StatusGrammar | undefined;

/** Built on first use (self-analysis takes a few milliseconds) and reused: `input` resets it per parse. */
export function statusGrammar(): StatusGrammar {
  grammar ??= new StatusGrammar();
  return grammar;
}

export type { CstNode };
