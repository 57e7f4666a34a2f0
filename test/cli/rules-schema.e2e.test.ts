// `slp-doctor rules schema`: the rule files' JSON Schema, for an editor, wherever slp-doctor is installed
// (docs/RULE-AUTHORING.md). The installed package is checked by scripts/check-package.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const bin = join(repoRoot, 'bin/slp-doctor.js');
const elsewhere = tempDir('slp-schema-');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: elsewhere, encoding: 'utf8' });

describe('rules schema', () => {
  const schemaFile = join(repoRoot, 'rules/schema.json');

  it('prints the schema the built-in pack uses', () => {
    const result = run('rules', 'schema');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(schemaFile, 'utf8'));
    expect(JSON.parse(result.stdout).title).toBe('slp-doctor rule');
  });

  it('--path prints where it is, from any directory', () => {
    expect(run('rules', 'schema', '--path')).toMatchObject({ status: 0, stdout: `${schemaFile}\n`, stderr: '' });
  });

  it('a copy beside a user pack, as the guide says, leaves the pack clean', () => {
    // The fixture pack's tests name ../captures/….
    const pack = join(elsewhere, 'my-rules');
    cpSync(join(repoRoot, 'test/rules/fixtures/pack'), pack, { recursive: true });
    cpSync(join(repoRoot, 'test/rules/fixtures/captures'), join(elsewhere, 'captures'), { recursive: true });
    writeFileSync(join(pack, 'schema.json'), run('rules', 'schema').stdout);
    const rule = join(pack, 'comm-failure-cslu.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/\$schema=\S+/, '$schema=./schema.json'));
    expect(run('rules', 'lint', pack)).toMatchObject({ status: 0, stdout: '3 rules checked: 0 errors, 0 warnings\n' });
  });

  it('the guide points editors at the copy', () => {
    const guide = readFileSync(join(repoRoot, 'docs/RULE-AUTHORING.md'), 'utf8');
    expect(guide).toContain('slp-doctor rules schema > my-rules/schema.json');
    expect(guide).toContain('# yaml-language-server: $schema=./schema.json');
    expect(guide).not.toContain('node_modules/slp-doctor');
  });
});
