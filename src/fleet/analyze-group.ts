// Analysing a set of files together: ingest -> model -> rules. Workers and the in-process path both call this,
// so a fleet run and a single-file run cannot disagree.
import type { DeviceModel } from '../common/device.js';
import { messageValues, SEVERITY_RANK, type AnalyzedDevice, type Severity } from '../common/findings.js';
import { InputError, type IngestResult } from '../ingest/types.js';
import { analyzeDevice } from '../pipeline/analyze.js';
import { fromIngested } from '../pipeline/captures.js';
import { FORMATS } from '../report/formats.js';
import { redactionValues } from '../report/redact.js';
import type { RuleFailure, RulePack } from '../rules/types.js';
import { compareDevices } from './order.js';
import { ingestCapture } from './read-capture.js';

export { ingestCapture };
import type { AnalyzeSettings, DeviceFacts, FileError, FileHosts, FleetDevice, GroupResult, Task } from './types.js';

export type Ingest = (file: string) => Promise<IngestResult>;

/** Runs a task in the calling thread (shared with the workers, which run the same function). */
export async function runTask(task: Task, pack: RulePack, ingest: Ingest = ingestCapture): Promise<GroupResult[] | FileHosts[]> {
  if (task.kind === 'hosts') {
    const hosts: FileHosts[] = [];
    for (const file of task.files) hosts.push(await hostsOf(file, ingest));
    return hosts;
  }
  const results: GroupResult[] = [];
  for (const files of task.groups) results.push(await analyzeGroup(files, pack, task.settings, ingest));
  return results;
}

export async function analyzeGroup(
  files: string[],
  pack: RulePack,
  settings: AnalyzeSettings = { redact: false, detail: 'device', lineFormat: 'jsonl' },
  ingest: Ingest = ingestCapture,
): Promise<GroupResult> {
  const inputs: IngestResult[] = [];
  const errors: FileError[] = [];
  const hostKeys: string[][] = [];
  for (const file of files) {
    try {
      const input = await ingest(file);
      inputs.push(input);
      hostKeys.push(hostKeysOf(input));
    } catch (error) {
      hostKeys.push([]);
      errors.push(readError(file, error));
    }
  }
  const result: GroupResult = { files, devices: [], hostKeys, errors, bytes: 0 };
  for (const input of inputs) result.bytes += input.bytes;
  if (inputs.length === 0) return result;
  try {
    const loaded = fromIngested(inputs, { now: settings.now });
    for (const refusal of loaded.refused) errors.push({ file: refusal.file, message: refusal.message });
    result.devices = loaded.devices
      .map((device) => {
        const failures: RuleFailure[] = [];
        const analyzed = analyzeDevice(pack, device, loaded.lines, settings.now, (failure) => failures.push(failure));
        return fleetDevice(device, analyzed, settings, failures);
      })
      .sort(compareDevices);
  } catch (error) {
    // A bug in a parser or rule must cost one file, not the fleet run.
    const reason = error instanceof Error ? error.message : String(error);
    for (const input of inputs) errors.push({ file: input.file, message: `${input.file}: internal error while analysing: ${reason}` });
  }
  return result;
}

/** The host pre-pass: which hosts a file names, read without analysing it. */
export async function hostsOf(file: string, ingest: Ingest = ingestCapture): Promise<FileHosts> {
  try {
    const input = await ingest(file);
    const hostnames = new Set<string>();
    if (input.hostname) hostnames.add(input.hostname);
    for (const section of input.sections) if (section.hostname) hostnames.add(section.hostname);
    return { file, hostKeys: hostKeysOf(input), hostnames: [...hostnames], error: null };
  } catch (error) {
    return { file, hostKeys: [], hostnames: [], error: readError(file, error) };
  }
}

function readError(file: string, error: unknown): FileError {
  return { file, message: error instanceof InputError ? error.message : `${file}: cannot read: ${String(error)}` };
}

/**
 * Every host a file names. Over-approximates the model builder's grouping on purpose: putting two files into one
 * merge group that turn out to be separate devices costs a little time, missing a merge would split a device.
 */
export function hostKeysOf(input: IngestResult): string[] {
  const keys = new Set<string>();
  if (input.hostname) keys.add(input.hostname.toLowerCase());
  for (const section of input.sections) if (section.hostname) keys.add(section.hostname.toLowerCase());
  return [...keys].sort();
}

function fleetDevice(device: DeviceModel, analyzed: AnalyzedDevice, settings: AnalyzeSettings, ruleFailures: RuleFailure[]): FleetDevice {
  return {
    facts: deviceFacts(device, analyzed),
    analyzed: settings.detail === 'device' ? analyzed : null,
    line: settings.detail === 'line' ? FORMATS[settings.lineFormat].deviceLine!(analyzed) : null,
    redaction: settings.redact ? redactionValues(device) : null,
    messageValues: settings.redact ? analyzed.findings.map((finding) => messageValues(finding) ?? null) : null,
    ruleFailures,
  };
}

export function deviceFacts(device: DeviceModel, analyzed: AnalyzedDevice): DeviceFacts {
  let worstSeverity: Severity | 'none' = 'none';
  for (const finding of analyzed.findings)
    if (worstSeverity === 'none' || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worstSeverity]) worstSeverity = finding.severity;
  return {
    hostname: analyzed.hostname,
    files: analyzed.files,
    platform: analyzed.platform,
    topology: analyzed.topology,
    worstSeverity,
    ruleIds: [...new Set(analyzed.findings.map((f) => f.ruleId))],
    daysToAckDeadline: analyzed.daysToAckDeadline,
    nextAckDeadline: device.usageReporting.nextAckDeadline,
    liveCommFailure: device.derived.liveCommFailure,
    failingDestinations: device.derived.communication.filter((c) => c.state === 'failing' || c.state === 'flapping').map((c) => c.destination),
  };
}
