// rule-engine.ts as the TUI's script has it (scripts/bundle.mjs swaps one for the other): the rule engine compiled from
// its own script next to the TUI's, with a V8 code cache (common/code-cache.ts) that the first evaluation writes.
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from '../common/code-cache.js';
import type { RuleEngine } from './rule-engine.js';
import { RULE_ENGINE_SCRIPT, RULE_ENGINE_SCRIPT_PARAMETERS } from './scripts.js';

export async function loadRuleEngine(): Promise<RuleEngine> {
  // In a script import.meta.url is the script's own URL: the TUI's, in dist/bundle beside this one.
  const compiled = loadCachedScript(fileURLToPath(new URL(`./${RULE_ENGINE_SCRIPT}`, import.meta.url)), RULE_ENGINE_SCRIPT_PARAMETERS);
  const exports: { loadRuleEngine?: () => Promise<RuleEngine> } = {};
  await compiled.run(exports);
  const engine = await exports.loadRuleEngine!();
  if (!compiled.needsCache) return engine;
  // Written after the first evaluation, so that the cache holds what loading the pack and judging a device compiled.
  let saved = false;
  return {
    loadRulePack: engine.loadRulePack,
    analyzeLoaded: (...args) => {
      const document = engine.analyzeLoaded(...args);
      if (!saved) compiled.saveCache();
      saved = true;
      return document;
    },
  };
}
