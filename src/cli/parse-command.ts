// `slp-doctor parse`: the device models read from the inputs, no rules.
import { loadCaptures } from '../pipeline/captures.js';
import { PLAIN } from '../report/color.js';
import { writerFor } from '../report/formats.js';
import { UsageError, type CliIO, type ParseCliOptions } from './options.js';

/** Inputs without licensing output are refused one line each (exit 2); the others are still printed. */
export async function runParse(files: string[], options: ParseCliOptions, io: CliIO): Promise<number> {
  const write = writerFor(options.format, 'model');
  if (!write) throw new UsageError(`--format ${options.format} cannot write device models`);
  const { document, refused } = await loadCaptures(files);
  for (const refusal of refused) io.stderr.write(`slp-doctor: ${refusal.message}\n`);
  if (refused.length === files.length) return 2;
  io.stdout.write(write(document, PLAIN));
  return refused.length > 0 ? 2 : 0;
}
