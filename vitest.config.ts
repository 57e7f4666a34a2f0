import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two suites. `fast` (npm test) is the loop run after every change: unit, golden, capture and in-process CLI tests,
// plus a few smoke checks of the real binary. `e2e` (npm run test:e2e) holds what runs the product from the outside
// and takes long: real pipes, tmux, fleets through the worker pool, generated corpora, the fuzz share, the scripts.
// A file is end-to-end when its name ends in .e2e.test.ts. Both suites build the binary first (globalSetup), so a
// test can never run an older build than the sources.
const shared = { setupFiles: ['test/support/setup.ts'], testTimeout: 60_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    // Once per run, whichever suites run.
    globalSetup: ['test/support/build.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/**/*.e2e.test.ts'],
          // The files share one module graph per worker: importing the pipeline, chevrotain and Ink once instead of
          // once per file is most of what the suite would otherwise spend. Nothing in test/ mocks modules or leaves
          // global state behind (test/test-loop.test.ts holds that).
          isolate: false,
          // vitest leaves a core to itself by default; its main process is idle while the files run.
          maxWorkers: availableParallelism(),
          // When both suites run (`npx vitest run`), the fast one first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: { ...shared, name: 'e2e', include: ['test/**/*.e2e.test.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
