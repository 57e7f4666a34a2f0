#!/usr/bin/env node
// Bundles the CLI into a few files under dist/bundle. Loading hundreds of small ES modules (chevrotain pulls in
// lodash-es) costs more start-up time than the whole parse of a small capture; one bundle with lazily loaded chunks
// (TUI, rule engine, fleet workers) keeps `parse` and `analyze` cold starts low. tsc still type-checks and emits
// dist/ for tests and scripts.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryPoints = ['src/cli/main.ts', 'src/cli/fleet/worker.ts'].filter((p) => existsSync(`${root}/${p}`));

await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist/bundle',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Ink and React stay in node_modules: only the TUI loads them, and they resolve their own files at run time.
  external: ['ink', 'react', 'react/*', 'ink-testing-library'],
  banner: { js: "import { createRequire as __slpCreateRequire } from 'node:module'; const require = __slpCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
