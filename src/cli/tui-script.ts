// The entry of dist/bundle/tui-script.js (scripts/bundle.mjs): the TUI as one script, compiled by tui/startup.ts with a
// V8 code cache, with the command line in front of it. `slp-doctor tui` parses its options in this script (start.ts),
// so it loads no ES module of the CLI: main.js, compiled without a cache, was ~20 ms of the TUI's start. `__slpTui` is
// a parameter of the function the script is wrapped in: runTui and main go out through it.
import { runTui } from '../tui/index.js';
import type { TuiScriptExports } from '../tui/scripts.js';
import { main } from './main.js';

declare const __slpTui: TuiScriptExports;
__slpTui.runTui = runTui;
__slpTui.main = main;
