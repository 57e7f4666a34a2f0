// The fleet summary (common/fleet-summary.ts) of an analysed fleet. Computed from the analysed devices only, so every
// output format (text, Markdown, JSON) shows the same numbers.
import { SEVERITY_RANK } from '../common/findings.js';
import type { DeadlineEntry, DeviceRef, FleetSummary } from '../common/fleet-summary.js';
import type { Redactor } from '../report/redact.js';
import type { RulePack } from '../rules/types.js';
import type { FleetResult } from './fleet.js';

/** `pack` names the rules the devices' findings came from (their title and severity). */
export function summarise(result: FleetResult, pack: RulePack): FleetSummary {
  const byTopology: Record<string, number> = {};
  const byPlatform: Record<string, number> = {};
  const byWorstSeverity: FleetSummary['byWorstSeverity'] = { error: 0, warning: 0, info: 0, none: 0 };
  const rules = new Map<string, FleetSummary['topFindings'][number]>();
  const summary: FleetSummary = {
    schemaVersion: 1,
    files: result.files,
    devices: result.devices.length,
    unreadableInputs: result.errors,
    byTopology,
    byPlatform,
    byWorstSeverity,
    topFindings: [],
    ackOverdue: [],
    ackDeadlineWithin30Days: [],
    ackDeadlineWithin90Days: [],
    liveCommFailures: [],
  };
  for (const { facts } of result.devices) {
    const ref: DeviceRef = { hostname: facts.hostname, files: facts.files };
    byTopology[facts.topology] = (byTopology[facts.topology] ?? 0) + 1;
    byPlatform[facts.platform] = (byPlatform[facts.platform] ?? 0) + 1;
    byWorstSeverity[facts.worstSeverity] += 1;
    for (const ruleId of facts.ruleIds) {
      let entry = rules.get(ruleId);
      if (!entry) {
        const rule = pack.get(ruleId);
        entry = { ruleId, severity: rule?.severity ?? 'info', title: rule?.title ?? ruleId, devices: 0 };
        rules.set(ruleId, entry);
      }
      entry.devices += 1;
    }
    const days = facts.daysToAckDeadline;
    if (days !== null) {
      const entry: DeadlineEntry = { ...ref, nextAckDeadline: facts.nextAckDeadline, daysToAckDeadline: days };
      if (days < 0) summary.ackOverdue.push(entry);
      if (days >= 0 && days <= 30) summary.ackDeadlineWithin30Days.push(entry);
      if (days >= 0 && days <= 90) summary.ackDeadlineWithin90Days.push(entry);
    }
    if (facts.liveCommFailure) summary.liveCommFailures.push({ ...ref, destinations: facts.failingDestinations });
  }
  summary.topFindings = [...rules.values()].sort(
    (a, b) => b.devices - a.devices || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.ruleId.localeCompare(b.ruleId, 'en'),
  );
  const soonestFirst = (a: DeadlineEntry, b: DeadlineEntry) => a.daysToAckDeadline - b.daysToAckDeadline;
  summary.ackOverdue.sort(soonestFirst);
  summary.ackDeadlineWithin30Days.sort(soonestFirst);
  summary.ackDeadlineWithin90Days.sort(soonestFirst);
  return summary;
}

/** The summary with the devices' names and input files masked (--redact); rule titles and the counts are the tool's. */
export function redactSummary(summary: FleetSummary, redactor: Redactor): FleetSummary {
  const file = (name: string): string => redactor.redact(name);
  const device = <T extends DeviceRef>(entry: T): T => ({ ...entry, hostname: entry.hostname === null ? null : redactor.redact(entry.hostname), files: entry.files.map(file) });
  return {
    ...summary,
    // The message names the file; the rest of it is the tool's.
    unreadableInputs: summary.unreadableInputs.map((input) => ({ file: file(input.file), message: input.message.split(input.file).join(file(input.file)) })),
    ackOverdue: summary.ackOverdue.map(device),
    ackDeadlineWithin30Days: summary.ackDeadlineWithin30Days.map(device),
    ackDeadlineWithin90Days: summary.ackDeadlineWithin90Days.map(device),
    liveCommFailures: summary.liveCommFailures.map(device),
  };
}
