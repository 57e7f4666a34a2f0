// The entry of dist/bundle/tui-rules-script.js (scripts/bundle.mjs): the TUI's rule engine as one script, compiled by
// rule-engine-loader.ts with a V8 code cache. `__slpRuleEngine` is a parameter of the function the script is wrapped
// in: the engine goes out through it.
import { loadRuleEngine } from './rule-engine.js';

declare const __slpRuleEngine: { loadRuleEngine?: typeof loadRuleEngine };
__slpRuleEngine.loadRuleEngine = loadRuleEngine;
