// Tokens of `show license status` / `show license all` / `show license tech support`. The Smart Agent prints one
// field per line, so every token is a whole line (after its indentation, which is skipped: indentation slips in
// real output and carries no meaning we rely on). A line is a part title (`Other Info` + `=====`), a heading
// (`Transport:`), a field (`Next ACK deadline: …`) or something else; the grammar decides by context what a
// repeated heading means. Order matters: Chevrotain takes the first pattern that matches, so specific labels come
// before the generic `Label: value` / `Label:` shapes and the catch-all line.
import { createToken, Lexer, type ILexingResult, type TokenType } from 'chevrotain';
import { LEXER_CHECKS } from '../grammar-options.js';
import { NOTHING_PATTERN } from '../../common/nothing.js';
import { MONTH_ABBREVIATIONS } from '../../common/time.js';

/**
 * Lookahead: the rest of the line is empty (trailing blanks allowed). Chevrotain forbids `$`, so the text handed
 * to the lexer always ends with a newline (see `lexStatus`).
 */
const EOL = '[ \\t]*(?=\\n)';

/** Every line that is not a part title; the parts the grammar reads but does not store take any of them. */
export const BodyLine = createToken({ name: 'BodyLine', pattern: Lexer.NA });
/** Every `Label: value` line, specific or generic. */
export const AnyField = createToken({ name: 'AnyField', pattern: Lexer.NA });
/** A heading that can name a Communication Statistics message kind (`Usage Reporting:`, `Hello Message:`). */
export const CommKindHeading = createToken({ name: 'CommKindHeading', pattern: Lexer.NA });
/** Part titles of `show license all` / tech support (`License Usage`, `Other Info`) and their `=====` underlines. */
export const PartTitle = createToken({ name: 'PartTitle', pattern: Lexer.NA });

const all: TokenType[] = [];

/**
 * The generic shapes (`[^\n:]+:`) start with any visible ASCII character. A line starting with anything else is a
 * lexing error, reported as unrecognised.
 */
const VISIBLE_ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));

/**
 * The characters a case-insensitive line pattern can start with, for Chevrotain's "first character" optimisation.
 * Left to itself, Chevrotain parses every pattern's regular expression to find them, which was a third of the
 * lexer's cost at start-up (built on first use, so in every cold start). A pattern that starts with a plain
 * character gets that character in both cases; any other starts with one of VISIBLE_ASCII, a safe superset (a hint
 * only narrows which patterns are tried, in their order). test/parsers/license-status-lexer.test.ts holds each hint
 * to what the pattern can match.
 */
export function startCharacters(source: string): string[] {
  const first = source[0] ?? '';
  const quantified = /^.[?*{]/.test(source);
  if (!/^[A-Za-z0-9 =<]$/.test(first) || quantified) return VISIBLE_ASCII;
  return [...new Set([first.toLowerCase(), first.toUpperCase()])];
}

/**
 * Whole-line tokens: they never hold the newline, which spares the lexer proving it for every pattern at start-up.
 * Their categories are given after createToken: createToken files a token under its categories at once, which
 * walks every token already filed there, ~10 ms for this vocabulary at every start; the lexer and the grammar file
 * the whole vocabulary once, when they are built.
 */
function lineToken(name: string, source: string, categories: TokenType[]): TokenType {
  const token = createToken({ name, pattern: new RegExp(source, 'i'), line_breaks: false, start_chars_hint: startCharacters(source) });
  token.CATEGORIES = categories;
  all.push(token);
  return token;
}

function line(name: string, source: string, categories: TokenType[] = []): TokenType {
  return lineToken(name, source, [BodyLine, ...categories]);
}

/** A `Label:` line with nothing after it. `label` is a regular-expression source. */
function heading(name: string, label: string, categories: TokenType[] = []): TokenType {
  return line(name, `${label}[ \\t]*:${EOL}`, categories);
}

/** A `Label: value` line (the value may be empty). */
function field(name: string, label: string): TokenType {
  return line(name, `${label}[ \\t]*:[^\\n]*`, [AnyField]);
}

function title(name: string, text: string): TokenType {
  return lineToken(name, `${text}${EOL}`, [PartTitle]);
}

export const Newline = createToken({ name: 'Newline', pattern: /\n/, group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: ['\n'] });
export const Indent = createToken({ name: 'Indent', pattern: /[ \t]+/, group: Lexer.SKIPPED, line_breaks: false, start_chars_hint: [' ', '\t'] });
all.push(Newline, Indent);

// Part titles.
export const Underline = title('Underline', '={3,}');
export const TechSupportTitle = title('TechSupportTitle', 'Smart Licensing Tech Support info');
export const StatusTitle = title('StatusTitle', 'Smart Licensing Status');
export const LicenseUsageTitle = title('LicenseUsageTitle', 'License Usage');
export const ProductInformationTitle = title('ProductInformationTitle', 'Product Information');
export const AgentVersionTitle = title('AgentVersionTitle', 'Agent Version');
export const LicenseAuthorizationsTitle = title('LicenseAuthorizationsTitle', 'License Authorizations');
export const ScheduledJobsTitle = title('ScheduledJobsTitle', 'Upcoming Scheduled Jobs');
export const CommunicationStatisticsTitle = title('CommunicationStatisticsTitle', 'Communication Statistics:?');
export const LicenseCertificatesTitle = title('LicenseCertificatesTitle', 'License Certificates');
export const HaInfoTitle = title('HaInfoTitle', 'HA Info');
export const ReservationInfoTitle = title('ReservationInfoTitle', 'Reservation Info');
export const UsageReportSummaryTitle = title('UsageReportSummaryTitle', 'Usage Report Summary:?');
export const OtherInfoTitle = title('OtherInfoTitle', 'Other Info');
export const MappingTableTitle = title('MappingTableTitle', 'Platform Provided Mapping Table');
export const DeviceTelemetryTitle = title('DeviceTelemetryTitle', 'Device Telemetry Report Summary:?');
export const ProductAnalyticsTitle = title('ProductAnalyticsTitle', 'Product Analytics Report Summary:?');

// Smart Licensing Status headings.
export const SmartLicensingIs = line('SmartLicensingIs', `Smart Licensing is (?:ENABLED|DISABLED)${EOL}`);
export const UtilityHeading = heading('UtilityHeading', 'Utility');
export const SlpHeading = heading('SlpHeading', 'Smart Licensing Using Policy');
export const AccountInformationHeading = heading('AccountInformationHeading', 'Account Information');
export const DataPrivacyHeading = heading('DataPrivacyHeading', 'Data Privacy');
export const TransportHeading = heading('TransportHeading', 'Transport');
export const ProxyHeading = heading('ProxyHeading', 'Proxy');
export const VrfHeading = heading('VrfHeading', 'VRF');
export const PolicyHeading = heading('PolicyHeading', 'Policy');
export const UnenforcedPerpetualHeading = heading(
  'UnenforcedPerpetualHeading',
  'Unenforced/Non-Export Perpetual(?: License)?(?: Attributes)?',
);
export const UnenforcedSubscriptionHeading = heading(
  'UnenforcedSubscriptionHeading',
  'Unenforced/Non-Export Subscription(?: License)?(?: Attributes)?',
);
export const UnenforcedHeading = heading('UnenforcedHeading', 'Unenforced/Non-Export(?: License)?(?: Attributes)?');
export const EnforcedHeading = heading('EnforcedHeading', 'Enforced \\(Perpetual/Subscription\\)(?: License)?(?: Attributes)?');
export const ExportHeading = heading('ExportHeading', 'Export \\(Perpetual/Subscription\\)(?: License)?(?: Attributes)?');
export const MiscellaneousHeading = heading('MiscellaneousHeading', 'Miscellaneous');
export const UsageReportingHeading = heading('UsageReportingHeading', 'Usage Reporting', [CommKindHeading]);
/** `Trust Code Installed: <none>`, `… : Nov 13 22:36:48 2022 UTC`, bare, or run together with `Trust Code Type: CSSM`. */
export const TrustCodeInstalled = line('TrustCodeInstalled', 'Trust Code Installed[ \\t]*:[^\\n]*');

// Pre-SLP Smart Licensing headings.
export const RegistrationHeading = heading('RegistrationHeading', 'Registration');
export const LicenseAuthorizationHeading = heading('LicenseAuthorizationHeading', 'License Authorization');
export const EvaluationPeriodHeading = heading('EvaluationPeriodHeading', 'Evaluation Period');
export const ConversionHeading = heading('ConversionHeading', '(?:Smart )?License Conversion');
export const ExportAuthorizationKeyHeading = heading('ExportAuthorizationKeyHeading', 'Export Authorization Key');
export const FeaturesAuthorizedHeading = heading('FeaturesAuthorizedHeading', 'Features Authorized');

// License Authorizations (`show license all`) and `show license authorization`.
/** The command echoed on the first line of a capture taken without a prompt. */
export const AuthorizationEcho = line('AuthorizationEcho', `show license authorization${EOL}`);
export const OverallStatusHeading = heading('OverallStatusHeading', 'Overall status');
export const AuthorizationsHeading = heading('AuthorizationsHeading', 'Authorizations');
export const PurchasedLicensesHeading = heading('PurchasedLicensesHeading', 'Purchased Licenses');
/** Real output runs whatever came next onto this line (a stray `#` in one published sample). */
export const NoPurchaseInformation = line('NoPurchaseInformation', 'No Purchase Information Available[^\\n]*');
export const DerivedLicensesHeading = heading('DerivedLicensesHeading', 'Derived Licenses');
export const LastConfirmationCode = field('LastConfirmationCode', 'Last Confirmation code');

// Lines that belong to a UDI or a date printed under it.
export const HaUdiList = line('HaUdiList', 'HA UDI List[ \\t]*:[^\\n]*');
export const UdiRoleLine = line('UdiRoleLine', '(?:Active|Standby|Member)[ \\t]*:[ \\t]*PID[ \\t]*:[^\\n]*');
/** Agent 6.3 and later, per UDI: `Expired on Jan 01 00:00:00 1970 UTC` (the epoch: no expiry). */
export const ExpiryLine = line('ExpiryLine', 'Expire[sd] on[ \\t][^\\n]*');
export const DateLine = line(
  'DateLine',
  '(?:INSTALLED on[ \\t]+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?[ \\t]+)?' +
    `(?:${MONTH_ABBREVIATIONS})[a-z]*[ \\t]+\\d{1,2}[ \\t]+\\d{1,2}:\\d{2}[^\\n]*`,
);

// License Usage.
export const NoLicensesInUse = line('NoLicensesInUse', `No licenses in use${EOL}`);
export const Handle = field('Handle', 'Handle');
export const MeasurementsHeading = heading('MeasurementsHeading', 'Measurements');

// Fields.
export const Status = field('Status', 'Status');
export const ReportingMode = field('ReportingMode', 'Reporting Mode');
export const AutomaticConversion = field('AutomaticConversion', 'Automatic Conversion Enabled');
export const LastDataPush = field('LastDataPush', 'Last Data Push');
export const LastFileExport = field('LastFileExport', 'Last File Export');
export const SendingHostname = field('SendingHostname', 'Sending Hostname');
export const CallhomeHostnamePrivacy = field('CallhomeHostnamePrivacy', 'Callhome hostname privacy');
export const SmartLicensingHostnamePrivacy = field('SmartLicensingHostnamePrivacy', 'Smart Licensing hostname privacy');
export const VersionPrivacy = field('VersionPrivacy', 'Version privacy');
export const SmartAccount = field('SmartAccount', 'Smart Account');
export const VirtualAccount = field('VirtualAccount', 'Virtual Account');
export const TransportTypeField = field('TransportTypeField', 'Type');
export const Url = field('Url', 'URL');
export const CsluAddress = field('CsluAddress', 'Cslu address');
export const ProxyAddress = field('ProxyAddress', 'Address');
export const ProxyPort = field('ProxyPort', 'Port');
export const ProxyUsername = field('ProxyUsername', 'Username');
export const ProxyPassword = field('ProxyPassword', 'Password');
export const Vrf = field('Vrf', 'VRF');
export const SourceInterface = field('SourceInterface', 'Source[ -]interface');
export const ServerIdentityCheck = field('ServerIdentityCheck', 'Server Identity Check');
export const IpMode = field('IpMode', 'IP Mode');
export const TrustPoint = field('TrustPoint', 'Trust Point');
export const PolicyInUse = field('PolicyInUse', 'Policy in use');
export const PolicyName = field('PolicyName', 'Policy name');
export const AckRequired = field('AckRequired', 'Reporting ACK required');
export const FirstReport = field('FirstReport', 'First report requirement \\(days\\)');
export const ReportingFrequency = field('ReportingFrequency', '(?:Ongoing )?reporting frequency \\(days\\)');
export const ReportOnChange = field('ReportOnChange', '(?:On change reporting|Report on change) \\(days\\)');
export const LastAckReceived = field('LastAckReceived', 'Last ACK received');
export const NextAckDeadline = field('NextAckDeadline', 'Next ACK deadline');
export const ReportingPushInterval = field('ReportingPushInterval', 'Reporting push interval');
export const NextAckPushCheck = field('NextAckPushCheck', 'Next ACK push check');
export const NextReportPush = field('NextReportPush', 'Next report push');
export const LastReportPush = field('LastReportPush', 'Last report push');
export const LastReportFileWrite = field('LastReportFileWrite', 'Last report file write');
export const TrustCodeType = field('TrustCodeType', 'Trust Code Type');
export const TrustAttributes = field('TrustAttributes', 'Attributes');

export const LicenseName = field('LicenseName', 'License');
export const EntitlementTag = field('EntitlementTag', 'Entitlement Tag');
export const Description = field('Description', 'Description');
export const Count = field('Count', 'Count');
export const FeatureName = field('FeatureName', 'Feature Name');
export const FeatureDescription = field('FeatureDescription', 'Feature Description');
export const EnforcementType = field('EnforcementType', 'Enforcement type');
export const LicenseType = field('LicenseType', 'License type');

export const UdiField = field('UdiField', 'UDI');
export const AgentVersion = field('AgentVersion', 'Smart Agent for Licensing');
export const CurrentTime = field('CurrentTime', 'Current time');

export const CommunicationLevelAllowed = field('CommunicationLevelAllowed', 'Communication Level Allowed');
export const OverallState = field('OverallState', 'Overall State');
export const Attempts = field('Attempts', 'Attempts');
export const OngoingFailure = field('OngoingFailure', 'Ongoing Failure');
export const LastResponse = field('LastResponse', 'Last Response');
export const FailureReason = field('FailureReason', 'Failure Reason');
export const LastSuccessTime = field('LastSuccessTime', 'Last Success Time');
export const LastFailureTime = field('LastFailureTime', 'Last Failure Time');

export const SummaryTotal = field('SummaryTotal', 'Total');
export const SummaryAckReceived = field('SummaryAckReceived', 'Total Acknowledged Received');
export const SummaryWaitingForAck = field('SummaryWaitingForAck', 'Waiting for Ack');
export const SummaryAvailableToReport = field('SummaryAvailableToReport', 'Available to Report');
export const SummaryCollectingData = field('SummaryCollectingData', 'Collecting Data');
export const SummaryMaximumDisplay = field('SummaryMaximumDisplay', 'Maximum Display');
export const SummaryInStorage = field('SummaryInStorage', 'In Storage');
export const SummaryMia = field('SummaryMia', 'MIA');

export const SummaryReportModuleStatus = field('SummaryReportModuleStatus', 'Report Module Status');

export const DataChannel = field('DataChannel', 'Data Channel');
export const ReportsOnDisk = field('ReportsOnDisk', 'Reports on disk');
export const NotAvailableReason = field('NotAvailableReason', 'Not Available Reason');
/** Older releases print one line instead of the Device Telemetry Report Summary. */
export const DeviceTelemetry = field('DeviceTelemetry', 'Device Telemetry');

// Other Info of tech support.
export const WriteEraseOccurred = field('WriteEraseOccurred', 'Write Erase Occurred');
export const ClockSyncedWithNtp = field('ClockSyncedWithNtp', 'Clock sync-ed with NTP');
/** `Overall Trust: INSTALLED (2)` / `Overall Trust: No ID` (agent 5.x tech support shows trust only here). */
export const OverallTrust = field('OverallTrust', 'Overall Trust');
/** `P:C9300-24P,S:FOC0000X0AB: DIRECT, state[2], Trust Data INSTALLED` / `P:…: No Trust Data`. */
export const TrustDataLine = line('TrustDataLine', 'P[ \\t]*:[^\\n,:]+,[ \\t]*S[ \\t]*:[^\\n,:]*:[^\\n]*');

// IOS-XE prints these two lines above any show output when `exec prompt timestamp` is configured.

// Generic shapes, last.
/** `network-advantage (C9300-48 Network Advantage):` or NX-OS `(LAN_ENTERPRISE_SERVICES_PKG):`. */
export const LicenseHeading = line('LicenseHeading', `[^\\n:]*\\([^\\n():]*\\)[ \\t]*:${EOL}`);
/** A value alone on its line under a heading (`Proxy:` / `Not Configured`). */
export const BareValue = line('BareValue', `(?:${NOTHING_PATTERN})${EOL}`);
/** `<..>`, `<...>`, `<output truncated>`: where a document or a user cut the output short. */
export const Elision = line('Elision', `<(?:\\.{2,}|output truncated|snip)>${EOL}`);
export const GenericHeading = heading('GenericHeading', '[^\\n:]+', [CommKindHeading]);
export const KeyValue = line('KeyValue', '[^\\n:]+:[^\\n]*', [AnyField]);
export const OtherLine = line('OtherLine', '[^\\n]+');

export const allTokens: TokenType[] = [BodyLine, AnyField, CommKindHeading, PartTitle, ...all];

let lexer: Lexer | undefined;

/** Lex body lines; token line numbers are 1-based indexes into `lines`. */
export function lexStatus(lines: readonly string[]): ILexingResult {
  // Built on first use: constructing the lexer validates every pattern, which costs a few milliseconds.
  lexer ??= new Lexer(all, { ensureOptimizations: true, positionTracking: 'onlyStart', ...LEXER_CHECKS });
  // Ingest normalises line ends; a stray carriage return would still defeat every end-of-line lookahead.
  return lexer.tokenize(`${lines.map((text) => text.replace(/\r$/, '')).join('\n')}\n`);
}
