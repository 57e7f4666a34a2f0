import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaptures } from '../../src/pipeline/captures.js';
import type { CompiledExpression } from '../../src/rules/condition.js';
import { evaluateDevice, prepareDevice } from '../../src/rules/engine.js';
import { explainCondition } from '../../src/rules/explain.js';
import { builtinRulesDir } from '../../src/rules/builtin.js';
import { loadPack, readPack, ruleFiles } from '../../src/rules/rule-directories.js';
import { packCache, type PackCache } from '../../src/rules/pack-cache.js';
import { writePackCache } from '../../src/rules/precompile.js';
import { RulePackError, type CompiledRule, type RulePack } from '../../src/rules/types.js';
import { tempDir } from '../support/temp-dirs.js';

const BUILD = 'test-build';
const fixturePack = join(import.meta.dirname, 'fixtures', 'pack');
const capturesDir = join(import.meta.dirname, '..', '..', 'captures');

/** Through JSON, as the CLI reads it from dist/rules-pack.json. */
function cacheOf(dir: string): PackCache {
  const { pack, problems } = readPack([dir]);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return JSON.parse(JSON.stringify(packCache(ruleFiles(dir), pack.rules, BUILD))) as PackCache;
}

const plainExpression = (e: CompiledExpression | null) => e && { text: e.text, kind: e.kind, evaluatedText: e.evaluatedText, references: [...e.references].sort() };

/** Everything a rule carries, with expressions reduced to what identifies them. */
function plain(rule: CompiledRule): unknown {
  return {
    ...rule,
    when: plainExpression(rule.when),
    escalate: rule.escalate && { severity: rule.escalate.severity, when: plainExpression(rule.escalate.when) },
    evidence: rule.evidence.map((spec) => (spec.kind === 'list' ? { ...spec, where: plainExpression(spec.where) } : spec)),
    message: rule.message.map((part) => ('literal' in part ? part : plainExpression(part.expression))),
  };
}

function copyPack(): string {
  const dir = tempDir('slp-pack-cache-');
  cpSync(fixturePack, dir, { recursive: true });
  return dir;
}

describe('the precompiled built-in pack', () => {
  const dir = builtinRulesDir();
  const full = loadPack([dir], { precompiled: [], build: null });
  const cached = loadPack([dir], { precompiled: [cacheOf(dir)], build: BUILD });

  it('holds exactly the rules the full load checks and compiles', () => {
    expect(cached.rules.map(plain)).toEqual(full.rules.map(plain));
    for (const rule of full.rules) expect(cached.rules.find((r) => r.id === rule.id)!.when.ast).toEqual(rule.when.ast);
  });

  it('finds the same findings and explains the same way on every capture', async () => {
    const captures = readdirSync(capturesDir).filter((name) => name.endsWith('.txt'));
    expect(captures.length).toBeGreaterThan(10);
    const findings = (pack: RulePack, loaded: Awaited<ReturnType<typeof loadCaptures>>) =>
      loaded.devices.map((device) => evaluateDevice(pack, device, loaded.lines, { now: device.captureTime }));
    let compared = 0;
    for (const name of captures) {
      const loaded = await loadCaptures([join(capturesDir, name)]);
      const expected = findings(full, loaded);
      expect(findings(cached, loaded), name).toEqual(expected);
      compared += expected.flat().length;
      // `rules explain` walks the condition's AST, which the cache rebuilds lazily.
      const fired = expected.flat()[0];
      if (!fired) continue;
      const prepared = prepareDevice(loaded.devices[0]!, { now: loaded.devices[0]!.captureTime });
      const rule = full.get(fired.ruleId)!;
      expect(explainCondition(cached.get(rule.id)!, prepared)).toEqual(explainCondition(rule, prepared));
    }
    expect(compared, 'findings compared').toBeGreaterThan(10);
  });
});

describe('when the cache is used', () => {
  it('is not used for another build, or outside the bundle', () => {
    const dir = copyPack();
    const cache = cacheOf(dir);
    cache.rules[0]!.title = 'title only the cache has';
    const titleFrom = (build: string | null): string => loadPack([dir], { precompiled: [cache], build }).rules[0]!.title;
    expect(titleFrom(BUILD)).toBe('title only the cache has');
    expect(titleFrom('another-build')).not.toBe('title only the cache has');
    expect(titleFrom(null)).not.toBe('title only the cache has');
  });

  it('is not used once a rule file changes: the full checks report the error at its position', () => {
    const dir = copyPack();
    const cache = cacheOf(dir);
    const file = join(dir, 'comm-failure-cslu.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('derived.communication.exists', 'derivd.communication.exists'));
    let thrown: unknown;
    try {
      loadPack([dir], { precompiled: [cache], build: BUILD });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RulePackError);
    expect((thrown as RulePackError).message).toMatch(/comm-failure-cslu\.yaml:\d+:\d+: error: when: unknown field "derivd"/);
  });

  it('is not used for a directory with another rule file added', () => {
    const dir = copyPack();
    const cache = cacheOf(dir);
    cpSync(join(fixturePack, 'comm-failure-cslu.yaml'), join(dir, 'zz-copy.yaml'));
    expect(() => loadPack([dir], { precompiled: [cache], build: BUILD })).toThrow(/duplicate id "comm-failure-cslu"/);
  });

  it('resolves test captures and rule files against the directory it is loaded for', () => {
    const dir = copyPack();
    const rule = loadPack([dir], { precompiled: [cacheOf(fixturePack)], build: BUILD }).get('comm-failure-cslu')!;
    expect(rule.file).toBe(join(dir, 'comm-failure-cslu.yaml'));
    expect(rule.tests.silent[0]!.path).toBe(join(dir, '..', 'captures', 'cslu-restored.txt'));
  });
});

describe('writing the cache', () => {
  it('needs the bundle build id, and removes a stale cache', () => {
    const out = join(tempDir('slp-pack-out-'), 'rules-pack.json');
    writeFileSync(out, '{}');
    expect(writePackCache(fixturePack, out)).toEqual(['not running from the bundle: no build id']);
    expect(existsSync(out)).toBe(false);
  });
});
