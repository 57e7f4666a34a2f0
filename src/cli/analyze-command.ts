// `slp-doctor analyze`: one capture or a whole fleet. Every input goes through the fleet scheduler (in this
// thread for a few files, a worker pool for many), so one file and ten thousand give the same per-device result.
import { SEVERITY_RANK, type AnalyzeDocument } from '../common/findings.js';
import { analyzeFleet, streamFleet, type DeviceFacts, type FleetOptions, type FleetResult } from '../fleet/index.js';
import { progressBar } from '../fleet/progress.js';
import { redactSummary, summarise } from '../fleet/summary.js';
import { InputError } from '../ingest/types.js';
import { loadRulePack } from '../pipeline/rule-pack.js';
import { COLOUR, paletteFor, PLAIN, type Palette } from '../report/color.js';
import { FORMATS, writerFor, type OutputFormat } from '../report/formats.js';
import { Redactor } from '../report/redact.js';
import type { RulePack } from '../rules/types.js';
import { expandInputs } from './inputs.js';
import { checkJobs, checkNow, UsageError, type AnalyzeCliOptions, type CliIO } from './options.js';
import { RuleFailureLog } from './rule-failures.js';

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
  const format = FORMATS[options.format];
  if (options.summary && !format.write.summary) throw new UsageError(`--format ${options.format} cannot write a fleet summary`);
  // A format that writes the analysis only line by line writes each device as soon as it is analysed.
  const deviceLine = options.summary || format.write.analysis ? null : format.deviceLine!;
  const { files, errors: operandErrors } = expandOperands(operands, !io.stdinIsTTY);
  for (const message of operandErrors) io.stderr.write(`slp-doctor: ${message}\n`);
  let pack: RulePack | null = null;
  // Lines streamed to the terminal the bar is drawn on would be drawn over.
  const progress = progressBar(deviceLine && io.stdout.isTTY ? { write: () => true } : io.stderr);
  const fleet: FleetOptions = {
    // Loaded by the fleet runner once its workers have started.
    pack: () => (pack = loadRulePack(options.rules)),
    now,
    jobs,
    redact: Boolean(options.redact),
    detail: options.summary ? 'facts' : 'device',
    onProgress: (done, total) => total > 1 && progress.update(done, total),
  };
  let result: FleetResult;
  try {
    if (deviceLine) return await streamLines(files, operandErrors.length, fleet, deviceLine, options, io);
    result = await analyzeFleet(files, fleet);
  } finally {
    progress.done();
  }
  return report(files, operandErrors.length, result, pack!, options, io);
}

function report(files: string[], operandErrors: number, result: FleetResult, pack: RulePack, options: AnalyzeCliOptions, io: CliIO): number {
  for (const error of result.errors) io.stderr.write(`slp-doctor: ${error.message}\n`);
  if (files.length === 0 || result.errors.length === files.length) return 2;

  const redactor = options.redact ? new Redactor().learnValues(result.devices.flatMap((d) => d.redaction ?? [])) : null;
  const emit = (text: string) => io.stdout.write(text);
  const failures = new RuleFailureLog();
  for (const device of result.devices) failures.add(device.ruleFailures, device.facts);
  if (options.summary) {
    const summary = redactor ? redactSummary(summarise(result, pack), redactor) : summarise(result, pack);
    emit(writerFor(options.format, 'summary')!(summary, palette(options, io)));
  } else {
    const devices = result.devices.map((d) => (redactor ? redactor.redactDevice(d.analyzed!, d.messageValues) : d.analyzed!));
    const document: AnalyzeDocument = { schemaVersion: 1, devices };
    emit(writerFor(options.format, 'analysis')!(document, palette(options, io)));
  }
  reportFailures(failures, redactor, io);
  return operandErrors + result.errors.length > 0 ? 2 : exitCodeFor(result.devices.map((d) => d.facts), options.failOn);
}

/**
 * A line-by-line format (`--format jsonl`): one line per device as soon as it and every device of an earlier input
 * are analysed (inputs in path order; see fleet/stream.ts). Workers write the lines; with --redact they send the
 * devices, which are masked here (every host name of the run is learned before the first line) and then written.
 */
async function streamLines(
  files: string[],
  operandErrors: number,
  fleet: FleetOptions,
  deviceLine: NonNullable<OutputFormat['deviceLine']>,
  options: AnalyzeCliOptions,
  io: CliIO,
): Promise<number> {
  const redactor = options.redact ? new Redactor() : null;
  const failures = new RuleFailureLog();
  let exitCode = 0;
  const result = await streamFleet(files, {
    ...fleet,
    detail: redactor ? 'device' : 'line',
    lineFormat: options.format,
    onHosts: (hosts) => redactor?.learnValues(hosts.flatMap((h) => h.hostnames.map((name) => ['host', name] as const))),
    onError: (error) => io.stderr.write(`slp-doctor: ${error.message}\n`),
    onDevices: (devices) => {
      let lines = '';
      for (const device of devices) {
        redactor?.learnValues(device.redaction ?? []);
        failures.add(device.ruleFailures, device.facts);
        lines += `${redactor ? deviceLine(redactor.redactDevice(device.analyzed!, device.messageValues)) : device.line}\n`;
      }
      if (lines !== '') io.stdout.write(lines);
      exitCode = Math.max(exitCode, exitCodeFor(devices.map((d) => d.facts), options.failOn));
    },
  });
  reportFailures(failures, redactor, io);
  if (files.length === 0 || result.errors === files.length) return 2;
  return operandErrors + result.errors > 0 ? 2 : exitCode;
}

function reportFailures(failures: RuleFailureLog, redactor: Redactor | null, io: CliIO): void {
  for (const line of failures.lines(redactor ? (text) => redactor.redact(text) : undefined)) io.stderr.write(`${line}\n`);
}

function palette(options: AnalyzeCliOptions, io: CliIO): Palette {
  return options.color === 'always' ? COLOUR : options.color === 'never' ? PLAIN : paletteFor(io.stdout, io.env);
}

export function exitCodeFor(devices: DeviceFacts[], failOn: AnalyzeCliOptions['failOn']): number {
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[failOn];
  for (const { worstSeverity } of devices) if (worstSeverity !== 'none' && SEVERITY_RANK[worstSeverity] >= threshold) return 1;
  return 0;
}
