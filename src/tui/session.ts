// What the TUI holds for one case: the analysed devices plus the raw text of every input, so evidence can be shown
// in the context of the capture it came from. Built once per paste or open; views only read it.
import type { DeviceModel } from '../common/device.js';
import type { AnalyzeDocument, AnalyzedDevice, Severity } from '../common/findings.js';
import { SEVERITY_RANK } from '../common/findings.js';
import { ingestFile, ingestText } from '../ingest/index.js';
import type { IngestResult } from '../ingest/types.js';
import { analyzedDevice } from '../pipeline/analyzed-device.js';
import { fromIngested, type LoadedCaptures } from '../pipeline/captures.js';
import { Redactor } from '../report/redact.js';
import { FileLines } from './raw-file.js';
import { TextLines, type RawLines } from './raw-lines.js';

export interface Session {
  /** Until the rules have run (`evaluated` false) every device has no findings: the header can already show. */
  document: AnalyzeDocument;
  evaluated: boolean;
  devices: DeviceModel[];
  loaded: LoadedCaptures;
  /** The raw lines of every input, by its name. */
  raw: Map<string, RawLines>;
  redactor: Redactor;
}

/** Thrown when the input was read but holds no device output: the start screen shows it and lets the user retry. */
export class NothingFoundError extends Error {}

/** Stage one: ingest and parse. The rule engine is not loaded yet, so the first frame does not wait for it. */
export function parseIngested(inputs: { result: IngestResult; lines: () => RawLines }[], now?: string): Session {
  const loaded = fromIngested(inputs.map((i) => i.result), { now });
  // Text without licensing output (a mail, a wrong file) is refused as the CLI refuses it (model/licensing-output.ts).
  if (loaded.refused.length > 0) throw new NothingFoundError(loaded.refused.map((refusal) => refusal.message).join('; '));
  const document: AnalyzeDocument = { schemaVersion: 1, devices: loaded.devices.map((device) => analyzedDevice(device, [])) };
  const raw = new Map(inputs.map((i) => [i.result.file, i.lines()]));
  return { document, evaluated: false, devices: loaded.devices, loaded, raw, redactor: new Redactor().learn(loaded.devices) };
}

/** Stage two: the same session with the rule engine's findings. */
export function withFindings(session: Session, document: AnalyzeDocument): Session {
  return { ...session, document, evaluated: true };
}

export function parsePaste(text: string, now?: string, name = '<paste>'): Session {
  return parseIngested([{ result: ingestText(text, name), lines: () => new TextLines(text) }], now);
}

/** Files are read the way `analyze` reads them (streamed); their raw lines are read from the file when shown. */
export async function parseFiles(paths: string[], now?: string): Promise<Session> {
  const inputs: { result: IngestResult; lines: () => RawLines }[] = [];
  for (const path of paths) inputs.push({ result: await ingestFile(path), lines: () => new FileLines(path) });
  return parseIngested(inputs, now);
}

/** Stops what a session still does in the background (indexing its files). */
export function closeSession(session: Session): void {
  for (const lines of session.raw.values()) lines.close?.();
}

export function worstSeverity(device: AnalyzedDevice): Severity | null {
  let worst: Severity | null = null;
  for (const finding of device.findings) if (worst === null || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst]) worst = finding.severity;
  return worst;
}
