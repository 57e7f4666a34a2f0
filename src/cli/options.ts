// What the command line and its commands share: the streams a command writes to, the usage error, each command's
// options as commander hands them over, and the checks of option values. main.ts declares the commands and each
// command file runs one; both import this, never each other.
import type { FormatName } from '../report/formats.js';
import { isoInstant } from '../common/time.js';

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

/** `--now` as ISO 8601 UTC (common/time.ts, `isoInstant`), or a usage error naming it. */
export function checkNow(now: string | undefined): string | undefined {
  if (now === undefined) return undefined;
  const instant = isoInstant(now);
  if (instant === null) throw new UsageError(`--now: "${now}" is not an ISO 8601 time (e.g. 2024-04-18T07:45:10Z)`);
  return instant;
}

export function checkJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  if (!/^\d+$/.test(jobs) || Number(jobs) < 1) throw new UsageError(`--jobs: "${jobs}" is not a positive whole number`);
  return Number(jobs);
}
