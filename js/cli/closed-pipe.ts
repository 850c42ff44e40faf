// A reader that stops early (`dse eigenvalues X | head`) closes the pipe under standard output. The rest of
// the output is then unwanted: end quietly with success, as a Unix filter does, instead of dying on Node's
// unhandled EPIPE 'error' event with a stack trace. A closed standard error only loses the progress line and
// warnings, so the command goes on.

let installed = false;

/** Makes EPIPE on standard output end the process with exit code 0, and EPIPE on standard error harmless. */
export function endQuietlyOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}
