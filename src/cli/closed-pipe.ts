// A reader that stops early (`slp-doctor analyze DIR | head -1`) closes the pipe: everything anyone will read has
// been written, so the command has done its job. Like grep and ripgrep, end there at once and quietly, with status
// 0: a script must not read a closed pipe as "findings found". Ending the process ends the fleet's worker threads
// too. Any other output error (a full disk) is one line and status 2, never a stack trace.

type Exit = (code: number) => void;

export function endQuietlyOnClosedPipe(
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  exit: Exit = (code) => process.exit(code),
): void {
  const onError = (stream: 'output' | 'error output') => (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return exit(0);
    if (stream === 'output') stderr.write(`slp-doctor: cannot write the output: ${error.code ?? error.message}\n`);
    exit(2);
  };
  stdout.on('error', onError('output'));
  stderr.on('error', onError('error output'));
}
