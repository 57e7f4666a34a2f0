// One rule file (docs/RULE-FORMAT.md) read and compiled. Its YAML is parsed with positions, its structure checked
// against rules/schema.json (rule-schema.ts), then what a schema cannot say: CEL expressions against the device model,
// RE2 patterns, model paths for evidence, one field against another. Every problem is collected with its
// file:line:column, so an author sees them all at once; a file with errors gives no rule.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, visit, type Document, type Node, type Scalar } from 'yaml';
import type { Platform, Topology } from '../common/device.js';
import type { Severity } from '../common/findings.js';
import { compileExpression, type CompiledExpression, type ExpressionKind } from './condition.js';
import { didYouMean } from './did-you-mean.js';
import { re2Problem } from './functions.js';
import { shapeAt, siblingNames } from './model-schema.js';
import { ruleSchemaProblems, type RulePath, type SchemaProblem } from './rule-schema.js';
import type { Bound } from './static-check.js';
import { RULE_SEVERITIES, type CompiledRule, type EvidenceSpec, type RuleAction, type RuleProblem, type TemplatePart } from './types.js';
import { nodeOffset, positionAt, valueOffsetToFile, type Position, type SourceFile } from './yaml-source.js';

const MAX_FILE_BYTES = 256 * 1024;

/** A rule file as rules/schema.json describes it; a part is read this way only once the schema holds for it. */
interface RuleFileData {
  id: string;
  title: string;
  severity: Severity;
  platforms: Platform[];
  cause: string;
  when: string;
  evidence?: ({ list: string; where?: string; context?: boolean } | { field: string; context?: boolean } | { lines: string })[];
  message: string;
  actions: (string | { text: string; platforms?: Platform[]; topologies?: Topology[] })[];
  references: string[];
  deferTo?: string[];
  escalate?: { severity: Severity; when: string };
  tests?: Partial<Record<'fires' | 'silent', (string | { capture: string; now?: string })[]>>;
}

const startsWith = (path: RulePath, prefix: RulePath): boolean => prefix.every((segment, i) => path[i] === segment);

/** The parsed file, its problems and where each part is. */
class RuleFileReader {
  readonly problems: RuleProblem[] = [];
  private readonly broken: RulePath[] = [];

  constructor(
    readonly source: SourceFile,
    private readonly doc: Document,
  ) {}

  report(at: Node | number | null, message: string, severity: 'error' | 'warning' = 'error'): void {
    const offset = typeof at === 'number' ? at : nodeOffset(at);
    const { line, column } = positionAt(this.source, offset);
    this.problems.push({ file: this.source.path, line, column, message, severity });
  }

  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** The node of the value at `path` (its key when the value is empty; null when there is none). */
  node(path: RulePath): Node | null {
    if (path.length === 0) return (this.doc.contents as Node | null) ?? null;
    const value = this.doc.getIn(path, true) as Node | undefined;
    return value && nodeOffset(value) > 0 ? value : (this.keyNode(path) ?? value ?? null);
  }

  keyNode(path: RulePath): Node | null {
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return null;
    const pair = parent.items.find(({ key }) => isScalar(key) && String(key.value) === String(path[path.length - 1]));
    return (pair?.key as Node | undefined) ?? null;
  }

  position(path: RulePath): Position {
    return positionAt(this.source, nodeOffset(this.node(path)));
  }

  schema(problems: readonly SchemaProblem[]): void {
    for (const { path, point, message } of problems) {
      this.broken.push(path);
      const at = point === 'key' ? this.keyNode(path) : this.node(point === 'parent' ? path.slice(0, -1) : path);
      this.report(at, message);
    }
  }

  /** The file holds a mapping, whatever is wrong inside it. */
  isMapping(): boolean {
    return !this.broken.some((path) => path.length === 0);
  }

  /** The schema holds for the value at `path`, everything in it and everything it is in. */
  usable(path: RulePath): boolean {
    return !this.broken.some((broken) => startsWith(path, broken) || startsWith(broken, path));
  }

  /** Compiles an expression held in a scalar, mapping problems back into the file. */
  compileAt(path: RulePath, text: string, what: string, kind: ExpressionKind, scope?: ReadonlyMap<string, Bound>): CompiledExpression | null {
    return this.compileIn(this.node(path) as Scalar, text, 0, what, kind, scope);
  }

  compileIn(node: Scalar, text: string, offsetInValue: number, what: string, kind: ExpressionKind, scope?: ReadonlyMap<string, Bound>): CompiledExpression | null {
    const result = compileExpression(text, kind, scope);
    for (const problem of result.problems) {
      this.report(valueOffsetToFile(this.source, node, offsetInValue + problem.offset), `${what}: ${problem.message}`, problem.severity);
    }
    return result.expression;
  }
}

/** Evidence entries: the model paths they cite and the expressions and patterns they hold. */
function readEvidence(reader: RuleFileReader, entries: NonNullable<RuleFileData['evidence']>): EvidenceSpec[] {
  const out: EvidenceSpec[] = [];
  for (const [i, entry] of entries.entries()) {
    const at: RulePath = ['evidence', i];
    if (!reader.usable(at)) continue;
    const position = reader.position(at);
    const context = 'context' in entry && entry.context === true;
    if ('list' in entry) {
      const { list } = entry;
      const shape = shapeAt(list);
      if (!shape || shape.kind !== 'list') {
        const why = shape ? `is a ${shape.kind}, not a list` : `is not a model list${didYouMean(list.split('.').pop()!, siblingNames(list))}`;
        reader.report(reader.node([...at, 'list']), `evidence list "${list}" ${why}`);
        continue;
      }
      if (list.startsWith('derived.')) {
        reader.report(reader.node([...at, 'list']), `evidence list "${list}": derived facts carry no input lines; cite syslog or the list they came from`);
        continue;
      }
      const scope = new Map([['it', { shape: shape.item, path: `${list}[]` }]]);
      const where = entry.where === undefined ? null : reader.compileAt([...at, 'where'], entry.where, 'where', 'predicate', scope);
      if (entry.where !== undefined && !where) continue;
      out.push({ kind: 'list', list, where, at: position, context });
    } else if ('field' in entry) {
      const shape = shapeAt(entry.field);
      if (!shape || shape.kind !== 'scalar') {
        const why = shape
          ? `is a ${shape.kind}; field evidence cites a single value (use list: for lists)`
          : `is not a model field${didYouMean(entry.field.split('.').pop()!, siblingNames(entry.field))}`;
        reader.report(reader.node([...at, 'field']), `evidence field "${entry.field}" ${why}`);
        continue;
      }
      out.push({ kind: 'field', path: entry.field, at: position, context });
    } else {
      const problem = re2Problem(entry.lines);
      if (problem) {
        reader.report(reader.node([...at, 'lines']), `evidence lines: invalid RE2 regular expression: ${problem}`);
        continue;
      }
      out.push({ kind: 'lines', pattern: entry.lines, at: position });
    }
  }
  return out;
}

/** The message: literal text and `{{ expression }}` parts. */
function readTemplate(reader: RuleFileReader, text: string): TemplatePart[] | null {
  const node = reader.node(['message']) as Scalar;
  const parts: TemplatePart[] = [];
  let from = 0;
  let ok = true;
  while (from < text.length) {
    const open = text.indexOf('{{', from);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      reader.report(valueOffsetToFile(reader.source, node, open), 'message: "{{" is never closed by "}}"');
      return null;
    }
    if (open > from) parts.push({ literal: text.slice(from, open) });
    const inner = text.slice(open + 2, close);
    const lead = inner.length - inner.trimStart().length;
    const expression = reader.compileIn(node, inner.trim(), open + 2 + lead, 'message', 'template');
    if (expression) parts.push({ expression });
    else ok = false;
    from = close + 2;
  }
  if (from < text.length) parts.push({ literal: text.slice(from) });
  return ok ? parts : null;
}

/** `escalate: { severity: error, when: … }`: a higher severity than the rule's own, where its condition holds. */
function readEscalation(reader: RuleFileReader, escalate: NonNullable<RuleFileData['escalate']>, base: Severity | null): CompiledRule['escalate'] {
  const when = reader.compileAt(['escalate', 'when'], escalate.when, 'escalate.when', 'condition');
  // RULE_SEVERITIES runs from the highest down: an escalation must go up.
  if (base !== null && RULE_SEVERITIES.indexOf(escalate.severity) >= RULE_SEVERITIES.indexOf(base)) {
    reader.report(reader.node(['escalate', 'severity']), `escalate.severity "${escalate.severity}" is not higher than the rule's severity "${base}"`);
    return null;
  }
  return when ? { severity: escalate.severity, when } : null;
}

function readTests(reader: RuleFileReader, tests: RuleFileData['tests']): CompiledRule['tests'] {
  const out: CompiledRule['tests'] = { fires: [], silent: [] };
  const base = dirname(reader.source.path);
  for (const kind of ['fires', 'silent'] as const) {
    for (const [i, item] of (tests?.[kind] ?? []).entries()) {
      if (!reader.usable(['tests', kind, i])) continue;
      const { capture, now } = typeof item === 'string' ? { capture: item, now: undefined } : item;
      out[kind].push({ capture, path: resolve(base, capture), now: now ?? null, at: reader.position(['tests', kind, i]) });
    }
  }
  return out;
}

function readActions(actions: RuleFileData['actions']): RuleAction[] {
  return actions.map((action) =>
    typeof action === 'string' ? { text: action, platforms: null, topologies: null } : { text: action.text, platforms: action.platforms ?? null, topologies: action.topologies ?? null },
  );
}

/** Reads and compiles one rule file. `rule` is null when the file has errors. */
export function readRuleFile(path: string): { rule: CompiledRule | null; problems: RuleProblem[] } {
  const problem = (message: string): { rule: null; problems: RuleProblem[] } => ({
    rule: null,
    problems: [{ file: path, line: 0, column: 0, message, severity: 'error' }],
  });
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return problem(`rule file is larger than ${MAX_FILE_BYTES / 1024} KiB`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return problem(`cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const reader = new RuleFileReader({ path, text, lineCounter }, doc);
  for (const error of doc.errors) reader.report(error.pos[0], `YAML: ${error.message.split('\n')[0]}`);
  // Aliases are refused outright: a rule never needs them, and they are how YAML "billion laughs" bombs work.
  visit(doc, {
    Alias(_, node) {
      reader.report(node as unknown as Node, `YAML aliases (*${node.source}) are not allowed in rule files`);
      return visit.BREAK;
    },
  });
  if (reader.hasErrors()) return { rule: null, problems: reader.problems };

  const data: unknown = doc.toJS();
  reader.schema(ruleSchemaProblems(data));
  if (!reader.isMapping()) return { rule: null, problems: reader.problems };
  const file = data as RuleFileData;
  const usable = (key: keyof RuleFileData): boolean => reader.usable([key]) && file[key] !== undefined;

  const when = usable('when') ? reader.compileAt(['when'], file.when, 'when', 'condition') : null;
  const evidence = file.evidence && Array.isArray(file.evidence) ? readEvidence(reader, file.evidence) : [];
  const message = usable('message') ? readTemplate(reader, file.message) : null;
  for (const [i, other] of (file.deferTo ?? []).entries()) {
    if (reader.usable(['deferTo', i]) && other === file.id) reader.report(reader.node(['deferTo', i]), `deferTo: "${other}" is not another rule's id`);
  }
  const escalate = usable('escalate') ? readEscalation(reader, file.escalate!, usable('severity') ? file.severity : null) : null;
  const tests = usable('tests') ? readTests(reader, file.tests) : { fires: [], silent: [] };

  if (reader.hasErrors() || !when || !message) return { rule: null, problems: reader.problems };
  const rule: CompiledRule = {
    id: file.id,
    title: file.title,
    severity: file.severity,
    platforms: file.platforms,
    cause: file.cause.trim(),
    when,
    evidence,
    message,
    actions: readActions(file.actions),
    references: file.references,
    deferTo: file.deferTo ?? [],
    escalate,
    tests,
    file: path,
    positions: {
      id: reader.position(['id']),
      when: reader.position(['when']),
      tests: file.tests ? positionAt(reader.source, nodeOffset(reader.keyNode(['tests']))) : null,
      deferTo: file.deferTo ? positionAt(reader.source, nodeOffset(reader.keyNode(['deferTo']))) : null,
    },
  };
  return { rule, problems: reader.problems };
}
