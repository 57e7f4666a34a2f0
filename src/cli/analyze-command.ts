import { SEVERITY_RANK, type AnalyzeDocument } from '../common/findings.js';
import { loadCaptures } from '../model/load.js';
import { paletteFor } from '../report/color.js';
import { renderMarkdown } from '../report/markdown.js';
import { Redactor } from '../report/redact.js';
import { renderText } from '../report/text.js';
import type { AnalyzeCliOptions, CliIO } from './main.js';
import { UsageError } from './main.js';
import { analyzeLoaded, loadRulePack } from './run.js';

export function checkNow(now: string | undefined): string | undefined {
  if (now === undefined) return undefined;
  const millis = Date.parse(now);
  if (!/^\d{4}-\d{2}-\d{2}/.test(now) || Number.isNaN(millis)) throw new UsageError(`--now: "${now}" is not an ISO 8601 time (e.g. 2024-04-18T07:45:10Z)`);
  return new Date(millis).toISOString().replace(/\.000Z$/, 'Z');
}

export async function runAnalyze(files: string[], options: AnalyzeCliOptions, io: CliIO): Promise<number> {
  const now = checkNow(options.now);
  const pack = loadRulePack(options.rules);
  const loaded = await loadCaptures(files, { now });
  const document = analyzeLoaded(loaded, pack, now);
  const redactor = options.redact ? new Redactor().learn(loaded.devices) : null;
  const emit = (text: string) => io.stdout.write(redactor ? redactor.redact(text) : text);

  switch (options.format) {
    case 'json':
      emit(`${JSON.stringify(document, null, 2)}\n`);
      break;
    case 'jsonl':
      for (const device of document.devices) emit(`${JSON.stringify({ schemaVersion: 1, device })}\n`);
      break;
    case 'markdown':
      emit(renderMarkdown(document));
      break;
    default:
      emit(renderText(document, paletteFor(io.stdout, io.env)));
  }
  return exitCodeFor(document, options.failOn);
}

export function exitCodeFor(document: AnalyzeDocument, failOn: AnalyzeCliOptions['failOn']): number {
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[failOn];
  const worst = Math.max(0, ...document.devices.flatMap((d) => d.findings.map((f) => SEVERITY_RANK[f.severity])));
  return worst >= threshold ? 1 : 0;
}
