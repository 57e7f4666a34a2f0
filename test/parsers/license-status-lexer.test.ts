// The status lexer's first-character hints (src/parsers/license-status/lexer.ts, startCharacters) replace
// Chevrotain's own analysis of each pattern at start-up. A hint that missed a character a pattern can start with
// would silently skip that token on such lines, so each hint is held to Chevrotain's analysis, and the hinted lexer
// to one that tries every pattern on every line.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Lexer, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allTokens, lexStatus, startCharacters } from '../../src/parsers/license-status/lexer.js';
import { goldenInputs } from '../support/status-parse.js';

// Chevrotain's analysis is not exported; its module is loaded by path (the package's exports hide it).
const regExpModule = fileURLToPath(new URL('../../node_modules/chevrotain/lib/src/scan/reg_exp.js', import.meta.url));
const { getOptimizedStartCodesIndices } = (await import(pathToFileURL(regExpModule).href)) as {
  getOptimizedStartCodesIndices(pattern: RegExp, ensureOptimizations?: boolean): number[];
};

const patterned = allTokens.filter((token) => token.PATTERN instanceof RegExp && token.PATTERN !== Lexer.NA);

describe('license-status lexer: first-character hints', () => {
  it('gives every pattern a hint', () => {
    for (const token of patterned) expect(token.START_CHARS_HINT, token.name).toBeDefined();
  });

  it('hints at least every character Chevrotain finds a pattern can start with', () => {
    for (const token of patterned) {
      const hinted = new Set((token.START_CHARS_HINT as string[]).map((c) => c.charCodeAt(0)));
      const found = getOptimizedStartCodesIndices(token.PATTERN as RegExp).filter((code) => code < 128);
      expect(found.filter((code) => !hinted.has(code)), token.name).toEqual([]);
    }
  });

  it('narrows only patterns that start with a plain character, in both cases', () => {
    expect(startCharacters('Next ACK deadline[ \\t]*:')).toEqual(['n', 'N']);
    expect(startCharacters('={3,}').length).toBe(94);
    expect(startCharacters('P?x').length).toBe(94);
    expect(startCharacters('(?:Active|Standby)').length).toBe(94);
    expect(startCharacters('[^\\n:]+:').length).toBe(94);
  });

  it('lexes every golden input as a lexer that tries every pattern does', () => {
    const unhinted = new Lexer(allTokens.filter((token) => token.PATTERN !== Lexer.NA), { safeMode: true, positionTracking: 'onlyStart' });
    const shape = (tokens: { image: string; tokenType: TokenType; startOffset: number }[]) => tokens.map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);
    const inputs = goldenInputs();
    expect(inputs.length).toBeGreaterThan(10);
    for (const { name, lines } of inputs) {
      const text = `${lines.map((l) => l.replace(/\r$/, '')).join('\n')}\n`;
      const expected = unhinted.tokenize(text);
      const actual = lexStatus(lines);
      expect(shape(actual.tokens), name).toEqual(shape(expected.tokens));
      expect(actual.errors.map((e) => e.offset), name).toEqual(expected.errors.map((e) => e.offset));
    }
  });
});
