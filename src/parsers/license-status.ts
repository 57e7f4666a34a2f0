// `show license status`, `show license all` and `show license tech support` (NX-OS `show tech-support license`):
// the Smart Agent's status report; and `show license authorization`, which prints the License Authorizations part
// of `show license all` on its own. Lexer, grammar and extraction live in ./license-status/.
import type { CommandParser } from './fragment.js';
import { FragmentBuilder } from './fragment.js';
import { lexStatus } from './license-status/lexer.js';
import { statusGrammar } from './license-status/grammar.js';
import { StatusExtractor } from './license-status/extract.js';

export const licenseStatusParser: CommandParser = {
  id: 'license-status',
  commands: [
    'show license status',
    'show license all',
    'show license tech support',
    'show tech-support license',
    'show license authorization',
  ],
  specificity: 20,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    try {
      const lines = section.lines;
      // The lexer sees the body as one text; its line numbers (1-based) index `lines`.
      const lexed = lexStatus(lines.map((line) => line.text));
      const lineOf = (row: number | undefined): number => lines[(row ?? 1) - 1]?.n ?? 0;
      // Only a line starting with a character no token expects fails to lex; the rest of the line is skipped too.
      for (const error of lexed.errors) out.unrecognised(lineOf(error.line));

      const grammar = statusGrammar();
      grammar.input = lexed.tokens;
      const tree = grammar.report();
      for (const error of grammar.errors) out.diag(lineOf(error.token.startLine), error.message);

      new StatusExtractor(out, (token) => lineOf(token.startLine)).report(tree);
    } catch (error) {
      // Last resort: a bug must not cost the user the rest of the capture.
      const first = section.lines[0]?.n ?? 0;
      out.diag(first, `license-status parser failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return out.build();
  },
};
