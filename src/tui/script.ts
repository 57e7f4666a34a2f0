// The entry of dist/bundle/tui-script.js (scripts/bundle.mjs): the whole TUI as one script, compiled by startup.ts with
// a V8 code cache. `__slpTui` is a parameter of the function startup.ts wraps the script in: runTui goes out through it.
import { runTui } from './index.js';

declare const __slpTui: { runTui?: typeof runTui };
__slpTui.runTui = runTui;
