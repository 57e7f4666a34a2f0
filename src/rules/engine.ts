// Evaluating a rule pack on one device: platform filter, condition, evidence lines, message, actions.
import type { DeviceModel } from '../common/device.js';
import { SEVERITY_RANK, setMessageValues, type Evidence, type Finding, type LineStore, type ValueSpans } from '../common/findings.js';
import { evaluate, holds, lineMatches, renderValue, type CompiledExpression } from './condition.js';
import { buildContext, listItems } from './context.js';
import { DeviceLines } from './device-lines.js';
import { guardOf, type Guard } from './guard.js';
import { evaluationScope, type EvaluationScope } from './functions.js';
import { compareRuleIds, type CompiledRule, type EvidenceSpec, type RuleAction, type RuleFailure, type RulePack, type TemplatePart } from './types.js';

export const MAX_EVIDENCE_LINES = 20;

export interface EvaluateOptions {
  /** ISO time the deadlines are judged against: `--now`, else the capture time; null when neither is known. */
  now: string | null;
  /** The kept input lines, for `anyLine` and `countLines` (they fail without them). */
  lines?: LineStore;
  /** Told of each rule whose condition failed to evaluate (it does not fire). */
  onFailure?: (failure: RuleFailure) => void;
}

/** The device a rule is being run on, prepared once: the CEL context, and the clock and lines functions read. */
export interface PreparedDevice {
  device: DeviceModel;
  context: Record<string, unknown>;
  now: string | null;
  scope: EvaluationScope;
}

/** `fields`: only these top-level model fields are given to CEL (what the rules to run read); all by default. */
export function prepareDevice(device: DeviceModel, options: EvaluateOptions, fields?: ReadonlySet<string>): PreparedDevice {
  const now = options.now || null; // '' is how some callers say "unknown"
  const lines = options.lines ? new DeviceLines(options.lines, device.sections) : null;
  return { device, context: buildContext(device, now, fields), now, scope: { now, lines } };
}

const fieldsOfPack = new WeakMap<RulePack, ReadonlySet<string>>();

/** The top-level model fields a pack reads: in conditions, `where` predicates, evidence lists and messages. */
export function packFields(pack: RulePack): ReadonlySet<string> {
  let fields = fieldsOfPack.get(pack);
  if (!fields) {
    const names = new Set<string>();
    const topLevel = (path: string) => names.add(path.split(/[.[]/, 1)[0]!);
    const read = (expression: CompiledExpression | null) => expression?.references.forEach(topLevel);
    for (const rule of pack.rules) {
      read(rule.when);
      read(rule.escalate?.when ?? null);
      for (const spec of rule.evidence) {
        if (spec.kind !== 'list') continue;
        topLevel(spec.list);
        read(spec.where);
      }
      for (const part of rule.message) if ('expression' in part) read(part.expression);
    }
    fields = names;
    fieldsOfPack.set(pack, fields);
  }
  return fields;
}

export function appliesToPlatform(rule: CompiledRule, platform: DeviceModel['platform']): boolean {
  return platform === 'unknown' || rule.platforms.includes(platform);
}

/** Runs `fn` with the evaluation scope set to a device's (time and line functions read it). */
export function withScope<T>(scope: EvaluationScope, fn: () => T): T {
  const { now, lines } = evaluationScope;
  evaluationScope.now = scope.now;
  evaluationScope.lines = scope.lines;
  try {
    return fn();
  } finally {
    evaluationScope.now = now;
    evaluationScope.lines = lines;
  }
}

/** Whether the rule fires on the device, and the evaluation error when the condition could not be evaluated. */
export function ruleFires(rule: CompiledRule, prepared: PreparedDevice): { fires: boolean; error?: string } {
  if (!appliesToPlatform(rule, prepared.device.platform)) return { fires: false };
  const result = withScope(prepared.scope, () => holds(rule.when, prepared.context));
  return { fires: result.value, error: result.error };
}

function sourceEvidence(device: DeviceModel, lines: LineStore, key: string): Evidence | null {
  const source = device.sources[key];
  if (!source) return null;
  return { file: source.file, line: source.line, text: lines.text(source.file, source.line) ?? '' };
}

function collectEvidence(spec: EvidenceSpec, prepared: PreparedDevice, lines: LineStore): Evidence[] {
  const { device, context } = prepared;
  switch (spec.kind) {
    case 'field': {
      const found = sourceEvidence(device, lines, spec.path);
      return found ? [found] : [];
    }
    case 'lines':
      return [...lines.lines(device.sections)].filter((line) => lineMatches(spec.pattern, line.text));
    case 'list': {
      const raw = listAt(device, spec.list);
      const converted = listItems(context, spec.list);
      const out: Evidence[] = [];
      // One scope object whose prototype is the device context: copying the context per item costs more than the predicate.
      const scope = Object.create(context) as Record<string, unknown>;
      raw.forEach((item, index) => {
        if (spec.where) {
          scope.it = converted[index];
          const verdict = holds(spec.where, scope);
          if (!verdict.value) return;
        }
        const located = item as { line?: unknown; file?: unknown; text?: unknown } | null;
        if (located && typeof located.line === 'number' && typeof located.file === 'string') {
          const text = lines.text(located.file, located.line) ?? (typeof located.text === 'string' ? located.text : '');
          out.push({ file: located.file, line: located.line, text });
          return;
        }
        const found = sourceEvidence(device, lines, `${spec.list}[${index}]`);
        if (found) out.push(found);
      });
      return out;
    }
  }
}

function listAt(device: DeviceModel, path: string): unknown[] {
  let value: unknown = device;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
  }
  return Array.isArray(value) ? value : [];
}

/** Lines of one file are the usual case: equal names need no collator (see compareRuleIds). */
const compareFiles = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b));

/** All evidence of a finding, de-duplicated, in input order, capped. */
export function evidenceFor(rule: CompiledRule, prepared: PreparedDevice, lines: LineStore): Evidence[] {
  const seen = new Map<string, Evidence>();
  withScope(prepared.scope, () => {
    for (const spec of rule.evidence)
      for (const item of collectEvidence(spec, prepared, lines)) seen.set(`${item.file}\u0000${item.line}`, item);
  });
  const fileOrder = new Map(prepared.device.files.map((file, index) => [file, index]));
  return [...seen.values()]
    .sort((a, b) => (fileOrder.get(a.file) ?? 1e9) - (fileOrder.get(b.file) ?? 1e9) || compareFiles(a.file, b.file) || a.line - b.line)
    .slice(0, MAX_EVIDENCE_LINES);
}

/**
 * The message with its white space runs made one space and its ends trimmed, and where the values filled in from
 * the device stand in it (the literal text is the rule's own words).
 */
export function renderMessage(parts: readonly TemplatePart[], prepared: PreparedDevice): { text: string; values: ValueSpans } {
  let text = '';
  const values: [number, number][] = [];
  withScope(prepared.scope, () => {
    for (const part of parts) {
      let piece: string;
      if ('literal' in part) piece = part.literal;
      else {
        const outcome = evaluate(part.expression, prepared.context);
        piece = outcome.ok ? renderValue(outcome.value) : 'unknown';
      }
      piece = piece.replace(/\s+/g, ' ');
      if (text === '' || text.endsWith(' ')) piece = piece.replace(/^ /, '');
      if (!('literal' in part) && piece !== '') values.push([text.length, text.length + piece.length]);
      text += piece;
    }
  });
  if (text.endsWith(' ')) text = text.slice(0, -1);
  return { text, values: values.map(([start, end]) => [start, Math.min(end, text.length)] as const).filter(([start, end]) => end > start) };
}

/** Platform- and topology-specific actions are kept when they match, or when the device's is unknown. */
export function actionsFor(actions: readonly RuleAction[], device: DeviceModel): string[] {
  const topology = device.derived.topology;
  return actions
    .filter((action) => !action.platforms || device.platform === 'unknown' || action.platforms.includes(device.platform))
    .filter((action) => !action.topologies || topology === 'unknown' || action.topologies.includes(topology))
    .map((action) => action.text.trim());
}

export function findingFor(rule: CompiledRule, prepared: PreparedDevice, lines: LineStore): Finding {
  const message = renderMessage(rule.message, prepared);
  const finding: Finding = {
    ruleId: rule.id,
    severity: severityFor(rule, prepared),
    title: rule.title,
    message: message.text,
    evidence: evidenceFor(rule, prepared, lines),
    actions: actionsFor(rule.actions, prepared.device),
    references: [...rule.references],
  };
  return setMessageValues(finding, message.values);
}

/** The rule's severity, or its escalation's where that condition holds (an escalation that fails to evaluate does not apply). */
export function severityFor(rule: CompiledRule, prepared: PreparedDevice): Finding['severity'] {
  if (!rule.escalate) return rule.severity;
  const escalation = rule.escalate;
  return withScope(prepared.scope, () => holds(escalation.when, prepared.context)).value ? escalation.severity : rule.severity;
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareRuleIds(a.ruleId, b.ruleId);
}

const rulesByPlatform = new WeakMap<RulePack, Map<string, { rule: CompiledRule; guard: Guard | null }[]>>();

/** The pack's rules for a platform, each with its guard; worked out once per pack and platform. */
function rulesFor(pack: RulePack, platform: DeviceModel['platform']): { rule: CompiledRule; guard: Guard | null }[] {
  let byPlatform = rulesByPlatform.get(pack);
  if (!byPlatform) {
    byPlatform = new Map();
    rulesByPlatform.set(pack, byPlatform);
  }
  let rules = byPlatform.get(platform);
  if (!rules) {
    rules = pack.rules.filter((rule) => appliesToPlatform(rule, platform)).map((rule) => ({ rule, guard: guardOf(rule.when.ast) }));
    byPlatform.set(platform, rules);
  }
  return rules;
}

/** Every finding of the pack on one device, most severe first, then by rule id. */
export function evaluateDevice(pack: RulePack, device: DeviceModel, lines: LineStore, options: EvaluateOptions): Finding[] {
  const prepared = prepareDevice(device, { ...options, lines }, packFields(pack));
  const findings: Finding[] = [];
  for (const { rule, guard } of rulesFor(pack, device.platform)) {
    // The guard rejects most rules from the model alone, before their condition is evaluated (guard.ts). A
    // condition the guard rejects is false even where another part of it would fail (CEL's && and || absorb errors).
    if (guard?.(device) === false) continue;
    const verdict = ruleFires(rule, prepared);
    if (verdict.fires) findings.push(findingFor(rule, prepared, lines));
    else if (verdict.error !== undefined) options.onFailure?.({ ruleId: rule.id, file: rule.file, error: verdict.error });
  }
  const fired = new Set(findings.map((finding) => finding.ruleId));
  return findings.filter((finding) => deferredTo(pack.get(finding.ruleId)!, fired) === null).sort(compareFindings);
}

/** The first rule of `rule.deferTo` among those that fired, or null: the rule whose finding explains this one's. */
export function deferredTo(rule: CompiledRule, fired: ReadonlySet<string>): string | null {
  for (const id of rule.deferTo) if (fired.has(id)) return id;
  return null;
}

/** Which of `rule.deferTo` fire on the device (for `rules test` and `rules explain`, which evaluate one rule). */
export function firingDeferrals(pack: RulePack, rule: CompiledRule, prepared: PreparedDevice, platform: DeviceModel['platform']): string[] {
  return rule.deferTo.filter((id) => {
    const other = pack.get(id);
    return other !== undefined && appliesToPlatform(other, platform) && ruleFires(other, prepared).fires;
  });
}
