// Load-time checking of an expression against the model shape: every field name must exist ("did you mean"),
// lists are not read like objects, and the result type is inferred where it can be (to reject a condition that is
// not true/false). cel-js's type checker sees nullable fields as `dyn`; this is the part that knows the model.
import type { ASTNode } from '@marcbachmann/cel-js';
import { childrenOf } from './ast.js';
import { didYouMean } from './did-you-mean.js';
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
}

const scalar = (type: ScalarType, nullable = false): Shape => ({ kind: 'scalar', type, nullable });
const BOOL = scalar('bool');
const UNKNOWN: Typed = { shape: null, path: null };
const typed = (shape: Shape | null): Typed => ({ shape, path: null });

const MACROS = new Set(['exists', 'all', 'exists_one', 'existsOne', 'filter', 'map']);

const METHOD_RESULTS: Record<string, Shape> = {
  contains: BOOL,
  startsWith: BOOL,
  endsWith: BOOL,
  matches: BOOL,
  lowerAscii: scalar('string'),
  upperAscii: scalar('string'),
  trim: scalar('string'),
  substring: scalar('string'),
  replace: scalar('string'),
  charAt: scalar('string'),
  join: scalar('string'),
  size: scalar('int'),
  indexOf: scalar('int'),
  lastIndexOf: scalar('int'),
  split: { kind: 'list', item: scalar('string') },
};

const FUNCTION_RESULTS: Record<string, Shape | null> = {
  size: scalar('int'),
  has: BOOL,
  int: scalar('int'),
  double: scalar('double'),
  string: scalar('string'),
  bool: BOOL,
  matches: BOOL,
  daysUntil: scalar('double'),
  daysSince: scalar('double'),
  hoursBetween: scalar('double'),
  before: BOOL,
  releaseBefore: BOOL,
  isIpAddress: BOOL,
  isIpv6: BOOL,
  urlHost: scalar('string', true),
  urlPath: scalar('string', true),
  urlScheme: scalar('string', true),
  urlPort: scalar('int', true),
  dyn: null,
  timestamp: null,
  duration: null,
  type: null,
};

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'in', '&&', '||', '!_']);

/** `scope` binds extra names (the `it` of a `where`) to a shape and the model path they stand for. */
export function checkExpression(ast: ASTNode, scope: ReadonlyMap<string, Bound>): StaticResult {
  const references = new Set<string>();
  const problems: StaticResult['problems'] = [];
  const error = (offset: number, message: string): void => {
    problems.push({ offset, message, severity: 'error' });
  };

  function visit(node: ASTNode, locals: ReadonlyMap<string, Typed>): Typed {
    switch (node.op) {
      case 'value': {
        const value = node.args;
        if (typeof value === 'string') return typed(scalar('string'));
        if (typeof value === 'bigint') return typed(scalar('int'));
        if (typeof value === 'number') return typed(scalar('double'));
        if (typeof value === 'boolean') return typed(BOOL);
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
        visit(index, locals);
        if (parent.shape?.kind === 'list') return { shape: parent.shape.item, path: parent.path && `${parent.path}[]` };
        return UNKNOWN;
      }
      case 'rcall':
        return visitMethod(node, locals);
      case 'call': {
        const [name, args] = node.args;
        const results = args.map((arg) => visit(arg, locals));
        if (name === 'orElse') {
          const first = results[0]?.shape ?? results[1]?.shape ?? null;
          return typed(first && first.kind === 'scalar' ? { ...first, nullable: false } : first);
        }
        if (name in FUNCTION_RESULTS) return typed(FUNCTION_RESULTS[name] ?? null);
        return UNKNOWN; // cel-js reports unknown functions
      }
      case '?:': {
        const [condition, whenTrue, whenFalse] = node.args;
        visit(condition, locals);
        const result = visit(whenTrue, locals);
        visit(whenFalse, locals);
        return typed(result.shape);
      }
      case 'list': {
        const items = node.args.map((item) => visit(item, locals));
        return typed({ kind: 'list', item: items[0]?.shape ?? scalar('string') });
      }
      case 'map':
        for (const [key, value] of node.args) {
          visit(key, locals);
          visit(value, locals);
        }
        return typed({ kind: 'map' });
      case '!_':
        visit(node.args, locals);
        return typed(BOOL);
      case '-_':
        return typed(visit(node.args, locals).shape);
      default: {
        const operands = childrenOf(node).map((child) => visit(child, locals).shape);
        if (COMPARISONS.has(node.op)) return typed(BOOL);
        const [left, right] = operands;
        if (left?.kind === 'scalar' && right?.kind === 'scalar') {
          if (left.type === 'string' && right.type === 'string') return typed(scalar('string'));
          if (left.type === 'double' || right.type === 'double') return typed(scalar('double'));
          if (left.type === 'int' && right.type === 'int') return typed(scalar('int'));
        }
        return UNKNOWN;
      }
    }
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
      if (name === 'filter') return typed(target.shape);
      if (name === 'map') return typed({ kind: 'list', item: results.at(-1)?.shape ?? scalar('string') });
      return typed(BOOL);
    }
    for (const arg of args) visit(arg, locals);
    return typed(METHOD_RESULTS[name] ?? null);
  }

  const result = visit(ast, new Map());
  return {
    shape: result.shape,
    description: result.shape ? describeShape(result.shape) : 'value of unknown type',
    references,
    problems,
  };
}
