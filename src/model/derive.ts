// Facts that rules need and that belong to the model rather than to each rule: which documented topology the
// device is in, the state of communication per destination, and where reporting stands against the capture time.
import type {
  CommunicationStatistic,
  Destination,
  DestinationState,
  DerivedFacts,
  DeviceModel,
  ExchangeFailure,
  FailingExchange,
  ReportingStatus,
  SyslogMessage,
  Topology,
} from '../common/device.js';
import { isOnPremUrl } from '../common/cslu-url.js';
import { daysBetween } from '../common/time.js';

export function deriveFacts(device: DeviceModel, now: string | null): DerivedFacts {
  const onPrem =
    device.transport.onPremTenant !== null ||
    isOnPremUrl(device.transport.url) ||
    isOnPremUrl(device.transport.csluAddress) ||
    device.syslog.some((m) => m.name === 'REPORTING_NOT_SUPPORTED');
  const { topology, reason } = inferTopology(device, onPrem);
  const communication = communicationStates(device, onPrem, now);
  const liveCommFailure = communication.some((c) => c.state === 'failing' || c.state === 'flapping');
  const failingExchanges = failingExchangesOf(device, now);
  return {
    topology,
    topologyReason: reason,
    onPrem,
    communication,
    liveCommFailure,
    failingExchanges,
    reporting: reportingStatus(device, now, liveCommFailure, failingExchanges),
    trustInstalled: trustInstalled(device),
    csluVirtualAccounts: [],
    clockSynchronized:
      device.ntp.synchronized ??
      device.clock.ntpSynchronized ??
      (device.syslog.some((m) => m.facility === 'PKI' && m.mnemonic === 'NON_AUTHORITATIVE_CLOCK') ? false : null),
  };
}

/**
 * Trust as any layout shows it: a date (one, or per UDI), `Trust Code Type: CSSM` of agent 6.3+, Other Info's
 * `Trust Data INSTALLED` / `Overall Trust: INSTALLED` of agent 5.x (the parser sums these up in trustCode.installed).
 */
function trustInstalled(device: DeviceModel): boolean {
  const trust = device.trustCode;
  return trust.installed === true || trust.installedAt !== null || trust.udis.some((u) => u.installed === true || u.installedAt !== null);
}

function inferTopology(device: DeviceModel, onPrem: boolean): { topology: Topology; reason: string } {
  const type = device.transport.type;
  if (device.slpEnabled === false) return { topology: 'unknown', reason: 'Smart Licensing Using Policy is not enabled (pre-SLP output)' };
  switch (type) {
    case 'off':
      return { topology: 'offline', reason: 'transport is off: reports are saved and uploaded by hand' };
    case 'callhome':
      return { topology: 'direct-callhome', reason: 'transport is Call Home, straight to CSSM' };
    case 'smart':
      return onPrem
        ? { topology: 'onprem', reason: 'Smart transport pointing at an SSM On-Prem URL' }
        : { topology: 'direct-smart', reason: 'transport is Smart, straight to CSSM' };
    case 'cslu':
      if (onPrem) {
        // An On-Prem that never gets ACKs from Cisco is disconnected; the device cannot tell, so stay with onprem.
        return { topology: 'onprem', reason: `CSLU transport to an SSM On-Prem URL (${device.transport.url ?? device.transport.csluAddress})` };
      }
      return {
        topology: 'cslu',
        reason: `CSLU transport to ${device.transport.url ?? device.transport.csluAddress ?? 'cslu-local'} (whether CSLU itself is connected to CSSM is not visible from the device)`,
      };
    case 'automatic':
      return { topology: 'unknown', reason: 'transport is automatic: the Smart Agent chooses the destination itself' };
    default:
      return { topology: 'unknown', reason: 'nothing in the capture shows the transport' };
  }
}

function destinationOf(message: SyslogMessage, device: DeviceModel, onPrem: boolean): Destination {
  const text = message.text;
  let destination: Destination = 'unknown';
  if (/Smart License Utility|\bCSLU\b|cslu-local|\/cslu\/v1/i.test(text)) destination = 'cslu';
  // Over Call Home the message still names CSSM, the reason names the transport (FN72323: `… (CSSM) : Fail to send
  // out Call Home HTTP message.`).
  else if (/tools\.cisco\.com|call ?home/i.test(text)) destination = 'callhome';
  else if (/Smart Software Manager|\bCSSM\b|smartreceiver/i.test(text)) destination = 'cssm';
  else if (/on-?prem/i.test(text)) destination = 'onprem';
  else if (device.transport.type === 'smart') destination = 'cssm';
  else if (device.transport.type === 'callhome') destination = 'callhome';
  else if (device.transport.type === 'cslu') destination = 'cslu';
  if (destination === 'cslu' && onPrem) destination = 'onprem';
  return destination;
}

function transportDestination(device: DeviceModel, onPrem: boolean): Destination | null {
  switch (device.transport.type) {
    case 'smart':
      return onPrem ? 'onprem' : 'cssm';
    case 'callhome':
      return 'callhome';
    case 'cslu':
      return onPrem ? 'onprem' : 'cslu';
    default:
      return null;
  }
}

/** A time the capture can vouch for: not later than the capture time (a later one is not evidence of the present). */
function seenBy(time: string | null, now: string | null): time is string {
  return time !== null && (now === null || Date.parse(time) <= Date.parse(now));
}

function isAfter(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** The newest success of any kind in the Communication Statistics, as far as the capture time vouches for it. */
function latestExchangeSuccess(device: DeviceModel, now: string | null): string | null {
  let latest: string | null = null;
  for (const c of device.communication) {
    if (seenBy(c.lastSuccessTime, now) && (latest === null || isAfter(c.lastSuccessTime, latest))) latest = c.lastSuccessTime;
  }
  return latest;
}

// Failure Reasons that say the request got no answer (the agent's own words for send, name and connection errors).
const NO_ANSWER_REASON = /send error|no reply|resolve|timed? ?out|connection (refused|reset|failed)|unreachable|no route/i;

function exchangeFailure(c: CommunicationStatistic): ExchangeFailure {
  const response = c.lastResponse ?? '';
  // The request was never built, so it never left the device: neither the network nor the server is to blame.
  if (/BUILD REQUEST ERROR/i.test(response)) return 'not-sent';
  // `Communication=N` counts the failures in which nothing came back; 0 with failures means the server answered.
  if (c.ongoingCommunicationFailure !== null) return c.ongoingCommunicationFailure > 0 ? 'no-answer' : 'rejected';
  if (/NO REPLY/i.test(response) || NO_ANSWER_REASON.test(c.failureReason ?? '')) return 'no-answer';
  if (response !== '' && !/^OK\b/i.test(response)) return 'rejected';
  return 'unknown';
}

function failingExchangesOf(device: DeviceModel, now: string | null): FailingExchange[] {
  const anySuccess = latestExchangeSuccess(device, now);
  const failing: FailingExchange[] = [];
  for (const c of device.communication) {
    if (c.ongoingFailure === null || c.ongoingFailure <= 0) continue;
    const failure = exchangeFailure(c);
    const last = c.lastFailureTime;
    if (last !== null) {
      if (seenBy(c.lastSuccessTime, now) && isAfter(c.lastSuccessTime, last)) continue;
      // Any exchange that got through after this one failed shows the server can be reached.
      if (failure === 'no-answer' && anySuccess !== null && isAfter(anySuccess, last)) continue;
    }
    failing.push({
      kind: c.kind,
      ongoingFailure: c.ongoingFailure,
      failure,
      lastResponse: c.lastResponse,
      failureReason: c.failureReason,
      lastFailureTime: last,
    });
  }
  return failing;
}

function communicationStates(device: DeviceModel, onPrem: boolean, now: string | null): DestinationState[] {
  const relevant = device.syslog
    .map((message, index) => ({ message, index }))
    .filter(({ message }) => message.name === 'COMM_FAILED' || message.name === 'COMM_RESTORED');
  // Time order where known; input order breaks ties and orders messages without a time.
  relevant.sort((a, b) => {
    const ta = a.message.time ? Date.parse(a.message.time) : NaN;
    const tb = b.message.time ? Date.parse(b.message.time) : NaN;
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
    return a.index - b.index;
  });
  const states = new Map<Destination, DestinationState & { last: 'failure' | 'restore' }>();
  for (const { message } of relevant) {
    const destination = destinationOf(message, device, onPrem);
    let state = states.get(destination);
    if (!state) {
      state = {
        destination, state: 'ok', failures: 0, restores: 0,
        firstFailure: null, lastFailure: null, lastRestore: null, lastFailureText: null, last: 'restore',
      };
      states.set(destination, state);
    }
    if (message.name === 'COMM_FAILED') {
      state.failures++;
      state.firstFailure ??= message.time;
      state.lastFailure = message.time;
      state.lastFailureText = message.text;
      state.last = 'failure';
    } else if (state.last === 'failure') {
      state.restores++;
      state.lastRestore = message.time;
      state.last = 'restore';
    }
  }
  // An ACK received, or an exchange of the Communication Statistics that succeeded, after the last failure proves the
  // transport's destination answered again.
  const ack = seenBy(device.usageReporting.lastAckReceived, now) ? device.usageReporting.lastAckReceived : null;
  const success = latestExchangeSuccess(device, now);
  const answered = ack !== null && (success === null || isAfter(ack, success)) ? ack : success;
  const answeredDestination = transportDestination(device, onPrem);
  if (answered !== null && answeredDestination) {
    const state = states.get(answeredDestination);
    if (state && state.last === 'failure' && state.lastFailure && isAfter(answered, state.lastFailure)) {
      state.restores++;
      state.lastRestore = answered;
      state.last = 'restore';
    }
  }
  return [...states.values()].map(({ last, ...state }) => ({
    ...state,
    state: state.failures === 0 ? 'ok' : last === 'restore' ? 'restored' : state.restores >= 2 ? 'flapping' : 'failing',
  }));
}

// The exchanges that carry usage reports and bring their ACKs back.
const REPORTING_EXCHANGES = new Set(['usage-reporting', 'result-polling']);

function reportingStatus(
  device: DeviceModel,
  now: string | null,
  liveCommFailure: boolean,
  failingExchanges: FailingExchange[],
): ReportingStatus {
  const reporting = device.usageReporting;
  const status: ReportingStatus = {
    daysToAckDeadline: null, ackOverdue: false, reportPushOverdueDays: null, ackPendingHours: null,
    ackedSinceLastReport: false, onTrack: false, requiredInDays: null,
  };
  const ack = seenBy(reporting.lastAckReceived, now) ? reporting.lastAckReceived : null;
  status.ackedSinceLastReport =
    ack !== null &&
    [reporting.lastReportPush, reporting.lastReportFileWrite].every((report) => report === null || !isAfter(report, ack));
  status.requiredInDays = requiredInDays(device, now);
  if (now !== null) {
    if (reporting.nextAckDeadline) {
      status.daysToAckDeadline = round(daysBetween(now, reporting.nextAckDeadline));
      status.ackOverdue = device.policy.reportingAckRequired !== false && status.daysToAckDeadline < 0;
    }
    if (reporting.nextReportPush) status.reportPushOverdueDays = round(daysBetween(reporting.nextReportPush, now));
    const push = reporting.lastReportPush;
    if (push && (!ack || Date.parse(ack) < Date.parse(push))) status.ackPendingHours = round(daysBetween(push, now) * 24);
  }
  const { nextReportPush, nextAckDeadline } = reporting;
  status.onTrack =
    device.transport.type !== 'off' &&
    status.ackedSinceLastReport &&
    !liveCommFailure &&
    !failingExchanges.some((f) => REPORTING_EXCHANGES.has(f.kind)) &&
    !(status.reportPushOverdueDays !== null && status.reportPushOverdueDays > 1) &&
    !(nextReportPush !== null && nextAckDeadline !== null && !isAfter(nextAckDeadline, nextReportPush));
  return status;
}

/** `A Usage report acknowledgement will be required in 89 days.` (both platforms print the same words). */
const REQUIRED_IN_DAYS = /required in (\d+) days?/i;

function requiredInDays(device: DeviceModel, now: string | null): number | null {
  const ack = seenBy(device.usageReporting.lastAckReceived, now) ? device.usageReporting.lastAckReceived : null;
  let days: number | null = null;
  for (const message of device.syslog) {
    if (message.name !== 'REPORTING_REQUIRED') continue;
    // An ACK after the alert answered it.
    if (ack !== null && message.time !== null && !isAfter(message.time, ack)) continue;
    const match = REQUIRED_IN_DAYS.exec(message.text);
    if (!match) continue;
    const left = Number(match[1]);
    days = message.time !== null && now !== null ? round(left - daysBetween(message.time, now)) : left;
  }
  return days;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The CSLU a device reports through, or null when it does not use standalone CSLU. */
function csluEndpoint(device: DeviceModel): string | null {
  if (device.transport.type !== 'cslu' || device.derived.onPrem) return null;
  return (device.transport.url ?? device.transport.csluAddress ?? 'cslu-local').toLowerCase();
}

/** Cross-device fact: which Virtual Accounts share each standalone CSLU in this analysis. */
export function deriveFleetFacts(devices: DeviceModel[]): void {
  const accounts = new Map<string, Set<string>>();
  for (const device of devices) {
    const endpoint = csluEndpoint(device);
    const account = device.account.virtualAccount;
    if (endpoint === null || account === null) continue;
    const set = accounts.get(endpoint) ?? new Set<string>();
    set.add(account);
    accounts.set(endpoint, set);
  }
  for (const device of devices) {
    const endpoint = csluEndpoint(device);
    device.derived.csluVirtualAccounts = endpoint === null ? [] : [...(accounts.get(endpoint) ?? [])].sort();
  }
}
