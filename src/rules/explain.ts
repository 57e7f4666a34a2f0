// `rules explain`: a condition taken apart at its top-level && / || / ! and at each list macro, with the value
// of every part on one device, so an author sees which part kept a rule silent.
import type { ASTNode } from '@marcbachmann/cel-js';
import { childrenOf } from './ast.js';
import { compileExpression, evaluate, renderValue } from './condition.js';
import { withScope, type PreparedDevice } from './engine.js';
import type { CompiledRule } from './types.js';

const MACROS = new Set(['exists', 'all', 'exists_one', 'existsOne', 'filter', 'map']);

export interface ExplainStep {
  depth: number;
  /** The sub-expression as written in the rule. */
  text: string;
  value: string | null;
  error: string | null;
  /** For list macros: how many items satisfy the predicate. */
  note: string | null;
}

function isMacro(node: ASTNode): node is Extract<ASTNode, { op: 'rcall' }> {
  return node.op === 'rcall' && MACROS.has(node.args[0]) && node.args[2][0]?.op === 'id';
}

/** Macro calls inside `node` that are not themselves inside another macro (those use its loop variable). */
function outerMacros(node: ASTNode): ASTNode[] {
  const found: ASTNode[] = [];
  for (const child of childrenOf(node)) {
    if (isMacro(child)) found.push(child);
    else found.push(...outerMacros(child));
  }
  return found;
}

/** Open parentheses minus closed ones, outside string literals. */
function parenBalance(text: string): number {
  let balance = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') balance++;
    else if (char === ')') balance--;
  }
  return balance;
}

/** The text of a node. cel-js ranges can stop before the closing parentheses of `!( … )`; take those too. */
function sourceOf(text: string, node: ASTNode): string {
  let end = node.range.end;
  let balance = parenBalance(text.slice(node.range.start, end));
  while (balance > 0 && end < text.length) {
    const char = text[end++]!;
    if (char === ')') balance--;
    else if (!/\s/.test(char)) break;
  }
  return text.slice(node.range.start, end).replace(/\s+/g, ' ').trim();
}

function evaluateText(text: string, prepared: PreparedDevice): { value: string | null; error: string | null } | null {
  const compiled = compileExpression(text, 'template');
  if (!compiled.expression) return null;
  const outcome = withScope(prepared.scope, () => evaluate(compiled.expression!, prepared.context));
  return outcome.ok ? { value: renderValue(outcome.value), error: null } : { value: null, error: outcome.error };
}

function macroNote(source: string, node: Extract<ASTNode, { op: 'rcall' }>, prepared: PreparedDevice): string | null {
  const [name, receiver, args] = node.args;
  const [variable, predicate] = args;
  if (name === 'map' || name === 'filter' || variable?.op !== 'id' || !predicate) return null;
  const list = sourceOf(source, receiver);
  const matching = evaluateText(`size(${list}.filter(${variable.args}, ${sourceOf(source, predicate)}))`, prepared);
  const total = evaluateText(`size(${list})`, prepared);
  if (!matching?.value || !total?.value) return null;
  return `${matching.value} of ${total.value} items match`;
}

export function explainCondition(rule: CompiledRule, prepared: PreparedDevice): ExplainStep[] {
  const source = rule.when.text;
  const steps: ExplainStep[] = [];
  const emit = (node: ASTNode, depth: number): boolean => {
    const text = sourceOf(source, node);
    const result = evaluateText(text, prepared);
    if (!result) return false;
    steps.push({ depth, text, ...result, note: isMacro(node) ? macroNote(source, node, prepared) : null });
    return true;
  };
  const visit = (node: ASTNode, depth: number): void => {
    if (!emit(node, depth)) return;
    if (node.op === '&&' || node.op === '||') {
      for (const child of node.args) visit(child, depth + 1);
    } else if (node.op === '!_') {
      // `!x` then `x` says nothing new unless x itself breaks down into parts.
      if (node.args.op === '&&' || node.args.op === '||' || isMacro(node.args)) visit(node.args, depth + 1);
      else for (const macro of outerMacros(node.args)) visit(macro, depth + 1);
    } else if (!isMacro(node)) {
      for (const macro of outerMacros(node)) visit(macro, depth + 1);
    }
  };
  visit(rule.when.ast, 0);
  return steps;
}
