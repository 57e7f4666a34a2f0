// The fleet summary (`analyze --summary`): what an operations team asks first about hundreds of devices. A document
// like the analysis and the model: fleet/summary.ts computes it, report/ writes it in each output format.
import type { Severity } from './findings.js';

export interface DeviceRef {
  hostname: string | null;
  files: string[];
}

export interface DeadlineEntry extends DeviceRef {
  nextAckDeadline: string | null;
  daysToAckDeadline: number;
}

export interface FleetSummary {
  schemaVersion: 1;
  files: number;
  devices: number;
  unreadableInputs: { file: string; message: string }[];
  byTopology: Record<string, number>;
  byPlatform: Record<string, number>;
  byWorstSeverity: Record<Severity | 'none', number>;
  /** Rules by the number of devices they fired on, most frequent first. */
  topFindings: { ruleId: string; severity: Severity; title: string; devices: number }[];
  ackOverdue: DeadlineEntry[];
  ackDeadlineWithin30Days: DeadlineEntry[];
  ackDeadlineWithin90Days: DeadlineEntry[];
  liveCommFailures: (DeviceRef & { destinations: string[] })[];
}
