// CEL conditions, `where` predicates and message-template pieces: compiled once at load with @marcbachmann/cel-js,
// field names checked against the model shape ("did you mean"), regex literals checked as RE2, and evaluated
// null-safely (an evaluation error is a false condition, recorded for `rules explain`).
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { FUNCTIONS_BY_NAME, METHODS_BY_NAME, SLP_FUNCTIONS, celSignature, typedCelSignature } from './cel-functions.js';
import { compileRe2, re2Matches } from './functions.js';
import { DEVICE_SHAPE, EXTRA_VARIABLES, celType } from './model-schema.js';
import { walk } from './ast.js';
import { checkExpression, type Bound, type StaticResult } from './static-check.js';

export const MAX_EXPRESSION_LENGTH = 4000;
const LIMITS = { maxAstNodes: 1000, maxDepth: 60, maxListElements: 200, maxMapEntries: 100, maxCallArguments: 8 };

export type ExpressionKind = 'condition' | 'predicate' | 'template';

/** A problem at a character offset of the expression text (load.ts maps it to file:line:column). */
export interface ExpressionProblem {
  offset: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CompiledExpression {
  readonly text: string;
  readonly kind: ExpressionKind;
  /** The AST of the text as written (before `matches` is routed to RE2). */
  readonly ast: ASTNode;
  /** The text cel-js evaluates: `text` with every `matches` routed to RE2. */
  readonly evaluatedText: string;
  /** Model paths the expression reads (`transport.url`, `syslog`, `syslog[].name`). */
  readonly references: ReadonlySet<string>;
  /** Evaluates; throws on evaluation errors. */
  run(context: Record<string, unknown>): unknown;
}

export interface CompileResult {
  expression: CompiledExpression | null;
  problems: ExpressionProblem[];
}

function buildEnvironments(): { condition: Environment; predicate: Environment } {
  const env = new Environment({ limits: LIMITS, homogeneousAggregateLiterals: false });
  for (const [name, shape] of DEVICE_SHAPE.fields) env.registerVariable(name, celType(shape));
  for (const [name, shape] of EXTRA_VARIABLES) env.registerVariable(name, celType(shape));
  for (const entry of SLP_FUNCTIONS) env.registerFunction(celSignature(entry), entry.implementation as (...args: unknown[]) => unknown);
  for (const matches of [METHODS_BY_NAME.get('matches')!, FUNCTIONS_BY_NAME.get('matches')!]) env.registerFunction(typedCelSignature(matches, RE2_MATCHES), re2Matches);
  const predicate = env.clone().registerVariable('it', 'dyn');
  return { condition: env, predicate };
}

/** The name `matches` is rewritten to, because cel-js's own `matches` backtracks (JS RegExp). */
const RE2_MATCHES = 're2matches';

let environments: ReturnType<typeof buildEnvironments> | null = null;
function env(kind: ExpressionKind): Environment {
  environments ??= buildEnvironments();
  return kind === 'predicate' ? environments.predicate : environments.condition;
}

function errorOffset(error: unknown): number {
  const range = (error as { range?: { start: number } }).range;
  return typeof range?.start === 'number' ? range.start : 0;
}

function errorSummary(error: unknown): string {
  if (error && typeof error === 'object') {
    const summary = (error as { summary?: unknown }).summary;
    if (typeof summary === 'string' && summary !== '') return summary;
    if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  }
  return String(error);
}

/** Every `matches` call routed to the RE2 function; `toOriginal` maps offsets back to the text as written. */
function routeMatchesToRe2(text: string, ast: ASTNode): { text: string; toOriginal: (offset: number) => number } {
  const starts: number[] = [];
  walk(ast, (node) => {
    if (node.op === 'call' && node.args[0] === 'matches') starts.push(node.range.start);
    if (node.op === 'rcall' && node.args[0] === 'matches') {
      const at = text.indexOf('matches', node.args[1].range.end);
      if (at >= 0) starts.push(at);
    }
  });
  starts.sort((a, b) => a - b);
  let rewritten = '';
  let from = 0;
  for (const start of starts) {
    rewritten += text.slice(from, start) + RE2_MATCHES;
    from = start + 'matches'.length;
  }
  rewritten += text.slice(from);
  const growth = RE2_MATCHES.length - 'matches'.length;
  const toOriginal = (offset: number): number => {
    let shift = 0;
    for (let i = 0; i < starts.length; i++) if (offset > starts[i]! + i * growth) shift += growth;
    return Math.max(0, offset - shift);
  };
  return { text: rewritten, toOriginal };
}

const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * Compiles one expression. Problems carry offsets into `text`. `scope` binds extra names (the `it` of a `where`
 * predicate) to their model shapes for field checking.
 */
export function compileExpression(text: string, kind: ExpressionKind, scope: ReadonlyMap<string, Bound> = new Map()): CompileResult {
  if (text.trim() === '') return { expression: null, problems: [{ offset: 0, severity: 'error', message: 'empty expression' }] };
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return {
      expression: null,
      problems: [{ offset: 0, severity: 'error', message: `expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}` }],
    };
  }
  const environment = env(kind);
  let ast: ASTNode;
  try {
    ast = environment.parse(text).ast;
  } catch (error) {
    return { expression: null, problems: [{ offset: errorOffset(error), severity: 'error', message: `syntax: ${errorSummary(error)}` }] };
  }
  const checked: StaticResult = checkExpression(ast, scope);
  const problems: ExpressionProblem[] = [...checked.problems];
  if (kind !== 'template' && checked.shape && !(checked.shape.kind === 'scalar' && checked.shape.type === 'bool')) {
    problems.push({
      offset: 0,
      severity: 'error',
      message: `a ${kind} must be true or false, but this expression gives ${withArticle(checked.description)}`,
    });
  }
  const routed = routeMatchesToRe2(text, ast);
  let run: ((context: Record<string, unknown>) => unknown) | null = null;
  try {
    const parsed = environment.parse(routed.text);
    // Our own checker reports unknown fields with "did you mean"; only add cel-js's verdict when it found nothing.
    if (!problems.some((p) => p.severity === 'error')) {
      const verdict = parsed.check();
      if (!verdict.valid) {
        problems.push({ offset: routed.toOriginal(errorOffset(verdict.error)), severity: 'error', message: `type: ${errorSummary(verdict.error)}` });
      } else if (kind !== 'template' && verdict.type !== 'bool' && verdict.type !== 'dyn') {
        problems.push({ offset: 0, severity: 'error', message: `a ${kind} must be true or false, but this expression gives ${withArticle(verdict.type ?? 'value')}` });
      }
    }
    run = (context) => parsed(context);
  } catch (error) {
    problems.push({ offset: routed.toOriginal(errorOffset(error)), severity: 'error', message: errorSummary(error) });
  }
  if (!run || problems.some((p) => p.severity === 'error')) return { expression: null, problems };
  return { expression: { text, kind, ast, evaluatedText: routed.text, references: checked.references, run }, problems };
}

/**
 * An expression that already passed `compileExpression` (the precompiled built-in pack): nothing is checked
 * again, and cel-js parses it on first use, so rules that never fire cost nothing for their messages and predicates.
 */
export function precompiledExpression(text: string, kind: ExpressionKind, evaluatedText: string, references: Iterable<string>): CompiledExpression {
  let run: ((context: Record<string, unknown>) => unknown) | null = null;
  let ast: ASTNode | null = null;
  return {
    text,
    kind,
    evaluatedText,
    references: new Set(references),
    // Only `rules explain` walks the AST of the text as written.
    get ast(): ASTNode {
      ast ??= env(kind).parse(text).ast;
      return ast;
    },
    run(context) {
      if (!run) {
        const parsed = env(kind).parse(evaluatedText);
        // Checked like compileExpression does, so evaluation sees the same checked types (the check passed at build time).
        parsed.check();
        run = parsed;
      }
      return run(context);
    },
  };
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Evaluates without throwing: an evaluation error is reported, never raised. */
export function evaluate(expression: CompiledExpression, context: Record<string, unknown>): Outcome {
  try {
    return { ok: true, value: expression.run(context) };
  } catch (error) {
    return { ok: false, error: errorSummary(error) };
  }
}

/** A condition or predicate: true only when it evaluates to exactly true. */
export function holds(expression: CompiledExpression, context: Record<string, unknown>): { value: boolean; error?: string } {
  const outcome = evaluate(expression, context);
  if (!outcome.ok) return { value: false, error: outcome.error };
  if (typeof outcome.value !== 'boolean') return { value: false, error: `gave ${renderValue(outcome.value)}, not true or false` };
  return { value: outcome.value };
}

/** A value as a message shows it: null is "unknown", doubles are rounded, lists joined. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(renderValue).join(', ');
  if (value instanceof Map) return `{${[...value.entries()].map(([k, v]) => `${renderValue(k)}: ${renderValue(v)}`).join(', ')}}`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${renderValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Used by `lines:` evidence: an RE2 search over one line. */
export function lineMatches(pattern: string, text: string): boolean {
  return compileRe2(pattern).test(text);
}
