// The README's quick start shows what its first command prints: a newcomer compares the two, so they must agree.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README quick start', () => {
  it('shows exactly what `slp-doctor analyze captures/rule-dns-not-configured.txt` prints, and its exit status', async () => {
    // The path as the README types it, from the clone's root (vitest's working directory), as the Input line shows it.
    const path = relative(process.cwd(), join(root, 'captures/rule-dns-not-configured.txt'));
    const run = await runCli(['analyze', path], {});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(readme).toContain(run.stdout.trimEnd().replace(path, 'captures/rule-dns-not-configured.txt'));
  });
});
