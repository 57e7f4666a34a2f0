// What the TUI needs of the rule engine once its first frame is on screen: the rule pack and its evaluation. The TUI's
// script does not carry them (they were a third of its source and its code cache, which every start read and
// deserialized before the first frame): in that script this module is replaced by rule-engine-loader.ts, which
// compiles them from a script of their own, dist/bundle/tui-rules-script.js (scripts/bundle.mjs).
import { analyzeLoaded } from '../pipeline/evaluate.js';
import { loadRulePack } from '../pipeline/rule-pack.js';

export interface RuleEngine {
  loadRulePack: typeof loadRulePack;
  analyzeLoaded: typeof analyzeLoaded;
}

export async function loadRuleEngine(): Promise<RuleEngine> {
  return { loadRulePack, analyzeLoaded };
}
