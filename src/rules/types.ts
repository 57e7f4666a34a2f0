// A loaded rule pack (docs/RULE-FORMAT.md): rules with their conditions, evidence and templates compiled.
import { TOPOLOGIES as MODEL_TOPOLOGIES, type Platform, type Topology } from '../common/device.js';
import type { Severity } from '../common/findings.js';
import type { CompiledExpression } from './condition.js';
import type { Position } from './yaml-source.js';

// The values rules/schema.json allows for platforms, severities and topologies (test/rules/rule-schema.test.ts holds
// the schema to them, and the compiler holds them to the model's types).
export const RULE_PLATFORMS = ['nxos', 'iosxe'] as const satisfies readonly Platform[];
/** From the highest down. */
export const RULE_SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];
/** The topologies an action may name: the model's own (`derived.topology`). */
export const TOPOLOGIES: readonly Topology[] = MODEL_TOPOLOGIES;

/**
 * Orders rule ids (kebab-case: a-z, 0-9, "-") as `localeCompare` does, without it: the first `localeCompare` of a
 * process builds an ICU collator, ~25 ms of a cold start.
 */
export function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(problem: RuleProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

/** Thrown by `loadPack` when a pack has errors; carries all of them, not just the first. */
export class RulePackError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(errors.length === 1 ? formatProblem(errors[0]!) : `${errors.length} errors in the rule pack; first: ${errors[0] ? formatProblem(errors[0]) : ''}`);
    this.name = 'RulePackError';
  }
}

export interface RuleAction {
  text: string;
  platforms: Platform[] | null;
  topologies: Topology[] | null;
}

export type EvidenceSpec = (
  | { kind: 'list'; list: string; where: CompiledExpression | null }
  | { kind: 'field'; path: string }
  | { kind: 'lines'; pattern: string }
) & { at: Position; /** cited to explain the finding; the condition need not use it */ context?: boolean };

/** A `{{ expression }}` piece of a message, or literal text between them. */
export type TemplatePart = { literal: string } | { expression: CompiledExpression };

export interface TestCase {
  /** As written in the rule file. */
  capture: string;
  /** Resolved against the rule file's directory. */
  path: string;
  now: string | null;
  at: Position;
}

export interface CompiledRule {
  id: string;
  title: string;
  severity: Severity;
  platforms: Platform[];
  cause: string;
  when: CompiledExpression;
  evidence: EvidenceSpec[];
  message: TemplatePart[];
  actions: RuleAction[];
  references: string[];
  /**
   * Rules that explain the same evidence more precisely: when one of them fires on the device, this one stays
   * silent (a QuoVadis trust-pool failure is not told as a network problem too).
   */
  deferTo: string[];
  /** A higher severity for the devices where the harm is greater (a failure while the ACK deadline is at risk). */
  escalate: Escalation<CompiledExpression> | null;
  tests: { fires: TestCase[]; silent: TestCase[] };
  /** The rule file and where its parts are, for lint and explain. */
  file: string;
  positions: { id: Position; when: Position; tests: Position | null; deferTo: Position | null };
}

export interface Escalation<E> {
  severity: Severity;
  when: E;
}

/** A rule whose condition failed to evaluate on a device (a null where a value was needed, text that is no number). */
export interface RuleFailure {
  ruleId: string;
  /** The rule file. */
  file: string;
  error: string;
}

export interface RulePack {
  /** In id order; a later directory's rule replaced an earlier one with the same id. */
  rules: CompiledRule[];
  get(id: string): CompiledRule | undefined;
}
