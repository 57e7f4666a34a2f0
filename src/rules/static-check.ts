// Load-time checking of an expression against the model shape: every field name must exist ("did you mean"),
// lists are not read like objects, operators and calls get values of types that can work (an int is not compared
// with a string, `int()` is not given a list), RE2 patterns compile, and the result type is inferred where it can
// be (to reject a condition that is not true/false). cel-js's type checker sees nullable fields as `dyn` and lets
// all of that through to fail on a device; this is the part that knows the model.
import type { ASTNode } from '@marcbachmann/cel-js';
import { childrenOf } from './ast.js';
import { FUNCTIONS_BY_NAME, METHODS_BY_NAME, type CelFunction, type Parameter, type ValueKind } from './cel-functions.js';
import { didYouMean } from './did-you-mean.js';
import { re2Problem } from './functions.js';
import { DEVICE_SHAPE, EXTRA_VARIABLES, describeShape, type ScalarType, type Shape } from './model-schema.js';

export interface StaticResult {
  /** The inferred shape of the whole expression, null when not known statically. */
  shape: Shape | null;
  description: string;
  references: Set<string>;
  problems: { offset: number; message: string; severity: 'error' | 'warning' }[];
}

export interface Bound {
  shape: Shape;
  path: string | null;
}

interface Typed {
  shape: Shape | null;
  /** The model path this value was read from, when it was. */
  path: string | null;
  /** The value when the expression is a literal (null for the literal `null`). */
  literal?: { value: unknown };
}

const scalar = (type: ScalarType, nullable = false): Shape => ({ kind: 'scalar', type, nullable });
const BOOL = scalar('bool');
const UNKNOWN: Typed = { shape: null, path: null };
const typed = (shape: Shape | null): Typed => ({ shape, path: null });

const MACROS = new Set(['exists', 'all', 'exists_one', 'filter', 'map']);
const ORDERINGS = new Set(['<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['-', '*', '/', '%']);

function kindOf(shape: Shape | null): ValueKind | null {
  if (!shape) return null;
  return shape.kind === 'scalar' ? shape.type : shape.kind;
}

const isNumber = (kind: ValueKind | null): boolean => kind === 'int' || kind === 'double';
const isNullLiteral = (value: Typed): boolean => value.literal !== undefined && value.literal.value === null;

const ARTICLE: Record<ValueKind, string> = { string: 'a string', int: 'an int', double: 'a double', bool: 'a bool', list: 'a list', map: 'a map', object: 'an object' };

/** "an int, a double or a string" */
function oneOf(kinds: readonly ValueKind[]): string {
  const named = kinds.map((kind) => ARTICLE[kind]);
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named.at(-1)}` : (named[0] ?? '');
}

/** How an operand is named in a problem: its model path, or its literal text, with its type. */
function describe(value: Typed, source: string): string {
  if (isNullLiteral(value)) return 'null';
  const kind = kindOf(value.shape)!;
  const type = value.shape?.kind === 'scalar' && value.shape.nullable ? `${ARTICLE[kind]} (or null)` : ARTICLE[kind];
  // A path through a list item (`licenses[].count`) reads better as written (`l.count`).
  if (value.path && !value.path.includes('[]')) return `${value.path} is ${type}`;
  return `${source} is ${type}`;
}

/** A string literal that reads as a number, compared with a number: the author meant the number. */
function numberInQuotes(a: Typed, b: Typed): string {
  for (const [text, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const value = text.literal?.value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) && isNumber(kindOf(other.shape))) return ` (write ${value.trim()}, without quotes)`;
  }
  return '';
}

/** `scope` binds extra names (the `it` of a `where`) to a shape and the model path they stand for. */
export function checkExpression(ast: ASTNode, scope: ReadonlyMap<string, Bound>): StaticResult {
  const references = new Set<string>();
  const problems: StaticResult['problems'] = [];
  const error = (offset: number, message: string): void => {
    problems.push({ offset, message, severity: 'error' });
  };
  const text = (node: ASTNode): string => node.input.slice(node.range.start, node.range.end);

  function visit(node: ASTNode, locals: ReadonlyMap<string, Typed>): Typed {
    switch (node.op) {
      case 'value': {
        const value = node.args;
        const literal = { value };
        if (typeof value === 'string') return { ...typed(scalar('string')), literal };
        if (typeof value === 'bigint') return { ...typed(scalar('int')), literal };
        if (typeof value === 'number') return { ...typed(scalar('double')), literal };
        if (typeof value === 'boolean') return { ...typed(BOOL), literal };
        if (value === null) return { ...UNKNOWN, literal };
        return UNKNOWN;
      }
      case 'id': {
        const name = node.args;
        const local = locals.get(name);
        if (local) return local;
        const bound = scope.get(name);
        if (bound) return bound;
        const field = DEVICE_SHAPE.fields.get(name) ?? EXTRA_VARIABLES.get(name);
        if (field) {
          references.add(name);
          return { shape: field, path: name };
        }
        const known = [...DEVICE_SHAPE.fields.keys(), ...EXTRA_VARIABLES.keys(), ...scope.keys(), ...locals.keys()];
        error(node.range.start, `unknown field "${name}"${didYouMean(name, known)}`);
        return UNKNOWN;
      }
      case '.':
      case '.?': {
        const [target, name] = node.args;
        const parent = visit(target, locals);
        return select(parent, name, node.range.end - name.length);
      }
      case '[]':
      case '[?]': {
        const [target, index] = node.args;
        const parent = visit(target, locals);
        const key = visit(index, locals);
        if (parent.shape?.kind === 'list') {
          const kind = kindOf(key.shape);
          if (kind !== null && kind !== 'int') error(index.range.start, `a list is indexed by an int position, but ${describe(key, text(index))}`);
          return { shape: parent.shape.item, path: parent.path && `${parent.path}[]` };
        }
        return UNKNOWN;
      }
      case 'rcall':
        return visitMethod(node, locals);
      case 'call': {
        const [name, args] = node.args;
        const results = args.map((arg) => visit(arg, locals));
        const entry = FUNCTIONS_BY_NAME.get(name);
        if (!entry) return UNKNOWN; // cel-js reports unknown functions, and types its own others
        checkArguments(entry, `${name}()`, args, results, node.range.start);
        return typed(resultOf(entry, results));
      }
      case '?:': {
        const [condition, whenTrue, whenFalse] = node.args;
        const test = visit(condition, locals);
        expectBool(test, condition, '?: chooses by a true/false condition');
        const result = visit(whenTrue, locals);
        visit(whenFalse, locals);
        return typed(result.shape);
      }
      case 'list': {
        const items = node.args.map((item) => visit(item, locals));
        const kinds = new Set(items.filter((item) => !isNullLiteral(item)).map((item) => kindOf(item.shape)));
        const same = kinds.size === 1 && !kinds.has(null);
        return typed({ kind: 'list', item: same ? items.find((item) => !isNullLiteral(item))!.shape! : (items[0]?.shape ?? scalar('string')) });
      }
      case 'map':
        for (const [key, value] of node.args) {
          visit(key, locals);
          visit(value, locals);
        }
        return typed({ kind: 'map' });
      case '!_': {
        expectBool(visit(node.args, locals), node.args, '! negates a true/false value');
        return typed(BOOL);
      }
      case '-_': {
        const operand = visit(node.args, locals);
        const kind = kindOf(operand.shape);
        if (kind !== null && !isNumber(kind)) error(node.range.start, `- negates a number, but ${describe(operand, text(node.args))}`);
        return typed(operand.shape);
      }
      case '&&':
      case '||': {
        for (const operand of node.args) expectBool(visit(operand, locals), operand, `${node.op} joins true/false values`);
        return typed(BOOL);
      }
      default:
        return binary(node, locals);
    }
  }

  function expectBool(value: Typed, node: ASTNode, why: string): void {
    const kind = kindOf(value.shape);
    if (isNullLiteral(value) || (kind !== null && kind !== 'bool')) error(node.range.start, `${why}, but ${describe(value, text(node))}`);
  }

  /** The comparison, arithmetic and `in` operators: both sides typed, then checked against each other. */
  function binary(node: ASTNode, locals: ReadonlyMap<string, Typed>): Typed {
    const [leftNode, rightNode] = childrenOf(node);
    if (!leftNode || !rightNode) return UNKNOWN;
    const left = visit(leftNode, locals);
    const right = visit(rightNode, locals);
    const [a, b] = [kindOf(left.shape), kindOf(right.shape)];
    const at = node.range.start;
    const both = (): string => `${describe(left, text(leftNode))} and ${describe(right, text(rightNode))}`;
    const op = node.op;
    if (op === '==' || op === '!=') {
      if (a !== null && b !== null && a !== b && !(isNumber(a) && isNumber(b)) && a !== 'map' && b !== 'map') {
        error(at, `${both()}: ${op} ${op === '==' ? 'can never be true' : 'is always true'}${numberInQuotes(left, right)}`);
      }
      return typed(BOOL);
    }
    if (ORDERINGS.has(op)) {
      if (isNullLiteral(left) || isNullLiteral(right)) error(at, `${op} cannot order null: test "!= null" instead`);
      else if (a !== null && b !== null && !(isNumber(a) && isNumber(b)) && !(a === b && (a === 'string' || a === 'bool'))) {
        error(at, `${both()}: ${op} compares two numbers or two strings${numberInQuotes(left, right)}`);
      }
      return typed(BOOL);
    }
    if (op === 'in') {
      if (b !== null && b !== 'list' && b !== 'map') error(rightNode.range.start, `"in" looks in a list, but ${describe(right, text(rightNode))}`);
      else if (b === 'list' && right.shape?.kind === 'list') {
        const item = kindOf(right.shape.item);
        if (a !== null && item !== null && a !== item && !(isNumber(a) && isNumber(item)) && item !== 'map' && a !== 'map') {
          error(at, `${describe(left, text(leftNode))} and the list holds ${item}s: "in" can never be true${numberInQuotes(left, { shape: right.shape.item, path: null })}`);
        }
      }
      return typed(BOOL);
    }
    if (op === '+') {
      if (a === null || b === null) return typed(a === b ? null : (left.shape ?? right.shape));
      if (a === b && (a === 'string' || a === 'list' || isNumber(a))) return typed(left.shape);
      error(at, `${both()}: + adds two numbers of one type, or joins two strings or two lists${a !== b && isNumber(a) && isNumber(b) ? ' (CEL does not mix int and double: use double())' : ''}`);
      return UNKNOWN;
    }
    if (ARITHMETIC.has(op)) {
      if (a === null || b === null) return typed(a === b ? null : (left.shape ?? right.shape));
      if (a === b && isNumber(a) && !(op === '%' && a === 'double')) return typed(scalar(a as ScalarType));
      error(at, `${both()}: ${op} works on two ${op === '%' ? 'ints' : 'numbers of one type'}${a !== b && isNumber(a) && isNumber(b) ? ' (CEL does not mix int and double: use double())' : ''}`);
      return UNKNOWN;
    }
    return UNKNOWN;
  }

  function checkArguments(entry: CelFunction, what: string, nodes: readonly ASTNode[], values: readonly Typed[], at: number): void {
    const required = entry.params.filter((p) => !p.optional).length;
    if (nodes.length < required || nodes.length > entry.params.length) {
      const count = required === entry.params.length ? `${required}` : `${required} to ${entry.params.length}`;
      error(at, `${what} takes ${count} argument${entry.params.length === 1 ? '' : 's'} (${entry.params.map((p) => p.name).join(', ')}), not ${nodes.length}`);
      return;
    }
    nodes.forEach((node, i) => checkArgument(entry.params[i]!, what, node, values[i]!));
    if (entry.sameKind && nodes.length > 1) {
      const kinds = values.map((value) => kindOf(value.shape));
      const [first, second] = kinds;
      if (first && second && first !== second && !(isNumber(first) && isNumber(second))) {
        error(at, `${what} takes arguments of one type, but ${values.map((value, i) => describe(value, text(nodes[i]!))).join(' and ')}`);
      }
    }
  }

  function checkArgument(param: Parameter, what: string, node: ASTNode, value: Typed): void {
    const at = node.range.start;
    if (isNullLiteral(value)) {
      if (!param.nullable) error(at, `${what}: ${param.name} cannot be null`);
      return;
    }
    const kind = kindOf(value.shape);
    if (param.accepts && kind !== null && !param.accepts.includes(kind)) {
      error(at, `${what} takes ${oneOf(param.accepts)} as ${param.name}, but ${describe(value, text(node))}`);
      return;
    }
    const literal = value.literal?.value;
    if (param.re2) {
      if (typeof literal === 'string') {
        const problem = re2Problem(literal);
        if (problem) error(at, `invalid RE2 regular expression: ${problem}`);
      } else if (param.re2 === 'literal') {
        error(at, `${what}: the pattern must be a string literal ("…"), so it is checked and compiled once`);
      }
    }
    if (param.numericText && typeof literal === 'string' && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(literal)) {
      error(at, `${what}: "${literal}" is not a number`);
    }
  }

  function resultOf(entry: CelFunction, args: readonly Typed[]): Shape | null {
    return typeof entry.result === 'function' ? entry.result(args.map((arg) => arg.shape)) : entry.result;
  }

  function select(parent: Typed, name: string, offset: number): Typed {
    const shape = parent.shape;
    if (!shape || shape.kind === 'map') return UNKNOWN;
    const where = !parent.path ? 'this value' : parent.path.endsWith('[]') ? `an item of ${parent.path.slice(0, -2)}` : parent.path;
    if (shape.kind === 'object') {
      const field = shape.fields.get(name);
      const path = parent.path ? `${parent.path}.${name}` : null;
      if (!field) {
        error(offset, `unknown field "${name}" in ${where}${didYouMean(name, shape.fields.keys())}`);
        return UNKNOWN;
      }
      if (path) references.add(path);
      return { shape: field, path };
    }
    if (shape.kind === 'list') {
      error(offset, `${where} is a list: it has no field "${name}" (use ${where}.exists(x, x.${name} …))`);
    } else {
      error(offset, `${where} is a ${describeShape(shape)}: it has no field "${name}"`);
    }
    return UNKNOWN;
  }

  function visitMethod(node: Extract<ASTNode, { op: 'rcall' }>, locals: ReadonlyMap<string, Typed>): Typed {
    const [name, receiver, args] = node.args;
    if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel') {
      const [variable, init, body] = args;
      if (variable?.op !== 'id' || !init || !body) return UNKNOWN;
      const inner = new Map(locals).set(variable.args, visit(init, locals));
      return typed(visit(body, inner).shape);
    }
    const target = visit(receiver, locals);
    const [variable, ...bodies] = args;
    if (MACROS.has(name) && variable?.op === 'id' && bodies.length > 0) {
      const item: Typed =
        target.shape?.kind === 'list' ? { shape: target.shape.item, path: target.path && `${target.path}[]` } : UNKNOWN;
      if (target.shape && target.shape.kind !== 'list' && target.shape.kind !== 'map') {
        error(receiver.range.start, `${target.path ?? 'this value'} is a ${describeShape(target.shape)}, not a list: ${name}() needs a list`);
      }
      const inner = new Map(locals).set(variable.args, item);
      const results = bodies.map((body) => visit(body, inner));
      if (name !== 'map') bodies.forEach((body, i) => expectBool(results[i]!, body, `${name}() tests each item with a true/false condition`));
      if (name === 'filter') return typed(target.shape);
      if (name === 'map') return typed({ kind: 'list', item: results.at(-1)?.shape ?? scalar('string') });
      return typed(BOOL);
    }
    const values = args.map((arg) => visit(arg, locals));
    const entry = METHODS_BY_NAME.get(name);
    if (!entry) return UNKNOWN;
    const kind = kindOf(target.shape);
    if (kind !== null && entry.receiver && !entry.receiver.includes(kind)) {
      error(receiver.range.start, `.${name}() is called on ${oneOf(entry.receiver)}, but ${describe(target, text(receiver))}`);
      return typed(resultOf(entry, values));
    }
    checkArguments(entry, `.${name}()`, args, values, node.range.start);
    return typed(resultOf(entry, values));
  }

  const result = visit(ast, new Map());
  return {
    shape: result.shape,
    description: result.shape ? describeShape(result.shape) : 'value of unknown type',
    references,
    problems,
  };
}
