// What travels between the fleet scheduler and its workers. Everything here is structured-clone friendly and kept
// small: ten thousand devices cross this boundary, and the main thread keeps only what the output asks for.
import type { Platform, Topology } from '../common/device.js';
import type { AnalyzedDevice, Severity, ValueSpans } from '../common/findings.js';
import type { FormatName } from '../report/formats.js';
import type { RedactionValue } from '../report/redact.js';
import type { PortablePack } from '../rules/pack-cache.js';
import type { RuleFailure } from '../rules/types.js';

/** The few facts of a device the fleet summary, the output order and the exit status need. */
export interface DeviceFacts {
  hostname: string | null;
  files: string[];
  platform: Platform;
  topology: Topology;
  worstSeverity: Severity | 'none';
  /** The rules that fired, each once, in the order of the device's findings. */
  ruleIds: string[];
  daysToAckDeadline: number | null;
  nextAckDeadline: string | null;
  liveCommFailure: boolean;
  /** Destinations (cssm, cslu, onprem, callhome) whose last event is a failure or that flap. */
  failingDestinations: string[];
}

/**
 * How much of each analysed device comes back: only its facts (`--summary`), the analysed device with its findings
 * (text, JSON, Markdown, and any output --redact masks first), or its line in a line-by-line format (`--format
 * jsonl`), written where it was analysed.
 */
export type Detail = 'facts' | 'device' | 'line';

export interface FleetDevice {
  facts: DeviceFacts;
  /** With detail `device`. */
  analyzed: AnalyzedDevice | null;
  /** With detail `line`: the device's line in the settings' `lineFormat` (report/formats.ts), not redacted. */
  line: string | null;
  /** With --redact only: the values `Redactor` must learn from this device. */
  redaction: RedactionValue[] | null;
  /** With --redact only: per finding, where the device's values stand in its message (a worker message drops them). */
  messageValues: (ValueSpans | null)[] | null;
  /** Rules whose condition failed to evaluate on this device (analyze names them on stderr). */
  ruleFailures: RuleFailure[];
}

export interface AnalyzeSettings {
  now?: string;
  redact: boolean;
  detail: Detail;
  /** The format that writes each device's line (detail `line`). */
  lineFormat: FormatName;
}

export interface FileError {
  file: string;
  message: string;
}

/** The result of analysing a set of files together (one file, or all files of hosts that span several files). */
export interface GroupResult {
  files: string[];
  devices: FleetDevice[];
  /** Per file of `files`: the lower-cased host names it names in prompts or syslog host fields. Files sharing one merge. */
  hostKeys: string[][];
  /** One-line messages for files that could not be read; the other files of the group are still analysed. */
  errors: FileError[];
  bytes: number;
}

/** What the host pre-pass learns of one file without analysing it. */
export interface FileHosts {
  file: string;
  /** As `GroupResult.hostKeys`. */
  hostKeys: string[];
  /** The host names as printed (for --redact, which must know every host of the run before the first line). */
  hostnames: string[];
  error: FileError | null;
}

export type Task =
  | { kind: 'analyze'; groups: string[][]; settings: AnalyzeSettings }
  | { kind: 'hosts'; files: string[] };

export type TaskResult<T extends Task> = T extends { kind: 'analyze' } ? GroupResult[] : FileHosts[];

export interface TaskMessage {
  id: number;
  task: Task;
}

/** What a worker is sent: the rule pack once, first, then tasks. */
export type ToWorker = { setup: WorkerSetup } | TaskMessage;

export type WorkerReply = { id: number; results: GroupResult[] | FileHosts[] } | { id: number; failure: string };

export interface WorkerSetup {
  /** The rule pack the main thread loaded and checked, so workers do not read and check it again. */
  pack: PortablePack;
}
