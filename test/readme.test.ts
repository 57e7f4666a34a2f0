// The README's quick start shows what its first command prints: a newcomer compares the two, so they must agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README quick start', () => {
  it('shows exactly what `slp-doctor analyze captures/rule-dns-not-configured.txt` prints, and its exit status', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const run = await runCli(['analyze', 'captures/rule-dns-not-configured.txt'], {});
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(readme).toContain(run.stdout.trimEnd());
    } finally {
      process.chdir(cwd);
    }
  });
});
