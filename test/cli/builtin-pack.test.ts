// The built-in pack checked as an author checks a pack of their own, through the command line: `rules lint` finds
// nothing, and `rules test` runs every rule's fires and silent cases (the pack's own cases are its tester, as
// ESLint's RuleTester is for a lint rule). A rule that fails either fails `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir } from '../../src/rules/builtin.js';
import { readPack } from '../../src/rules/rule-directories.js';
import { repoRoot } from '../support/shared.js';

const bin = join(repoRoot, 'bin/slp-doctor.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
const ruleFiles = readdirSync(join(repoRoot, 'rules')).filter((name) => name.endsWith('.yaml'));

describe('the built-in pack through the CLI', () => {
  it('slp-doctor rules lint: every rule file checked, no error and no warning', () => {
    const result = run('rules', 'lint');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${ruleFiles.length} rules checked: 0 errors, 0 warnings\n`);
    expect(result.status).toBe(0);
  });

  it('slp-doctor rules test: every case of every rule passes', () => {
    const { pack } = readPack([builtinRulesDir()]);
    const cases = pack.rules.reduce((n, rule) => n + rule.tests.fires.length + rule.tests.silent.length, 0);
    const result = run('rules', 'test');
    const failed = result.stdout.split('\n').filter((line) => line.startsWith('FAIL'));
    expect(failed).toEqual([]);
    expect(result.stdout).toMatch(new RegExp(`\\n${cases} passed, 0 failed\\n$`));
    expect(result.status).toBe(0);
    // Every rule has a case of each kind (lint requires it), so each appears as fires and as silent.
    for (const rule of pack.rules) {
      expect(result.stdout, rule.id).toContain(`PASS  ${rule.id}  fires  `);
      expect(result.stdout, rule.id).toContain(`PASS  ${rule.id}  silent  `);
    }
  }, 150_000);
});
