// The entry of dist/bundle/cli-script.js (scripts/bundle.mjs): the command line as one script, compiled by start.ts
// from a V8 code cache. `__slpCli` is a parameter of the function the script is wrapped in: main goes out through it.
import { main } from './main.js';

declare const __slpCli: { main?: typeof main };
__slpCli.main = main;
