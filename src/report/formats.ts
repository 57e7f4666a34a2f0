// Output formats by name: how each document slp-doctor writes looks in each format. `--format` offers the formats
// that can write the command's document, and the TUI's export writes through here too, so adding a format is one
// entry in FORMATS.
import type { ModelDocument } from '../common/device.js';
import type { AnalyzeDocument, AnalyzedDevice } from '../common/findings.js';
import type { FleetSummary } from '../common/fleet-summary.js';
import type { Palette } from './color.js';
import { renderSummaryMarkdown, renderSummaryText } from './fleet-summary.js';
import { renderMarkdown } from './markdown.js';
import { renderModelText } from './model-text.js';
import { renderText } from './text.js';

/** The documents slp-doctor writes, by what they are. */
export interface Documents {
  /** `analyze`: each device with its findings. */
  analysis: AnalyzeDocument;
  /** `analyze --summary`: counts and lists over a fleet. */
  summary: FleetSummary;
  /** `parse`: the device models, no rules. */
  model: ModelDocument;
}

export type DocumentKind = keyof Documents;

export type Writer<K extends DocumentKind> = (document: Documents[K], palette: Palette) => string;

export interface OutputFormat {
  /** Whole documents. `palette` colours text for a terminal (--color); formats for files and programs ignore it. */
  write: { [K in DocumentKind]?: Writer<K> };
  /**
   * The analysis one line per device, each written as soon as its device is analysed, so a fleet of thousands
   * streams out instead of waiting for the last device. For a format without a whole-document `analysis` writer.
   * Fleet workers call it (the line crosses back to the main thread instead of the device) unless --redact is on.
   */
  deviceLine?: (device: AnalyzedDevice) => string;
}

const pretty = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

const formats = {
  text: { write: { analysis: renderText, summary: renderSummaryText, model: (document) => renderModelText(document) } },
  json: { write: { analysis: pretty, summary: pretty, model: pretty } },
  markdown: { write: { analysis: (document) => renderMarkdown(document), summary: (summary) => renderSummaryMarkdown(summary) } },
  jsonl: {
    write: { summary: (summary) => `${JSON.stringify(summary)}\n` },
    deviceLine: (device) => JSON.stringify({ schemaVersion: 1, device }),
  },
} satisfies Record<string, OutputFormat>;

export type FormatName = keyof typeof formats;

export const FORMATS: Readonly<Record<FormatName, OutputFormat>> = formats;

/** Whether a format can write `analyze` output: the whole document, or a line per device. */
export const writesAnalysis = (format: OutputFormat): boolean => format.write.analysis !== undefined || format.deviceLine !== undefined;

/** Whether a format can write documents of `kind` whole. */
export const writes =
  (kind: DocumentKind) =>
  (format: OutputFormat): boolean =>
    format.write[kind] !== undefined;

/** The names of the formats `accepted`, the command's default first: a command's `--format` choices. */
export function formatChoices(accepted: (format: OutputFormat) => boolean, first: FormatName): FormatName[] {
  const names = (Object.keys(FORMATS) as FormatName[]).filter((name) => accepted(FORMATS[name]));
  return [first, ...names.filter((name) => name !== first)];
}

/** `name`'s writer for documents of `kind`; null when the format cannot write them whole. */
export function writerFor<K extends DocumentKind>(name: FormatName, kind: K): Writer<K> | null {
  return (FORMATS[name].write[kind] as Writer<K> | undefined) ?? null;
}
