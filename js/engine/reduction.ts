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
 * Orders from which an eigenvalues-only reduction runs in two stages on the WASM backend (LAPACK dsytrd_2stage):
 * dense to a band of half-width reductionBand(n) by level-3 updates (band-reduce.ts, dsytrd_sy2sb, each panel's
 * update in one sweep with the next panel's product: compute-bound where the fused pass is memory-bound), then
 * band to tridiagonal by bulge chasing (band-tridiagonalize.ts, dsytrd_sb2st: O(n^2 b) on b x b blocks that stay
 * in cache). It runs before the blocked and fused choices above. 1250, since the lookahead and the band of 8
 * (preliminary: AMD EPYC 2 cores, one core busy with another job, load 1.6-2.4; a /tmp script alternating
 * main's stage 1 and this one in one process, bench/NOTES.md "lookahead"), whole reduction wall s, fused /
 * two-stage b = 8, one thread: relaxed binary (Node 24) N = 700 0.025 / 0.025, 1000 0.071 / 0.064, 1250
 * 0.140 / 0.120, 1500 0.239 / 0.195, 2000 0.564 / 0.453, 3000 2.50 / 1.53; base binary 700 0.025 / 0.032,
 * 1000 0.071 / 0.073, 1250 0.138 / 0.132, 1500 0.237 / 0.227, 2000 0.603 / 0.506. Two threads (starved by
 * the load: preliminary) relaxed 1000 0.098 / 0.074, 1500 0.262 / 0.201, 2000 0.311 / 0.269, 3000 1.39 /
 * 0.90. On a quiet machine (lead, whole diffusionEigenvalues, X uniform D = 64, medians of 5, fused / two-stage
 * ms, 1 thread and 2): relaxed N = 1250 174 / 165 and 106 / 113, 1500 317 / 252 and 169 / 176, 1797 483 / 460
 * and 326 / 312. So from 1250 on with FMA; the base binary has its own crossover, below.
 */
export const TWO_STAGE_FROM = 1250;

/**
 * The base binary's crossover (no FMA: Node 20, `deterministic: true`). Quiet, as above, fused / two-stage ms,
 * 1 thread and 2: Node 20 N = 1500 298 / 382 and 194 / 237, 1797 484 / 546 and 295 / 340, 2000 660 / 706 and
 * 388 / 438, 2500 1407 / 1315 and 823 / 812, 3000 3030 / 2318 and 1687 / 1437; Node 24 1500 339 / 378 and
 * 176 / 274, 2500 1750 / 1259 and 1005 / 750. Without FMA stage 1's level-3 kernels lose their edge below 2500.
 */
export const BASE_TWO_STAGE_FROM = 2500;

/**
 * The JS backend's crossover (js/engine/js/index.ts): its stage 1 runs the kernel's SIMD lanes as scalar code,
 * which V8 makes slower than its fused pass (symmetricEigenvalues s, backend 'js', one thread, load 2.2, fused /
 * two-stage b = 8 / b = 16: N = 1000 0.289 / 0.495 / 0.497, 1500 0.949 / 1.610 / 1.543); from 3000 on the
 * two stages win (bench/NOTES.md: whole s 15.0 / 13.2 at N = 3000).
 */
export const JS_TWO_STAGE_FROM = 3000;

/**
 * Half-width of the band between the two stages (LAPACK's kd, also the panel width of stage 1): NARROW_BAND
 * below WIDE_BAND_FROM, BAND_WIDTH from it. The narrower band costs stage 1 a little of its level-3 rate and
 * saves stage 2 (6 n^2 b flops) and the panels' QR and W (O(n^2 b)) more, until the trailing matrix leaves
 * the cache. Whole reduction s with the lookahead, b = 8 / 16 / 32 (preliminary, as above), relaxed one
 * thread: N = 1500 0.200 / 0.207 / 0.239, 2000 0.453 / 0.479 / 0.534, 3000 1.531 / 1.541 / 1.772, 4000
 * 3.658 / 3.524 / 3.854; again (b = 8 / 16, the other core busy) 2000 0.477 / 0.474, 3000 1.540 / 1.591, 4000
 * 3.807 / 3.710; base one thread 1500 0.232 / 0.239 / 0.276, 2000 0.545 / 0.538, 3000 1.703 / 1.756, 4000
 * 3.898 / 4.011. So 8 up to 3000 (ahead or tied in every run), 16 from 4000 with FMA (ahead in both runs;
 * without FMA 8 was, by 3%): the switch at 3500. Before the lookahead 64 lost to 32 everywhere and 16 tied
 * 12 and 24 at N = 3000 and 4000 (bench/NOTES.md "two-stage").
 */
export const BAND_WIDTH = 16;
export const NARROW_BAND = 8;
export const WIDE_BAND_FROM = 3500;

let twoStageFrom: number | null = null;
let bandWidth: number | null = null;

/** Which reduction kernels run: the WASM backend's relaxed-SIMD ('fma') or base binary, or the JS backend. */
export type ReductionEngine = 'fma' | 'base' | 'js';

const TWO_STAGE: Record<ReductionEngine, number> = { fma: TWO_STAGE_FROM, base: BASE_TWO_STAGE_FROM, js: JS_TWO_STAGE_FROM };

/**
 * Whether an eigenvalues-only reduction of order n runs in two stages on `engine`. The default, 'fma', has the
 * lowest crossover: what the size guard reserves workspace for.
 */
export function twoStageReduction(n: number, engine: ReductionEngine = 'fma'): boolean {
  return n >= (twoStageFrom ?? TWO_STAGE[engine]) && n > 2;
}

/**
 * The band's half-width for order n: NARROW_BAND below WIDE_BAND_FROM, else BAND_WIDTH (or a benchmark's), at
 * most n - 1 (then the band is dense).
 */
export function reductionBand(n: number): number {
  return Math.max(1, Math.min(bandWidth ?? (n < WIDE_BAND_FROM ? NARROW_BAND : BAND_WIDTH), n - 1));
}

/**
 * Tests and benchmarks only: two stages from order `n` on, on every engine (0: always; null: back to
 * TWO_STAGE_FROM, BASE_TWO_STAGE_FROM and JS_TWO_STAGE_FROM).
 */
export function setTwoStageReductionFrom(n: number | null): void {
  twoStageFrom = n;
}

/** Benchmarks only: the band's half-width at every order (null: back to reductionBand's choice). */
export function setBandWidth(b: number | null): void {
  bandWidth = b;
}

/**
 * Float64 workspace of the two-stage reduction of order n: stage 1's (reduceToBandWorkspace: V, W, Y of b rows
 * of n, T, M, Z of b x b, then the lookahead's second V and W), which stage 2's (3 b) fits in.
 */
export function twoStageWorkspace(n: number): number {
  const b = reductionBand(n);
  return 5 * b * n + 3 * b * b;
}
