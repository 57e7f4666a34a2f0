// startup.ts as the TUI's script has it (scripts/bundle.mjs swaps one for the other): the command line inside that
// script finds the TUI beside it, as startup.ts handed it over (with the hook that writes the code cache), instead of
// compiling the script a second time.
import type { TuiScriptExports } from './scripts.js';

declare const __slpTui: TuiScriptExports;

export async function loadTui(): Promise<NonNullable<TuiScriptExports['runTui']>> {
  return __slpTui.runTui!;
}
