#!/usr/bin/env node
// Last line of defence: whatever happens, the user sees one line, never a stack trace.
const fail = (err) => {
  process.stderr.write(`slp-doctor: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
};

import('../dist/bundle/cli/start.js').then(
  ({ start }) => start(process.argv.slice(2)).then((code) => { process.exitCode = code; }, fail),
  () => fail('slp-doctor is not built: run `npm install` (or `npm run build`) in its directory'),
);
