// Rule directories (`rules/` and each --rules DIR): the rule files of each, read and checked (rule-files.ts), or
// taken from the precompiled built-in pack (pack-cache.ts); a pack with errors is refused as a whole
// (RulePackError) so a broken rule never runs silently.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPackCachePath } from './builtin.js';
import { currentBuild, rulesFromCache, type PackCache } from './pack-cache.js';
import { readRuleFile } from './rule-files.js';
import { RulePackError, compareRuleIds, type CompiledRule, type RulePack, type RuleProblem } from './types.js';


/** The rule files of one directory, in name order. */
export function ruleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

const isDirectory = (dir: string): boolean => existsSync(dir) && statSync(dir).isDirectory();

/** Every rule file of one directory, checked; a second rule with an id already used in the directory is an error. */
function readDirectory(dir: string, files: readonly string[], problems: RuleProblem[]): CompiledRule[] {
  const seen = new Map<string, CompiledRule>();
  for (const file of files) {
    const { rule, problems: fileProblems } = readRuleFile(file);
    problems.push(...fileProblems);
    if (!rule) continue;
    const earlier = seen.get(rule.id);
    if (earlier) {
      problems.push({ file, ...rule.positions.id, message: `duplicate id "${rule.id}": also defined in ${earlier.file}`, severity: 'error' });
      continue;
    }
    seen.set(rule.id, rule);
  }
  return [...seen.values()];
}

/** A later directory's rule replaces an earlier one with the same id. */
function assemble(directories: readonly CompiledRule[][]): RulePack {
  const byId = new Map<string, CompiledRule>();
  for (const rules of directories) for (const rule of rules) byId.set(rule.id, rule);
  const rules = [...byId.values()].sort((a, b) => compareRuleIds(a.id, b.id));
  return { rules, get: (id) => byId.get(id) };
}

const missingDirectory = (dir: string): RuleProblem => ({ file: dir, line: 0, column: 0, message: 'rule directory does not exist', severity: 'error' });

/**
 * Reads every directory in order, with every check; a later directory's rule replaces an earlier one with the same
 * id. `files` are the rule files read, valid or not (one rule each).
 */
export function readPack(dirs: readonly string[]): { pack: RulePack; problems: RuleProblem[]; files: string[] } {
  const problems: RuleProblem[] = [];
  const directories: CompiledRule[][] = [];
  const files: string[] = [];
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      problems.push(missingDirectory(dir));
      continue;
    }
    const inDirectory = ruleFiles(dir);
    files.push(...inDirectory);
    directories.push(readDirectory(dir, inDirectory, problems));
  }
  return { pack: assemble(directories), problems, files };
}

export interface LoadOptions {
  /** Precompiled directories (the built-in pack); each is used only for a directory whose files it matches. */
  precompiled?: readonly PackCache[];
  /** The build the caches must come from (the running bundle's by default). */
  build?: string | null;
}

/** The precompiled built-in pack, when running from the bundle that wrote it. */
function bundledPackCaches(): PackCache[] {
  if (currentBuild() === null) return [];
  try {
    return [JSON.parse(readFileSync(builtinPackCachePath(), 'utf8')) as PackCache];
  } catch {
    return []; // no cache (never built, or removed): the full path is always correct
  }
}

/**
 * Directories this process has read without a problem, with the size and modification time of each file read: a
 * long-lived process (the TUI, a test run) that loads a pack again reads only what changed.
 */
const readBefore = new Map<string, { stamp: string; rules: CompiledRule[] }>();

const stampOf = (files: readonly string[]): string =>
  files.map((file) => {
    const stat = statSync(file);
    return `${file}\u0000${stat.size}\u0000${stat.mtimeMs}`;
  }).join('\n');

function readDirectoryOnce(dir: string, files: readonly string[], problems: RuleProblem[]): CompiledRule[] {
  const stamp = stampOf(files);
  const before = readBefore.get(dir);
  if (before?.stamp === stamp) return before.rules;
  const found: RuleProblem[] = [];
  const rules = readDirectory(dir, files, found);
  problems.push(...found);
  if (found.length === 0) readBefore.set(dir, { stamp, rules });
  else readBefore.delete(dir);
  return rules;
}

/** Loads a pack for analysis; throws RulePackError listing every error when any rule file is invalid. */
export function loadPack(dirs: readonly string[], options: LoadOptions = {}): RulePack {
  const precompiled = options.precompiled ?? bundledPackCaches();
  const build = options.build === undefined ? currentBuild() : options.build;
  const problems: RuleProblem[] = [];
  const directories: CompiledRule[][] = [];
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      problems.push(missingDirectory(dir));
      continue;
    }
    const files = ruleFiles(dir);
    let rules: CompiledRule[] | null = null;
    for (const cache of precompiled) rules ??= rulesFromCache(cache, dir, files, build);
    directories.push(rules ?? readDirectoryOnce(dir, files, problems));
  }
  if (problems.some((p) => p.severity === 'error')) throw new RulePackError(problems);
  return assemble(directories);
}
