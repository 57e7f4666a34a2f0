// Loading the rule pack: the built-in one plus the user's. Kept apart from the analysis pipeline so a command that
// hands the analysis to worker threads does not load the parsers in this thread.
import { fileURLToPath } from 'node:url';
import { loadPack } from '../rules/rule-directories.js';
import type { RulePack } from '../rules/types.js';

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export function loadRulePack(ruleDirs: string[] = []): RulePack {
  return loadPack([BUILTIN_RULES_DIR, ...ruleDirs]);
}
