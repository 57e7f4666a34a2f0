// Paste a capture (Ctrl-D finishes) or type a file path (Enter opens it). A paste arrives in large chunks: they
// are appended to a buffer and the screen shows only a counter and the tail, refreshed a few times a second, so a
// multi-megabyte paste does not re-render per chunk.
import { existsSync, statSync } from 'node:fs';
import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { Rows } from './rows.js';

export interface StartProps {
  height: number;
  width: number;
  error: string | null;
  busy: string | null;
  onPaste: (text: string) => void;
  onOpen: (path: string) => void;
  onQuit: () => void;
}

const REFRESH_MS = 150;

export function StartScreen({ height, width, error, busy, onPaste, onOpen, onQuit }: StartProps): ReactElement {
  const chunks = useRef<string[]>([]);
  const counters = useRef({ chars: 0, lines: 0 });
  const [, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const refresh = (now = false) => {
    if (now) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setTick((t) => t + 1);
      return;
    }
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setTick((t) => t + 1);
    }, REFRESH_MS);
  };

  const reset = () => {
    chunks.current = [];
    counters.current = { chars: 0, lines: 0 };
  };

  const append = (text: string) => {
    chunks.current.push(text);
    counters.current.chars += text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counters.current.lines++;
  };

  const onKey = (input: string, key: Key): void => {
    if (busy) return;
    const finish = (key.ctrl && input === 'd') || input.includes('\x04');
    if (finish) {
      append(input.replace(/\x04.*$/s, '').replace(/\r\n?/g, '\n'));
      const text = chunks.current.join('');
      reset();
      refresh(true);
      if (text.trim()) onPaste(text);
      return;
    }
    if (key.ctrl && input === 'c') return onQuit();
    if (key.escape) {
      if (counters.current.chars === 0) return onQuit();
      reset();
      return refresh(true);
    }
    if (key.backspace || key.delete) {
      const last = chunks.current.pop();
      if (last && last.length > 1) chunks.current.push(last.slice(0, -1));
      if (last) counters.current.chars--;
      return refresh(true);
    }
    if (key.return && input.length <= 1) {
      const text = chunks.current.join('');
      const path = text.trim();
      // One typed line that names a file, or looks like a path, is opened (a missing file reports its error).
      if (counters.current.lines === 0 && path && (isFile(path) || /^[\w./~-]+$/.test(path) && /[/.]/.test(path))) {
        reset();
        refresh(true);
        return onOpen(path);
      }
      append('\n');
      return refresh();
    }
    if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab || key.pageUp || key.pageDown) return;
    append(input.replace(/\r\n?/g, '\n'));
    // A typed character shows at once; a paste chunk waits for the next refresh.
    refresh(input.length <= 1);
  };
  // A stable handler reading the latest closure: keys typed before Ink re-subscribes still see current props.
  const latestKey = useRef(onKey);
  latestKey.current = onKey;
  useInput(useCallback((input: string, key: Key) => latestKey.current(input, key), []));

  const typed = chunks.current.length > 0 ? tail(chunks.current, 4000) : '';
  const lines = typed.split('\n');
  const previewHeight = Math.max(1, height - 9);
  const preview = counters.current.lines === 0 ? [] : lines.slice(-previewHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>slp-doctor — Smart Licensing Using Policy triage</Text>
      <Text> </Text>
      <Text wrap="truncate-end">Paste a capture (show license …, show tech-support, syslog) and press Ctrl-D,</Text>
      <Text wrap="truncate-end">or type the path of a capture file and press Enter.  Esc clears, Ctrl-C quits.</Text>
      <Text> </Text>
      {busy ? <Text color="cyan">{busy}</Text> : error ? <Text color="red" wrap="wrap">{`✖ ${error}`}</Text> : <Text dimColor>{counters.current.lines > 0 ? `${counters.current.lines} line(s), ${Math.round(counters.current.chars / 1024)} KB received — Ctrl-D to analyse` : ' '}</Text>}
      {counters.current.lines === 0 ? (
        <Text wrap="truncate-end">
          <Text color="cyan">{'> '}</Text>
          {typed}
          <Text inverse> </Text>
        </Text>
      ) : (
        <Rows height={previewHeight} rows={preview.map((text) => ({ text: text.slice(0, width), dim: true }))} />
      )}
    </Box>
  );
}

function tail(chunks: string[], chars: number): string {
  let out = '';
  for (let i = chunks.length - 1; i >= 0 && out.length < chars; i--) out = chunks[i]! + out;
  return out.slice(-chars);
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
