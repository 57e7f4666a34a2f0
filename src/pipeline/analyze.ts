// The analysis as a function: inputs -> device models (captures.ts) -> findings. The CLI, the TUI, fleet workers
// and the tests all call this, so they cannot disagree.
import type { AnalyzeDocument } from '../common/findings.js';
import type { RulePack } from '../rules/types.js';
import { loadCaptures } from './captures.js';
import { analyzeLoaded } from './evaluate.js';
import { loadRulePack } from './rule-pack.js';

export { analyzeDevice, analyzeLoaded } from './evaluate.js';

export interface AnalyzeOptions {
  now?: string;
  /** User packs on top of the built-in one; a rule there with the same id replaces the built-in. */
  ruleDirs?: string[];
  /** A pack already loaded (fleet workers and the TUI load it once). */
  pack?: RulePack;
}

export async function analyzeFiles(paths: string[], options: AnalyzeOptions = {}): Promise<AnalyzeDocument> {
  const pack = options.pack ?? loadRulePack(options.ruleDirs);
  const loaded = await loadCaptures(paths, { now: options.now });
  return analyzeLoaded(loaded, pack, options.now);
}
