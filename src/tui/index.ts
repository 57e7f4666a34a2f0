// `slp-doctor tui [FILE…]`: the interactive triage view. Loaded only by the `tui` command, so nothing else pays
// for Ink and React. The first frame comes before the rule engine is loaded: the header and model need only the
// parse, and the findings follow a moment later.
import { isoInstant } from '../common/time.js';
import type { RulePack } from '../rules/types.js';
import type { RuleEngine } from './rule-engine.js';
import { parseFiles, withFindings, type Session } from './session.js';

/** How long the first frame may wait for a parse still running once Ink is loaded, to show the header at once. */
const PARSE_GRACE_MS = 300;
/** Enough for a frame to reach the screen: Ink draws at most 30 a second. */
const FRAME_MS = 100;

export interface TuiOptions {
  rules: string[];
  now?: string;
  /** Called once, shortly after the first device is on screen: what start-up needs has run (startup.ts). */
  onShown?: () => void;
}

export async function runTui(files: string[], options: TuiOptions): Promise<number> {
  // Checked before anything else: every deadline is judged against it, and a time that is not one becomes NaN days.
  const now = options.now === undefined ? undefined : isoInstant(options.now);
  if (now === null) {
    process.stderr.write(`slp-doctor: --now ${JSON.stringify(options.now)} is not an ISO 8601 time (for example 2024-05-01T00:00:00Z)\n`);
    return 2;
  }
  options = { ...options, now };
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('slp-doctor: tui needs a terminal; use `slp-doctor analyze FILE` in scripts and pipes\n');
    return 2;
  }
  // Ink renders only the last frame when it believes it runs in CI (CI, CONTINUOUS_INTEGRATION or CI_* set). Someone
  // who opens the interactive view on a real terminal wants every frame, whatever their environment says.
  for (const key of Object.keys(process.env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete process.env[key];
  // The files are read and parsed while Ink and React load. A small capture is parsed by the time Ink is ready and
  // the first frame is already its header; a large one first shows the "Reading …" screen.
  const opening = files.length > 0 ? parseFiles(files, options.now) : undefined;
  opening?.catch(() => undefined); // the start screen reports a failure
  const { launch } = await import('./launch.js');
  const parsed = opening && (await settledWithin(opening, PARSE_GRACE_MS));
  let fatal: unknown = null;
  let pack: Promise<{ pack: RulePack; engine: RuleEngine }> | null = null;
  let shown = options.onShown;
  // Called as a parsed session opens: its device is on screen (after the next frame).
  const evaluate = async (session: Session): Promise<Session> => {
    if (shown) setTimeout(shown, FRAME_MS);
    shown = undefined;
    pack ??= import('./rule-engine.js')
      .then((module) => module.loadRuleEngine())
      .then((engine) => ({ pack: engine.loadRulePack(options.rules), engine }));
    try {
      const loaded = await pack;
      return withFindings(session, loaded.engine.analyzeLoaded(session.loaded, loaded.pack, options.now));
    } catch (error) {
      // A broken --rules pack is a usage error: leave the screen and let the CLI report it (exit 2).
      fatal = error;
      instance.unmount();
      throw error;
    }
  };
  // The alternate screen keeps the user's scrollback intact and gives the app the whole window. Bracketed paste mode
  // has the terminal mark a paste, so pasted text is never taken for keys (terminal-input.ts).
  const restoreTerminal = () => process.stdout.write('\x1b[?2004l\x1b[?1049l');
  process.stdout.write('\x1b[?1049h\x1b[H\x1b[?2004h');
  // Even an unexpected exit must not leave the user's shell on the alternate screen with pastes bracketed.
  process.once('exit', restoreTerminal);
  let code = 0;
  const instance = launch({ evaluate, now: options.now, files, opening, session: parsed ?? undefined, onExit: (c: number) => (code = c) });
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('exit', restoreTerminal);
    restoreTerminal();
  }
  if (fatal) throw fatal;
  return code;
}

/** The session if the parse has succeeded within `ms`; null if it is still running or failed. */
async function settledWithin(opening: Promise<Session>, ms: number): Promise<Session | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  try {
    return await Promise.race([opening.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
