// Which Householder reduction to tridiagonal form a call runs, for both backends: the fused one-pass reduction
// (tridiagonalize.ts: each step reads and writes the trailing matrix once) or the blocked one
// (tridiagonalize-blocked.ts, LAPACK dsytrd: each step reads it, each panel of REDUCTION_PANEL steps writes
// it once). The one home of the crossover.

/**
 * Orders from which one thread runs the blocked reduction. Measured (bench/reduction.mjs, reduction stage alone,
 * base binary, Node 20, AMD EPYC 2 cores, load ~3, preliminary; bench/NOTES.md): FILLED BELOW.
 */
export const BLOCKED_REDUCTION_FROM = Infinity;

/** Reflectors per panel of the blocked reduction (LAPACK's nb); of 32, 48 and 64, FILLED BELOW. */
export const REDUCTION_PANEL = 32;

let blockedFrom = BLOCKED_REDUCTION_FROM;
let panel = REDUCTION_PANEL;

/** Reflectors per panel the blocked reduction runs with now (REDUCTION_PANEL unless a benchmark set it). */
export function reductionPanel(): number {
  return panel;
}

/** Benchmarks only: the panel width (null: back to REDUCTION_PANEL). */
export function setReductionPanel(nb: number | null): void {
  panel = nb ?? REDUCTION_PANEL;
}

/** Whether a single-threaded reduction of order n runs blocked. */
export function blockedReduction(n: number): boolean {
  return n >= blockedFrom && n > 2;
}

/**
 * Tests and benchmarks only: the blocked reduction from order `n` on (0: always; null: back to
 * BLOCKED_REDUCTION_FROM), so that small problems exercise both paths.
 */
export function setBlockedReductionFrom(n: number | null): void {
  blockedFrom = n ?? BLOCKED_REDUCTION_FROM;
}

/** Float64 workspace of the blocked reduction of order n (its tridiagonalizeBlockedWorkspace): V, W and p. */
export function blockedReductionWorkspace(n: number): number {
  return 2 * panel * n + n;
}
