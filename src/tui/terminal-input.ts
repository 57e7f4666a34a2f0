// What a terminal sends, read byte-exactly instead of through Ink's key parser. A paste of device output carries
// colour codes, cursor moves and pager residue; read as keys, those are nonsense (and crashed Ink's parser), and a
// `q` in the pasted text would quit. So input is first split into what was pasted and what was typed, and only what
// was typed becomes keys, one per key even when several arrive in one read (key repeat, a slow SSH link).
//
// A paste is recognised two ways: the terminal brackets it (ESC[200~ … ESC[201~, bracketed paste mode, which the TUI
// turns on), or, on a terminal that does not, a read holds a line break and more text than anyone types between two
// reads (PASTE_MIN_CHARS printable characters).

export interface Key {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
}

export interface KeyPress {
  /** The character typed (a letter for Ctrl+letter); empty for a named key (arrows, Enter, Esc …). */
  input: string;
  key: Key;
}

export type TerminalEvent =
  /** A piece of a paste (`end` on the last one): raw, exactly as the terminal sent it. */
  | { kind: 'paste'; text: string; end: boolean }
  /** Everything else, as one read delivered it: one key, several keys, or an unbracketed paste. */
  | { kind: 'typed'; text: string };

const ESC = '\x1b';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
/** Printable characters in one read, with a line break among them, from which a read is a paste and not typing. */
export const PASTE_MIN_CHARS = 16;

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false,
  return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, shift: false, meta: false,
};

/**
 * Splits the terminal's reads into paste pieces and typed text. What a read boundary cuts (a bracket marker, a key's
 * escape sequence) is held back until the next read; `flush` gives it up as typed text when no read follows shortly
 * (a lone ESC is the Esc key).
 */
export class TerminalReader {
  private pasting = false;
  private held = '';

  push(chunk: string): TerminalEvent[] {
    const events: TerminalEvent[] = [];
    let text = this.held + chunk;
    this.held = '';
    for (;;) {
      const marker = this.pasting ? PASTE_END : PASTE_START;
      const at = text.indexOf(marker);
      if (at < 0) {
        const cut = this.pasting ? partialSuffix(text, marker) : unfinishedEscape(text);
        this.held = text.slice(text.length - cut);
        this.emit(events, text.slice(0, text.length - cut), false);
        return events;
      }
      this.emit(events, text.slice(0, at), this.pasting);
      this.pasting = !this.pasting;
      text = text.slice(at + marker.length);
    }
  }

  /** Held-back bytes as typed text: no read completed what they started. */
  flush(): TerminalEvent[] {
    const events: TerminalEvent[] = [];
    const held = this.held;
    this.held = '';
    this.emit(events, held, false);
    return events;
  }

  get pending(): boolean {
    return this.held !== '';
  }

  private emit(events: TerminalEvent[], text: string, end: boolean): void {
    if (this.pasting) {
      if (text || end) events.push({ kind: 'paste', text, end });
    } else if (text) events.push({ kind: 'typed', text });
  }
}

/** Length of the longest proper prefix of `marker` that `text` ends with. */
function partialSuffix(text: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, text.length); n > 0; n--) if (text.endsWith(marker.slice(0, n))) return n;
  return 0;
}

/** A string sequence (OSC) longer than this without its terminator is let through: it is not a key. */
const MAX_HELD = 256;

/** Length of an escape sequence the text ends inside (a key cut by the read, or the start of a paste marker). */
function unfinishedEscape(text: string): number {
  const at = text.lastIndexOf(ESC, text.length - 1);
  if (at < 0 || text.length - at > MAX_HELD) return 0;
  return readEscape(text, at) === null ? text.length - at : 0;
}

/** A typed read that is really a paste: a terminal without bracketed paste, or one that lost the markers. */
export function looksPasted(text: string): boolean {
  if (!/[\r\n]/.test(text)) return false;
  let printable = 0;
  for (const { input } of parseKeys(text).keys) if (input && input >= ' ') printable++;
  return printable >= PASTE_MIN_CHARS;
}

/**
 * Typed text as key presses. An escape sequence cut at the end is returned as `pending` (prepend it to the next
 * read, or pass it with `final` when none came: a lone ESC is then the Esc key). Sequences that are no key (colour
 * codes, OSC titles, mouse reports) are dropped.
 */
export function parseKeys(text: string, final = false): { keys: KeyPress[]; pending: string } {
  const keys: KeyPress[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ESC) {
      const sequence = readEscape(text, i);
      if (sequence === null) {
        if (!final) return { keys, pending: text.slice(i) };
        keys.push(press('', { escape: true }));
        i++;
        continue;
      }
      if (sequence.key) keys.push(sequence.key);
      i = sequence.next;
      continue;
    }
    const code = ch.codePointAt(0)!;
    const width = code > 0xffff ? 2 : 1;
    i += width;
    if (ch === '\r' || ch === '\n') keys.push(press('', { return: true }));
    else if (ch === '\t') keys.push(press('', { tab: true }));
    else if (ch === '\x7f' || ch === '\b') keys.push(press('', { backspace: true }));
    else if (code >= 1 && code <= 26) keys.push(press(String.fromCharCode(code + 96), { ctrl: true }));
    else if (code >= 32) {
      const input = text.slice(i - width, i);
      keys.push(press(input, { shift: input >= 'A' && input <= 'Z' }));
    }
  }
  return { keys, pending: '' };
}

/** A key as the terminal sends it (for the start screen, which takes text): Enter is CR, Ctrl-D is 0x04 … */
export function keySequence({ input, key }: KeyPress): string {
  if (key.ctrl && /^[a-z]$/.test(input)) return String.fromCharCode(input.charCodeAt(0) - 96);
  if (input) return input;
  if (key.return) return '\r';
  if (key.backspace || key.delete) return '\x7f';
  if (key.escape) return '\x1b';
  if (key.tab) return '\t';
  return '';
}

function press(input: string, flags: Partial<Key>): KeyPress {
  return { input, key: { ...NO_KEY, ...flags } };
}

/** CSI finals and `~` numbers that are keys; anything else is a sequence we drop. */
const CSI_FINAL: Record<string, Partial<Key>> = {
  A: { upArrow: true }, B: { downArrow: true }, C: { rightArrow: true }, D: { leftArrow: true },
  H: { home: true }, F: { end: true }, Z: { tab: true, shift: true },
};
const CSI_TILDE: Record<string, Partial<Key>> = {
  '1': { home: true }, '7': { home: true }, '4': { end: true }, '8': { end: true },
  '5': { pageUp: true }, '6': { pageDown: true }, '3': { delete: true },
};
const SS3_FINAL: Record<string, Partial<Key>> = {
  A: { upArrow: true }, B: { downArrow: true }, C: { rightArrow: true }, D: { leftArrow: true }, H: { home: true }, F: { end: true },
};

/** The escape sequence at `at`: its key (if it is one) and where it ends; null when the text ends inside it. */
function readEscape(text: string, at: number): { key: KeyPress | null; next: number } | null {
  const kind = text[at + 1];
  if (kind === undefined) return null;
  if (kind === '[') {
    let j = at + 2;
    while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j++;
    if (j >= text.length) return null;
    const final = text[j]!;
    if (final < '@' || final > '~') return { key: null, next: j }; // not a CSI after all: drop the introducer
    const params = text.slice(at + 2, j).split(';');
    const modifier = Math.max(0, (Number(params[1]) || 1) - 1);
    const flags = final === '~' ? CSI_TILDE[params[0]!] : params[0]!.startsWith('<') || params[0]!.startsWith('?') ? undefined : CSI_FINAL[final];
    const key = flags ? press('', { ...flags, shift: Boolean(flags.shift) || (modifier & 1) !== 0, meta: (modifier & 2) !== 0, ctrl: (modifier & 4) !== 0 }) : null;
    return { key, next: j + 1 };
  }
  if (kind === 'O') {
    const final = text[at + 2];
    if (final === undefined) return null;
    const flags = SS3_FINAL[final];
    return { key: flags ? press('', flags) : null, next: at + 3 };
  }
  if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
    // OSC, DCS, APC, PM: a string up to BEL or ESC \ (string terminator).
    for (let j = at + 2; j < text.length; j++) {
      if (text[j] === '\x07') return { key: null, next: j + 1 };
      if (text[j] === ESC && text[j + 1] === '\\') return { key: null, next: j + 2 };
      if (text[j] === ESC && j + 1 < text.length) return { key: null, next: j }; // unterminated: the next sequence starts
    }
    return null;
  }
  if (kind === ESC) return { key: press('', { escape: true, meta: true }), next: at + 2 };
  // Alt+key: ESC then the key.
  const code = text.codePointAt(at + 1)!;
  const width = code > 0xffff ? 2 : 1;
  const input = text.slice(at + 1, at + 1 + width);
  if (code < 32 || code === 0x7f) return { key: press('', { escape: true }), next: at + 1 };
  return { key: press(input, { meta: true }), next: at + 1 + width };
}
