// The grammars of src/common (the syslog prefix) run the same self-checks as the parsers' own.
export { grammarConfig, LEXER_CHECKS } from '../common/grammar-options.js';
