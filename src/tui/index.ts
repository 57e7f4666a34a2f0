// `slp-doctor tui [FILE…]`: the interactive triage view. Loaded only by the `tui` command, so nothing else pays
// for Ink and React. The first frame comes before the rule engine is loaded: the header and model need only the
// parse, and the findings follow a moment later.
import type { RulePack } from '../rules/types.js';
import { withFindings, type Session } from './session.js';

export async function runTui(files: string[], options: { rules: string[]; now?: string }): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('slp-doctor: tui needs a terminal; use `slp-doctor analyze FILE` in scripts and pipes\n');
    return 2;
  }
  // Ink renders only the last frame when it believes it runs in CI (CI, CONTINUOUS_INTEGRATION or CI_* set). Someone
  // who opens the interactive view on a real terminal wants every frame, whatever their environment says.
  for (const key of Object.keys(process.env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete process.env[key];
  // React's development build checks everything twice and starts far slower; a user's terminal wants production.
  process.env.NODE_ENV ??= 'production';
  const [{ createElement }, { render }, { App }] = await Promise.all([import('react'), import('ink'), import('./App.js')]);
  let fatal: unknown = null;
  let pack: Promise<{ pack: RulePack; run: typeof import('../cli/run.js') }> | null = null;
  const evaluate = async (session: Session): Promise<Session> => {
    pack ??= import('../cli/run.js').then((run) => ({ pack: run.loadRulePack(options.rules), run }));
    try {
      const loaded = await pack;
      return withFindings(session, loaded.run.analyzeLoaded(session.loaded, loaded.pack, options.now));
    } catch (error) {
      // A broken --rules pack is a usage error: leave the screen and let the CLI report it (exit 2).
      fatal = error;
      instance.unmount();
      throw error;
    }
  };
  // The alternate screen keeps the user's scrollback intact and gives the app the whole window.
  process.stdout.write('\x1b[?1049h\x1b[H');
  let code = 0;
  const instance = render(createElement(App, { evaluate, now: options.now, files, onExit: (c: number) => (code = c) }), { exitOnCtrlC: true });
  try {
    await instance.waitUntilExit();
  } finally {
    process.stdout.write('\x1b[?1049l');
  }
  if (fatal) throw fatal;
  return code;
}
