// Golden pairs, one convention for every parser (Genie-style): a parser's goldens live beside it in
// src/parsers/<parser-id>/goldens/, one YAML file each, naming its input and the model fields it must give.
//
//   description: what the output shows and where it comes from      (required; a sample of a source document says
//                "layout of seeds/<file> line N, values invented", and test/seeds.test.ts holds it to that line)
//   input: some-output.txt            a file beside the golden, written here with invented values, or
//   shared: real-outputs/x.txt        a file under ../shared (real device output; skipped, named, when absent)
//   now: 2024-04-18T00:00:00Z         optional: judge deadlines against this instead of the capture time
//   model: { dotted.path: value }     the fields, written by hand from the text (never recorded from the parser)
//   devices: [{ hostname, model }]    instead of model, for an input holding several devices
//   diagnostics: ["12: could not…"]   optional: the diagnostics expected, as "line: message start"; default none
//   findings: [rule-id, …]            optional: exactly the error and warning rules that must fire
//
// The input must hold at least one section that the folder's parser reads, so a golden sits beside its parser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot, sharedPath } from './shared.js';

export const PARSERS_DIR = path.join(repoRoot, 'src/parsers');

export interface GoldenDevice {
  hostname: string | null;
  model: Record<string, unknown>;
}

export interface Golden {
  /** `license-status/iosxe-17-status` (parser id / name) */
  name: string;
  parser: string;
  file: string;
  description: string;
  /** Absolute input path, or null when it lies under ../shared and that is absent. */
  input: string | null;
  /** `real-outputs/x.txt` when the input is shared. */
  shared: string | null;
  now: string | undefined;
  devices: GoldenDevice[];
  diagnostics: string[];
  findings: string[] | null;
}

/** Every golden of every parser, sorted by parser and name. */
export function listGoldens(): string[] {
  const files: string[] = [];
  for (const parser of readdirSync(PARSERS_DIR).sort()) {
    const dir = path.join(PARSERS_DIR, parser, 'goldens');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.yaml')) files.push(path.join(dir, name));
  }
  return files;
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${where} must be a list`);
  return value.map((v) => String(v));
}

function fieldMap(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must be a map of dotted path -> value`);
  return value as Record<string, unknown>;
}

/** Throws with a readable message when the golden is malformed: that is a test failure, never a skip. */
export function readGolden(file: string): Golden {
  const parser = path.basename(path.dirname(path.dirname(file)));
  const base = path.basename(file, '.yaml');
  const where = path.relative(repoRoot, file);
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') throw new Error(`${where}: empty or not a map`);
  if (typeof doc.description !== 'string' || doc.description.trim() === '') throw new Error(`${where}: description is required`);
  if ((doc.input === undefined) === (doc.shared === undefined)) throw new Error(`${where}: give exactly one of input and shared`);
  let input: string | null;
  let shared: string | null = null;
  if (doc.input !== undefined) {
    input = path.join(path.dirname(file), String(doc.input));
    if (!existsSync(input)) throw new Error(`${where}: input ${String(doc.input)} is not beside it`);
  } else {
    shared = String(doc.shared);
    input = sharedPath(shared);
  }
  const now = doc.now === undefined ? undefined : String(doc.now);
  if (now !== undefined && Number.isNaN(Date.parse(now))) throw new Error(`${where}: now is not an ISO time`);
  if ((doc.model === undefined) === (doc.devices === undefined)) throw new Error(`${where}: give exactly one of model and devices`);
  const devices: GoldenDevice[] =
    doc.devices !== undefined
      ? (() => {
          if (!Array.isArray(doc.devices) || doc.devices.length === 0) throw new Error(`${where}: devices must be a non-empty list`);
          return (doc.devices as Record<string, unknown>[]).map((d, i) => {
            if (typeof d.hostname !== 'string') throw new Error(`${where}: devices[${i}].hostname is required`);
            return { hostname: d.hostname, model: fieldMap(d.model, `${where}: devices[${i}].model`) };
          });
        })()
      : [{ hostname: null, model: fieldMap(doc.model, `${where}: model`) }];
  return {
    name: `${parser}/${base}`,
    parser,
    file,
    description: doc.description,
    input,
    shared,
    now,
    devices,
    diagnostics: stringList(doc.diagnostics, `${where}: diagnostics`),
    findings: doc.findings === undefined ? null : stringList(doc.findings, `${where}: findings`),
  };
}
