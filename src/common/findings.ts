// What the rule engine produces and the renderers print. `AnalyzeDocument` is the JSON contract of
// `slp-doctor analyze --format json` (DESIGN.md).
import type { Platform, Topology } from './device.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface Evidence {
  /** 1-based line of the input file. */
  line: number;
  text: string;
  file: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  /** Filled from the model. */
  message: string;
  evidence: Evidence[];
  /** Ordered; exact CLI commands as the source documents give them. */
  actions: string[];
  references: string[];
}

/** Where the device's values stand in a finding's message: `[start, end)` offsets, in order. */
export type ValueSpans = readonly (readonly [number, number])[];

const MESSAGE_VALUES = Symbol('message values');

/**
 * Records which parts of a finding's message came from the device (the rest is the rule's own words): --redact
 * masks only those. Not enumerable, so neither the JSON output nor a worker message carries it; the fleet hands it
 * over itself.
 */
export function setMessageValues(finding: Finding, spans: ValueSpans): Finding {
  Object.defineProperty(finding, MESSAGE_VALUES, { value: spans, enumerable: false, configurable: true });
  return finding;
}

/** The spans recorded by `setMessageValues`; undefined when not known (then the whole message counts as the device's). */
export function messageValues(finding: Finding): ValueSpans | undefined {
  return (finding as { [MESSAGE_VALUES]?: ValueSpans })[MESSAGE_VALUES];
}

export interface AnalyzedDevice {
  hostname: string | null;
  platform: Platform;
  captureTime: string | null;
  topology: Topology;
  daysToAckDeadline: number | null;
  files: string[];
  findings: Finding[];
  /** Parser diagnostics count, so a report can say how much of the input was not understood. */
  diagnosticCount: number;
}

export interface AnalyzeDocument {
  schemaVersion: 1;
  devices: AnalyzedDevice[];
}

/** The kept (normalised) input lines, for evidence. Only lines of kept sections are available. */
export interface LineStore {
  text(file: string, line: number): string | undefined;
  /** Every kept line of the given files' sections in input order (used by `lines:` evidence). */
  lines(sections: readonly { file: string; startLine: number; endLine: number }[]): Iterable<Evidence>;
}
