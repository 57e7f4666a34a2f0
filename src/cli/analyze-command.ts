// `slp-doctor analyze`: one capture or a whole fleet. Every input goes through the fleet scheduler (in this
// thread for a few files, a worker pool for many), so one file and ten thousand give the same per-device result.
import { SEVERITY_RANK, type AnalyzeDocument } from '../common/findings.js';
import { InputError } from '../ingest/types.js';
import { paletteFor } from '../report/color.js';
import { renderMarkdown } from '../report/markdown.js';
import { Redactor } from '../report/redact.js';
import { renderText } from '../report/text.js';
import { analyzeFleet, type FleetResult } from './fleet/index.js';
import { progressBar } from './fleet/progress.js';
import { summarise } from './fleet/summary.js';
import { renderSummaryMarkdown, renderSummaryText } from './fleet/summary-render.js';
import { expandInputs } from './inputs.js';
import type { AnalyzeCliOptions, CliIO } from './main.js';
import { UsageError } from './main.js';
import { loadRulePack } from './run.js';

export function checkNow(now: string | undefined): string | undefined {
  if (now === undefined) return undefined;
  const millis = Date.parse(now);
  if (!/^\d{4}-\d{2}-\d{2}/.test(now) || Number.isNaN(millis)) throw new UsageError(`--now: "${now}" is not an ISO 8601 time (e.g. 2024-04-18T07:45:10Z)`);
  return new Date(millis).toISOString().replace(/\.000Z$/, 'Z');
}

export function checkJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  if (!/^\d+$/.test(jobs) || Number(jobs) < 1) throw new UsageError(`--jobs: "${jobs}" is not a positive whole number`);
  return Number(jobs);
}

/** Expand each operand on its own, so one unreadable operand is reported while the others are still analysed. */
export function expandOperands(operands: string[], stdinIsPipe: boolean): { files: string[]; errors: string[] } {
  if (operands.length === 0) return { files: expandInputs([], stdinIsPipe), errors: [] };
  const files: string[] = [];
  const errors: string[] = [];
  for (const operand of operands) {
    try {
      files.push(...expandInputs([operand], stdinIsPipe));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error.message);
    }
  }
  return { files, errors };
}

export async function runAnalyze(operands: string[], options: AnalyzeCliOptions, io: CliIO): Promise<number> {
  const now = checkNow(options.now);
  const jobs = checkJobs(options.jobs);
  const { files, errors: operandErrors } = expandOperands(operands, !io.stdinIsTTY);
  const pack = loadRulePack(options.rules);
  const progress = progressBar(io.stderr);
  let result: FleetResult;
  try {
    result = await analyzeFleet(files, { pack, ruleDirs: options.rules, now, jobs, redact: Boolean(options.redact), onProgress: (done, total) => total > 1 && progress.update(done, total) });
  } finally {
    progress.done();
  }
  const errors = [...operandErrors, ...result.errors.map((e) => e.message)];
  for (const message of errors) io.stderr.write(`slp-doctor: ${message}\n`);
  if (files.length === 0 || result.errors.length === files.length) return 2;

  const redactor = options.redact ? new Redactor().learn(result.devices.flatMap((d) => (d.redaction ? [d.redaction] : []))) : null;
  const emit = (text: string) => io.stdout.write(redactor ? redactor.redact(text) : text);
  const document: AnalyzeDocument = { schemaVersion: 1, devices: result.devices.map((d) => d.analyzed) };

  if (options.summary) {
    const summary = summarise(result);
    if (options.format === 'json') emit(`${JSON.stringify(summary, null, 2)}\n`);
    else if (options.format === 'jsonl') emit(`${JSON.stringify(summary)}\n`);
    else if (options.format === 'markdown') emit(renderSummaryMarkdown(summary));
    else emit(renderSummaryText(summary, paletteFor(io.stdout, io.env)));
  } else {
    switch (options.format) {
      case 'json':
        emit(`${JSON.stringify(document, null, 2)}\n`);
        break;
      case 'jsonl':
        // Buffered until the run ends, so lines come in the same order as every other format (host name, then files).
        for (const device of document.devices) emit(`${JSON.stringify({ schemaVersion: 1, device })}\n`);
        break;
      case 'markdown':
        emit(renderMarkdown(document));
        break;
      default:
        emit(renderText(document, paletteFor(io.stdout, io.env)));
    }
  }
  return errors.length > 0 ? 2 : exitCodeFor(document, options.failOn);
}

export function exitCodeFor(document: AnalyzeDocument, failOn: AnalyzeCliOptions['failOn']): number {
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[failOn];
  // A loop, not Math.max(...spread): a fleet can hold more findings than a call has argument slots.
  for (const device of document.devices) for (const finding of device.findings) if (SEVERITY_RANK[finding.severity] >= threshold) return 1;
  return 0;
}
