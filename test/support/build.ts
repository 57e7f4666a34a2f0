// vitest's global setup: the bundle the binary runs (bin/slp-doctor.js -> dist/bundle) is built from the sources
// before any test file starts, and again before each rerun in watch mode. So the tests that run the real binary, its
// fleet workers or its read-ahead worker always run the code beside them, never a build left over from before an
// edit. esbuild takes a second or two; tsc's dist/ (for the benchmark scripts) is not needed by any test.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = join(import.meta.dirname, '../..');

function buildBundle(): void {
  const result = spawnSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed (scripts/bundle.mjs, status ${result.status}):\n${result.stderr}${result.stdout}`);
}

export default function setup(project: TestProject): void {
  buildBundle();
  project.onTestsRerun(buildBundle);
}
