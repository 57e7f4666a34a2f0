// Walks the syntax tree of a status report and records what it says in the fragment, each value with its line.
// The grammar has already decided what every line is; here each block turns its lines into model fields.
import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import type {
  CommunicationStatistic,
  HaUdi,
  License,
  PolicyAttribute,
  TrustCodeUdi,
} from '../../common/device.js';
import type { ScalarPath } from '../../common/paths.js';
import { parseDeviceTime } from '../../common/time.js';
import type { FragmentBuilder, Scalar } from '../fragment.js';
import { PartTitle } from './lexer.js';
import {
  afterLabel,
  daysWithSource,
  firstNumber,
  isNothing,
  kebabCase,
  policyCategory,
  readTime,
  readUdi,
  textOrNull,
  transportType,
  withoutCode,
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

function kind(token: IToken): string {
  return token.tokenType.name;
}

interface Listed<T> {
  item: T;
  line: number;
}

/** `Attempts: Total=42, Success=0, Fail=42  Ongoing Failure: Overall=42 Communication=42` */
const COUNTERS = {
  total: /Total\s*=\s*(\d+)/i,
  success: /Success\s*=\s*(\d+)/i,
  fail: /Fail\s*=\s*(\d+)/i,
  overall: /Overall\s*=\s*(\d+)/i,
};

function counter(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

/** One `Label: N` counter of the Usage Report Summary; `N(M)` is read as N. */
const SUMMARY_COUNTER = /([A-Za-z][A-Za-z ]*?)\s*:\s*(\d+)/g;

const SUMMARY_PATHS: Record<string, ScalarPath> = {
  total: 'usageReportSummary.total',
  purged: 'usageReportSummary.purged',
  'total acknowledged received': 'usageReportSummary.ackReceived',
  'waiting for ack': 'usageReportSummary.waitingForAck',
  'available to report': 'usageReportSummary.availableToReport',
  'collecting data': 'usageReportSummary.collectingData',
  'in storage': 'usageReportSummary.inStorage',
  mia: 'usageReportSummary.mia',
};

/** `Time source is NTP, .05:30:30.132 UTC Thu Apr 18 2024` (IOS-XE `exec prompt timestamp`). */
const TIME_SOURCE = /^Time source is ([^,]+?)\s*(?:,\s*(.*))?$/i;
const CLOCK_MARK = /^([*.]?)\d{1,2}:\d{2}:\d{2}/;

/** `Example Corp As of Apr 18 07:45:10 2024 UTC` → `Example Corp`. */
function accountName(value: string): string | null {
  return textOrNull(value.replace(/\s+As of\s+.*$/i, ''));
}

export class StatusExtractor {
  private readonly licenses: Listed<License>[] = [];
  private readonly haUdis = new Map<string, Listed<HaUdi>>();
  private readonly trustUdis = new Map<string, Listed<TrustCodeUdi>>();
  private readonly communication: Listed<CommunicationStatistic>[] = [];
  private readonly attributes: Listed<PolicyAttribute>[] = [];
  private newestTrust: { iso: string; line: number } | null = null;
  private trustCodeLine: number | null = null;
  private noLicensesLine: number | null = null;
  private slpStatus: { value: boolean; line: number } | null = null;
  private slpBlockLine: number | null = null;
  private legacyLine: number | null = null;

  constructor(
    private readonly out: FragmentBuilder,
    private readonly lineOf: (token: IToken) => number,
  ) {}

  report(node: CstNode): void {
    for (const part of (node.children.part ?? []) as CstNode[]) this.part(part);
    this.finish();
  }

  private set(path: ScalarPath, value: Scalar | undefined, token: IToken): void {
    this.out.set(path, value, this.lineOf(token));
  }

  /** A time field: ISO UTC, null for `<none>`; an unknown zone or unreadable text is a diagnostic. */
  private time(token: IToken, text = afterLabel(token.image)): string | null | undefined {
    const reading = readTime(text);
    if (reading.problem) this.out.diag(this.lineOf(token), reading.problem);
    if (reading.iso === null && reading.problem) return undefined;
    return reading.iso;
  }

  /**
   * The clock the device printed above the output: a capture time with its line. The mark before the time is the
   * device's verdict on its clock (`*` not authoritative, `.` NTP synchronisation lost), as in `show clock`.
   */
  private timeSource(token: IToken): void {
    const match = TIME_SOURCE.exec(token.image.trim());
    if (!match) return;
    const line = this.lineOf(token);
    const clock = match[2]?.trim() ?? '';
    const mark = CLOCK_MARK.exec(clock);
    const time = mark ? parseDeviceTime(clock) : null;
    if (clock !== '' && time === null) this.out.diag(line, `could not read time "${clock}"`);
    if (time) {
      if (time.unknownZone) this.out.diag(line, `unknown time zone ${time.zone}, read as UTC`);
      this.out.set('captureTime', time.iso, line);
    }
    const ntp = /^NTP\b/i.test(match[1]!);
    this.out.set('ntp.synchronized', ntp && (mark?.[1] ?? '') === '', line);
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
      case 'TimeSource':
        this.timeSource(child);
        return;
      case 'LoadFor':
        // CPU load printed by `exec prompt timestamp`: nothing licensing depends on.
        return;
      default:
        // Part titles, `Smart Licensing is ENABLED`, elisions: read, nothing to keep.
        if (!tokenMatcher(child, PartTitle) && !['SmartLicensingIs', 'Elision'].includes(name)) {
          this.out.unrecognised(this.lineOf(child));
        }
    }
  }

  private block(node: CstNode): void {
    switch (node.name) {
      case 'smartLicensingUsingPolicy':
        return this.smartLicensingUsingPolicy(node);
      case 'accountInformation':
        return this.tokens(node).forEach((token) => this.account(token));
      case 'transport':
        return this.transport(node);
      case 'policy':
        return this.policy(node);
      case 'policyAttributes':
        return this.policyAttributes(node);
      case 'usageReporting':
        return this.usageReporting(node);
      case 'trustCode':
        return this.trustCode(node);
      case 'legacyStatus':
        return this.legacyStatus(node);
      case 'license':
        return this.license(node);
      case 'haUdiList':
        return this.haUdiList(node);
      case 'scheduledJobs':
        return this.tokens(node).forEach((token) => kind(token) === 'CurrentTime' && this.setTime('captureTime', token));
      case 'communicationStatistics':
        return this.communicationStatistics(node);
      case 'usageReportSummary':
        return this.usageReportSummary(node);
      case 'otherInfo':
        return this.otherInfo(node);
      default:
        // utility, dataPrivacy, miscellaneous, unstoredPart: read, nothing the model keeps.
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

  private smartLicensingUsingPolicy(node: CstNode): void {
    const [heading, ...fields] = this.tokens(node);
    if (heading) this.slpBlockLine = this.lineOf(heading);
    for (const token of fields) {
      const enabled = yesNo(afterLabel(token.image));
      if (enabled !== undefined) this.slpStatus = { value: enabled, line: this.lineOf(token) };
    }
  }

  private transport(node: CstNode): void {
    let under: 'proxy' | 'vrf' | null = null;
    const hasUrlLine = this.tokens(node).some((token) => kind(token) === 'Url');
    for (const token of this.tokens(node)) {
      const value = afterLabel(token.image);
      switch (kind(token)) {
        case 'TransportTypeField': {
          const type = transportType(value);
          if (type === undefined) this.out.diag(this.lineOf(token), `unknown transport type "${value}"`);
          this.set('transport.type', type, token);
          break;
        }
        case 'Url':
          this.set('transport.url', textOrNull(value), token);
          break;
        case 'CsluAddress':
          this.set('transport.csluAddress', textOrNull(value), token);
          // A URL here is where the device sends reports (CSLU or SSM On-Prem); `cslu-local` is only a name.
          if (/^https?:\/\//i.test(value) && !hasUrlLine) this.set('transport.url', value, token);
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

  private usageReporting(node: CstNode): void {
    const paths: Record<string, ScalarPath> = {
      LastAckReceived: 'usageReporting.lastAckReceived',
      NextAckDeadline: 'usageReporting.nextAckDeadline',
      NextAckPushCheck: 'usageReporting.nextAckPushCheck',
      NextReportPush: 'usageReporting.nextReportPush',
      LastReportPush: 'usageReporting.lastReportPush',
      LastReportFileWrite: 'usageReporting.lastReportFileWrite',
    };
    const [heading, ...fields] = this.tokens(node);
    if (heading) this.slpBlockLine ??= this.lineOf(heading);
    for (const token of fields) {
      if (kind(token) === 'ReportingPushInterval') {
        const value = afterLabel(token.image);
        this.set('usageReporting.reportingPushIntervalDays', isNothing(value) ? null : firstNumber(value), token);
        continue;
      }
      const path = paths[kind(token)];
      if (path) this.setTime(path, token);
    }
  }

  private trustInstalled(iso: string | null | undefined, token: IToken): void {
    if (!iso) return;
    if (this.newestTrust === null || iso > this.newestTrust.iso) this.newestTrust = { iso, line: this.lineOf(token) };
  }

  private trustCode(node: CstNode): void {
    let current: TrustCodeUdi | null = null;
    for (const token of this.tokens(node)) {
      switch (kind(token)) {
        case 'TrustCodeInstalled': {
          this.trustCodeLine ??= this.lineOf(token);
          const value = afterLabel(token.image);
          if (value !== '' && !/^Trust Code Type/i.test(value)) this.trustInstalled(this.time(token, value), token);
          break;
        }
        case 'UdiRoleLine': {
          const udi = readUdi(token.image);
          if (!udi) break;
          current = { role: udi.role, pid: udi.pid, sn: udi.sn, installedAt: null, installed: null, validFrom: null, expiresAt: null, type: null };
          // The date may follow on the same line, bare or as `INSTALLED on …`.
          const installed = udi.rest.replace(/^INSTALLED on\s+/i, '');
          if (installed !== '') current.installedAt = this.time(token, installed) ?? null;
          this.trustInstalled(current.installedAt, token);
          this.trustUdis.set(`${udi.role}|${udi.pid}|${udi.sn}`, { item: current, line: this.lineOf(token) });
          break;
        }
        case 'DateLine': {
          const iso = this.time(token, token.image.replace(/^INSTALLED on\s+/i, ''));
          if (current && current.installedAt === null) current.installedAt = iso ?? null;
          this.trustInstalled(iso, token);
          break;
        }
        default:
          break;
      }
    }
  }

  private legacyStatus(node: CstNode): void {
    const [heading, ...fields] = this.tokens(node);
    if (!heading) return;
    const section = kind(heading);
    if (section === 'RegistrationHeading' || section === 'LicenseAuthorizationHeading') {
      this.legacyLine ??= this.lineOf(heading);
    }
    for (const token of fields) {
      const value = afterLabel(token.image);
      if (kind(token) === 'SmartAccount' || kind(token) === 'VirtualAccount') this.account(token);
      if (kind(token) !== 'Status') continue;
      if (section === 'RegistrationHeading') this.set('legacy.registrationStatus', textOrNull(value), token);
      if (section === 'LicenseAuthorizationHeading') {
        const status = textOrNull(value.replace(/\s+on\s+.*$/i, ''));
        this.set('legacy.authorizationStatus', status, token);
        this.set('legacy.evalMode', status !== null && /^EVAL/i.test(status), token);
      }
    }
  }

  private license(node: CstNode): void {
    const [heading, ...fields] = this.tokens(node);
    if (!heading) return;
    const license: License = {
      name: null,
      entitlementTag: null,
      description: null,
      count: null,
      status: null,
      enforcementType: null,
      licenseType: null,
    };
    if (kind(heading) === 'LicenseHeading') {
      const match = /^(.*?)\s*\(([^()]*)\)\s*:\s*$/.exec(heading.image);
      const before = textOrNull(match?.[1] ?? '');
      const inParens = textOrNull(match?.[2] ?? '');
      // IOS-XE prints `name (description):`; NX-OS prints `(FEATURE_NAME):`, or `Truncated descr... (FEATURE_NAME):`.
      if (before === null || (inParens !== null && /^[A-Z0-9_]+$/.test(inParens))) {
        license.name = inParens;
        license.description = before !== null && !before.endsWith('...') ? before : null;
      } else {
        license.name = before;
        license.description = inParens;
      }
    }
    for (const token of fields) {
      const value = afterLabel(token.image);
      switch (kind(token)) {
        case 'LicenseName':
          license.name = textOrNull(value) ?? license.name;
          break;
        case 'EntitlementTag':
          license.entitlementTag = textOrNull(value);
          break;
        case 'Description':
          license.description = textOrNull(value) ?? license.description;
          break;
        case 'Count':
          // The first count is the license's; nested measurement counts repeat or refine it.
          license.count ??= isNothing(value) ? null : firstNumber(value);
          break;
        case 'Status':
          license.status = textOrNull(withoutCode(value));
          break;
        case 'FeatureName':
          license.name ??= textOrNull(value);
          break;
        case 'FeatureDescription':
          license.description ??= textOrNull(value);
          break;
        case 'EnforcementType':
          license.enforcementType = textOrNull(value);
          break;
        case 'LicenseType':
          license.licenseType = textOrNull(value);
          break;
        default:
          break;
      }
    }
    this.licenses.push({ item: license, line: this.lineOf(heading) });
  }

  private addHaUdi(text: string, token: IToken): void {
    const udi = readUdi(text);
    if (!udi || udi.role === null) return;
    const item: HaUdi = { role: udi.role, pid: udi.pid, sn: udi.sn };
    this.haUdis.set(`${item.role}|${item.pid}|${item.sn}`, { item, line: this.lineOf(token) });
  }

  private haUdiList(node: CstNode): void {
    for (const token of this.tokens(node)) {
      if (kind(token) === 'UdiRoleLine') this.addHaUdi(token.image, token);
      // `HA UDI List: Active: PID:…` run together on one line.
      else if (/PID/i.test(afterLabel(token.image))) this.addHaUdi(afterLabel(token.image), token);
    }
  }

  private communicationStatistics(node: CstNode): void {
    for (const child of inTextOrder(node)) if (!isToken(child)) this.messageKind(child);
  }

  private messageKind(node: CstNode): void {
    const [heading, ...fields] = this.tokens(node);
    if (!heading) return;
    const statistic: CommunicationStatistic = {
      kind: kebabCase(heading.image),
      total: null,
      success: null,
      fail: null,
      ongoingFailure: null,
      ongoingCommunicationFailure: null,
      lastResponse: null,
      failureReason: null,
      lastSuccessTime: null,
      lastFailureTime: null,
    };
    for (const token of fields) {
      const value = afterLabel(token.image);
      switch (kind(token)) {
        case 'Attempts':
          statistic.total = counter(value, COUNTERS.total);
          statistic.success = counter(value, COUNTERS.success);
          statistic.fail = counter(value, COUNTERS.fail);
          statistic.ongoingFailure ??= counter(value, COUNTERS.overall);
          break;
        case 'OngoingFailure':
          statistic.ongoingFailure = counter(value, COUNTERS.overall);
          break;
        case 'LastResponse':
          statistic.lastResponse = textOrNull(value.replace(/\s+on\s+.*$/i, '').replace(/,\s*$/, ''));
          break;
        case 'FailureReason':
          statistic.failureReason = textOrNull(value);
          break;
        case 'LastSuccessTime':
          statistic.lastSuccessTime = this.time(token) ?? null;
          break;
        case 'LastFailureTime':
          statistic.lastFailureTime = this.time(token) ?? null;
          break;
        default:
          break;
      }
    }
    this.communication.push({ item: statistic, line: this.lineOf(heading) });
  }

  /** The agent prints two counters to a line (`Maximum Display: 14  In Storage: 14,  MIA: 0(0)`): read every pair. */
  private usageReportSummary(node: CstNode): void {
    for (const token of this.tokens(node)) {
      for (const match of token.image.matchAll(SUMMARY_COUNTER)) {
        const path = SUMMARY_PATHS[match[1]!.replace(/\s+/g, ' ').toLowerCase()];
        if (path) this.set(path, Number(match[2]), token);
      }
    }
  }

  private otherInfo(node: CstNode): void {
    for (const token of this.tokens(node)) {
      if (kind(token) === 'WriteEraseOccurred') {
        this.set('writeEraseOccurred', yesNo(afterLabel(token.image)), token);
      }
    }
  }

  private finish(): void {
    if (this.slpStatus) this.out.set('slpEnabled', this.slpStatus.value, this.slpStatus.line);
    else if (this.legacyLine !== null) this.out.set('slpEnabled', false, this.legacyLine);
    // Policy and Usage Reporting blocks exist only under Smart Licensing Using Policy.
    else if (this.slpBlockLine !== null) this.out.set('slpEnabled', true, this.slpBlockLine);

    if (this.newestTrust) this.out.set('trustCode.installedAt', this.newestTrust.iso, this.newestTrust.line);
    else if (this.trustCodeLine !== null) this.out.set('trustCode.installedAt', null, this.trustCodeLine);
    if (this.trustCodeLine !== null) this.out.touch('trustCode.udis');
    for (const { item, line } of this.trustUdis.values()) this.out.add('trustCode.udis', item, line);

    if (this.noLicensesLine !== null) this.out.touch('licenses');
    for (const { item, line } of this.licenses) this.out.add('licenses', item, line);
    for (const { item, line } of this.haUdis.values()) this.out.add('haUdis', item, line);
    for (const { item, line } of this.attributes) this.out.add('policy.attributes', item, line);
    for (const { item, line } of this.communication) this.out.add('communication', item, line);
  }
}
