// Tokens of configuration text: words, quoted strings, the indentation that opens a sub-mode line, comment lines
// (`!Command: …`, `!`) and line ends. Indentation and comments only count at the start of a line.
import { createToken, Lexer, type CustomPatternMatcherFunc } from 'chevrotain';
import { LEXER_CHECKS } from '../grammar-options.js';

function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n';
}

const matchIndent: CustomPatternMatcherFunc = (text, offset) => {
  if (!atLineStart(text, offset)) return null;
  const match = /^[ \t]+/.exec(text.slice(offset, offset + 64));
  return match;
};

const matchComment: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== '!') return null;
  // a comment starts a line, possibly after the indentation
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (!atLineStart(text, start)) return null;
  const end = text.indexOf('\n', offset);
  const result = [text.slice(offset, end === -1 ? text.length : end)] as RegExpExecArray;
  return result;
};

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
export const Indent = createToken({ name: 'Indent', pattern: { exec: matchIndent }, line_breaks: false });
export const Comment = createToken({ name: 'Comment', pattern: { exec: matchComment }, group: Lexer.SKIPPED, line_breaks: false });
export const Spaces = createToken({ name: 'Spaces', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Quoted = createToken({ name: 'Quoted', pattern: /"[^"\n]*"/ });
export const Word = createToken({ name: 'Word', pattern: /[^\s"]+|"/ });

export const configTokens = [Newline, Comment, Indent, Spaces, Quoted, Word];

let lexer: Lexer | undefined;

/** Built on first use: a capture without configuration never pays for it. */
export function configLexer(): Lexer {
  lexer ??= new Lexer(configTokens, { ensureOptimizations: false, positionTracking: 'onlyStart', ...LEXER_CHECKS });
  return lexer;
}
