import type { Platform } from '../common/device.js';

/** One normalised input line with its original 1-based line number. */
export interface Line {
  n: number;
  text: string;
}

/**
 * A run of lines that one command printed. `lines` holds the body only (not the prompt/header line); line numbers
 * may have gaps where ingest routed interleaved console syslog lines to a syslog section instead.
 */
export interface RawSection {
  /** Canonical full command (`show license status`), `syslog` for log lines, or `unknown`. */
  command: string;
  /** The command as typed or printed in the header (`sh lic stat`), null when found by how its output starts. */
  rawCommand: string | null;
  file: string;
  /** Line of the prompt / header that started the section, null when the section was found by how its output starts. */
  headerLine: number | null;
  lines: Line[];
  /** Host named by the prompt (`leaf-101#`) or by the syslog host field; null when unknown. */
  hostname: string | null;
  platform: Platform;
}

export interface IngestDiagnostic {
  file: string;
  line: number;
  message: string;
}

export interface IngestResult {
  file: string;
  sections: RawSection[];
  diagnostics: IngestDiagnostic[];
  /** Platform and host of the capture as a whole (a multi-host syslog extract has hostname null). */
  platform: Platform;
  hostname: string | null;
  /** Bytes and lines read, for benchmarks and the progress bar. */
  bytes: number;
  lineCount: number;
}

/** Raised for input that cannot be read at all (missing file, directory, binary). The CLI prints `message` and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(line === null ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'InputError';
  }
}
