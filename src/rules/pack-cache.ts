// The built-in pack precompiled at build time (scripts/bundle.mjs writes dist/rules-pack.json): the validated rule
// definitions of one rule directory and a digest of its files. Parsing ~45 YAML files with positions and re-running
// every static check costs ~250 ms of each `analyze` cold start; the cache takes about a quarter off it (measured with
// and without in docs/PERFORMANCE.md). The cache is used instead only when the directory's rule files are byte
// for byte the ones it was built from AND the running bundle is the build that wrote it.
// Anything else (user packs, edited rules, tests, `rules lint`) takes the full, checked path.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { precompiledExpression, type CompiledExpression, type ExpressionKind } from './condition.js';
import type { CompiledRule, Escalation, EvidenceSpec, RulePack, TemplatePart, TestCase } from './types.js';
import type { Position } from './yaml-source.js';

/** Set by esbuild (`define`) in the bundle; absent under tsc output and vitest, which never read the cache. */
declare const __SLP_BUILD_ID__: string | undefined;

const FORMAT = 1;

interface CachedExpression {
  text: string;
  evaluated: string;
  references: string[];
}

type CachedEvidence = (
  | { kind: 'list'; list: string; where: CachedExpression | null }
  | { kind: 'field'; path: string }
  | { kind: 'lines'; pattern: string }
) & { at: Position; context?: boolean };

type CachedTemplatePart = { literal: string } | { expression: CachedExpression };

type CachedTestCase = Omit<TestCase, 'path'>;

interface CachedRule extends Omit<CompiledRule, 'when' | 'escalate' | 'evidence' | 'message' | 'tests' | 'file'> {
  when: CachedExpression;
  escalate: Escalation<CachedExpression> | null;
  evidence: CachedEvidence[];
  message: CachedTemplatePart[];
  tests: { fires: CachedTestCase[]; silent: CachedTestCase[] };
  /** The file name inside the rule directory. */
  file: string;
}

export interface PackCache {
  format: number;
  /** The bundle build that wrote it: rule semantics live in the code, so another build must not trust it. */
  build: string;
  /** `ruleFilesDigest` of the directory the rules were read from. */
  digest: string;
  rules: CachedRule[];
}

/** The build id of the running bundle, null outside the bundle. */
export function currentBuild(): string | null {
  return typeof __SLP_BUILD_ID__ === 'string' ? __SLP_BUILD_ID__ : null;
}

/** A digest of the rule files' names and bytes (reading ~45 small files is ~1 ms; parsing them was the cost). */
export function ruleFilesDigest(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(basename(file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const storeExpression = (expression: CompiledExpression): CachedExpression => ({
  text: expression.text,
  evaluated: expression.evaluatedText,
  references: [...expression.references],
});

const restoreExpression = (cached: CachedExpression, kind: ExpressionKind): CompiledExpression =>
  precompiledExpression(cached.text, kind, cached.evaluated, cached.references);

function storeEvidence(spec: EvidenceSpec): CachedEvidence {
  if (spec.kind === 'list') return { kind: 'list', list: spec.list, where: spec.where && storeExpression(spec.where), at: spec.at, context: spec.context };
  return spec;
}

function restoreEvidence(spec: CachedEvidence): EvidenceSpec {
  if (spec.kind === 'list') return { kind: 'list', list: spec.list, where: spec.where && restoreExpression(spec.where, 'predicate'), at: spec.at, context: spec.context };
  return spec;
}

const storeTemplate = (parts: readonly TemplatePart[]): CachedTemplatePart[] =>
  parts.map((part) => ('literal' in part ? part : { expression: storeExpression(part.expression) }));

const restoreTemplate = (parts: readonly CachedTemplatePart[]): TemplatePart[] =>
  parts.map((part): TemplatePart => ('literal' in part ? part : { expression: restoreExpression(part.expression, 'template') }));

type PortableRule = Omit<CompiledRule, 'when' | 'escalate' | 'evidence' | 'message'> & {
  when: CachedExpression;
  escalate: Escalation<CachedExpression> | null;
  evidence: CachedEvidence[];
  message: CachedTemplatePart[];
};

/** A loaded (already checked) pack as plain data, for fleet workers: they restore it instead of reading the rule files again. */
export interface PortablePack {
  rules: PortableRule[];
}

export function portablePack(pack: RulePack): PortablePack {
  return {
    rules: pack.rules.map((rule) => ({
      ...rule,
      when: storeExpression(rule.when),
      escalate: rule.escalate && { severity: rule.escalate.severity, when: storeExpression(rule.escalate.when) },
      evidence: rule.evidence.map(storeEvidence),
      message: storeTemplate(rule.message),
    })),
  };
}

export function packFromPortable(portable: PortablePack): RulePack {
  const rules: CompiledRule[] = portable.rules.map((rule) => ({
    ...rule,
    when: restoreExpression(rule.when, 'condition'),
    escalate: rule.escalate && { severity: rule.escalate.severity, when: restoreExpression(rule.escalate.when, 'condition') },
    evidence: rule.evidence.map(restoreEvidence),
    message: restoreTemplate(rule.message),
  }));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return { rules, get: (id) => byId.get(id) };
}

/** The cache for one directory's rules (all of them loaded without errors). */
export function packCache(files: readonly string[], rules: readonly CompiledRule[], build: string): PackCache {
  const stripPath = ({ capture, now, at }: TestCase): CachedTestCase => ({ capture, now, at });
  return {
    format: FORMAT,
    build,
    digest: ruleFilesDigest(files),
    rules: rules.map((rule) => ({
      ...rule,
      when: storeExpression(rule.when),
      escalate: rule.escalate && { severity: rule.escalate.severity, when: storeExpression(rule.escalate.when) },
      evidence: rule.evidence.map(storeEvidence),
      message: storeTemplate(rule.message),
      tests: { fires: rule.tests.fires.map(stripPath), silent: rule.tests.silent.map(stripPath) },
      file: basename(rule.file),
    })),
  };
}

/** The rules of `dir` from the cache, or null when the cache does not describe exactly these files and this build. */
export function rulesFromCache(cache: PackCache, dir: string, files: readonly string[], build: string | null): CompiledRule[] | null {
  if (build === null || cache.format !== FORMAT || cache.build !== build || cache.digest !== ruleFilesDigest(files)) return null;
  const withPath = (testCase: CachedTestCase): TestCase => ({ ...testCase, path: resolve(dir, testCase.capture) });
  return cache.rules.map((rule) => ({
    ...rule,
    when: restoreExpression(rule.when, 'condition'),
    escalate: rule.escalate && { severity: rule.escalate.severity, when: restoreExpression(rule.escalate.when, 'condition') },
    evidence: rule.evidence.map(restoreEvidence),
    message: restoreTemplate(rule.message),
    tests: { fires: rule.tests.fires.map(withPath), silent: rule.tests.silent.map(withPath) },
    file: join(dir, rule.file),
  }));
}
