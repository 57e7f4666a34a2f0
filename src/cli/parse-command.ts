import { loadCaptures } from '../model/load.js';
import { renderModelText } from '../report/model-text.js';
import type { CliIO } from './main.js';

export async function runParse(files: string[], options: { format: 'json' | 'text' }, io: CliIO): Promise<number> {
  const { document } = await loadCaptures(files);
  io.stdout.write(options.format === 'text' ? renderModelText(document) : `${JSON.stringify(document, null, 2)}\n`);
  return 0;
}
