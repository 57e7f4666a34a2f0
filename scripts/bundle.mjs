#!/usr/bin/env node
// Bundles the CLI into a few files under dist/bundle. Loading hundreds of small ES modules (chevrotain pulls in
// lodash-es) costs more start-up time than the whole parse of a small capture; one bundle with lazily loaded chunks
// (TUI, rule engine, fleet workers) keeps `parse` and `analyze` cold starts low. tsc still type-checks and emits
// dist/ for tests and scripts. It buys: `parse` starts 2.2 times faster than from tsc's modules (docs/PERFORMANCE.md,
// "What each piece of performance code buys").
//
// The command line and the TUI are built a second time, each as one script (dist/bundle/cli-script.js,
// dist/bundle/tui-script.js with Ink and React, and dist/bundle/tui-rules-script.js, the rule engine the TUI loads
// after its first frame): src/cli/start.ts and src/tui/startup.ts compile them with a V8 code cache, which ES modules
// cannot have on Node 20. Compiling was a quarter of an `analyze` cold start and most of the TUI's. The build ends by
// running `parse` and `analyze` once, which writes their caches.
//
// It then precompiles the built-in rule pack into dist/rules-pack.json (src/rules/pack-cache.ts): parsing and
// checking ~45 rule files was most of an `analyze` cold start. The bundle only trusts a cache stamped with its own
// build id, so a cache can never outlive the code that wrote it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scriptArgs } from './args.mjs';
import { patchSource, SOURCE_PATCHES } from './source-patches.mjs';

scriptArgs(`
usage: npm run build   (or: node scripts/bundle.mjs)
Bundles the CLI into dist/bundle, builds the TUI script and precompiles the built-in rule pack into
dist/rules-pack.json. Takes no options.`);

const root = fileURLToPath(new URL('..', import.meta.url));
const entryPoints = ['src/cli/main.ts', 'src/cli/start.ts', 'src/fleet/worker.ts', 'src/ingest/read-ahead-worker.ts', 'src/rules/precompile.ts', 'src/tui/startup.ts'].filter((p) => existsSync(`${root}/${p}`));

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
  for (const file of ['package-lock.json', 'scripts/bundle.mjs', 'scripts/source-patches.mjs']) if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

// Chunk names change with their content: start clean so old chunks do not pile up.
rmSync(`${root}/dist/bundle`, { recursive: true, force: true });

const id = buildId();

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
  // No keepNames: it wraps every named closure in a call that sets its name, each time the closure is made, and fleet
  // workers made millions of them. Nothing here reads a function's name (chevrotain's grammar names are strings).
  define: { __SLP_BUILD_ID__: JSON.stringify(id) },
});

// Node's built-in modules are required through the `__slpRequire` the loader passes in: a script has no import
// statement. So is React's developer tools package, which Ink imports only when DEV=true (and which is not installed:
// Ink then says so and goes on, as it does when it cannot import it).
const requiredAtRunTime = {
  name: 'required-at-run-time',
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /^[a-z_:/-]+$/ }, ({ path }) =>
      path.startsWith('node:') || builtins.has(path) || path === 'react-devtools-core' ? { path, namespace: 'required' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'required' }, ({ path }) => ({
      // Not `require`, which esbuild would resolve (to this very module) and bundle.
      contents: `try { module.exports = __slpRequire(${JSON.stringify(path)}); } catch (error) { if (error.code === 'MODULE_NOT_FOUND') error.code = 'ERR_MODULE_NOT_FOUND'; throw error; }`,
      loader: 'js',
    }));
  },
};

const sourcePatches = {
  name: 'source-patches',
  setup(b) {
    for (const patch of SOURCE_PATCHES) {
      b.onLoad({ filter: patch.file }, ({ path }) => {
        const { source, missing } = patchSource(patch, path, readFileSync(path, 'utf8'));
        for (const from of missing) console.warn(`bundle: ${path} has changed (no ${JSON.stringify(from.slice(0, 40))}…); not rewritten for the TUI script`);
        return source === null ? undefined : { contents: source, loader: 'js' };
      });
    }
  },
};

// The scripts start.ts and startup.ts compile with a V8 code cache (src/common/code-cache.ts): ES module syntax inside
// (top-level await), no import or export statement, so that each compiles as the body of an async function and hands
// its entry over through a parameter. A script has no import.meta: its URL is a parameter too. What they compile must
// compile: a broken script fails the build, not the user's command.
const { compileScript } = await import(pathToFileURL(join(root, 'dist/bundle/cli/start.js')).href);
async function buildScript(entry, outfile, parameters, options) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    minify: true,
    ...options,
    define: { __SLP_BUILD_ID__: JSON.stringify(id), 'import.meta.url': '__slpScriptUrl', ...options.define },
  });
  compileScript(join(root, outfile), parameters);
}

// The TUI script (src/cli/tui-script.ts): Ink, React and everything the first frame needs. The rule engine, which the TUI
// loads after its first frame, is a script of its own (src/tui/rule-engine-script.ts): in the TUI's, rule-engine.ts is
// replaced by rule-engine-loader.ts, which compiles that script. Carried in the TUI's, the engine was a third of the
// source and of the code cache that every start reads before its first frame.
const { TUI_SCRIPT_PARAMETERS, RULE_ENGINE_SCRIPT, RULE_ENGINE_SCRIPT_PARAMETERS } = await import(pathToFileURL(join(root, 'dist/bundle/tui/startup.js')).href);
const ruleEngineFromItsScript = {
  name: 'rule-engine-from-its-script',
  setup(b) {
    b.onResolve({ filter: /^\.\/rule-engine\.js$/ }, ({ importer }) =>
      /[\\/]src[\\/]tui[\\/]index\.ts$/.test(importer) ? { path: join(root, 'src/tui/rule-engine-loader.ts') } : undefined);
  },
};
// The command line rides in front of the TUI (src/cli/tui-script.ts), so that `slp-doctor tui` parses its options without
// loading the CLI's modules (src/cli/start.ts sends only `tui` here). Its `tui` finds the TUI beside it
// (startup-in-script.ts); its other commands run from the CLI script, and are not in this one.
const onlyTheTuiCommand = {
  name: 'only-the-tui-command',
  setup(b) {
    const fromMain = (importer) => /[\\/]src[\\/]cli[\\/]main\.ts$/.test(importer);
    b.onResolve({ filter: /^\.\.\/tui\/startup\.js$/ }, ({ importer }) => (fromMain(importer) ? { path: join(root, 'src/tui/startup-in-script.ts') } : undefined));
    b.onResolve({ filter: /^\.\/[a-z-]+-command\.js$/ }, ({ path, importer }) => (fromMain(importer) ? { path, namespace: 'not-in-the-tui-script' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'not-in-the-tui-script' }, ({ path }) => ({
      contents: `throw new Error(${JSON.stringify(`${path} runs from the CLI script, not the TUI's (src/cli/start.ts)`)});`,
      loader: 'js',
    }));
  },
};
await buildScript('src/cli/tui-script.ts', 'dist/bundle/tui-script.js', TUI_SCRIPT_PARAMETERS, {
  plugins: [onlyTheTuiCommand, ruleEngineFromItsScript, requiredAtRunTime, sourcePatches],
  // React's development build checks everything twice and starts far slower.
  define: { 'process.env.NODE_ENV': '"production"' },
});
await buildScript('src/tui/rule-engine-script.ts', `dist/bundle/${RULE_ENGINE_SCRIPT}`, RULE_ENGINE_SCRIPT_PARAMETERS, { plugins: [requiredAtRunTime] });

// The CLI script (src/cli/script.ts): the command line and everything `parse`, `analyze` and `rules` load. The TUI's
// start stays a module of the bundle above (it has its own script), imported through start.ts.
const tuiThroughTheBundle = {
  name: 'tui-through-the-bundle',
  setup(b) {
    b.onResolve({ filter: /[\\/]tui[\\/]startup\.js$/ }, () => ({ path: 'tui-startup', namespace: 'bundle-module' }));
    b.onLoad({ filter: /.*/, namespace: 'bundle-module' }, () => ({
      contents: 'export const loadTui = async () => (await __slpImport("./tui/startup.js")).loadTui();',
      loader: 'js',
    }));
  },
};
const { CLI_SCRIPT_PARAMETERS } = await import(pathToFileURL(join(root, 'dist/bundle/cli/start.js')).href);
await buildScript('src/cli/script.ts', 'dist/bundle/cli-script.js', CLI_SCRIPT_PARAMETERS, { plugins: [tuiThroughTheBundle, requiredAtRunTime] });

const { writePackCache } = await import(pathToFileURL(join(root, 'dist/bundle/rules/precompile.js')).href);
const problems = writePackCache(join(root, 'rules'), join(root, 'dist/rules-pack.json'));
// A broken built-in pack must not break the build: without a cache the CLI reports the errors itself.
if (problems.length > 0) console.warn(`bundle: built-in rule pack not precompiled:\n  ${problems.join('\n  ')}`);

// Write the CLI's code caches for its two main commands now, so that a user's first run starts from one too. A child
// process: the cache is only valid for the Node and flags that wrote it (a user's other Node rewrites it).
const warmUp = join(root, 'captures/iosxe-techsupport.txt');
if (existsSync(warmUp)) {
  for (const command of ['parse', 'analyze']) {
    const run = spawnSync(process.execPath, [join(root, 'bin/slp-doctor.js'), command, '--format', 'json', warmUp], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0 && run.status !== 1) console.warn(`bundle: \`${command}\` on ${warmUp} ended with ${run.status}: ${run.stderr}`);
  }
}
