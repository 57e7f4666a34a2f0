// What the command line and its commands share: the streams a command writes to, the usage error, each command's
// options as commander hands them over, and the checks of option values. main.ts declares the commands and each
// command file runs one; both import this, never each other.
import type { FormatName } from '../report/formats.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Thrown for bad usage; printed as one line, exit 2. */
export class UsageError extends Error {}

export interface AnalyzeCliOptions {
  format: FormatName;
  now?: string;
  rules: string[];
  failOn: 'error' | 'warning' | 'info' | 'never';
  redact?: boolean;
  summary?: boolean;
  jobs?: string;
  color?: 'auto' | 'always' | 'never';
}

export interface ParseCliOptions {
  format: FormatName;
}

/** `tui` and `rules explain`: an extra pack on top of the built-in one, and the time deadlines are judged against. */
export interface PackCliOptions {
  rules: string[];
  now?: string;
}

/** A repeatable option (`--rules A --rules B`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * `--now` as ISO 8601 UTC. A date that does not exist (2024-02-30) is refused rather than rolled over, and a time
 * without a zone is UTC, as every time in the model is: the machine's own zone must not change a verdict.
 */
export function checkNow(now: string | undefined): string | undefined {
  if (now === undefined) return undefined;
  const refuse = () => new UsageError(`--now: "${now}" is not an ISO 8601 time (e.g. 2024-04-18T07:45:10Z)`);
  const match = ISO_TIME.exec(now.trim());
  if (!match) throw refuse();
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw refuse();
  const millis = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone.toUpperCase()}`);
  if (Number.isNaN(millis)) throw refuse();
  return new Date(millis).toISOString().replace(/\.000Z$/, 'Z');
}

export function checkJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  if (!/^\d+$/.test(jobs) || Number(jobs) < 1) throw new UsageError(`--jobs: "${jobs}" is not a positive whole number`);
  return Number(jobs);
}
