// scripts/bundle.mjs lets the TUI's copy of string-width test a one-code-unit cluster against /\p{Emoji_Presentation}/
// before the costly /^\p{RGI_Emoji}$/v. That is exact only if no other single BMP character is an RGI emoji, which
// Unicode's basic emoji set promises and this checks against the running Node's own tables.
import { describe, expect, it } from 'vitest';

describe('the string-width start-up patch', () => {
  it('finds every single-character RGI emoji among the Emoji_Presentation characters', () => {
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const presentation = /\p{Emoji_Presentation}/u;
    const outside: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (!presentation.test(character) && rgi.test(character)) outside.push(code.toString(16));
    }
    expect(outside).toEqual([]);
  });
});
