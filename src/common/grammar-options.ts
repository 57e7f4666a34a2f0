// Chevrotain's grammar self-checks cost about a hundred milliseconds at start-up, more than the whole parse of a
// small capture. They find mistakes in the grammars, not in the input, so they run where grammars change: under
// the test runner (vitest sets VITEST) or when SLP_DOCTOR_VALIDATE_GRAMMARS=1.
import { LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt } from 'chevrotain';

const validate = process.env.VITEST !== undefined || process.env.SLP_DOCTOR_VALIDATE_GRAMMARS === '1';

/** A grammar's Chevrotain configuration: its lookahead depth, the self-checks, and lookahead built lazily (below). */
export function grammarConfig(maxLookahead = DEFAULT_MAX_LOOKAHEAD): { maxLookahead: number; skipValidations: boolean; lookaheadStrategy: LazyLookahead } {
  return { maxLookahead, skipValidations: !validate, lookaheadStrategy: new LazyLookahead({ maxLookahead }) };
}

/** Chevrotain's own default. */
const DEFAULT_MAX_LOOKAHEAD = 3;

export const LEXER_CHECKS = { skipValidations: !validate } as const;

/**
 * Chevrotain builds the lookahead function of every alternation and optional part of a grammar when the grammar is
 * built: a quarter of building the status grammar, and part of every cold start. A capture uses few of them, so each
 * is built the first time the parser reaches it instead, by the same strategy, with the same result: the status
 * grammar builds in ~12 ms instead of ~35 ms cold. Under the test runner every grammar is still validated whole.
 */
export class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0]): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const build = (): ((orAlts?: IOrAlt<unknown>[]) => number | undefined) => super.buildLookaheadForAlternation(options);
    let lookahead: ((orAlts?: IOrAlt<unknown>[]) => number | undefined) | undefined;
    return function (this: unknown, orAlts) {
      return (lookahead ??= build()).call(this, orAlts);
    };
  }

  override buildLookaheadForOptional(options: Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0]): () => boolean {
    const build = (): (() => boolean) => super.buildLookaheadForOptional(options);
    let lookahead: (() => boolean) | undefined;
    return function (this: unknown) {
      return (lookahead ??= build()).call(this);
    };
  }
}
