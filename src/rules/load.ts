// Loading rule packs: directories of one-rule YAML files (docs/RULE-FORMAT.md). Every problem is collected with its
// file:line:column; a pack with errors is refused as a whole (RulePackError) so a broken rule never runs silently.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Scalar } from 'yaml';
import type { Platform, Topology } from '../common/device.js';
import type { Severity } from '../common/findings.js';
import { compileExpression, type CompiledExpression, type ExpressionKind } from './condition.js';
import { didYouMean } from './did-you-mean.js';
import { re2Problem } from './functions.js';
import { shapeAt, siblingNames } from './model-schema.js';
import type { Bound } from './static-check.js';
import {
  RULE_PLATFORMS,
  RULE_SEVERITIES,
  RulePackError,
  TOPOLOGIES,
  compareRuleIds,
  type CompiledRule,
  type EvidenceSpec,
  type RuleAction,
  type RulePack,
  type RuleProblem,
  type TemplatePart,
} from './types.js';
import { currentBuild, rulesFromCache, type PackCache } from './pack-cache.js';
import { nodeOffset, positionAt, valueOffsetToFile, type Position, type SourceFile } from './yaml-source.js';

export type { RulePack } from './types.js';

const MAX_FILE_BYTES = 256 * 1024;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RULE_KEYS = ['id', 'title', 'severity', 'platforms', 'cause', 'when', 'evidence', 'message', 'actions', 'references', 'deferTo', 'escalate', 'tests'];
const REQUIRED_KEYS = ['id', 'title', 'severity', 'platforms', 'cause', 'when', 'message', 'actions', 'references'];

/** The built-in pack shipped with the package (`rules/` next to `src/` and `dist/`). */
export function builtinRulesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
}

type Entry = { key: Scalar; value: Node | null };

/** Reads one rule file's YAML nodes, collecting problems instead of stopping at the first. */
class RuleFileReader {
  readonly problems: RuleProblem[] = [];

  constructor(readonly source: SourceFile) {}

  report(at: Node | number | null, message: string, severity: 'error' | 'warning' = 'error'): void {
    const offset = typeof at === 'number' ? at : nodeOffset(at);
    const { line, column } = positionAt(this.source, offset);
    this.problems.push({ file: this.source.path, line, column, message, severity });
  }

  position(node: Node | null): Position {
    return positionAt(this.source, nodeOffset(node));
  }

  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  mapping(node: Node | null, what: string, keys: readonly string[], required: readonly string[], parent: Node | null): Map<string, Entry> | null {
    if (!isMap(node)) {
      this.report(node ?? parent, `${what} must be a mapping (key: value)`);
      return null;
    }
    const entries = new Map<string, Entry>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.report(key ?? node, `${what}: keys must be plain names`);
        continue;
      }
      if (!keys.includes(key.value)) {
        this.report(key, `unknown key "${key.value}" in ${what}${didYouMean(key.value, keys)}; allowed: ${keys.join(', ')}`);
        continue;
      }
      entries.set(key.value, { key, value: (pair.value as Node | null) ?? null });
    }
    for (const name of required) if (!entries.has(name)) this.report(node, `${what} is missing the required key "${name}"`);
    return entries;
  }

  string(entry: Entry | undefined, what: string): string | null {
    if (!entry) return null;
    const { value } = entry;
    if (!isScalar(value) || typeof value.value !== 'string') {
      this.report(value ?? entry.key, `${what} must be a string${isScalar(value) ? `, not ${value.value === null ? 'empty' : typeof value.value}` : ''}`);
      return null;
    }
    if (value.value.trim() === '') {
      this.report(value, `${what} must not be empty`);
      return null;
    }
    return value.value;
  }

  boolean(entry: Entry | undefined, what: string): boolean {
    if (!entry) return false;
    const { value } = entry;
    if (!isScalar(value) || typeof value.value !== 'boolean') {
      this.report(value ?? entry.key, `${what} must be true or false`);
      return false;
    }
    return value.value;
  }

  enumList<T extends string>(entry: Entry | undefined, what: string, allowed: readonly T[]): T[] | null {
    if (!entry) return null;
    if (!isSeq(entry.value) || entry.value.items.length === 0) {
      this.report(entry.value ?? entry.key, `${what} must be a non-empty list of: ${allowed.join(', ')}`);
      return null;
    }
    const out: T[] = [];
    for (const item of entry.value.items as Node[]) {
      if (isScalar(item) && typeof item.value === 'string' && (allowed as readonly string[]).includes(item.value)) out.push(item.value as T);
      else {
        const shown = isScalar(item) ? String(item.value) : 'a non-string';
        this.report(item, `${what}: "${shown}" is not one of ${allowed.join(', ')}${didYouMean(shown, allowed)}`);
      }
    }
    return out;
  }

  sequence(entry: Entry | undefined, what: string): Node[] {
    if (!entry) return [];
    if (!isSeq(entry.value)) {
      this.report(entry.value ?? entry.key, `${what} must be a list`);
      return [];
    }
    return entry.value.items as Node[];
  }

  /** Compiles an expression held in a scalar, mapping problems back into the file. */
  expression(entry: Entry | undefined, what: string, kind: ExpressionKind, scope?: ReadonlyMap<string, Bound>): CompiledExpression | null {
    const text = this.string(entry, what);
    if (text === null || !entry) return null;
    return this.compileIn(entry.value as Scalar, text, 0, what, kind, scope);
  }

  compileIn(node: Scalar, text: string, offsetInValue: number, what: string, kind: ExpressionKind, scope?: ReadonlyMap<string, Bound>): CompiledExpression | null {
    const result = compileExpression(text, kind, scope);
    for (const problem of result.problems) {
      this.report(valueOffsetToFile(this.source, node, offsetInValue + problem.offset), `${what}: ${problem.message}`, problem.severity);
    }
    return result.expression;
  }
}

function readEvidence(reader: RuleFileReader, entry: Entry | undefined): EvidenceSpec[] {
  const out: EvidenceSpec[] = [];
  for (const item of reader.sequence(entry, 'evidence')) {
    const fields = reader.mapping(item, 'an evidence entry', ['list', 'where', 'field', 'lines', 'context'], [], item);
    if (!fields) continue;
    const at = reader.position(item);
    // `context: true` cites a value that explains the finding without being part of its condition.
    const context = reader.boolean(fields.get('context'), 'evidence context');
    const kinds = ['list', 'field', 'lines'].filter((k) => fields.has(k));
    if (kinds.length !== 1) {
      reader.report(item, `an evidence entry needs exactly one of list, field or lines (found ${kinds.length === 0 ? 'none' : kinds.join(' and ')})`);
      continue;
    }
    if (fields.has('where') && !fields.has('list')) reader.report(fields.get('where')!.key, '"where" belongs to a "list" evidence entry');
    if (fields.has('list')) {
      const list = reader.string(fields.get('list'), 'evidence list');
      if (list === null) continue;
      const shape = shapeAt(list);
      const listNode = fields.get('list')!.value;
      if (!shape || shape.kind !== 'list') {
        const why = shape ? `is a ${shape.kind}, not a list` : `is not a model list${didYouMean(list.split('.').pop()!, siblingNames(list))}`;
        reader.report(listNode, `evidence list "${list}" ${why}`);
        continue;
      }
      if (list.startsWith('derived.')) {
        reader.report(listNode, `evidence list "${list}": derived facts carry no input lines; cite syslog or the list they came from`);
        continue;
      }
      const where = fields.has('where') ? reader.expression(fields.get('where'), 'where', 'predicate', new Map([['it', { shape: shape.item, path: `${list}[]` }]])) : null;
      if (fields.has('where') && !where) continue;
      out.push({ kind: 'list', list, where, at, context });
    } else if (fields.has('field')) {
      const path = reader.string(fields.get('field'), 'evidence field');
      if (path === null) continue;
      const shape = shapeAt(path);
      if (!shape || shape.kind !== 'scalar') {
        const why = shape ? `is a ${shape.kind}; field evidence cites a single value (use list: for lists)` : `is not a model field${didYouMean(path.split('.').pop()!, siblingNames(path))}`;
        reader.report(fields.get('field')!.value, `evidence field "${path}" ${why}`);
        continue;
      }
      out.push({ kind: 'field', path, at, context });
    } else {
      const pattern = reader.string(fields.get('lines'), 'evidence lines');
      if (pattern === null) continue;
      const problem = re2Problem(pattern);
      if (problem) {
        reader.report(fields.get('lines')!.value, `evidence lines: invalid RE2 regular expression: ${problem}`);
        continue;
      }
      out.push({ kind: 'lines', pattern, at });
    }
  }
  return out;
}

function readTemplate(reader: RuleFileReader, entry: Entry | undefined): TemplatePart[] | null {
  const text = reader.string(entry, 'message');
  if (text === null || !entry) return null;
  const node = entry.value as Scalar;
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

function readActions(reader: RuleFileReader, entry: Entry | undefined): RuleAction[] {
  const out: RuleAction[] = [];
  for (const item of reader.sequence(entry, 'actions')) {
    if (isScalar(item)) {
      if (typeof item.value === 'string' && item.value.trim() !== '') out.push({ text: item.value, platforms: null, topologies: null });
      else reader.report(item, 'an action must be a non-empty string or {text, platforms, topologies}');
      continue;
    }
    const fields = reader.mapping(item, 'an action', ['text', 'platforms', 'topologies'], ['text'], item);
    if (!fields) continue;
    const text = reader.string(fields.get('text'), 'action text');
    const platforms = reader.enumList<Platform>(fields.get('platforms'), 'action platforms', RULE_PLATFORMS);
    const topologies = reader.enumList<Topology>(fields.get('topologies'), 'action topologies', TOPOLOGIES);
    if (text !== null) out.push({ text, platforms, topologies });
  }
  return out;
}

function readStrings(reader: RuleFileReader, entry: Entry | undefined, what: string): string[] {
  const out: string[] = [];
  for (const item of reader.sequence(entry, what)) {
    if (isScalar(item) && typeof item.value === 'string') out.push(item.value);
    else reader.report(item, `${what}: each item must be a string`);
  }
  return out;
}

/** `escalate: { severity: error, when: … }`: a higher severity than the rule's own, where its condition holds. */
function readEscalation(reader: RuleFileReader, entry: Entry | undefined, base: string | null): CompiledRule['escalate'] {
  if (!entry) return null;
  const fields = reader.mapping(entry.value, 'escalate', ['severity', 'when'], ['severity', 'when'], entry.key);
  if (!fields) return null;
  const severity = reader.string(fields.get('severity'), 'escalate.severity');
  const when = reader.expression(fields.get('when'), 'escalate.when', 'condition');
  if (severity === null || !when) return null;
  const rank = (s: string | null) => RULE_SEVERITIES.indexOf(s as Severity);
  if (rank(severity) < 0) {
    reader.report(fields.get('severity')!.value, `escalate.severity "${severity}" is not one of ${RULE_SEVERITIES.join(', ')}`);
    return null;
  }
  // RULE_SEVERITIES runs from the highest down: an escalation must go up.
  if (base !== null && rank(base) >= 0 && rank(severity) >= rank(base)) {
    reader.report(fields.get('severity')!.value, `escalate.severity "${severity}" is not higher than the rule's severity "${base}"`);
    return null;
  }
  return { severity: severity as Severity, when };
}

function readTests(reader: RuleFileReader, entry: Entry | undefined): CompiledRule['tests'] {
  const tests: CompiledRule['tests'] = { fires: [], silent: [] };
  if (!entry) return tests;
  const fields = reader.mapping(entry.value, 'tests', ['fires', 'silent'], [], entry.key);
  if (!fields) return tests;
  const base = dirname(reader.source.path);
  for (const kind of ['fires', 'silent'] as const) {
    for (const item of reader.sequence(fields.get(kind), `tests.${kind}`)) {
      let capture: string | null = null;
      let now: string | null = null;
      if (isScalar(item) && typeof item.value === 'string') capture = item.value;
      else {
        const caseFields = reader.mapping(item, `a tests.${kind} case`, ['capture', 'now'], ['capture'], item);
        if (!caseFields) continue;
        capture = reader.string(caseFields.get('capture'), 'capture');
        now = reader.string(caseFields.get('now'), 'now');
        if (now !== null && Number.isNaN(Date.parse(now))) {
          reader.report(caseFields.get('now')!.value, `now: "${now}" is not an ISO time such as 2024-04-18T07:45:10Z`);
          now = null;
        }
      }
      if (capture !== null) tests[kind].push({ capture, path: resolve(base, capture), now, at: reader.position(item) });
    }
  }
  return tests;
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
  const reader = new RuleFileReader({ path, text, lineCounter });
  for (const error of doc.errors) reader.report(error.pos[0], `YAML: ${error.message.split('\n')[0]}`);
  // Aliases are refused outright: a rule never needs them, and they are how YAML "billion laughs" bombs work.
  visit(doc, {
    Alias(_, node) {
      reader.report(node as unknown as Node, `YAML aliases (*${node.source}) are not allowed in rule files`);
      return visit.BREAK;
    },
  });
  if (reader.hasErrors()) return { rule: null, problems: reader.problems };

  const root = doc.contents as Node | null;
  const fields = reader.mapping(root, 'a rule', RULE_KEYS, REQUIRED_KEYS, null);
  if (!fields) return { rule: null, problems: reader.problems };

  const id = reader.string(fields.get('id'), 'id');
  if (id !== null && !ID_PATTERN.test(id)) reader.report(fields.get('id')!.value, `id "${id}" must be kebab-case (lower-case words joined by "-")`);
  const title = reader.string(fields.get('title'), 'title');
  const severityText = reader.string(fields.get('severity'), 'severity');
  if (severityText !== null && !RULE_SEVERITIES.includes(severityText as Severity)) {
    reader.report(fields.get('severity')!.value, `severity "${severityText}" is not one of ${RULE_SEVERITIES.join(', ')}${didYouMean(severityText, RULE_SEVERITIES)}`);
  }
  const platforms = reader.enumList<Platform>(fields.get('platforms'), 'platforms', RULE_PLATFORMS);
  const cause = reader.string(fields.get('cause'), 'cause');
  const when = reader.expression(fields.get('when'), 'when', 'condition');
  const evidence = readEvidence(reader, fields.get('evidence'));
  const message = readTemplate(reader, fields.get('message'));
  const actions = readActions(reader, fields.get('actions'));
  const references = readStrings(reader, fields.get('references'), 'references');
  const deferTo = readStrings(reader, fields.get('deferTo'), 'deferTo');
  for (const [i, other] of deferTo.entries()) {
    if (!ID_PATTERN.test(other) || other === id) reader.report(reader.sequence(fields.get('deferTo'), 'deferTo')[i]!, `deferTo: "${other}" is not another rule's id`);
  }
  const escalate = readEscalation(reader, fields.get('escalate'), severityText);
  const tests = readTests(reader, fields.get('tests'));

  if (reader.hasErrors() || id === null || title === null || severityText === null || !platforms || cause === null || !when || !message) {
    return { rule: null, problems: reader.problems };
  }
  const rule: CompiledRule = {
    id,
    title,
    severity: severityText as Severity,
    platforms,
    cause: cause.trim(),
    when,
    evidence,
    message,
    actions,
    references,
    deferTo,
    escalate,
    tests,
    file: path,
    positions: {
      id: reader.position(fields.get('id')!.value),
      when: reader.position(fields.get('when')!.value),
      tests: fields.has('tests') ? reader.position(fields.get('tests')!.key) : null,
      deferTo: fields.has('deferTo') ? reader.position(fields.get('deferTo')!.key) : null,
    },
  };
  return { rule, problems: reader.problems };
}

export function ruleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

const isDirectory = (dir: string): boolean => existsSync(dir) && statSync(dir).isDirectory();

/** Every rule file of one directory, checked; a second rule with an id already used in the directory is an error. */
function readDirectory(dir: string, files: readonly string[], problems: RuleProblem[]): CompiledRule[] {
  const seen = new Map<string, CompiledRule>();
  for (const file of files) {
    const { rule, problems: fileProblems } = readRuleFile(file);
    problems.push(...fileProblems);
    if (!rule) continue;
    const earlier = seen.get(rule.id);
    if (earlier) {
      problems.push({ file, ...rule.positions.id, message: `duplicate id "${rule.id}": also defined in ${earlier.file}`, severity: 'error' });
      continue;
    }
    seen.set(rule.id, rule);
  }
  return [...seen.values()];
}

/** A later directory's rule replaces an earlier one with the same id. */
function assemble(directories: readonly CompiledRule[][]): RulePack {
  const byId = new Map<string, CompiledRule>();
  for (const rules of directories) for (const rule of rules) byId.set(rule.id, rule);
  const rules = [...byId.values()].sort((a, b) => compareRuleIds(a.id, b.id));
  return { rules, get: (id) => byId.get(id) };
}

const missingDirectory = (dir: string): RuleProblem => ({ file: dir, line: 0, column: 0, message: 'rule directory does not exist', severity: 'error' });

/**
 * Reads every directory in order, with every check; a later directory's rule replaces an earlier one with the same
 * id. `files` are the rule files read, valid or not (one rule each).
 */
export function readPack(dirs: readonly string[]): { pack: RulePack; problems: RuleProblem[]; files: string[] } {
  const problems: RuleProblem[] = [];
  const directories: CompiledRule[][] = [];
  const files: string[] = [];
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      problems.push(missingDirectory(dir));
      continue;
    }
    const inDirectory = ruleFiles(dir);
    files.push(...inDirectory);
    directories.push(readDirectory(dir, inDirectory, problems));
  }
  return { pack: assemble(directories), problems, files };
}

export interface LoadOptions {
  /** Precompiled directories (the built-in pack); each is used only for a directory whose files it matches. */
  precompiled?: readonly PackCache[];
  /** The build the caches must come from (the running bundle's by default). */
  build?: string | null;
}

/** Where the build writes the precompiled built-in pack. */
export function builtinPackCachePath(): string {
  return resolve(builtinRulesDir(), '..', 'dist', 'rules-pack.json');
}

/** The precompiled built-in pack, when running from the bundle that wrote it. */
function bundledPackCaches(): PackCache[] {
  if (currentBuild() === null) return [];
  try {
    return [JSON.parse(readFileSync(builtinPackCachePath(), 'utf8')) as PackCache];
  } catch {
    return []; // no cache (never built, or removed): the full path is always correct
  }
}

/** Loads a pack for analysis; throws RulePackError listing every error when any rule file is invalid. */
export function loadPack(dirs: readonly string[], options: LoadOptions = {}): RulePack {
  const precompiled = options.precompiled ?? bundledPackCaches();
  const build = options.build === undefined ? currentBuild() : options.build;
  const problems: RuleProblem[] = [];
  const directories: CompiledRule[][] = [];
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      problems.push(missingDirectory(dir));
      continue;
    }
    const files = ruleFiles(dir);
    let rules: CompiledRule[] | null = null;
    for (const cache of precompiled) rules ??= rulesFromCache(cache, dir, files, build);
    directories.push(rules ?? readDirectory(dir, files, problems));
  }
  if (problems.some((p) => p.severity === 'error')) throw new RulePackError(problems);
  return assemble(directories);
}
