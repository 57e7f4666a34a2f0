import { loadCaptures } from '../pipeline/captures.js';
import { renderModelText } from '../report/model-text.js';
import type { CliIO, ParseCliOptions } from './options.js';

/** Inputs without licensing output are refused one line each (exit 2); the others are still printed. */
export async function runParse(files: string[], options: ParseCliOptions, io: CliIO): Promise<number> {
  const { document, refused } = await loadCaptures(files);
  for (const refusal of refused) io.stderr.write(`slp-doctor: ${refusal.message}\n`);
  if (refused.length === files.length) return 2;
  io.stdout.write(options.format === 'text' ? renderModelText(document) : `${JSON.stringify(document, null, 2)}\n`);
  return refused.length > 0 ? 2 : 0;
}
