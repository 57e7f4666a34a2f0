// The first half of the pipeline, from paths to device models: ingest each input, parse its sections, merge per
// device. `parse` stops here; analysing goes on in analyze.ts.
import type { DeviceModel, ModelDocument } from '../common/device.js';
import { ingestFile, ingestStdin } from '../ingest/index.js';
import type { InputError, IngestResult } from '../ingest/types.js';
import { buildModel, type BuildOptions } from '../model/build.js';
import { KeptLines } from '../model/lines.js';

export interface LoadedCaptures {
  document: ModelDocument;
  devices: DeviceModel[];
  lines: KeptLines;
  inputs: IngestResult[];
  /** Inputs without licensing output (model/licensing-output.ts): one refusal each; their devices are not built. */
  refused: InputError[];
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
  const { devices, refused } = buildModel(inputs, options);
  return { document: { schemaVersion: 1, devices }, devices, lines, inputs, refused };
}
