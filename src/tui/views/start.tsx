// Paste a capture (Ctrl-D finishes) or type a file path (Enter opens it). A paste arrives in many reads: they go
// into a buffer kept raw (paste-buffer.ts), and the screen shows only a counter and the tail, refreshed a few times
// a second, so a multi-megabyte paste does not re-render per read.
import { existsSync, statSync } from 'node:fs';
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { PasteBuffer } from '../paste-buffer.js';
import { parseKeys } from '../terminal-input.js';
import { Rows } from './rows.js';

export interface StartProps {
  buffer: PasteBuffer;
  height: number;
  width: number;
  error: string | null;
  busy: string | null;
}

export interface StartActions {
  busy: boolean;
  /** The buffer's text is ready for the analysis. */
  analyse: (text: string) => void;
  open: (path: string) => void;
  quit: () => void;
  /** Esc on an empty screen: back to the capture open before, or quit. */
  back: () => void;
  /** Redraw: at once for a typed key, throttled for a paste. */
  refresh: (now: boolean) => void;
}

/**
 * Typed input on the start screen. A read that is exactly one key is that key (Ctrl-D, Esc, Backspace, Enter, Ctrl-C
 * and Ctrl-U mean something here; arrows and Tab nothing); any other read is text, kept raw, whatever escape codes or
 * control characters it holds: it is a paste from a terminal that did not bracket it, or fast typing.
 */
export function startScreenInput(buffer: PasteBuffer, text: string, actions: StartActions): void {
  if (text.endsWith('\x03')) return actions.quit();
  if (actions.busy) return;
  const end = text.indexOf('\x04');
  if (end >= 0) {
    buffer.append(text.slice(0, end));
    const pasted = buffer.take();
    actions.refresh(true);
    if (pasted.trim()) actions.analyse(pasted);
    return;
  }
  const { keys } = parseKeys(text, true);
  const only = keys.length === 1 ? keys[0]! : null;
  if (only?.key.escape && text === '\x1b') {
    if (buffer.size === 0) return actions.back();
    buffer.clear();
    return actions.refresh(true);
  }
  if (only?.key.backspace) {
    buffer.eraseLast();
    return actions.refresh(true);
  }
  if (only?.key.ctrl && only.input === 'u') {
    buffer.clear();
    return actions.refresh(true);
  }
  if (only && !only.key.return && only.input === '') return; // arrows, Tab, Page keys: nothing to move here
  // Enter after one typed line that names a file, or looks like a path, opens it (a missing file reports its error).
  if (buffer.lines === 0 && /^[^\r\n]*[\r\n]$/.test(text)) {
    const path = (buffer.typed + text.slice(0, -1)).trim();
    if (path && (isFile(path) || (/^[\w./~-]+$/.test(path) && /[/.]/.test(path)))) {
      buffer.clear();
      actions.refresh(true);
      return actions.open(path);
    }
  }
  buffer.append(text);
  actions.refresh(text.length <= 1);
}

export function StartScreen({ buffer, height, width, error, busy }: StartProps): ReactElement {
  const previewHeight = Math.max(1, height - 9);
  const lines = buffer.lines;
  const preview = lines === 0 ? [] : buffer.preview(previewHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>slp-doctor — Smart Licensing Using Policy triage</Text>
      <Text> </Text>
      <Text wrap="truncate-end">Paste a capture (show license …, show tech-support, syslog) and press Ctrl-D,</Text>
      <Text wrap="truncate-end">or type the path of a capture file and press Enter.  Esc clears, Ctrl-C quits.</Text>
      <Text> </Text>
      {busy ? <Text color="cyan">{busy}</Text> : error ? <Text color="red" wrap="wrap">{`✖ ${error}`}</Text> : <Text dimColor>{lines > 0 ? `${lines} line(s), ${Math.round(buffer.size / 1024)} KB received — Ctrl-D to analyse` : ' '}</Text>}
      {lines === 0 ? (
        <Text wrap="truncate-end">
          <Text color="cyan">{'> '}</Text>
          {buffer.typed.replace(/[\x00-\x1f\x7f]/g, '')}
          <Text inverse> </Text>
        </Text>
      ) : (
        <Rows height={previewHeight} rows={preview.map((text) => ({ text: text.slice(0, width), dim: true }))} />
      )}
    </Box>
  );
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
