#!/usr/bin/env node
// Bundles the CLI into a few files under dist/bundle. Loading hundreds of small ES modules (chevrotain pulls in
// lodash-es) costs more start-up time than the whole parse of a small capture; one bundle with lazily loaded chunks
// (TUI, rule engine, fleet workers) keeps `parse` and `analyze` cold starts low. tsc still type-checks and emits
// dist/ for tests and scripts.
//
// It then precompiles the built-in rule pack into dist/rules-pack.json (src/rules/pack-cache.ts): parsing and
// checking ~45 rule files was most of an `analyze` cold start. The bundle only trusts a cache stamped with its own
// build id, so a cache can never outlive the code that wrote it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryPoints = ['src/cli/main.ts', 'src/cli/fleet/worker.ts', 'src/ingest/read-ahead-worker.ts', 'src/rules/precompile.ts'].filter((p) => existsSync(`${root}/${p}`));

/** Same sources and dependencies, same id: rebuilding unchanged code keeps the cache valid. */
function buildId() {
  const hash = createHash('sha256');
  const add = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) add(path);
      else hash.update(path.slice(root.length)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  add(join(root, 'src'));
  for (const file of ['package-lock.json', 'scripts/bundle.mjs']) if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

// Chunk names change with their content: start clean so old chunks do not pile up.
rmSync(`${root}/dist/bundle`, { recursive: true, force: true });

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
  minify: true,
  keepNames: true,
  define: { __SLP_BUILD_ID__: JSON.stringify(buildId()) },
});

const { writePackCache } = await import(pathToFileURL(join(root, 'dist/bundle/rules/precompile.js')).href);
const problems = writePackCache(join(root, 'rules'), join(root, 'dist/rules-pack.json'));
// A broken built-in pack must not break the build: without a cache the CLI reports the errors itself.
if (problems.length > 0) console.warn(`bundle: built-in rule pack not precompiled:\n  ${problems.join('\n  ')}`);
