/**
 * An input the readers cannot use. `file` names it (a path, or "standard input") and `problem` says what is
 * wrong with it, so that a message like "data.npy: Fortran order is not supported ..." needs nothing more.
 */
export class InputError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'InputError';
    this.file = file;
    this.problem = problem;
  }
}
