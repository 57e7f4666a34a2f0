// `slp-doctor rules …`: the authoring loop. The engine owns the logic; this supplies the pipeline that turns a
// capture into device models, since the engine must not import ingest or parsers.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCaptures } from '../pipeline/captures.js';
import { rulesExplain, rulesLint, rulesList, rulesTest } from '../rules/commands.js';
import { checkNow, type CliIO, type PackCliOptions } from './options.js';
import { BUILTIN_RULES_DIR, loadRulePack } from '../pipeline/rule-pack.js';

const runCapture = async (path: string, now?: string) => {
  const loaded = await loadCaptures([path], { now });
  return { devices: loaded.devices, lines: loaded.lines };
};

function packDirs(dir: string | undefined): string[] {
  return dir === undefined || resolve(dir) === resolve(BUILTIN_RULES_DIR) ? [BUILTIN_RULES_DIR] : [dir];
}

export async function runRulesList(dir: string | undefined, io: CliIO): Promise<number> {
  return rulesList(packDirs(dir), io.stdout);
}

export async function runRulesLint(dir: string | undefined, io: CliIO): Promise<number> {
  return rulesLint(packDirs(dir), io.stdout, io.stderr);
}

export async function runRulesTest(dir: string | undefined, io: CliIO): Promise<number> {
  return rulesTest(packDirs(dir), io.stdout, runCapture);
}

/**
 * The rule files' JSON Schema, the one shipped with this copy of slp-doctor: a copy beside a user's pack
 * (`$schema=./schema.json`) works wherever slp-doctor is installed and travels with the pack.
 */
export function runRulesSchema(options: { path?: boolean }, io: CliIO): number {
  const file = join(BUILTIN_RULES_DIR, 'schema.json');
  io.stdout.write(options.path ? `${file}\n` : readFileSync(file, 'utf8'));
  return 0;
}

export async function runRulesExplain(
  ruleId: string,
  file: string,
  options: PackCliOptions,
  io: CliIO,
): Promise<number> {
  const now = checkNow(options.now);
  const pack = loadRulePack(options.rules);
  return rulesExplain(pack, ruleId, (path) => runCapture(path, now ?? undefined), io.stdout, file, { err: io.stderr });
}
