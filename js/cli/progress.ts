// A progress bar on standard error, drawn only when it is a terminal and the work has lasted about a second
// (or is known to be long from the start); silent otherwise, so pipes and logs stay clean.

/** The part of a stream the bar needs. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const WIDTH = 30;

export class Progress {
  private readonly start: number;
  private drawn = false;

  /**
   * @param stream standard error, or a stand-in
   * @param long draw from the first update instead of waiting a second
   * @param now the clock, in milliseconds
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly long = false,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }

  /** Shows `fraction` (0..1) of the work done, now in `stage`. */
  update(fraction: number, stage: string): void {
    if (!this.stream.isTTY) return;
    if (!this.long && this.now() - this.start < 1000) return;
    const f = Math.min(1, Math.max(0, fraction));
    const full = Math.round(f * WIDTH);
    const line = `[${'#'.repeat(full)}${'.'.repeat(WIDTH - full)}] ${String(Math.round(f * 100)).padStart(3)}% ${stage}`;
    this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 80) - 1)}\x1b[K`);
    this.drawn = true;
  }

  /** Clears the bar, if one was drawn. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
