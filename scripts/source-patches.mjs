// Exact rewrites of Ink and its dependencies for the TUI script (scripts/bundle.mjs applies them as it bundles):
// start-up costs, and one place where a script differs from a module. A rewrite whose text is no longer found is
// skipped with a warning at build time; test/tui/source-patches.test.ts fails first, on the installed packages.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBy } from './args.mjs';

runBy(import.meta.url, `
usage: npm run build
This module holds the TUI script's source patches; scripts/bundle.mjs applies them.`);

export const SOURCE_PATCHES = [
  {
    // Yoga (the layout engine) is WebAssembly inlined as base64. Emscripten's loader fetches it with fetch() whenever
    // fetch exists, and the first touch of fetch loads Node's whole HTTP client (undici); without fetch it decodes the
    // bytes with atob and a loop over the characters. Buffer decodes them at once.
    file: /node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [
      ['"function"!=typeof fetch', 'true'],
      [
        'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
        'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
      ],
    ],
  },
  {
    // string-width builds /^\p{RGI_Emoji}$/v, tens of milliseconds to construct and as many to first run, for every
    // cluster it measures outside printable ASCII: the TUI's ✔ ✖ ▲ │ … A one-code-unit cluster can only be an RGI
    // emoji if it has Emoji_Presentation (Unicode's basic emoji set; test/tui/string-width.test.ts checks every BMP
    // character), so those are tested against that cheap property first, and the big expression is built when needed.
    file: /node_modules[\\/]string-width[\\/]index\.js$/,
    // wrap-ansi's own string-width 7 uses the emoji-regex package instead: left as it is.
    only: '/^\\p{RGI_Emoji}$/v',
    edits: [
      [
        'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
        'let rgiEmojiRegex;\nconst emojiPresentationRegex = /\\p{Emoji_Presentation}/u;\n' +
          'const isRgiEmoji = (segment) => (segment.length > 1 || emojiPresentationRegex.test(segment)) && (rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment);',
      ],
      ['rgiEmojiRegex.test(segment)', 'isRgiEmoji(segment)'],
    ],
  },
  {
    // Ink turns each row of its frame into text with styledCharsToString, which works out the codes from each character
    // to the next with three Sets and four arrays even when both have the same styles, as most neighbours have: over a
    // third of the TUI's first frame. Style lists equal code by code have nothing between them, so that work is
    // skipped for them (the package does the same from 0.3; Ink 6 asks for 0.2). test/tui/styled-chars.test.ts holds
    // the two to the same text.
    file: /node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    edits: [
      [
        'export function styledCharsToString(chars) {',
        'const isSameStyle = (from, to) => from === to || (from.length === to.length && from.every((code, i) => code.code === to[i].code && code.endCode === to[i].endCode));\n' +
          'export function styledCharsToString(chars) {',
      ],
      [
        '        else {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '        else if (!isSameStyle(chars[i - 1].styles, char.styles)) {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
    ],
  },
  {
    // With DEV=true (React's developer tools) Ink reads its name and version from the package.json next to
    // import.meta.url, which in the script is the script's own URL: they are written in instead.
    file: /node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/,
    edits: [
      ['await loadPackageJson()', (path) => {
        const { name, version } = JSON.parse(readFileSync(join(dirname(path), '..', 'package.json'), 'utf8'));
        return JSON.stringify({ name, version });
      }],
    ],
  },
];

/**
 * `source` (the file at `path`) with `patch`'s rewrites; null when `only` is not in it (another copy of the package),
 * and the texts it did not find.
 */
export function patchSource(patch, path, source) {
  if (patch.only && !source.includes(patch.only)) return { source: null, missing: [] };
  const missing = [];
  for (const [from, to] of patch.edits) {
    if (source.includes(from)) source = source.replaceAll(from, typeof to === 'function' ? to(path) : to);
    else missing.push(from);
  }
  return { source, missing };
}
