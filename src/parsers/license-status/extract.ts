// Walks the syntax tree of a status report and records what it says in the fragment, each value with its line.
// The grammar has already decided what every line is; here each block turns its lines into model fields. The larger
// blocks have readers of their own: trust (./trust), authorizations, licenses and the tech support parts.
import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import type { CommunicationStatistic, HaUdi, License, PolicyAttribute } from '../../common/device.js';
import { onPremTenant } from '../../common/cslu-url.js';
import type { ScalarPath } from '../../common/paths.js';
import type { FragmentBuilder, Scalar } from '../fragment.js';
import { readAuthorizations } from './authorizations.js';
import { PartTitle } from './lexer.js';
import { readLicense } from './licenses.js';
import { kind, type Listed, type Reading } from './reading.js';
import { availability, readMessageKind, readOtherInfoLine, readReportChannel, readUsageReportSummary } from './tech-support.js';
import { TrustReader } from './trust.js';
import {
  afterLabel,
  daysWithSource,
  firstNumber,
  isNothing,
  policyCategory,
  pushInterval,
  readTime,
  readUdi,
  textOrNull,
  transportType,
  yesNo,
} from './values.js';

type Child = CstNode | IToken;

function isToken(child: Child): child is IToken {
  return (child as IToken).image !== undefined;
}

function offsetOf(child: Child): number {
  return isToken(child) ? child.startOffset : (child.location?.startOffset ?? 0);
}

/** The children of a node in the order they appear in the text (Chevrotain groups them by name). */
function inTextOrder(node: CstNode): Child[] {
  let only: Child[] | null = null;
  let all: Child[] | null = null;
  for (const name in node.children) {
    const list = node.children[name] as Child[];
    if (only === null) only = list;
    else {
      all ??= [...only];
      for (const child of list) all.push(child);
    }
  }
  if (all === null) return only ?? [];
  // Insertion sort: a block has a few dozen children at most, each name's list already in order.
  const offsets = all.map(offsetOf);
  for (let i = 1; i < all.length; i++) {
    const child = all[i]!;
    const offset = offsets[i]!;
    let j = i - 1;
    for (; j >= 0 && offsets[j]! > offset; j--) {
      all[j + 1] = all[j]!;
      offsets[j + 1] = offsets[j]!;
    }
    all[j + 1] = child;
    offsets[j + 1] = offset;
  }
  return all;
}


/** `Example Corp As of Apr 18 07:45:10 2024 UTC` → `Example Corp`. */
function accountName(value: string): string | null {
  return textOrNull(value.replace(/\s+As of\s+.*$/i, ''));
}

/** `Successful on Aug 13 17:19:07 2021 UTC` → `Successful`: the status, without the time it was reached. */
function withoutTime(value: string): string {
  return value.replace(/\s+on\s+(?:[A-Za-z]{3},?\s+){1,2}\d.*$/, '');
}

const USAGE_REPORTING_PATHS: Record<string, ScalarPath> = {
  LastAckReceived: 'usageReporting.lastAckReceived',
  NextAckDeadline: 'usageReporting.nextAckDeadline',
  NextAckPushCheck: 'usageReporting.nextAckPushCheck',
  NextReportPush: 'usageReporting.nextReportPush',
  LastReportPush: 'usageReporting.lastReportPush',
  LastReportFileWrite: 'usageReporting.lastReportFileWrite',
};

const DATA_PRIVACY_PATHS: Record<string, ScalarPath> = {
  SendingHostname: 'dataPrivacy.sendingHostname',
  CallhomeHostnamePrivacy: 'dataPrivacy.callhomeHostnamePrivacy',
  SmartLicensingHostnamePrivacy: 'dataPrivacy.smartLicensingHostnamePrivacy',
  VersionPrivacy: 'dataPrivacy.versionPrivacy',
};

export class StatusExtractor implements Reading {
  private readonly licenses: Listed<License>[] = [];
  private readonly haUdis = new Map<string, Listed<HaUdi>>();
  private readonly communication: Listed<CommunicationStatistic>[] = [];
  private readonly attributes: Listed<PolicyAttribute>[] = [];
  private readonly trust: TrustReader = new TrustReader(this);
  private noLicensesLine: number | null = null;
  private slpStatus: { value: boolean; line: number } | null = null;
  private slpBlockLine: number | null = null;
  private legacyLine: number | null = null;

  constructor(
    readonly out: FragmentBuilder,
    readonly lineOf: (token: IToken) => number,
  ) {}

  report(node: CstNode): void {
    for (const part of (node.children.part ?? []) as CstNode[]) this.part(part);
    this.finish();
  }

  set(path: ScalarPath, value: Scalar | undefined, token: IToken): void {
    this.out.set(path, value, this.lineOf(token));
  }

  /** A time field: ISO UTC, null for `<none>`; an unknown zone or unreadable text is a diagnostic. */
  time(token: IToken, text = afterLabel(token.image)): string | null | undefined {
    const reading = readTime(text);
    if (reading.problem) this.out.diag(this.lineOf(token), reading.problem);
    if (reading.iso === null && reading.problem) return undefined;
    return reading.iso;
  }

  private setTime(path: ScalarPath, token: IToken): void {
    this.set(path, this.time(token), token);
  }

  private part(node: CstNode): void {
    const [name, children] = Object.entries(node.children)[0] ?? [];
    const child = children?.[0] as Child | undefined;
    if (name === undefined || child === undefined) return;
    if (!isToken(child)) {
      this.block(child);
      return;
    }
    const value = afterLabel(child.image);
    switch (name) {
      case 'BodyLine':
        this.out.unrecognised(this.lineOf(child));
        return;
      case 'UdiField': {
        const udi = readUdi(value);
        if (udi) {
          this.set('udi.pid', udi.pid, child);
          this.set('udi.sn', udi.sn, child);
        } else this.out.diag(this.lineOf(child), `could not read UDI "${value}"`);
        return;
      }
      case 'AgentVersion':
        this.set('agentVersion', textOrNull(value), child);
        return;
      case 'CurrentTime':
        this.setTime('captureTime', child);
        return;
      case 'SmartAccount':
      case 'VirtualAccount':
        this.account(child);
        return;
      case 'NoLicensesInUse':
        this.noLicensesLine = this.lineOf(child);
        return;
      case 'DeviceTelemetry':
      case 'OverallTrust':
      case 'TrustDataLine':
        this.agentStateLine(child);
        return;
      default:
        // Part titles, `Smart Licensing is ENABLED`, elisions: read, nothing to keep.
        if (!tokenMatcher(child, PartTitle) && !['SmartLicensingIs', 'Elision'].includes(name)) {
          this.out.unrecognised(this.lineOf(child));
        }
    }
  }

  private block(node: CstNode): void {
    const tokens = (): IToken[] => this.tokens(node);
    switch (node.name) {
      case 'utility':
        return this.utility(tokens());
      case 'smartLicensingUsingPolicy':
        return this.smartLicensingUsingPolicy(tokens());
      case 'accountInformation':
        return tokens().forEach((token) => this.account(token));
      case 'dataPrivacy':
        return tokens().forEach((token) => {
          const path = DATA_PRIVACY_PATHS[kind(token)];
          if (path) this.set(path, yesNo(afterLabel(token.image)), token);
        });
      case 'transport':
        return this.transport(tokens());
      case 'policy':
        return this.policy(node);
      case 'policyAttributes':
        return this.policyAttributes(node);
      case 'usageReporting':
        return this.usageReporting(tokens());
      case 'trustCode':
        return this.trust.trustCode(tokens());
      case 'legacyStatus':
        return this.legacyStatus(tokens());
      case 'licenseConversion':
        return this.licenseConversion(tokens());
      case 'exportAuthorizationKey':
        return this.exportAuthorizationKey(tokens());
      case 'licenseAuthorizations':
        return readAuthorizations(this, tokens());
      case 'reportChannel':
        return readReportChannel(this, tokens());
      case 'license': {
        const lines = tokens();
        const license = readLicense(lines);
        if (license && lines[0]) this.licenses.push({ item: license, line: this.lineOf(lines[0]) });
        return;
      }
      case 'haUdiList':
        return this.haUdiList(tokens());
      case 'scheduledJobs':
        return tokens().forEach((token) => kind(token) === 'CurrentTime' && this.setTime('captureTime', token));
      case 'communicationStatistics':
        return this.communicationStatistics(node);
      case 'usageReportSummary':
        return readUsageReportSummary(this, tokens());
      case 'otherInfo':
        return this.otherInfo(tokens());
      default:
        // miscellaneous (`Custom Id`), unstoredPart: read, nothing the model keeps.
        return;
    }
  }

  private tokens(node: CstNode): IToken[] {
    return inTextOrder(node).filter(isToken);
  }

  private account(token: IToken): void {
    const path = kind(token) === 'SmartAccount' ? 'account.smartAccount' : 'account.virtualAccount';
    this.set(path, accountName(afterLabel(token.image)), token);
  }

  private utility(tokens: IToken[]): void {
    for (const token of tokens) if (kind(token) === 'Status') this.set('utilityEnabled', yesNo(afterLabel(token.image)), token);
  }

  private smartLicensingUsingPolicy(tokens: IToken[]): void {
    const [heading, ...fields] = tokens;
    if (heading) this.slpBlockLine = this.lineOf(heading);
    for (const token of fields) {
      const value = afterLabel(token.image);
      if (kind(token) === 'ReportingMode') {
        this.set('reportingMode', textOrNull(value), token);
        continue;
      }
      const enabled = yesNo(value);
      if (enabled !== undefined) this.slpStatus = { value: enabled, line: this.lineOf(token) };
    }
  }

  private transport(tokens: IToken[]): void {
    let under: 'proxy' | 'vrf' | null = null;
    let url: { value: string | null; token: IToken } | null = null;
    let csluAddress: { value: string | null; token: IToken } | null = null;
    for (const token of tokens) {
      const value = afterLabel(token.image);
      switch (kind(token)) {
        case 'TransportTypeField': {
          const type = transportType(value);
          if (type === undefined) this.out.diag(this.lineOf(token), `unknown transport type "${value}"`);
          this.set('transport.type', type, token);
          break;
        }
        case 'Url':
          url = { value: textOrNull(value), token };
          this.set('transport.url', url.value, token);
          break;
        case 'CsluAddress':
          csluAddress = { value: textOrNull(value), token };
          this.set('transport.csluAddress', csluAddress.value, token);
          break;
        case 'ProxyHeading':
          under = 'proxy';
          break;
        case 'VrfHeading':
          under = 'vrf';
          break;
        case 'ProxyAddress':
          this.set('transport.proxy.address', textOrNull(value), token);
          break;
        case 'ProxyPort':
          this.set('transport.proxy.port', isNothing(value) ? null : firstNumber(value), token);
          break;
        case 'ProxyUsername':
          this.set('transport.proxy.username', textOrNull(value), token);
          break;
        case 'ProxyPassword':
          // Only whether one is set: the password itself never enters the model.
          this.set('transport.proxy.passwordSet', !isNothing(value), token);
          break;
        case 'Vrf':
          this.set('transport.vrf', textOrNull(value), token);
          break;
        case 'SourceInterface':
          this.set('transport.sourceInterface', textOrNull(value), token);
          break;
        case 'ServerIdentityCheck':
          this.set('transport.serverIdentityCheck', yesNo(value), token);
          break;
        case 'IpMode':
          this.set('transport.ipMode', textOrNull(value), token);
          break;
        case 'TrustPoint':
          this.set('transport.trustPoint', textOrNull(value), token);
          break;
        case 'BareValue':
          if (under === 'proxy') {
            this.set('transport.proxy.address', null, token);
            this.set('transport.proxy.port', null, token);
            this.set('transport.proxy.username', null, token);
            this.set('transport.proxy.passwordSet', false, token);
          } else if (under === 'vrf') this.set('transport.vrf', null, token);
          break;
        default:
          break;
      }
    }
    // A URL as the Cslu address is where the device sends reports (CSLU or SSM On-Prem); `cslu-local` is a name.
    if (!url && csluAddress?.value && /^https?:\/\//i.test(csluAddress.value)) {
      url = csluAddress;
      this.set('transport.url', url.value, url.token);
    }
    const shown = url ?? csluAddress;
    if (shown) this.set('transport.onPremTenant', onPremTenant(shown.value), shown.token);
  }

  private policy(node: CstNode): void {
    for (const child of inTextOrder(node)) {
      if (!isToken(child)) {
        this.policyAttributes(child);
        continue;
      }
      const value = afterLabel(child.image);
      switch (kind(child)) {
        case 'PolicyHeading':
          this.slpBlockLine ??= this.lineOf(child);
          break;
        case 'PolicyInUse': {
          this.set('policy.inUse', textOrNull(value), child);
          const installed = /^Installed On\s+(.*)$/i.exec(value);
          if (installed) this.set('policy.installedAt', this.time(child, installed[1]), child);
          break;
        }
        case 'PolicyName':
          this.set('policy.name', textOrNull(value), child);
          break;
        case 'AckRequired':
          this.set('policy.reportingAckRequired', yesNo(value), child);
          break;
        default:
          break;
      }
    }
  }

  private policyAttributes(node: CstNode): void {
    const [heading, ...fields] = this.tokens(node);
    if (!heading) return;
    const attribute: PolicyAttribute = {
      category: policyCategory(heading.image),
      firstReportDays: null,
      reportingFrequencyDays: null,
      reportOnChangeDays: null,
      source: null,
    };
    const sources: string[] = [];
    for (const token of fields) {
      const { days, source } = daysWithSource(afterLabel(token.image));
      if (source !== null) sources.push(source);
      if (kind(token) === 'FirstReport') attribute.firstReportDays = days;
      else if (kind(token) === 'ReportingFrequency') attribute.reportingFrequencyDays = days;
      else attribute.reportOnChangeDays = days;
    }
    // A custom policy can leave single values at the Cisco default; the block's source is the policy's own.
    attribute.source = sources.find((source) => !/cisco default/i.test(source)) ?? sources[0] ?? null;
    this.attributes.push({ item: attribute, line: this.lineOf(heading) });
  }

  private usageReporting(tokens: IToken[]): void {
    const [heading, ...fields] = tokens;
    if (heading) this.slpBlockLine ??= this.lineOf(heading);
    for (const token of fields) {
      if (kind(token) === 'ReportingPushInterval') {
        const interval = pushInterval(afterLabel(token.image));
        this.set('usageReporting.reportingPushIntervalDays', interval.days, token);
        this.set('usageReporting.reportingPushState', interval.state, token);
        this.set('usageReporting.reportingPushInPolicy', interval.inPolicy, token);
        continue;
      }
      const path = USAGE_REPORTING_PATHS[kind(token)];
      if (path) this.setTime(path, token);
    }
  }

  /** Classic Smart Licensing: `Registration:`, `License Authorization:` and `Evaluation Period:`. */
  private legacyStatus(tokens: IToken[]): void {
    const [heading, ...fields] = tokens;
    if (!heading) return;
    const section = kind(heading);
    this.legacyLine ??= this.lineOf(heading);
    for (const token of fields) {
      const value = afterLabel(token.image);
      if (kind(token) === 'SmartAccount' || kind(token) === 'VirtualAccount') this.account(token);
      if (kind(token) !== 'Status') continue;
      if (section === 'RegistrationHeading') this.set('legacy.registrationStatus', textOrNull(value), token);
      else if (section === 'LicenseAuthorizationHeading') {
        const status = textOrNull(withoutTime(value));
        this.set('legacy.authorizationStatus', status, token);
        this.set('legacy.evalMode', status !== null && /^EVAL/i.test(status), token);
      }
    }
  }

  private licenseConversion(tokens: IToken[]): void {
    for (const token of tokens) {
      const value = afterLabel(token.image);
      switch (kind(token)) {
        case 'AutomaticConversion':
          this.set('licenseConversion.automaticConversionEnabled', yesNo(value), token);
          break;
        case 'Status':
          this.set('licenseConversion.status', textOrNull(withoutTime(value)), token);
          break;
        case 'LastDataPush':
          this.setTime('licenseConversion.lastDataPush', token);
          break;
        case 'LastFileExport':
          this.setTime('licenseConversion.lastFileExport', token);
          break;
        default:
          break;
      }
    }
  }

  /** `Features Authorized:` then `<none>` or one feature a line. */
  private exportAuthorizationKey(tokens: IToken[]): void {
    this.out.touch('exportAuthorizedFeatures');
    for (const token of tokens) {
      if (['ExportAuthorizationKeyHeading', 'FeaturesAuthorizedHeading', 'BareValue'].includes(kind(token))) continue;
      const feature = textOrNull(token.image);
      if (feature !== null) this.out.add('exportAuthorizedFeatures', feature, this.lineOf(token));
    }
  }

  private addHaUdi(text: string, token: IToken): void {
    const udi = readUdi(text);
    if (!udi || udi.role === null) return;
    const item: HaUdi = { role: udi.role, pid: udi.pid, sn: udi.sn };
    this.haUdis.set(`${item.role}|${item.pid}|${item.sn}`, { item, line: this.lineOf(token) });
  }

  private haUdiList(tokens: IToken[]): void {
    for (const token of tokens) {
      if (kind(token) === 'UdiRoleLine') this.addHaUdi(token.image, token);
      // `HA UDI List: Active: PID:…` run together on one line.
      else if (/PID/i.test(afterLabel(token.image))) this.addHaUdi(afterLabel(token.image), token);
    }
  }

  private communicationStatistics(node: CstNode): void {
    for (const child of inTextOrder(node)) {
      if (!isToken(child)) {
        const tokens = this.tokens(child);
        const statistic = readMessageKind(this, tokens);
        if (statistic && tokens[0]) this.communication.push({ item: statistic, line: this.lineOf(tokens[0]) });
      } else if (kind(child) === 'CommunicationLevelAllowed') this.trust.communicationLevelAllowed(child);
      else if (kind(child) === 'OverallState') this.set('trustCode.overallState', textOrNull(afterLabel(child.image)), child);
    }
  }

  /** Lines older agents print under Other Info or on their own: trust, and the one-line Device Telemetry. */
  private agentStateLine(token: IToken): boolean {
    switch (kind(token)) {
      case 'OverallTrust':
        this.trust.overallTrust(token);
        return true;
      case 'TrustDataLine':
        this.trust.trustData(token);
        return true;
      case 'DeviceTelemetry':
        // `Device Telemetry: NOT AVAILABLE`, before the Device Telemetry Report Summary existed.
        this.set('deviceTelemetry.available', availability(afterLabel(token.image)), token);
        return true;
      default:
        return false;
    }
  }

  private otherInfo(tokens: IToken[]): void {
    for (const token of tokens) if (!this.agentStateLine(token)) readOtherInfoLine(this, token);
  }

  private finish(): void {
    const slp = this.slpStatus ?? (this.legacyLine === null && this.slpBlockLine !== null ? { value: true, line: this.slpBlockLine } : null);
    if (slp) this.out.set('slpEnabled', slp.value, slp.line);
    else if (this.legacyLine !== null) this.out.set('slpEnabled', false, this.legacyLine);
    // SLP-only blocks (Policy, Usage Reporting) prove SLP; Registration / License Authorization prove classic.
    if (slp?.value) this.out.set('licensing', 'slp', slp.line);
    else if (this.legacyLine !== null) this.out.set('licensing', 'smart-licensing', this.legacyLine);

    this.trust.finish([...this.haUdis.values()].map(({ item }) => item));

    if (this.noLicensesLine !== null) this.out.touch('licenses');
    for (const { item, line } of this.licenses) this.out.add('licenses', item, line);
    for (const { item, line } of this.haUdis.values()) this.out.add('haUdis', item, line);
    for (const { item, line } of this.attributes) this.out.add('policy.attributes', item, line);
    for (const { item, line } of this.communication) this.out.add('communication', item, line);
  }
}
