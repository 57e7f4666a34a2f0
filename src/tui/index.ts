// `slp-doctor tui [FILE…]`: the interactive triage view. Loaded only by the `tui` command, so nothing else pays
// for Ink and React.
import { createElement } from 'react';
import { loadRulePack } from '../cli/run.js';

export async function runTui(files: string[], options: { rules: string[]; now?: string }): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('slp-doctor: tui needs a terminal; use `slp-doctor analyze FILE` in scripts and pipes\n');
    return 2;
  }
  const pack = loadRulePack(options.rules);
  const [{ render }, { App }] = await Promise.all([import('ink'), import('./App.js')]);
  // The alternate screen keeps the user's scrollback intact and gives the app the whole window.
  process.stdout.write('\x1b[?1049h\x1b[H');
  let code = 0;
  const instance = render(createElement(App, { pack, now: options.now, files, onExit: (c: number) => (code = c) }), { exitOnCtrlC: true, patchConsole: true });
  try {
    await instance.waitUntilExit();
  } finally {
    process.stdout.write('\x1b[?1049l');
  }
  return code;
}
