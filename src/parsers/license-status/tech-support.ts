// The parts `show license all` and `show license tech support` add to the status: Communication Statistics, the
// Usage Report Summary, the Device Telemetry and Product Analytics summaries, and Other Info.
import type { IToken } from 'chevrotain';
import type { CommunicationStatistic } from '../../common/device.js';
import type { ScalarPath } from '../../common/paths.js';
import { kind, type Reading } from './reading.js';
import { afterLabel, firstNumber, isNothing, kebabCase, textOrNull, yesNo } from './values.js';

/** `Attempts: Total=42, Success=0, Fail=42  Ongoing Failure: Overall=42 Communication=42` */
const COUNTERS = {
  total: /Total\s*=\s*(\d+)/i,
  success: /Success\s*=\s*(\d+)/i,
  fail: /Fail\s*=\s*(\d+)/i,
  overall: /Overall\s*=\s*(\d+)/i,
  communication: /Communication\s*=\s*(\d+)/i,
};

function counter(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

/** `NO REPLY on Apr 18 09:12:00 2024 UTC` → `NO REPLY`; `INVALID STATUS CODE` stays as it is. */
const RESPONSE_TIME = /\s+on\s+(?:[A-Za-z]{3},?\s+){1,2}\d.*$/;

/** One message kind under Communication Statistics (`Usage Reporting:` and its attempts, answers and times). */
export function readMessageKind(reading: Reading, tokens: readonly IToken[]): CommunicationStatistic | null {
  const [heading, ...fields] = tokens;
  if (!heading) return null;
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
        statistic.ongoingCommunicationFailure ??= counter(value, COUNTERS.communication);
        break;
      case 'OngoingFailure':
        statistic.ongoingFailure = counter(value, COUNTERS.overall);
        statistic.ongoingCommunicationFailure = counter(value, COUNTERS.communication);
        break;
      case 'LastResponse':
        statistic.lastResponse = textOrNull(value.replace(RESPONSE_TIME, '').replace(/,\s*$/, ''));
        break;
      case 'FailureReason':
        // May be the server's JSON answer (`{"product_instance_identifier":[…]}`): kept whole, as printed.
        statistic.failureReason = textOrNull(value);
        break;
      case 'LastSuccessTime':
        statistic.lastSuccessTime = reading.time(token) ?? null;
        break;
      case 'LastFailureTime':
        statistic.lastFailureTime = reading.time(token) ?? null;
        break;
      default:
        break;
    }
  }
  return statistic;
}

/**
 * One `Label: N` counter of the Usage Report Summary, with the bracketed second number of tech support's `N(M)`
 * pairs. The agent prints two counters to a line (`Maximum Display: 366  In Storage: 8,  MIA: 0(0)`).
 */
const SUMMARY_COUNTER = /([A-Za-z][A-Za-z ]*?)\s*:\s*(\d+)(?:\((\d+)\))?/g;

const SUMMARY_PATHS: Record<string, { path: ScalarPath; bracketed?: ScalarPath }> = {
  total: { path: 'usageReportSummary.total' },
  purged: { path: 'usageReportSummary.purged', bracketed: 'usageReportSummary.purgedBracketed' },
  'total acknowledged received': { path: 'usageReportSummary.ackReceived' },
  'waiting for ack': { path: 'usageReportSummary.waitingForAck', bracketed: 'usageReportSummary.waitingForAckBracketed' },
  'available to report': { path: 'usageReportSummary.availableToReport' },
  'collecting data': { path: 'usageReportSummary.collectingData' },
  'maximum display': { path: 'usageReportSummary.maximumDisplay' },
  'in storage': { path: 'usageReportSummary.inStorage' },
  mia: { path: 'usageReportSummary.mia', bracketed: 'usageReportSummary.miaBracketed' },
};

export function readUsageReportSummary(reading: Reading, tokens: readonly IToken[]): void {
  for (const token of tokens) {
    if (kind(token) === 'SummaryReportModuleStatus') {
      reading.set('usageReportSummary.reportModuleStatus', textOrNull(afterLabel(token.image)), token);
      continue;
    }
    for (const match of token.image.matchAll(SUMMARY_COUNTER)) {
      const paths = SUMMARY_PATHS[match[1]!.replace(/\s+/g, ' ').toLowerCase()];
      if (!paths) continue;
      reading.set(paths.path, Number(match[2]), token);
      if (paths.bracketed && match[3] !== undefined) reading.set(paths.bracketed, Number(match[3]), token);
    }
  }
}

/** `Device Telemetry Report Summary:` / `Product Analytics Report Summary:` and their lines. */
export function readReportChannel(reading: Reading, tokens: readonly IToken[]): void {
  const [title, ...fields] = tokens;
  if (!title) return;
  const channel = kind(title) === 'ProductAnalyticsTitle' ? 'productAnalytics' : 'deviceTelemetry';
  for (const token of fields) {
    const value = afterLabel(token.image);
    switch (kind(token)) {
      case 'DataChannel':
        // AVAILABLE / NOT AVAILABLE is the channel's state, not a missing value: kept as printed.
        reading.set(`${channel}.dataChannel`, availability(value) === undefined ? textOrNull(value) : value.trim(), token);
        reading.set(`${channel}.available`, availability(value), token);
        break;
      case 'ReportsOnDisk':
        reading.set(`${channel}.reportsOnDisk`, isNothing(value) ? null : firstNumber(value), token);
        break;
      case 'NotAvailableReason':
        reading.set(`${channel}.notAvailableReason`, textOrNull(value), token);
        if (!isNothing(value)) reading.set(`${channel}.available`, false, token);
        break;
      default:
        break;
    }
  }
}

/** `AVAILABLE` → true, `NOT AVAILABLE` → false. */
export function availability(value: string): boolean | undefined {
  if (/^NOT AVAILABLE\b/i.test(value.trim())) return false;
  if (/^AVAILABLE\b/i.test(value.trim())) return true;
  return undefined;
}

/** Other Info: the clock and write erase; its trust lines go to the trust reader. */
export function readOtherInfoLine(reading: Reading, token: IToken): void {
  const value = afterLabel(token.image);
  switch (kind(token)) {
    case 'WriteEraseOccurred':
      reading.set('writeEraseOccurred', yesNo(value), token);
      break;
    case 'ClockSyncedWithNtp':
      reading.set('clock.ntpSynchronized', yesNo(value), token);
      break;
    default:
      // Agent build facts and interface flags, and `Transport:` as the agent was built: nothing licensing needs.
      break;
  }
}
