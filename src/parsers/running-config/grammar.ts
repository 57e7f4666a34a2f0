// Grammar of configuration text: a top-level command opens a block; indented lines below it belong to it.
//   callhome                                   <- block command
//     transport http use-vrf management        <- child (Indent command)
//   ip name-server 192.0.2.53 use-vrf management
// Deeper levels (IOS-XE `call-home` / ` profile "CiscoTAC-1"` / `  active`) are children too; the indentation is
// kept so extraction can tell which profile a line belongs to.
import { CstParser, type CstNode } from 'chevrotain';
import { Indent, Newline, Quoted, Word, configLexer, configTokens } from './lexer.js';
import { grammarConfig } from '../grammar-options.js';

class ConfigParser extends CstParser {
  constructor() {
    super(configTokens, { recoveryEnabled: false, nodeLocationTracking: 'onlyOffset', ...grammarConfig() });
    this.performSelfAnalysis();
  }

  config = this.RULE('config', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.block) },
        // an indented line before any top-level command (a paste that starts mid-block)
        { ALT: () => this.SUBRULE(this.child) },
        { ALT: () => this.CONSUME(Newline) },
      ]);
    });
  });

  block = this.RULE('block', () => {
    this.SUBRULE(this.command);
    this.CONSUME(Newline);
    this.MANY(() => this.SUBRULE(this.child));
  });

  child = this.RULE('child', () => {
    this.CONSUME(Indent);
    this.OPTION(() => this.SUBRULE(this.command));
    this.CONSUME(Newline);
  });

  command = this.RULE('command', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(Quoted) }]);
    });
  });
}

let parser: ConfigParser | undefined;

/** Parse configuration lines (joined by `\n`, ending with `\n`); null when the text is not in the shape above. */
export function parseConfig(text: string): CstNode | null {
  const lexed = configLexer().tokenize(text);
  if (lexed.errors.length > 0) return null;
  parser ??= new ConfigParser();
  parser.input = lexed.tokens;
  const cst = parser.config();
  return parser.errors.length > 0 ? null : cst;
}
