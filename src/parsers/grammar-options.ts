// The grammars of src/common (the syslog prefix) run the same self-checks as the parsers' own.
export { GRAMMAR_CHECKS, LEXER_CHECKS } from '../common/grammar-options.js';
