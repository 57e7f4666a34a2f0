// The package as a user installs it (scripts/check-package.mjs): packed, installed into a temporary prefix and run
// from a directory outside the clone, on the bundle the run built.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support/shared.js';

it('installs from its tarball and runs outside the clone', () => {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/check-package.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  expect(result.stdout.split('\n').filter((line) => line.startsWith('FAIL')), result.stdout + result.stderr).toEqual([]);
  expect(result.stdout).toMatch(/PASS {2}slp-doctor analyze .* finds dns-not-configured/);
  expect(result.status).toBe(0);
}, 320_000);
