// The terminal's input for the app, read here instead of by Ink (see terminal-input.ts for why). The stream is the
// one Ink was given: process.stdin in the terminal, a fake one in component tests.
import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';
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
