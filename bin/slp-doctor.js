#!/usr/bin/env node
// Last line of defence: whatever happens, the user sees one line, never a stack trace.
const fail = (err) => {
  process.stderr.write(`slp-doctor: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
};

// Once a command's output has left, the process ends at once: left to end by itself, Node first tears down the whole
// heap, ~10 ms of a cold `analyze` and more after a big input. The TUI, and no command (which may open it), end by
// themselves: the TUI writes its code cache on a timer after its first frame (src/tui/startup.ts).
// A write that failed (a reader that closed the pipe) is left to the streams' error handlers (src/cli/closed-pipe.ts).
const exitWhenWritten = (code) => {
  let pending = 2;
  let failed = false;
  const written = (error) => {
    pending -= 1;
    failed ||= Boolean(error);
    if (pending === 0 && !failed) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
};

const argv = process.argv.slice(2);
import('../dist/bundle/cli/start.js').then(
  ({ start }) => start(argv).then((code) => {
    process.exitCode = code;
    if (argv.length > 0 && argv[0] !== 'tui') exitWhenWritten(code);
  }, fail),
  () => fail('slp-doctor is not built: run `npm install` (or `npm run build`) in its directory'),
);
