// What travels between the fleet scheduler and its workers. Everything here is structured-clone friendly.
import type { DeviceModel } from '../../common/device.js';
import type { AnalyzedDevice } from '../../common/findings.js';

/** One analysed device plus the few model facts the fleet summary and redaction need (not the whole model). */
export interface FleetDevice {
  analyzed: AnalyzedDevice;
  nextAckDeadline: string | null;
  liveCommFailure: boolean;
  /** Destinations (cssm, cslu, onprem, callhome) whose last event is a failure or that flap. */
  failingDestinations: string[];
  /** With --redact only: the model fields `Redactor.learn` reads (hostnames, serials, accounts, proxy user), on an otherwise empty model. */
  redaction: DeviceModel | null;
}

/** The result of analysing a set of files together (one file, or all files of hosts that span several files). */
export interface GroupResult {
  files: string[];
  devices: FleetDevice[];
  /** Per file of `files`: the lower-cased host names it names in prompts or syslog host fields. Files sharing one merge. */
  hostKeys: string[][];
  /** One-line messages for files that could not be read; the other files of the group are still analysed. */
  errors: { file: string; message: string }[];
  bytes: number;
}

export interface GroupTask {
  id: number;
  groups: string[][];
  now?: string;
  redact: boolean;
}

export type WorkerReply = { id: number; results: GroupResult[] } | { id: number; failure: string };

export interface WorkerSetup {
  ruleDirs: string[];
}
