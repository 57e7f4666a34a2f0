// What the block readers of a status report share: the fragment being filled and the way a token becomes a line
// number, a model value or a time. The extractor implements it; the readers of the larger blocks (trust,
// authorizations) take it instead of each holding the fragment themselves.
import type { IToken } from 'chevrotain';
import type { ScalarPath } from '../../common/paths.js';
import type { FragmentBuilder, Scalar } from '../fragment.js';

export interface Reading {
  readonly out: FragmentBuilder;
  lineOf(token: IToken): number;
  set(path: ScalarPath, value: Scalar | undefined, token: IToken): void;
  /** A time field: ISO UTC, null for `<none>`, undefined (with a diagnostic) for text that is not a time. */
  time(token: IToken, text?: string): string | null | undefined;
}

/** A list item and the line it was printed on. */
export interface Listed<T> {
  item: T;
  line: number;
}

export function kind(token: IToken): string {
  return token.tokenType.name;
}
