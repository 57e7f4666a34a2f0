// From paths to device models: ingest each input, parse its sections, merge per device.
import type { DeviceModel, ModelDocument } from '../common/device.js';
import { ingestFile, ingestStdin } from '../ingest/index.js';
import type { IngestResult } from '../ingest/types.js';
import { buildDevices, type BuildOptions } from './build.js';
import { KeptLines } from './lines.js';

export interface LoadedCaptures {
  document: ModelDocument;
  devices: DeviceModel[];
  lines: KeptLines;
  inputs: IngestResult[];
}

/** `-` reads standard input. Throws InputError for input that cannot be read at all. */
export async function loadCaptures(paths: string[], options: BuildOptions = {}): Promise<LoadedCaptures> {
  const inputs: IngestResult[] = [];
  for (const path of paths) inputs.push(path === '-' ? await ingestStdin() : await ingestFile(path));
  return fromIngested(inputs, options);
}

export function fromIngested(inputs: IngestResult[], options: BuildOptions = {}): LoadedCaptures {
  const lines = new KeptLines();
  for (const input of inputs) lines.add(input);
  const devices = buildDevices(inputs, options);
  return { document: { schemaVersion: 1, devices }, devices, lines, inputs };
}
