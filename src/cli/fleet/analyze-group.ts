// Analysing a set of files together: ingest -> model -> rules. Workers and the in-process path both call this,
// so a fleet run and a single-file run cannot disagree.
import type { DeviceModel } from '../../common/device.js';
import { ingestFile, ingestStdin } from '../../ingest/index.js';
import { InputError, type IngestResult } from '../../ingest/types.js';
import { emptyDevice } from '../../model/empty.js';
import { fromIngested } from '../../model/load.js';
import type { RulePack } from '../../rules/types.js';
import { analyzeDevice } from '../run.js';
import type { FleetDevice, GroupResult } from './types.js';

export async function analyzeGroup(files: string[], pack: RulePack, now?: string, redact = false): Promise<GroupResult> {
  const inputs: IngestResult[] = [];
  const errors: GroupResult['errors'] = [];
  const hostKeys: string[][] = [];
  for (const file of files) {
    try {
      const input = file === '-' ? await ingestStdin() : await ingestFile(file);
      inputs.push(input);
      hostKeys.push(hostKeysOf(input));
    } catch (error) {
      hostKeys.push([]);
      errors.push({ file, message: error instanceof InputError ? error.message : `${file}: cannot read: ${String(error)}` });
    }
  }
  const result: GroupResult = { files, devices: [], hostKeys, errors, bytes: 0 };
  for (const input of inputs) result.bytes += input.bytes;
  if (inputs.length === 0) return result;
  try {
    const loaded = fromIngested(inputs, { now });
    result.devices = loaded.devices.map((device) => fleetDevice(device, analyzeDevice(pack, device, loaded.lines, now), redact));
  } catch (error) {
    // A bug in a parser or rule must cost one file, not the fleet run.
    const reason = error instanceof Error ? error.message : String(error);
    for (const input of inputs) errors.push({ file: input.file, message: `${input.file}: internal error while analysing: ${reason}` });
  }
  return result;
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

function fleetDevice(device: DeviceModel, analyzed: FleetDevice['analyzed'], redact: boolean): FleetDevice {
  return {
    analyzed,
    nextAckDeadline: device.usageReporting.nextAckDeadline,
    liveCommFailure: device.derived.liveCommFailure,
    failingDestinations: device.derived.communication
      .filter((c) => c.state === 'failing' || c.state === 'flapping')
      .map((c) => c.destination),
    redaction: redact ? redactionFacts(device) : null,
  };
}

/** Only what `Redactor.learn` reads; one syslog message per distinct host name is enough for it. */
export function redactionFacts(device: DeviceModel): DeviceModel {
  const slim = emptyDevice();
  slim.hostname = device.hostname;
  slim.platform = device.platform;
  const seenHosts = new Set<string>();
  slim.syslog = device.syslog.filter((m) => m.host !== null && !seenHosts.has(m.host) && seenHosts.add(m.host) !== undefined);
  slim.udi = device.udi;
  slim.haUdis = device.haUdis;
  slim.trustCode = device.trustCode;
  slim.account = device.account;
  slim.transport = device.transport;
  slim.config.ipHosts = device.config.ipHosts;
  return slim;
}
