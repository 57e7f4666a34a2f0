// One time axis for everything with a time: syslog, eventlog, history messages, report pushes, ACKs, trust code
// installation, the capture itself and the ACK deadline. The chart is text so it reads in a pasted case note too.
import type { DeviceModel } from '../common/device.js';

export type Lane = 'failure' | 'syslog' | 'event' | 'push' | 'ack' | 'trust' | 'deadline';

export interface TimelineEvent {
  time: string;
  ms: number;
  lane: Lane;
  label: string;
  /** About licensing or what it depends on; a show-tech's interface and routing messages are not. */
  licensing: boolean;
  file?: string;
  line?: number;
}

export const LANES: { lane: Lane; label: string; mark: string }[] = [
  { lane: 'failure', label: 'failures', mark: '✖' },
  { lane: 'syslog', label: 'syslog', mark: '•' },
  { lane: 'event', label: 'events', mark: '•' },
  { lane: 'push', label: 'pushes', mark: '↑' },
  { lane: 'ack', label: 'ACKs', mark: '✔' },
  { lane: 'trust', label: 'trust', mark: '◆' },
  { lane: 'deadline', label: 'deadline', mark: '⚑' },
];

const FAILURE = /FAIL|ERROR|DENIED|EXPIRED|INVALID|UNREACH|NOT_RECEIVED|OUT_OF_COMPLIANCE|REMOVED/i;

/**
 * Syslog facilities the timeline shows by default: licensing itself, and what reaching CSSM, CSLU or SSM On-Prem
 * depends on (trust, Call Home, HTTP and TLS, name resolution, the clock). A show-tech's log is mostly other
 * facilities (ETHPORT, interfaces, routing): those show on a key.
 */
export const TIMELINE_FACILITIES: ReadonlySet<string> = new Set([
  'LICMGR', 'SMART_LIC', 'LICENSE', 'PKI', 'CRYPTO', 'CRYPTO_PKI', 'CALLHOME', 'CALL_HOME', 'HTTP', 'HTTPC', 'SSL', 'DNS', 'NTP', 'CLOCK',
]);

export function timelineEvents(device: DeviceModel): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push = (time: string | null, lane: Lane, label: string, where?: { file: string; line: number }, licensing = true) => {
    if (!time) return;
    const ms = Date.parse(time);
    if (Number.isNaN(ms)) return;
    events.push({ time, ms, lane, label, licensing, file: where?.file, line: where?.line });
  };
  const source = (path: string) => device.sources[path];
  for (const m of device.syslog) {
    const name = m.name ?? m.mnemonic;
    const failing = m.severity <= 3 || FAILURE.test(name);
    push(m.time, failing ? 'failure' : 'syslog', `${m.facility}-${m.severity}-${m.mnemonic}: ${m.text}`, m, m.name !== null || TIMELINE_FACILITIES.has(m.facility));
  }
  for (const e of device.events) push(e.time, FAILURE.test(e.type) ? 'failure' : 'event', `event ${e.type}${summariseAttrs(e.attrs)}`, e);
  for (const h of device.history) push(h.time, 'event', `history ${h.kind}: ${h.summary}`, h);
  const u = device.usageReporting;
  push(u.lastReportPush, 'push', 'Last report push', source('usageReporting.lastReportPush'));
  push(u.lastReportFileWrite, 'push', 'Last report file write', source('usageReporting.lastReportFileWrite'));
  push(u.nextReportPush, 'push', 'Next report push (scheduled)', source('usageReporting.nextReportPush'));
  push(u.lastAckReceived, 'ack', 'Last ACK received', source('usageReporting.lastAckReceived'));
  push(u.nextAckDeadline, 'deadline', 'Next ACK deadline', source('usageReporting.nextAckDeadline'));
  for (const udi of device.trustCode.udis) push(udi.installedAt, 'trust', `Trust code installed${udi.sn ? ` (SN ${udi.sn})` : ''}`, source('trustCode.installedAt'));
  if (device.trustCode.udis.length === 0) push(device.trustCode.installedAt, 'trust', 'Trust code installed', source('trustCode.installedAt'));
  push(device.policy.installedAt, 'trust', 'Policy installed', source('policy.installedAt'));
  return events.sort((a, b) => a.ms - b.ms);
}

function summariseAttrs(attrs: Record<string, string>): string {
  const parts = Object.entries(attrs).slice(0, 3).map(([k, v]) => `${k}=${v}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

export interface Chart {
  /** One row per lane that has events, then the axis and its labels. */
  rows: { label: string; cells: string; lane?: Lane }[];
  summary: string[];
}

/** Lay events out on `width` columns (label column included). The capture time is drawn as a │ on every lane. */
export function timelineChart(events: TimelineEvent[], captureTime: string | null, width: number): Chart {
  const labelWidth = 10;
  const plot = Math.max(10, width - labelWidth);
  const capture = captureTime ? Date.parse(captureTime) : NaN;
  const times = events.map((e) => e.ms);
  if (!Number.isNaN(capture)) times.push(capture);
  if (times.length === 0) return { rows: [], summary: ['No timestamped messages, reports or deadlines in this capture.'] };
  // A loop, not Math.min(...times): a show-tech's log has more events than a call takes arguments.
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (max - min < 60_000) {
    min -= 30 * 60_000;
    max += 30 * 60_000;
  }
  const column = (ms: number) => Math.round(((ms - min) / (max - min)) * (plot - 1));
  const captureColumn = Number.isNaN(capture) ? -1 : column(capture);
  const rows: Chart['rows'] = [];
  for (const { lane, label, mark } of LANES) {
    const laneEvents = events.filter((e) => e.lane === lane);
    if (laneEvents.length === 0) continue;
    const cells: string[] = Array.from({ length: plot }, (_, i) => (i === captureColumn ? '│' : ' '));
    for (const e of laneEvents) cells[column(e.ms)] = mark;
    rows.push({ label: label.padEnd(labelWidth), cells: cells.join(''), lane });
  }
  const axis = Array.from({ length: plot }, (_, i) => (i === captureColumn ? '┴' : '─'));
  rows.push({ label: ''.padEnd(labelWidth), cells: axis.join('') });
  const left = shortTime(min);
  const right = shortTime(max);
  const gap = Math.max(1, plot - left.length - right.length);
  rows.push({ label: ''.padEnd(labelWidth), cells: `${left}${' '.repeat(gap)}${right}`.slice(0, plot + 4) });
  return { rows, summary: summarise(events, captureTime) };
}

function summarise(events: TimelineEvent[], captureTime: string | null): string[] {
  const failures = events.filter((e) => e.lane === 'failure');
  const out: string[] = [];
  if (failures.length > 0) {
    out.push(`✖ ${failures.length} failure message(s): first ${shortTime(failures[0]!.ms)}, last ${shortTime(failures[failures.length - 1]!.ms)}`);
  }
  const ack = events.filter((e) => e.lane === 'ack').pop();
  out.push(`✔ Last ACK: ${ack ? shortTime(ack.ms) : 'none shown'}`);
  const deadline = events.find((e) => e.lane === 'deadline');
  const capture = captureTime ? Date.parse(captureTime) : NaN;
  if (deadline) {
    const days = Number.isNaN(capture) ? null : Math.round((deadline.ms - capture) / 86_400_000);
    out.push(`⚑ ACK deadline: ${shortTime(deadline.ms)}${days === null ? '' : days < 0 ? ` (overdue by ${-days} days)` : ` (in ${days} days)`}`);
  } else out.push('⚑ ACK deadline: not shown');
  if (!Number.isNaN(capture)) out.push(`│ Capture: ${shortTime(capture)}`);
  return out;
}

export function shortTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
