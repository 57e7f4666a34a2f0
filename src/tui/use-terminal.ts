// The terminal's input for the app, read here instead of by Ink (see terminal-input.ts for why). The stream is the
// one Ink was given: process.stdin in the terminal, a fake one in component tests.
import { useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { TerminalReader, type TerminalEvent } from './terminal-input.js';

/** How long a read that ends inside an escape sequence waits for the rest before it counts as typed (a lone Esc). */
const ESCAPE_WAIT_MS = 30;

export function useTerminal(onEvent: (event: TerminalEvent) => void): void {
  const { stdin } = useStdin();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    const reader = new TerminalReader();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deliver = (events: TerminalEvent[]) => {
      for (const event of events) latest.current(event);
    };
    const onData = (data: string | Buffer) => {
      clearTimeout(timer);
      deliver(reader.push(typeof data === 'string' ? data : data.toString('utf8')));
      if (reader.pending) timer = setTimeout(() => deliver(reader.flush()), ESCAPE_WAIT_MS);
    };
    stdin.setEncoding('utf8');
    // Raw: every key as it is pressed, Ctrl-C and Ctrl-D as bytes (the app quits and ends a paste itself).
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.ref();
    return () => {
      clearTimeout(timer);
      stdin.off('data', onData);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdin.unref();
    };
  }, [stdin]);
}

/**
 * Input handled one item at a time, each after the frame of the one before, so that `jjj` in one read moves three
 * rows: every call of `handle` sees the state the previous key left.
 */
export function useInputQueue<T>(handle: (item: T) => void): { add: (items: T[]) => void; waiting: () => boolean } {
  const queue = useRef<T[]>([]);
  const latest = useRef(handle);
  latest.current = handle;
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (queue.current.length === 0) return;
    latest.current(queue.current.shift()!);
    if (queue.current.length > 0) setTurn((n) => n + 1);
  }, [turn]);
  return {
    add: (items) => {
      queue.current.push(...items);
      setTurn((n) => n + 1);
    },
    waiting: () => queue.current.length > 0,
  };
}

/** A redraw at once (`now`) or at most every `ms` (a stream of pieces). */
export function useThrottledRedraw(ms: number): (now: boolean) => void {
  const [, setFrame] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return (now) => {
    if (now) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      return setFrame((n) => n + 1);
    }
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setFrame((n) => n + 1);
    }, ms);
  };
}
