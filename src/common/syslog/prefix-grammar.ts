// Grammar of a syslog line's prefix (everything before `%FACILITY-SEVERITY-MNEMONIC`). It reads like the shapes
// devices and syslog servers write:
//   NX-OS logfile   2023 Aug  7 17:02:36 leaf-101
//   IOS-XE console  000123: *Mar 11 13:37:57.320 UTC:
//   RFC 3164        <189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC:
//   RFC 5424        <189>1 2023-08-07T17:02:36.000Z leaf-101 - - - -
// A prefix is an optional priority (and RFC 5424 version) followed by elements in any order: stamps, sequence
// numbers, words (host, app name), nil values and colons. Which stamp and which word count is decided in prefix.ts.
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import {
  ClockFlag,
  Clock,
  Colon,
  IsoStamp,
  Month,
  Nil,
  Priority,
  SequenceNumber,
  SmallNumber,
  Word,
  Year,
  Zone,
  prefixLexer,
  prefixTokens,
} from './prefix-lexer.js';
import { grammarConfig } from '../grammar-options.js';

class SyslogPrefixParser extends CstParser {
  constructor() {
    super(prefixTokens, { recoveryEnabled: false, ...grammarConfig(6) });
    this.performSelfAnalysis();
  }

  prefix = this.RULE('prefix', () => {
    this.OPTION(() => {
      this.CONSUME(Priority);
      this.OPTION2(() => this.CONSUME(SmallNumber, { LABEL: 'version' }));
    });
    this.MANY(() => this.SUBRULE(this.element));
  });

  element = this.RULE('element', () => {
    // A stamp is tried first; the stray alternatives take a lone year, month or number that is not part of one.
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.stamp) },
        { ALT: () => this.CONSUME(SequenceNumber) },
        { ALT: () => this.CONSUME(Word) },
        { ALT: () => this.CONSUME(Colon) },
        { ALT: () => this.CONSUME(Nil) },
        { ALT: () => this.CONSUME2(Zone, { LABEL: 'stray' }) },
        { ALT: () => this.CONSUME2(Year, { LABEL: 'stray' }) },
        { ALT: () => this.CONSUME2(Month, { LABEL: 'stray' }) },
        { ALT: () => this.CONSUME2(SmallNumber, { LABEL: 'stray' }) },
        { ALT: () => this.CONSUME2(ClockFlag, { LABEL: 'stray' }) },
      ],
    });
  });

  stamp = this.RULE('stamp', () => {
    this.OPTION(() => this.CONSUME(ClockFlag));
    this.OR([
      { ALT: () => this.CONSUME(IsoStamp) },
      {
        // NX-OS: 2023 Aug  7 17:02:36 [UTC]
        ALT: () => {
          this.CONSUME(Year);
          this.CONSUME(Month);
          this.CONSUME(SmallNumber, { LABEL: 'day' });
          this.CONSUME(Clock);
          this.OPTION2(() => this.CONSUME(Zone));
        },
      },
      {
        // IOS-XE and RFC 3164: Mar 11 [2024] 13:37:57.320 [2024] [UTC]
        ALT: () => {
          this.CONSUME2(Month);
          this.CONSUME2(SmallNumber, { LABEL: 'day' });
          this.OPTION3(() => this.CONSUME2(Year));
          this.CONSUME2(Clock);
          this.OPTION4(() => this.CONSUME3(Year));
          this.OPTION5(() => this.CONSUME3(Zone));
        },
      },
    ]);
  });
}

// Built on first use: a capture without syslog lines never pays for the grammar.
let parser: SyslogPrefixParser | undefined;

export interface PrefixParse {
  cst: CstNode | null;
  tokens: IToken[];
}

/** Lex and parse a prefix; `cst` is null when the prefix is not one of the shapes above. */
export function parsePrefix(text: string): PrefixParse {
  const lexed = prefixLexer().tokenize(text);
  if (lexed.errors.length > 0) return { cst: null, tokens: lexed.tokens };
  parser ??= new SyslogPrefixParser();
  parser.input = lexed.tokens;
  const cst = parser.prefix();
  return { cst: parser.errors.length > 0 ? null : cst, tokens: lexed.tokens };
}
