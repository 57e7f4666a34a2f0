import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { analyzeLoaded } from '../../src/pipeline/analyze.js';
import { loadRulePack } from '../../src/pipeline/rule-pack.js';
import { App } from '../../src/tui/App.js';
import { parsePaste, withFindings, type Session } from '../../src/tui/session.js';

export const root = join(import.meta.dirname, '../..');
export const pack = loadRulePack([]);

export function capture(name: string): string {
  return readFileSync(join(root, 'captures', name), 'utf8');
}

export function evaluated(session: Session): Session {
  return withFindings(session, analyzeLoaded(session.loaded, pack));
}

export function sessionFor(name: string): Session {
  return evaluated(parsePaste(capture(name), undefined, `captures/${name}`));
}

export const evaluate = async (session: Session): Promise<Session> => evaluated(session);

export const KEY = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', enter: '\r', escape: '\x1b', tab: '\t', ctrlD: '\x04', backspace: '\x7f' };

export type Rendered = ReturnType<typeof render>;

export function renderApp(props: Partial<Parameters<typeof App>[0]> = {}): Rendered {
  return render(createElement(App, { evaluate, ...props }));
}

/** Poll the last frame until `predicate` holds (bounded), then return the frame. */
// A bound, not a timing check: on a loaded machine a step that loads the rule pack (an export) takes seconds, and
// the bound only has to say "never came" well before the test's own timeout.
export async function waitForFrame(app: Rendered, predicate: (frame: string) => boolean, what = 'the expected frame', timeoutMs = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export const waitForText = (app: Rendered, text: string | RegExp, timeoutMs?: number) =>
  waitForFrame(app, (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text), timeoutMs);

/** Type keys one at a time, letting Ink process each (a lone Esc is only recognised after a short pause). */
export async function press(app: Rendered, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    app.stdin.write(key);
    await new Promise((r) => setTimeout(r, key === KEY.escape ? 80 : 25));
  }
}
