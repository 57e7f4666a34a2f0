// What the TUI holds for one case: the analysed devices plus the raw text of every input, so evidence can be shown
// in the context of the capture it came from. Built once per paste or open; views only read it.
import { readFile } from 'node:fs/promises';
import type { DeviceModel } from '../common/device.js';
import type { AnalyzeDocument, AnalyzedDevice, Severity } from '../common/findings.js';
import { SEVERITY_RANK } from '../common/findings.js';
import { ingestFile, ingestText, normaliseLine } from '../ingest/index.js';
import type { IngestResult } from '../ingest/types.js';
import { fromIngested, type LoadedCaptures } from '../model/load.js';
import { Redactor } from '../report/redact.js';

export interface Session {
  /** Until the rules have run (`evaluated` false) every device has no findings: the header can already show. */
  document: AnalyzeDocument;
  evaluated: boolean;
  devices: DeviceModel[];
  loaded: LoadedCaptures;
  /** Raw text per input name, as the user gave it. */
  raw: Map<string, RawCapture>;
  redactor: Redactor;
}

/** The raw lines of one input, split lazily: a show-tech can be large and the raw view may never be opened. */
export class RawCapture {
  private split: string[] | null = null;
  private readonly clean = new Map<number, string>();
  constructor(readonly text: string) {}

  /** Raw (unnormalised) lines, numbered like ingest numbers them: LF, or CR alone for old Mac-style captures. */
  get rawLines(): string[] {
    this.split ??= this.text.split(this.text.includes('\n') || !this.text.includes('\r') ? '\n' : '\r');
    return this.split;
  }

  get count(): number {
    return this.rawLines.length;
  }

  /** 1-based, as ingest normalised it (pager residue, escapes and CRs removed); undefined past the end. */
  line(n: number): string | undefined {
    const cached = this.clean.get(n);
    if (cached !== undefined) return cached;
    const raw = this.rawLines[n - 1];
    if (raw === undefined) return undefined;
    const text = normaliseLine(raw).replace(/\t/g, '    ');
    this.clean.set(n, text);
    return text;
  }
}

/** Thrown when the input was read but holds no device output: the start screen shows it and lets the user retry. */
export class NothingFoundError extends Error {}

/** Stage one: ingest and parse. The rule engine is not loaded yet, so the first frame does not wait for it. */
export function parseIngested(inputs: { result: IngestResult; text: string }[], now?: string): Session {
  const loaded = fromIngested(inputs.map((i) => i.result), { now });
  // Text without licensing output (a mail, a wrong file) is refused as the CLI refuses it (model/licensing-output.ts).
  if (loaded.refused.length > 0) throw new NothingFoundError(loaded.refused.map((refusal) => refusal.message).join('; '));
  const document: AnalyzeDocument = { schemaVersion: 1, devices: loaded.devices.map(unevaluated) };
  const raw = new Map(inputs.map((i) => [i.result.file, new RawCapture(i.text)]));
  return { document, evaluated: false, devices: loaded.devices, loaded, raw, redactor: new Redactor().learn(loaded.devices) };
}

/** Stage two: the same session with the rule engine's findings. */
export function withFindings(session: Session, document: AnalyzeDocument): Session {
  return { ...session, document, evaluated: true };
}

function unevaluated(device: DeviceModel): AnalyzedDevice {
  return {
    hostname: device.hostname,
    platform: device.platform,
    captureTime: device.captureTime,
    topology: device.derived.topology,
    daysToAckDeadline: device.derived.reporting.daysToAckDeadline,
    files: device.files,
    findings: [],
    diagnosticCount: device.diagnostics.length,
  };
}

export function parsePaste(text: string, now?: string, name = '<paste>'): Session {
  return parseIngested([{ result: ingestText(text, name), text }], now);
}

export async function parseFiles(paths: string[], now?: string): Promise<Session> {
  const inputs: { result: IngestResult; text: string }[] = [];
  for (const path of paths) {
    const result = await ingestFile(path);
    inputs.push({ result, text: await readFile(path, 'utf8') });
  }
  return parseIngested(inputs, now);
}

export function worstSeverity(device: AnalyzedDevice): Severity | null {
  let worst: Severity | null = null;
  for (const finding of device.findings) if (worst === null || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst]) worst = finding.severity;
  return worst;
}
