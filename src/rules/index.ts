// The rule engine's public surface, for the CLI, the renderers and the TUI.
export { builtinRulesDir } from './builtin.js';
export { loadPack, readPack } from './rule-directories.js';
export { readRuleFile } from './rule-files.js';
export { evaluateDevice, type EvaluateOptions } from './engine.js';
export { rulesExplain, rulesLint, rulesList, rulesTest, type CaptureRun, type Output, type RunCapture } from './commands.js';
export { RulePackError, formatProblem, type CompiledRule, type RulePack, type RuleProblem } from './types.js';
