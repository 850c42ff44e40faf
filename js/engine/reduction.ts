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

/**
 * Orders from which an eigenvalues-only reduction runs in two stages (LAPACK dsytrd_2stage): dense to a band of
 * half-width BAND_WIDTH by level-3 updates (band-reduce.ts, dsytrd_sy2sb: the trailing matrix read once and
 * written once per BAND_WIDTH reflectors, compute-bound where the fused pass is memory-bound), then band to
 * tridiagonal by bulge chasing (band-tridiagonalize.ts, dsytrd_sb2st: O(n^2 b) on b x b blocks that stay in
 * cache). It runs before the blocked and fused choices above. 3000: `node bench/reduction.mjs --sizes
 * 1000,2000,3000,4000,8000 --panels none --bands 32,64` (reduction stage, wall s, fused / two-stage b = 32;
 * AMD EPYC 2 cores, quiet, load 1.1-1.7; bench/NOTES.md "two-stage"): relaxed binary (Node 24) 1 thread
 * N = 1000 0.073 / 0.085, 2000 0.589 / 0.555, 3000 2.61 / 1.82, 4000 6.84 / 3.94, 8000 54.2 / 30.1; 2 threads
 * 1000 0.048 / 0.063, 2000 0.342 / 0.365, 3000 1.38 / 1.10, 4000 3.50 / 2.58, 8000 28.6 / 16.1. Base binary
 * (Node 20) 1 thread 2000 0.569 / 0.696, 3000 2.07 / 2.05, 4000 6.50 / 4.83, 8000 58.4 / 39.9; 2 threads
 * 2000 0.343 / 0.405, 3000 1.18 / 1.23, 4000 3.44 / 3.10, 8000 33.4 / 22.7. So from 3000 on: a clear win
 * with FMA, even without it from 4000.
 */
export const TWO_STAGE_FROM = 3000;

/**
 * Half-width of the band between the two stages (LAPACK's kd, also the panel width of stage 1). 16: 64 lost
 * to 32 at every N and thread count measured (above: N = 4000, 1 thread, 4.36 against 3.94 s), and 16 beat
 * 32 and tied 12 and 24 (relaxed, 1 thread, reduction s, b = 12 / 16 / 24 / 32: N = 3000 1.63 / 1.62 / 1.63 /
 * 1.66, N = 4000 3.83 / 3.77 / 3.81 / 3.91): the narrower band costs stage 1 a little of its level-3 rate
 * and saves stage 2 (6 n^2 b flops) more.
 */
export const BAND_WIDTH = 16;

let twoStageFrom = TWO_STAGE_FROM;
let bandWidth = BAND_WIDTH;

/** Whether an eigenvalues-only reduction of order n runs in two stages. */
export function twoStageReduction(n: number): boolean {
  return n >= twoStageFrom && n > 2;
}

/** The band's half-width for order n: BAND_WIDTH (or a benchmark's), at most n - 1 (then the band is dense). */
export function reductionBand(n: number): number {
  return Math.max(1, Math.min(bandWidth, n - 1));
}

/** Tests and benchmarks only: two stages from order `n` on (0: always; null: back to TWO_STAGE_FROM). */
export function setTwoStageReductionFrom(n: number | null): void {
  twoStageFrom = n ?? TWO_STAGE_FROM;
}

/** Benchmarks only: the band's half-width (null: back to BAND_WIDTH). */
export function setBandWidth(b: number | null): void {
  bandWidth = b ?? BAND_WIDTH;
}

/**
 * Float64 workspace of the two-stage reduction of order n: stage 1's (reduceToBandWorkspace: V, W, Y of b rows
 * of n, T, M, Z of b x b, then the lookahead's second V and W), which stage 2's (3 b) fits in.
 */
export function twoStageWorkspace(n: number): number {
  const b = reductionBand(n);
  return 5 * b * n + 3 * b * b;
}
