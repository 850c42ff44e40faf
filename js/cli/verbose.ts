// --verbose: each stage of a command on standard error with its duration, as the reference's verbose=True
// prints its stages (with timings added). Off, it costs one branch per stage, never anything inside a stage.

/** The part of a stream the stage log needs. */
export interface StageStream {
  write(text: string): unknown;
}

/** A stream that takes nothing: the progress bar's, while the stage log is on (the bar would break its lines). */
export const SILENT = { isTTY: false, write: (): boolean => true };

/** Reports the stages of one command when enabled. */
export class Stages {
  private readonly start: number;
  private last: number;

  /** @param enabled --verbose was given */
  constructor(
    readonly enabled: boolean,
    private readonly stream: StageStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
    this.last = this.start;
  }

  /** Runs fn as the stage `name` and, when verbose, prints how long it took. */
  time<T>(name: string, fn: () => T): T {
    if (!this.enabled) return fn();
    const t0 = this.now();
    const out = fn();
    this.line(name, this.now() - t0);
    return out;
  }

  /** Prints that the stage `name` ended now: its duration is the time since the previous report. */
  mark(name: string): void {
    if (this.enabled) this.line(name, this.now() - this.last);
  }

  private line(name: string, ms: number): void {
    this.last = this.now();
    const total = ((this.last - this.start) / 1000).toFixed(3).padStart(8);
    this.stream.write(`dse: [${total} s] ${name}: ${(ms / 1000).toFixed(3)} s\n`);
  }
}

const EIGENVALUE_STAGES: Record<string, string> = {
  distances: 'squared distances between rows',
  kernel: 'Gaussian kernel and its normalisation (K)',
  tridiagonalize: 'Householder tridiagonalisation of K',
  ql: 'implicit QL: the eigenvalues',
};

/** The onProgress of diffusionEigenvalues for a command: the bar's fraction, and a log line per stage. */
export function eigenvalueStages(stages: Stages, progress: { update(fraction: number, stage: string): void }, n: number, backend: string) {
  return (fraction: number, stage: string): void => {
    progress.update(fraction, `eigenvalues of K (${n} x ${n}): ${stage} done`);
    stages.mark(`${EIGENVALUE_STAGES[stage] ?? stage} (${n} x ${n}, ${backend})`);
  };
}
