// Facts derived from the read fields (topology, communication state, reporting status): model/derive.ts computes
// them after the merge; rules read them like any other field.
/* eslint-disable @typescript-eslint/no-empty-object-type -- each model type is an interface named after its schema, so hovers and errors say `DerivedFacts`, not its fields */
import { block, decimal, flag, known, list, named, oneOf, text, time, type Static } from './fields.js';

export const TOPOLOGIES = [
  'cslu',
  'cslu-disconnected',
  'direct-smart',
  'direct-callhome',
  'onprem',
  'onprem-disconnected',
  'offline',
  'unknown',
] as const;
export type Topology = (typeof TOPOLOGIES)[number];

export const DESTINATIONS = ['cssm', 'cslu', 'onprem', 'callhome', 'unknown'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/**
 * What the failures of one kind of exchange show. `no-answer`: nothing came back (`NO REPLY`, a send error,
 * `Communication=N` above 0). `rejected`: the server answered and refused the request (`INVALID STATUS CODE`,
 * `OK_TRY_AGAIN`, `Communication=0`). `not-sent`: the device could not build the request (`BUILD REQUEST ERROR`).
 */
export const EXCHANGE_FAILURES = ['no-answer', 'rejected', 'not-sent', 'unknown'] as const;
export type ExchangeFailure = (typeof EXCHANGE_FAILURES)[number];

const destinationState = block({
  destination: oneOf(DESTINATIONS),
  state: oneOf(
    ['failing', 'restored', 'flapping', 'ok'],
    'failing: last event is a failure; restored: failed then restored; flapping: restored and failed again at least twice',
  ),
  failures: known.integer(),
  restores: known.integer(),
  firstFailure: time(),
  lastFailure: time(),
  lastRestore: time(),
  lastFailureText: text('The text of the last failure message (after the mnemonic)'),
});
export interface DestinationState extends Static<typeof destinationState> {}
export const DestinationState = named<DestinationState>(destinationState);

const reportingStatus = block({
  daysToAckDeadline: decimal('Days from capture time to Next ACK deadline (negative when overdue), null when unknown'),
  ackOverdue: known.flag(undefined, false),
  reportPushOverdueDays: decimal('Days the Next report push lies before the capture time (positive = overdue), null when unknown'),
  ackPendingHours: decimal('Hours since Last report push without a later ACK, null when no push or ACK after it'),
  ackedSinceLastReport: known.flag(
    'An ACK (not later than the capture time) arrived at or after the last report push and the last report file write: the last report was acknowledged',
    false,
  ),
  onTrack: known.flag(
    'Reporting is happening on its own: transport is not off, the last report was acknowledged, no communication or usage-reporting exchange is failing, and the next report push (when shown) falls before the Next ACK deadline',
    false,
  ),
  requiredInDays: decimal(
    'Days left on the newest `REPORTING_REQUIRED` alert (`… will be required in N days`) that no ACK followed: its time plus N, against the capture time (N itself when either is unknown); null when there is no such alert',
  ),
});
export interface ReportingStatus extends Static<typeof reportingStatus> {}
export const ReportingStatus = named<ReportingStatus>(reportingStatus);

const failingExchange = block(
  {
    kind: known.kind('As in `communication`: hello-message, usage-reporting, result-polling, …'),
    ongoingFailure: known.integer('`Ongoing Failure: Overall=N`'),
    failure: oneOf(EXCHANGE_FAILURES),
    lastResponse: text(),
    failureReason: text(),
    lastFailureTime: time(),
  },
  'A kind of exchange of the tech-support Communication Statistics that is still failing at the capture time',
);
export interface FailingExchange extends Static<typeof failingExchange> {}
export const FailingExchange = named<FailingExchange>(failingExchange);

const derivedFacts = block({
  topology: oneOf(TOPOLOGIES, undefined, 'unknown'),
  topologyReason: known.text('Why that topology was inferred, for the report header and `rules explain`', {
    default: 'nothing in the capture shows the transport',
  }),
  onPrem: known.flag(undefined, false),
  communication: list(DestinationState),
  liveCommFailure: known.flag('true when some destination is in state failing or flapping', false),
  failingExchanges: list(
    FailingExchange,
    'Exchanges the Communication Statistics show failing now (`Ongoing Failure: Overall` above 0), without those a later success superseded: a success of the same kind after the last failure or, for failures without an answer, a success of any kind (the server was reached since). Successes later than the capture time do not count',
  ),
  reporting: ReportingStatus,
  trustInstalled: known.flag(undefined, false),
  clockSynchronized: flag(
    "NTP synchronisation as far as the capture shows it: `show ntp status` (ntp.synchronized), else the clock's state (clock.ntpSynchronized: `show clock`, the prompt-timestamp header, tech support), else false when PKI reported a non-authoritative clock",
  ),
  csluVirtualAccounts: list(
    known.text(),
    'Virtual Accounts of all devices in this analysis that report through the same standalone CSLU as this one (same CSLU URL or address), this device\'s included. Standalone CSLU serves one SA/VA',
  ),
});
export interface DerivedFacts extends Static<typeof derivedFacts> {}
export const DerivedFacts = named<DerivedFacts>(derivedFacts);
