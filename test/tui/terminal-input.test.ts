import { describe, expect, it } from 'vitest';
import { PasteBuffer, terminalText } from '../../src/tui/paste-buffer.js';
import { looksPasted, parseKeys, TerminalReader, type KeyPress } from '../../src/tui/terminal-input.js';

const names = (keys: KeyPress[]) =>
  keys.map(({ input, key }) => {
    const named = Object.entries(key).filter(([name, on]) => on && !['shift', 'ctrl', 'meta'].includes(name)).map(([name]) => name);
    return `${key.ctrl ? 'ctrl+' : ''}${key.meta ? 'meta+' : ''}${named.join('+') || input}`;
  });

describe('parseKeys', () => {
  it('gives one key per character when several arrive in one read', () => {
    expect(names(parseKeys('jjj').keys)).toEqual(['j', 'j', 'j']);
    expect(names(parseKeys('\x1b[B\x1b[B\x1bOA').keys)).toEqual(['downArrow', 'downArrow', 'upArrow']);
    expect(names(parseKeys('G\r\t\x7f\x03').keys)).toEqual(['G', 'return', 'tab', 'backspace', 'ctrl+c']);
    expect(parseKeys('G').keys[0]!.key.shift).toBe(true);
  });

  it('reads Page, Home, End and modified arrows, and drops sequences that are no key', () => {
    expect(names(parseKeys('\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[1;5C\x1b[Z').keys)).toEqual(['pageUp', 'pageDown', 'home', 'end', 'ctrl+rightArrow', 'tab']);
    // Colour codes, an OSC title, a mouse report: nothing to press.
    expect(names(parseKeys('\x1b[0m\x1b[00m\x1b[32m\x1b[7m\x1b[0K\x1b]0;leaf-101\x07\x1b[<0;3;4M').keys)).toEqual([]);
    expect(names(parseKeys('a\x1b[0mb').keys)).toEqual(['a', 'b']);
  });

  it('keeps an escape sequence cut by the read for the next one; a lone ESC at the end is Esc when final', () => {
    expect(parseKeys('j\x1b[').pending).toBe('\x1b[');
    expect(names(parseKeys('\x1b', true).keys)).toEqual(['escape']);
    expect(names(parseKeys('\x1bx').keys)).toEqual(['meta+x']);
  });
});

describe('TerminalReader', () => {
  it('separates a bracketed paste from typed keys, even when the markers are cut by reads', () => {
    const reader = new TerminalReader();
    const events = [...reader.push('j\x1b[20'), ...reader.push('0~leaf-101# sh\x1b[0mow clock\r\x1b[2'), ...reader.push('01~k')];
    expect(events).toEqual([
      { kind: 'typed', text: 'j' },
      { kind: 'paste', text: 'leaf-101# sh\x1b[0mow clock\r', end: false },
      { kind: 'paste', text: '', end: true },
      { kind: 'typed', text: 'k' },
    ]);
  });

  it('holds a lone ESC until flushed: then it is typed (the Esc key)', () => {
    const reader = new TerminalReader();
    expect(reader.push('\x1b')).toEqual([]);
    expect(reader.pending).toBe(true);
    expect(reader.flush()).toEqual([{ kind: 'typed', text: '\x1b' }]);
    expect(reader.push('\x1b')).toEqual([]);
    expect(reader.push('[B')).toEqual([{ kind: 'typed', text: '\x1b[B' }]);
  });
});

describe('looksPasted', () => {
  it('tells an unbracketed paste from keys typed fast', () => {
    expect(looksPasted('jjjjjjjjjjjjjjjjjjjjjjjj')).toBe(false);
    expect(looksPasted('\x1b[B'.repeat(20))).toBe(false);
    expect(looksPasted('j\r')).toBe(false);
    expect(looksPasted('leaf-101# show license status\r')).toBe(true);
  });
});

describe('terminalText', () => {
  it('turns the CR a terminal sends for each pasted line end back into a line break', () => {
    expect(terminalText('a\rb\r\rc\r')).toBe('a\nb\n\nc\n');
  });

  it('reads CR CR (a CRLF capture pasted through a terminal) as CRLF, keeping a pager\'s lone CR', () => {
    const lines = ['a', 'b', '', 'c --More--\r        \rd', 'e', 'f', 'g', 'h', 'i'];
    expect(terminalText(lines.map((l) => `${l}\r\r`).join(''))).toBe(lines.map((l) => `${l}\r\n`).join(''));
  });

  it('leaves text with LF line ends to ingest', () => {
    expect(terminalText('a\r\nb\rc\n')).toBe('a\r\nb\rc\n');
  });
});

describe('PasteBuffer', () => {
  it('counts lines across reads and previews them as they will be read', () => {
    const buffer = new PasteBuffer();
    buffer.append('\x1b[1mleaf-101#\x1b[0m show clock\r10:03');
    buffer.append(':27 UTC\r');
    expect(buffer.lines).toBe(2);
    expect(buffer.preview(5)).toEqual(['leaf-101# show clock', '10:03:27 UTC', '']);
    expect(buffer.take()).toBe('\x1b[1mleaf-101#\x1b[0m show clock\n10:03:27 UTC\n');
    expect(buffer.size).toBe(0);
  });

  it('a typed line is a path until a line break; Backspace erases on that line only', () => {
    const buffer = new PasteBuffer();
    buffer.append('cap');
    buffer.append('x');
    buffer.eraseLast();
    expect(buffer.typed).toBe('cap');
    buffer.append('\r');
    buffer.eraseLast();
    expect(buffer.lines).toBe(1);
    expect(buffer.typed).toBe('');
  });
});
