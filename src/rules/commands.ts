// The rule-authoring commands (`rules list|lint|test|explain`) as functions: the CLI parses arguments, supplies
// streams and a `runCapture` that ingests, parses and builds a capture (the engine must not import those layers).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { DeviceModel } from '../common/device.js';
import type { LineStore } from '../common/findings.js';
import { closest } from './did-you-mean.js';
import { appliesToPlatform, firingDeferrals, prepareDevice, ruleFires, severityFor } from './engine.js';
import { explainCondition } from './explain.js';
import { loadPack, readPack } from './rule-directories.js';
import { formatProblem, RulePackError, type CompiledRule, type RulePack, type RuleProblem, type TestCase } from './types.js';

export interface Output {
  write(text: string): unknown;
}

export interface CaptureRun {
  devices: DeviceModel[];
  lines: LineStore;
}

/** Ingests, parses and builds one capture; `now` is the test case's `now:` (overrides the capture time). */
export type RunCapture = (path: string, now?: string) => CaptureRun | Promise<CaptureRun>;

const display = (path: string): string => {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') || shown === '' ? path : shown;
};

function printProblems(problems: readonly RuleProblem[], to: Output): void {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  for (const problem of sorted) to.write(`${formatProblem({ ...problem, file: display(problem.file) })}\n`);
}

function loadOrReport(dirs: readonly string[], err: Output): RulePack | null {
  const { pack, problems } = readPack(dirs);
  return problems.some((p) => p.severity === 'error') ? reportNotLoaded(problems, err) : pack;
}

function reportNotLoaded(problems: readonly RuleProblem[], err: Output): null {
  const errors = problems.filter((p) => p.severity === 'error');
  printProblems(errors, err);
  err.write(`rule pack not loaded: ${errors.length} error${errors.length === 1 ? '' : 's'} (run: slp-doctor rules lint)\n`);
  return null;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}

/** `rules list`: id, severity, platforms and title of every rule. */
export function rulesList(dirs: readonly string[], out: Output, err: Output = out): number {
  // A listing reports errors only, so the built-in pack's precompiled copy serves while its files are unchanged.
  let pack: RulePack;
  try {
    pack = loadPack(dirs);
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    reportNotLoaded(error.problems, err);
    return 2;
  }
  const rows = [['ID', 'SEVERITY', 'PLATFORMS', 'TITLE']];
  for (const rule of pack.rules) rows.push([rule.id, rule.severity, rule.platforms.join(','), rule.title]);
  out.write(table(rows));
  out.write(`${pack.rules.length} rules\n`);
  return 0;
}

/** The model fields each derived fact is computed from: citing them is citing what the condition used. */
const DERIVED_INPUTS: Record<string, string[]> = {
  'derived.communication': ['syslog', 'transport', 'messages'],
  'derived.liveCommFailure': ['syslog', 'transport', 'messages'],
  'derived.reporting': ['usageReporting', 'policy', 'captureTime', 'syslog'],
  'derived.trustInstalled': ['trustCode'],
  'derived.clockSynchronized': ['ntp', 'clock', 'config.ntpServers', 'syslog'],
  'derived.topology': ['transport', 'config', 'callHomeProfiles', 'syslog', 'messages'],
  'derived.onPrem': ['transport', 'syslog', 'messages'],
};

function referenced(rule: CompiledRule, path: string): boolean {
  const used = [...rule.when.references].map((reference) => reference.replace(/\[\]/g, ''));
  // `transport.type` also records `transport` on the way; only the deepest paths say what was read.
  const leaves = used.filter((reference) => !used.some((other) => other.startsWith(`${reference}.`)));
  const references = leaves.flatMap((reference) => [reference, ...(DERIVED_INPUTS[reference] ?? DERIVED_INPUTS[reference.split('.').slice(0, 2).join('.')] ?? [])]);
  for (const bare of references) {
    if (bare === path || bare.startsWith(`${path}.`) || path.startsWith(`${bare}.`)) return true;
  }
  return false;
}

/** Checks only lint makes: they do not stop a pack from loading, but a rule is not finished without them. */
function authoringProblems(rule: CompiledRule, pack: RulePack): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const at = rule.positions.tests ?? rule.positions.id;
  const add = (position: { line: number; column: number }, message: string, severity: 'error' | 'warning'): void => {
    problems.push({ file: rule.file, ...position, message, severity });
  };
  if (rule.tests.fires.length === 0) add(at, `rule "${rule.id}" has no tests.fires case (a capture it must fire on)`, 'error');
  if (rule.tests.silent.length === 0) add(at, `rule "${rule.id}" has no tests.silent case (a near-miss capture it must stay silent on)`, 'error');
  for (const testCase of [...rule.tests.fires, ...rule.tests.silent]) {
    if (!existsSync(testCase.path)) add(testCase.at, `test capture ${testCase.capture} does not exist (${display(testCase.path)})`, 'error');
  }
  for (const other of rule.deferTo) {
    if (!pack.get(other)) add(rule.positions.deferTo ?? rule.positions.id, `deferTo: no rule "${other}" in the rules checked`, 'warning');
  }
  for (const evidence of rule.evidence) {
    if (evidence.kind === 'lines' || evidence.context) continue;
    const path = evidence.kind === 'list' ? evidence.list : evidence.path;
    if (!referenced(rule, path)) add(evidence.at, `evidence ${evidence.kind} "${path}" is never used by the condition: is it the right evidence?`, 'warning');
  }
  return problems;
}

/** `rules lint`: schema, conditions (compile, types, field names), regexes, duplicate ids, tests, evidence. */
export function rulesLint(dirs: readonly string[], out: Output, err: Output): number {
  const { pack, problems, files } = readPack(dirs);
  const all = [...problems];
  for (const rule of pack.rules) all.push(...authoringProblems(rule, pack));
  printProblems(all, err);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  // Every rule file is checked, including those whose errors kept them out of the pack.
  out.write(`${plural(files.length, 'rule')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  return errors > 0 ? 2 : 0;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

type CaseOutcome = { pass: boolean; detail: string };

async function runCase(
  pack: RulePack,
  rule: CompiledRule,
  testCase: TestCase,
  expectFire: boolean,
  runCapture: RunCapture,
  cache: Map<string, Promise<CaptureRun>>,
): Promise<CaseOutcome> {
  const key = `${testCase.path}\u0000${testCase.now ?? ''}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = Promise.resolve().then(() => runCapture(testCase.path, testCase.now ?? undefined));
    cache.set(key, pending);
  }
  let run: CaptureRun;
  try {
    run = await pending;
  } catch (error) {
    return { pass: false, detail: `capture could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const firedOn: string[] = [];
  const deferred: string[] = [];
  const errors: string[] = [];
  for (const device of run.devices) {
    const prepared = prepareDevice(device, { now: testCase.now ?? device.captureTime, lines: run.lines });
    const verdict = ruleFires(rule, prepared);
    const name = device.hostname ?? '(no hostname)';
    // As analyze reports it: a rule that defers to another one firing here stays silent.
    const explainedBy = verdict.fires ? firingDeferrals(pack, rule, prepared, device.platform) : [];
    if (explainedBy.length > 0) deferred.push(`${name} (deferred to ${explainedBy.join(', ')})`);
    else if (verdict.fires) firedOn.push(name);
    else if (verdict.error) errors.push(`${name}: ${verdict.error}`);
  }
  const fired = firedOn.length > 0;
  if (run.devices.length === 0) return { pass: !expectFire, detail: 'no device found in the capture' };
  // Silent because the condition failed is not silent because it is false: analyze reports such a rule as failing.
  if (!fired && errors.length > 0) return { pass: false, detail: `the condition failed to evaluate (${errors.join('; ')})` };
  if (fired === expectFire) return { pass: true, detail: fired ? `fired on ${firedOn.join(', ')}` : 'silent' };
  if (fired) return { pass: false, detail: `expected silent, but fired on ${firedOn.join(', ')}` };
  return { pass: false, detail: `expected to fire, but stayed silent${deferred.length > 0 ? `: ${deferred.join('; ')}` : ''}` };
}

/** `rules test`: every rule's fires and silent cases; exit 1 when any case fails, 2 when the pack is invalid. */
export async function rulesTest(dirs: readonly string[], out: Output, runCapture: RunCapture): Promise<number> {
  const pack = loadOrReport(dirs, out);
  if (!pack) return 2;
  const cache = new Map<string, Promise<CaptureRun>>();
  let passed = 0;
  let failed = 0;
  for (const rule of pack.rules) {
    for (const [kind, cases] of [['fires', rule.tests.fires], ['silent', rule.tests.silent]] as const) {
      for (const testCase of cases) {
        const outcome = await runCase(pack, rule, testCase, kind === 'fires', runCapture, cache);
        if (outcome.pass) passed++;
        else failed++;
        out.write(`${outcome.pass ? 'PASS' : 'FAIL'}  ${rule.id}  ${kind}  ${testCase.capture}${outcome.pass ? '' : `: ${outcome.detail}`}\n`);
      }
    }
  }
  out.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

/**
 * Where a rule with this id is defined near the capture or the working directory (the capture's directory and the
 * two above it, the working directory and the directories in it): the rule an author forgot to pass with --rules.
 */
export function findRuleNearby(ruleId: string, capture: string): string | null {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ruleId)) return null;
  const near = [dirname(capture), dirname(dirname(capture)), dirname(dirname(dirname(capture))), process.cwd()];
  const inCwd = safeList(process.cwd())
    .filter((name) => !name.startsWith('.') && name !== 'node_modules')
    .map((name) => join(process.cwd(), name));
  const declares = new RegExp(`^id:\\s*["']?${ruleId}["']?\\s*(#.*)?$`, 'm');
  for (const dir of new Set([...near, ...inCwd].map((d) => resolve(d)))) {
    for (const name of safeList(dir).filter((n) => /\.ya?ml$/i.test(n)).slice(0, 500)) {
      const path = join(dir, name);
      try {
        if (statSync(path).size <= 256 * 1024 && declares.test(readFileSync(path, 'utf8'))) return path;
      } catch {
        // unreadable or not a file: not the rule
      }
    }
  }
  return null;
}

function safeList(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

/** `rules explain RULE-ID FILE`: why the rule did or did not fire, part by part, on each device of the capture. */
export async function rulesExplain(
  pack: RulePack,
  ruleId: string,
  runCapture: RunCapture,
  out: Output,
  file: string,
  options: { now?: string; err?: Output } = {},
): Promise<number> {
  const err = options.err ?? out;
  const rule = pack.get(ruleId);
  if (!rule) {
    const elsewhere = findRuleNearby(ruleId, file);
    if (elsewhere) {
      err.write(`no rule "${ruleId}" in the rules loaded; it is defined in ${display(elsewhere)}: pass --rules ${display(dirname(elsewhere))}\n`);
      return 2;
    }
    const suggestions = closest(ruleId, pack.rules.map((r) => r.id));
    const hint = suggestions.length ? ` (did you mean ${suggestions.join(' or ')}?)` : '';
    err.write(`no rule "${ruleId}"${hint}; a rule of your own is explained with --rules DIR, the directory of its file\n`);
    return 2;
  }
  let run: CaptureRun;
  try {
    run = await runCapture(file, options.now);
  } catch (error) {
    out.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  out.write(`rule ${rule.id} (${rule.severity}): ${rule.title}\n  from ${display(rule.file)}\n  when: ${rule.when.text.replace(/\s+/g, ' ').trim()}\n`);
  if (rule.escalate) out.write(`  ${rule.escalate.severity} instead when: ${rule.escalate.when.text.replace(/\s+/g, ' ').trim()}\n`);
  if (run.devices.length === 0) out.write(`no device found in ${file}\n`);
  for (const device of run.devices) {
    const now = options.now ?? device.captureTime;
    const prepared = prepareDevice(device, { now, lines: run.lines });
    const verdict = ruleFires(rule, prepared);
    const name = device.hostname ?? '(no hostname)';
    out.write(`\ndevice ${name} (${device.platform}, topology ${device.derived.topology}, now ${now ?? 'unknown'}): `);
    if (!appliesToPlatform(rule, device.platform)) {
      out.write(`not applicable: the rule is for ${rule.platforms.join(', ')}\n`);
      continue;
    }
    const explainedBy = verdict.fires ? firingDeferrals(pack, rule, prepared, device.platform) : [];
    if (explainedBy.length > 0) out.write(`silent: the condition holds, but the rule defers to ${explainedBy.join(', ')}, which fires here\n`);
    else if (verdict.fires) out.write(`FIRES (${severityFor(rule, prepared)})\n`);
    else out.write(`silent${verdict.error ? ` (evaluation error: ${verdict.error})` : ''}\n`);
    for (const step of explainCondition(rule, prepared)) {
      const value = step.error !== null ? `error: ${step.error}` : (step.value ?? 'unknown');
      out.write(`  ${'  '.repeat(step.depth)}${step.text}\n  ${'  '.repeat(step.depth)}  = ${value}${step.note ? `  (${step.note})` : ''}\n`);
    }
  }
  return 0;
}
