// Rule files are checked against rules/schema.json, the JSON Schema that editors validate them with as they are
// written: one definition of which keys a rule has and what each holds. Each schema error becomes one problem worded
// for the person fixing the file ("severity "critical" is not one of error, warning, info"), not in schema terms.
// What a schema cannot say (CEL conditions, RE2 patterns, model paths, one field against another) rule-files.ts checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { builtinRulesDir } from './builtin.js';
import { didYouMean } from './did-you-mean.js';

/** A key or list index on the way from the top of a rule file to a value. */
export type RulePath = readonly (string | number)[];

export interface SchemaProblem {
  /** The value the problem is about; nothing at or below it is checked further. */
  path: RulePath;
  /** Where to point: at the value, at its key (an unknown key) or at the mapping that lacks it (a missing key). */
  point: 'value' | 'key' | 'parent';
  message: string;
}

let validator: ValidateFunction | null = null;

function ruleValidator(): ValidateFunction {
  if (validator) return validator;
  // Loaded on first use, from node_modules rather than the bundle: the built-in pack loads precompiled
  // (pack-cache.ts), and starting ajv would cost `analyze` more than the rest of the rule engine does.
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  // A test case's `now` is any time Date.parse reads, as the engine reads it.
  ajv.addFormat('date-time', { type: 'string', validate: (text: string) => !Number.isNaN(Date.parse(text)) });
  validator = ajv.compile(JSON.parse(readFileSync(ruleSchemaPath(), 'utf8')) as object);
  return validator;
}

/** rules/schema.json of this installation (`slp-doctor rules schema` prints it). */
export function ruleSchemaPath(): string {
  return join(builtinRulesDir(), 'schema.json');
}

/** Every way the parsed rule file `rule` breaks the schema; none when it holds. */
export function ruleSchemaProblems(rule: unknown): SchemaProblem[] {
  const validate = ruleValidator();
  if (validate(rule)) return [];
  const problems = distilled(validate.errors ?? []).map((error) => described(error, rule));
  // `""` breaks both minLength and the "not blank" pattern: one problem is enough.
  return problems.filter((problem, i) => problems.findIndex((other) => other.message === problem.message && other.path.join('/') === problem.path.join('/')) === i);
}

/**
 * A value that can take one of several forms (an evidence entry: list, field or lines) fails every form it is not.
 * When the value's own type and keys pick one form, only that form's errors are about it; otherwise the "one of"
 * error alone says what the value should be.
 */
function distilled(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const oneOf of errors.filter((error) => error.keyword === 'oneOf')) {
    const within = (error: ErrorObject): boolean => error.instancePath === oneOf.instancePath || error.instancePath.startsWith(`${oneOf.instancePath}/`);
    const branchOf = (error: ErrorObject): number | null =>
      within(error) && error.schemaPath.startsWith(`${oneOf.schemaPath}/`) ? Number(error.schemaPath.slice(oneOf.schemaPath.length + 1).split('/')[0]) : null;
    const branches = (oneOf.schema as unknown[]).map((_, branch) => branch);
    const failsAt = (branch: number, keyword: string) =>
      kept.some((error) => branchOf(error) === branch && error.instancePath === oneOf.instancePath && error.keyword === keyword);
    let candidates = branches.filter((branch) => !failsAt(branch, 'type'));
    if (candidates.length > 1) candidates = candidates.filter((branch) => !failsAt(branch, 'required'));
    const chosen = candidates.length === 1 ? candidates[0] : null;
    kept = kept.filter((error) => {
      if (error === oneOf) return chosen === null;
      if (!within(error)) return true;
      // Errors of a form reached through a $ref (a platform's enum) carry the $ref's path: they belong to the chosen form.
      const branch = branchOf(error);
      return chosen !== null && (branch === chosen || branch === null);
    });
  }
  return kept;
}

/** The path of an error's value, with list indexes as numbers. */
function pathOf(error: ErrorObject, rule: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let value = rule;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) ? Number(key) : key;
    path.push(segment);
    value = (value as Record<string | number, unknown> | null)?.[segment];
  }
  return path;
}

/** What a value is called in messages: `severity`, `action topologies`, `an evidence entry`, `a tests.fires case`. */
export function nameOf(path: RulePath): string {
  const [top, second, third] = path;
  if (top === undefined) return 'a rule';
  if (top === 'evidence' && second !== undefined) return third === undefined ? 'an evidence entry' : `evidence ${third}`;
  if (top === 'actions' && second !== undefined) return third === undefined ? 'an action' : `action ${third}`;
  if (top === 'tests' && second !== undefined) {
    if (third === undefined) return `tests.${second}`;
    return path.length === 3 ? `a tests.${second} case` : String(path[3]);
  }
  if (top === 'escalate' && second !== undefined) return `escalate.${second}`;
  return String(top);
}

interface SchemaNode {
  type?: string;
  enum?: readonly string[];
  items?: SchemaNode | { $ref: string };
  properties?: Record<string, unknown>;
  pattern?: string;
}

const TYPE_WORDS: Record<string, string> = { string: 'a string', array: 'a list', object: 'a mapping (key: value)', boolean: 'true or false', integer: 'a whole number', number: 'a number' };
const KEBAB_CASE = 'kebab-case (lower-case words joined by "-")';
const ONE_OF: Record<string, string> = {
  'an action': 'a non-empty string or {text, platforms, topologies}',
  'a tests.fires case': 'a capture path or {capture, now}',
  'a tests.silent case': 'a capture path or {capture, now}',
};

function described(error: ErrorObject, rule: unknown): SchemaProblem {
  const path = pathOf(error, rule);
  // An item of a plain list is named by its list: "platforms: "x" is not one of nxos, iosxe".
  const isItem = typeof path[path.length - 1] === 'number' && nameOf(path) === nameOf(path.slice(0, -1));
  const what = nameOf(path);
  const data: unknown = error.data;
  const shown = typeof data === 'string' ? data : JSON.stringify(data);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const itemsEnum = (schema.items as SchemaNode | undefined)?.enum ?? enumOfRef(schema.items);
  const problem = (message: string, point: SchemaProblem['point'] = 'value', at: RulePath = path): SchemaProblem => ({ path: at, point, message });

  switch (error.keyword) {
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return problem(`${what} is missing the required key "${key}"`, 'parent', [...path, key]);
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(schema.properties ?? {});
      return problem(`unknown key "${key}" in ${what}${didYouMean(key, allowed)}; allowed: ${allowed.join(', ')}`, 'key', [...path, key]);
    }
    case 'type': {
      const type = (error.params as { type: string }).type;
      if (type === 'array' && itemsEnum) return problem(`${what} must be a non-empty list of: ${itemsEnum.join(', ')}`);
      const not = type === 'string' && (data === null || typeof data !== 'object') ? `, not ${data === null ? 'empty' : typeof data}` : '';
      return problem(isItem ? `${what}: each item must be ${TYPE_WORDS[type] ?? type}` : `${what} must be ${TYPE_WORDS[type] ?? type}${not}`);
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: string[] }).allowedValues;
      const why = what === 'escalate.severity' ? ": an escalation is a higher severity than the rule's own" : '';
      return problem(`${what}${isItem ? ':' : ''} "${shown}" is not one of ${allowed.join(', ')}${didYouMean(shown, allowed)}${why}`);
    }
    case 'minLength':
      return problem(`${what} must not be empty`);
    case 'maxLength':
      return problem(`${what}: expression is ${String(data).length} characters long; the limit is ${(error.params as { limit: number }).limit}`);
    case 'minItems':
      return problem(itemsEnum ? `${what} must be a non-empty list of: ${itemsEnum.join(', ')}` : `${what} must not be an empty list`);
    case 'uniqueItems': {
      const { i } = error.params as { i: number };
      const item = (data as unknown[])[i];
      return problem(`${what}: "${typeof item === 'string' ? item : JSON.stringify(item)}" is listed twice`);
    }
    case 'pattern':
      if (schema.pattern === '\\S') return problem(`${what} must not be empty`);
      if (what === 'id') return problem(`id "${shown}" must be ${KEBAB_CASE}`);
      return problem(isItem ? `${what}: "${shown}" is not a rule id, which is ${KEBAB_CASE}` : `${what} "${shown}" must match ${schema.pattern}`);
    case 'format':
      return problem(`${what}: "${shown}" is not an ISO time such as 2024-04-18T07:45:10Z`);
    case 'oneOf': {
      if (what === 'an evidence entry') {
        if (data === null || typeof data !== 'object' || Array.isArray(data)) return problem(`${what} must be a mapping (key: value)`);
        const kinds = ['list', 'field', 'lines'].filter((kind) => kind in data);
        return problem(`${what} needs exactly one of list, field or lines (found ${kinds.length === 0 ? 'none' : kinds.join(' and ')})`);
      }
      return problem(`${what} must be ${ONE_OF[what] ?? 'one of the forms docs/RULE-FORMAT.md gives'}`);
    }
    default:
      return problem(`${what} ${error.message ?? 'is not valid'}`);
  }
}

/** The enum of a `$ref: #/$defs/…` items schema (platforms, topologies). */
function enumOfRef(items: SchemaNode | { $ref: string } | undefined): readonly string[] | undefined {
  const ref = (items as { $ref?: string } | undefined)?.$ref;
  if (!ref?.startsWith('#/$defs/')) return undefined;
  const schema = ruleValidator().schema as { $defs?: Record<string, SchemaNode> };
  return schema.$defs?.[ref.slice('#/$defs/'.length)]?.enum;
}
