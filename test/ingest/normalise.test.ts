import { describe, expect, it } from 'vitest';
import { normaliseLine } from '../../src/ingest/normalise.js';

describe('normaliseLine', () => {
  it('strips ANSI colour (CSI), OSC titles and a lone ESC', () => {
    expect(normaliseLine('\x1b[1mleaf-101#\x1b[0m show license status')).toBe('leaf-101# show license status');
    expect(normaliseLine('\x1b]0;leaf-101: ~\x07Status: ENABLED')).toBe('Status: ENABLED');
    expect(normaliseLine('\x1b(BTransport:\x1b')).toBe('Transport:');
    expect(normaliseLine('\x1b[38;5;196mFAILED\x1b[m')).toBe('FAILED');
  });

  it('replays backspace overstrikes', () => {
    expect(normaliseLine('x\by')).toBe('y');
    expect(normaliseLine('abc\b\b\b')).toBe('');
    expect(normaliseLine('sh\b\bshow license')).toBe('show license');
  });

  it('removes --More-- pager residue and what erases it', () => {
    expect(normaliseLine(' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b  Status: ENABLED')).toBe('  Status: ENABLED');
    expect(normaliseLine(' --More-- \r          \r  Type: CSLU')).toBe('  Type: CSLU');
    expect(normaliseLine(' --More-- ')).toBe('');
    expect(normaliseLine('--More--Handle: 1')).toBe('Handle: 1');
    expect(normaliseLine('<--- More --->')).toBe('');
  });

  it('drops NUL bytes and trailing spaces', () => {
    expect(normaliseLine('Sta\x00tus: ENABLED\x00   ')).toBe('Status: ENABLED');
    expect(normaliseLine('Utility:   ')).toBe('Utility:');
  });

  it('expands tabs to 8-column stops', () => {
    expect(normaliseLine('a\tb')).toBe('a       b');
    expect(normaliseLine('SlotID\tPID')).toBe('SlotID  PID');
    expect(normaliseLine('\tx')).toBe('        x');
  });

  it('overwrites from column 0 after a bare carriage return', () => {
    expect(normaliseLine('abcdef\rxy')).toBe('xycdef');
  });

  it('leaves clean text alone', () => {
    const clean = '  Next ACK deadline: Nov 16 09:38:37 2021 UTC';
    expect(normaliseLine(clean)).toBe(clean);
  });

  it('drops keypad-mode, cursor save/restore and other two-byte escapes a session log keeps', () => {
    expect(normaliseLine('\x1b[?1h\x1b=leaf-101# show clock')).toBe('leaf-101# show clock');
    expect(normaliseLine('\x1b7Status:\x1b8 ENABLED\x1b(B\x1b#8')).toBe('Status: ENABLED');
  });

  it('honours an erase to the end of the line after a carriage return (a pager wiping --More--)', () => {
    expect(normaliseLine('--More--\r\x1b[Kabc')).toBe('abc');
    expect(normaliseLine(' --More-- \r\x1b[0K  Status: ENABLED')).toBe('  Status: ENABLED');
  });
});
