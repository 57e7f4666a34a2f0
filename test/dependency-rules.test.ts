// The import rules (.dependency-cruiser.mjs) fail when broken: a small tree laid out like src/ breaks each rule once,
// next to imports the rules allow, and dependency-cruiser must name exactly the broken ones. `npm run deps` holds
// the real src/ to the same rules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/shared.js';
import { tempDir } from './support/temp-dirs.js';

const TREE: Record<string, string> = {
  // Allowed: each stage importing one before it, the pipeline chaining them, the CLI's lazy start of the TUI.
  'src/common/time.ts': 'export const utc = 0;',
  'src/ingest/index.ts': "import { utc } from '../common/time.js';\nexport const ingestFile = () => utc;",
  'src/ingest/types.ts': 'export interface Section { text: string }',
  'src/parsers/clock.ts': "import type { Section } from '../ingest/types.js';\nexport const parse = (s: Section) => s.text;",
  'src/model/build.ts': "import { parse } from '../parsers/clock.js';\nexport const build = parse;",
  'src/rules/engine.ts': "import { build } from '../model/build.js';\nexport const judge = build;",
  'src/pipeline/analyze.ts': "import { ingestFile } from '../ingest/index.js';\nimport { judge } from '../rules/engine.js';\nexport const analyze = [ingestFile, judge];",
  'src/report/text.ts': "import { utc } from '../common/time.js';\nexport const render = utc;",
  'src/fleet/pool.ts': "import { analyze } from '../pipeline/analyze.js';\nimport { render } from '../report/text.js';\nexport const pool = [analyze, render];",
  'src/tui/startup.ts': "import { analyze } from '../pipeline/analyze.js';\nexport const startTui = analyze;",
  'src/tui/view.ts': "import { render } from 'ink';\nexport const view = render;",
  'src/cli/options.ts': 'export class UsageError extends Error {}',
  'src/cli/main.ts': "import { pool } from '../fleet/pool.js';\nimport { UsageError } from './options.js';\nexport const tui = () => import('../tui/startup.js');\nexport const all = [pool, UsageError];",
  // The entry of the TUI's script: the TUI with the command line in front of it.
  'src/cli/tui-script.ts': "import { view } from '../tui/view.js';\nimport { all } from './main.js';\nexport const script = [view, all];",

  // Broken, one rule each.
  'src/model/read.ts': "import { ingestFile } from '../ingest/index.js';\nexport const read = ingestFile;",
  'src/model/late.ts': "import { analyze } from '../pipeline/analyze.js';\nexport const late = analyze;",
  'src/rules/judge.ts': "import type { Section } from '../ingest/types.js';\nexport type Judged = Section;",
  'src/tui/usage.ts': "import { UsageError } from '../cli/options.js';\nexport const usage = UsageError;",
  'src/cli/eager.ts': "import { startTui } from '../tui/startup.js';\nexport const eager = startTui;",
  'src/cli/deep.ts': "export const deep = () => import('../tui/view.js');",
  'src/cli/shortcut.ts': "import { script } from './tui-script.js';\nexport const shortcut = script;",
  'src/fleet/a.ts': "import { b } from './b.js';\nexport const a = () => b;",
  'src/fleet/b.ts': "import { a } from './a.js';\nexport const b = () => a;",
  'src/report/colour.ts': "import { render } from 'ink';\nexport const colour = render;",
  'src/cli/extra.ts': "import { x } from '../helpers/x.js';\nexport const extra = x;",
  'src/helpers/x.ts': 'export const x = 1;',

  // A package resolved the way ink's is (an `exports` map only).
  'node_modules/ink/package.json': JSON.stringify({ name: 'ink', type: 'module', exports: { default: './build/index.js' } }),
  'node_modules/ink/build/index.js': 'export const render = () => null;',
};

/** The violations dependency-cruiser reports, as `rule: from -> to` (a cycle: to the next module in it). */
function cruise(): string[] {
  const root = tempDir('slp-deps-');
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${text}\n`);
  }
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
  const depcruise = join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  // The output `npm run deps` prints, and its exit status: the number of errors.
  const result = spawnSync(process.execPath, [depcruise, 'src', '--config', join(repoRoot, '.dependency-cruiser.mjs'), '--no-cache', '--output-type', 'err'], {
    cwd: root,
    encoding: 'utf8',
  });
  const found = [...result.stdout.matchAll(/error (\S+): (\S+) →\s+(\S+)/g)].map(([, rule, from, to]) => `${rule}: ${from} -> ${to}`);
  expect(result.status, result.stderr).toBe(found.length);
  return found;
}

describe('the import rules', () => {
  let violations: string[] = [];
  beforeAll(() => {
    violations = cruise();
  });

  it('name each broken rule, and only those', () => {
    expect(violations.sort()).toEqual(
      [
        'model-does-not-read-inputs: src/model/read.ts -> src/ingest/index.ts',
        'model-uses-only-common-ingest-parsers: src/model/late.ts -> src/pipeline/analyze.ts',
        'rules-uses-only-common-model: src/rules/judge.ts -> src/ingest/types.ts',
        'tui-uses-only-common-ingest-model-rules-pipeline-report: src/tui/usage.ts -> src/cli/options.ts',
        'only-the-cli-imports-the-cli: src/tui/usage.ts -> src/cli/options.ts',
        'cli-imports-the-tui-start-dynamically: src/cli/eager.ts -> src/tui/startup.ts',
        'cli-starts-the-tui-lazily: src/cli/deep.ts -> src/tui/view.ts',
        'script-entries-are-not-imported: src/cli/shortcut.ts -> src/cli/tui-script.ts',
        'no-cycles: src/fleet/a.ts -> src/fleet/b.ts',
        'only-the-tui-loads-ink-and-react: src/report/colour.ts -> node_modules/ink/build/index.js',
        'every-folder-is-a-stage: src/cli/extra.ts -> src/helpers/x.ts',
        'cli-uses-only-common-ingest-model-rules-pipeline-report-fleet-tui: src/cli/extra.ts -> src/helpers/x.ts',
      ].sort(),
    );
  });

  it('hold type-only imports too (a type is a dependency)', () => {
    expect(violations).toContain('rules-uses-only-common-model: src/rules/judge.ts -> src/ingest/types.ts');
  });
});
