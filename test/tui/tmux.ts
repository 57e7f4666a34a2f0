// The real binary in a real terminal: a private tmux server (never a user's sessions; killing it cleans up), driven
// by keys and pastes, read back from the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { repoRoot } from '../support/shared.js';

export { bin } from '../support/cli.js';
export const root = repoRoot;

export class Terminal {
  private readonly socket: string;

  constructor(name: string) {
    this.socket = `slp-${name}-${process.pid}`;
  }

  /** Not a skip: CI installs tmux (.ci/run), and a missing tmux must be seen. */
  static expectReady(): void {
    expect(spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status, 'tmux is not installed: the TUI end-to-end tests need it (apt-get install -y tmux)').toBe(0);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  }

  /** A window of `columns`×`rows` running `command` in the repository. */
  start(session: string, command: string, columns = 100, rows = 30): void {
    this.tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', session, '-c', root, command);
  }

  screen(session: string): string {
    return this.tmux('capture-pane', '-p', '-t', session);
  }

  keys(session: string, ...keys: string[]): void {
    this.tmux('send-keys', '-t', session, ...keys);
  }

  /**
   * Paste a file as a terminal does: tmux writes the buffer to the application, every LF turned into CR; with
   * `bracketed`, inside the paste markers the application asked for.
   */
  pasteFile(session: string, file: string, bracketed = false): void {
    this.tmux('load-buffer', '-b', 'paste', file);
    this.tmux('paste-buffer', ...(bracketed ? ['-p'] : []), '-b', 'paste', '-t', session);
  }

  /** Text in one write to the application (send-keys may write key by key). */
  write(session: string, text: string): void {
    this.tmux('set-buffer', '-b', 'write', text);
    this.tmux('paste-buffer', '-b', 'write', '-t', session);
  }

  alive(session: string): boolean {
    return spawnSync('tmux', ['-L', this.socket, 'has-session', '-t', session]).status === 0;
  }

  async waitFor(session: string, predicate: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    let last = '';
    while (Date.now() - start < timeoutMs) {
      last = this.screen(session);
      if (predicate(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${last}`);
  }

  waitForText(session: string, text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor(session, (s) => s.includes(text), JSON.stringify(text), timeoutMs);
  }

  async waitForExit(session: string, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (this.alive(session) && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 50));
    expect(this.alive(session), 'the tmux session should end when the app quits').toBe(false);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
