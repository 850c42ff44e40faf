// Which Householder reduction to tridiagonal form a call runs, for both backends: the fused one-pass reduction
// (tridiagonalize.ts: each step reads and writes the trailing matrix once) or the blocked one
// (tridiagonalize-blocked.ts, LAPACK dsytrd: each step reads it, each panel of REDUCTION_PANEL steps writes
// it once). The one home of the crossover.

/**
 * Orders from which the reduction runs blocked, on one thread or on the pool. Off: in no measured size did it
 * win clearly. node bench/reduction.mjs, reduction stage, AMD EPYC 2 cores, shared (load 3-9, preliminary;
 * bench/NOTES.md): one thread, base binary (Node 20), CPU s fused / blocked nb=32: N = 2000 0.64 / 0.68,
 * 4000 7.1 / 8.6, 8000 56.8 / 60.3; relaxed binary (Node 24) N = 8000 56.5 / 53.0; two threads, wall s,
 * N = 4000 13.0 / 10.3, N = 8000 116.5 / 110.7, with the pool starved by the load. At load 2, one thread,
 * N = 8000: 59.6 / 60.7 s (base), 54.5 / 52.3 s (relaxed, Node 24). Fused overlaps its rank-2
 * update with the memory traffic of its pass; blocked saves the traffic but runs its rank-2nb update apart, at
 * the 17 (base) to 25 (FMA) GFLOP/s that 128-bit SIMD allows, which costs about what it saves. On a quiet
 * machine (relaxed binary, Node 24, load 0.7-1.5, one round), reduction s fused / blocked: 1 thread N = 4000
 * 5.92 / 5.77, N = 8000 52.1 / 48.6 (blocked 7% faster); 2 threads, the default, N = 4000 3.21 / 3.41,
 * N = 8000 28.1 / 28.9 (blocked 3-6% slower). So it stays off.
 */
export const BLOCKED_REDUCTION_FROM = Number.POSITIVE_INFINITY;

/**
 * Reflectors per panel of the blocked reduction (LAPACK's nb). 32: of 32, 48 and 64, the fastest or within the
 * noise of it at every N (bench/NOTES.md), with the smallest workspace (2 nb N float64).
 */
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
