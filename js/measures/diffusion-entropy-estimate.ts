// Diffusion spectral entropy without all N eigenvalues, with an interval that says how far it may be.
//
// K (docs/measures.md, the kernel) is positive semi-definite for the Gaussian kernel, its eigenvalues lie in [0, 1] and the
// largest is 1 with eigenvector S^1/2 1. With a_i = lambda_i^t, Z = sum a_i = tr K^t and f(x) = x^t log2 x^t,
//   DSE0 = -sum (a_i / Z) log2(a_i / Z) = log2 Z - tr f(K) / Z,
// and the reference's DSE (p_i = a_i / Z + eps) differs from DSE0 by c = sum_i [h(p_i) - h(a_i / Z)], which lies
// in [-1.5 N eps, 52 N eps] (h(w + eps) - h(w) = -int_0^eps (log2(w + s) + 1 / ln 2) ds, log2(w + s) in
// [log2 s, eps]): the interval carries that term as a bound, and the value its midpoint.
// Z is exact for t = 1 (tr K) and t = 2 (||K||_F^2); other t estimate it alongside tr f(K).
//
// 1. Deflation: the top eigenpairs (theta_j, v_j), j < k, by Chebyshev-filtered subspace iteration
//    (js/linalg/operator-eigenpairs.ts), v_1 = S^1/2 1 / |S^1/2 1| exactly. With R = K V - V diag(theta),
//    Kahan's theorem (Parlett, The Symmetric Eigenvalue Problem, 11.5) pairs each theta_j with a distinct
//    eigenvalue alpha_j of K, |theta_j - alpha_j| <= ||R||_2 <= ||R||_F = rho.
// 2. Deterministic interval: with w_j = alpha_j^t / Z and the remainder's share q = 1 - sum_j w_j spread over
//    the other N - k eigenvalues, their entropy lies in [q log2(1/q), q log2((N - k) / q)]; with alpha_j and
//    q known to within rho this bounds DSE0 for certain (`guaranteed`) and is returned when it is within the
//    tolerance. Z exact for t = 1, 2; otherwise Z is bounded through the remainder's first two moments
//    (tr K - sum alpha_j and ||K||_F^2 - sum alpha_j^2, Hoelder).
// 3. Otherwise tr f(A), A = P K P with P = I - V V^T, by stochastic Lanczos quadrature (Ubaru, Chen and Saad
//    2017): Rademacher probes z, Lanczos on A from P z, the Gauss rule of its tridiagonal gives
//    z^T P f(A) P z; f(0) = 0, so the deflated directions add nothing. Control variates: the same rule gives
//    z^T P z, z^T A z and z^T A^2 z, whose means N - k, tr K - sum theta_j and ||K||_F^2 - 2 sum |K v_j|^2 +
//    sum theta_j^2 are known exactly; the estimate is the regression intercept (js/measures/estimate-statistics.ts).
//    Probes are added, a block at a time, until the Student-t half-width at `confidence` (plus the last
//    quadrature change, as an allowance for its truncation) is below `tolerance`, or maxMatvecs is spent;
//    more eigenpairs are deflated first when the probes would cost more than the deflation.
// 4. Float32 storage: E = K32 - K has ||E||_F <= 2^-24 ||K||_F; the eigenvalues move by sum |d lambda_i| <=
//    sqrt(N) ||E||_F (Hoffman-Wielandt), the probability vectors by half-l1 distance T <= t sum |d lambda| / Z
//    (t >= 1), and the entropy by at most T log2(N - 1) + h2(T) (Fannes-Audenaert): the interval widens by it.
// What is proven: the guaranteed interval contains DSE of the eigenvalues of K as stored in float64 (or
// float32 and then widened), up to the rounding of the bounds' own arithmetic. The exact path computes those
// eigenvalues with a backward error of about N eps ||K||_F; an allowance of that size (the same Fannes bound,
// a model of the solver's error rather than a proof) is added so that the exact path's value lies inside.
// The stochastic interval is a CLT interval: it holds with probability about `confidence`, not always.
//
// The adaptive kNN kernel (docs/estimate.md): K = S^-1/2 G S^-1/2 with G symmetric and
// nonnegative, so K is similar to the row-stochastic S^-1 G and its spectrum lies in [-1, 1] with 1 on top
// (eigenvector S^1/2 1 as above), but the kNN truncation leaves G indefinite in general: K may have negative
// eigenvalues. Everything above is written in |lambda|: a_i = |lambda_i|^t, f(x) = |x|^t log2 |x|^t, and the
// Gauss rule integrates that f over the nodes of either sign. What changes (op.signed):
// - Z = sum |lambda_i|^t is tr K^t only for even t; only t = 2 (||K||_F^2) is exact. For every other t, Z is
//   estimated with tr f by the same probes and its error carried by the delta method (step 3's two-variable
//   case, as for t >= 3 on the Gaussian kernel): DSE0 = g(Z, F), the linearised g of each probe regressed on
//   the same control variates, so the joint CLT of (Z, F) gives the interval.
// - The deterministic interval still holds: Kahan's pairing needs only symmetry; |alpha_j| lies in
//   [max(0, |theta_j| - rho), min(1, |theta_j| + rho)]; the remainder's entropy bounds need only its share q.
//   For Z not exact, the remainder's sum of |lambda|^t is bounded through its sum of squares alone
//   (s2 = ||K||_F^2 - sum alpha_j^2, exact for any sign): sum |lambda|^t <= max|lambda|^(t-2) s2 for t >= 2,
//   and <= (N - k)^(1 - t/2) s2^(t/2) for t < 2 (power means); tr K bounds sum |lambda| only when K >= 0.
// - Deflation: the Chebyshev filter damps [-1, cut] instead of [0, cut], so eigenvalues near -1 are not
//   amplified with the wanted ones (js/linalg/operator-eigenpairs.ts, `lowest`).
// - Sparse storage (js/engine/{js,wasm}, assembly/sparse-adaptive-kernel.ts): K in CSR, O(N k) entries, its
//   entries those of the dense path's K; no float32 or matrix-free variant (there is nothing to save).
import type { DiffusionOperator, Engine, KernelStorage } from '../engine/engine.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError, show } from '../errors.js';
import { EPS } from '../float.js';
import type { Kernel } from '../kernel.js';
import { gaussQuadrature } from '../linalg/gauss-quadrature.js';
import { dot, largestOperatorEigenpairs, multiplyColumns, type RitzPairs } from '../linalg/operator-eigenpairs.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { DEFAULTS, integerAtLeast, kernelSpecOf, options, positive, seedOf, tOf, type KernelOption } from '../options.js';
import { PythonRandom } from '../random/python-random.js';
import { kernelOf } from './bandwidth.js';
import { controlVariateMean, studentQuantile } from './estimate-statistics.js';
import { descending, spectralEntropy } from './spectral-entropy.js';

/** What {@link diffusionSpectralEntropyEstimate} reports after each block of probes. */
export interface EstimateProgress {
  probes: number;
  matvecs: number;
  deflated: number;
  value: number;
  lower: number;
  upper: number;
}

/** Options of {@link diffusionSpectralEntropyEstimate}. */
export interface EntropyEstimateOptions {
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance); the reference's default is 10. */
  sigma?: number | 'auto';
  /**
   * The kernel, instead of `sigma`: `{ type: 'gaussian', sigma, alpha: 0 }` (alpha 0 only) or
   * `{ type: 'adaptive', k = 15, alpha = 1 }` (any alpha; K held sparse, O(N k), so N is not bounded by an
   * N x N matrix; precision 'float64' only).
   */
  kernel?: KernelOption;
  /** Diffusion time: eigenvalues enter as lambda^t. Default 1. */
  t?: number;
  /** Target half-width of the interval, in bits. Default 0.01. */
  tolerance?: number;
  /** Confidence of the stochastic interval, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Seed of the probes and of the deflation's starting block (MT19937). Default 0. */
  seed?: number;
  /** Most products of K with one vector. Default 20000; the interval is wider when it runs out. */
  maxMatvecs?: number;
  /**
   * How K is held for the products: 'float64' (default), 'float32' (half the memory; the interval accounts for
   * the rounding), or 'matrix-free' (not stored: tiles recomputed from X for every product, O(N (D + 16))
   * memory, for N past the N x N limit; each product costs an O(N^2 D) pass).
   */
  precision?: KernelStorage;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
  /**
   * Called with the current interval as the run goes: once each deflation level is done (its deterministic
   * bounds, `probes: 0`) and after each block of probes.
   */
  onProgress?: (progress: EstimateProgress) => void;
}

/** What {@link diffusionSpectralEntropyEstimate} returns; bits, except where said. */
export interface EntropyEstimate {
  value: number;
  lower: number;
  upper: number;
  /** True when [lower, upper] is a deterministic bound, false when it is a `confidence` interval. */
  guaranteed: boolean;
  /** Products of K with one vector. */
  matvecs: number;
  /** Eigenpairs deflated exactly (the top one, S^1/2 1, always). */
  deflated: number;
  /** Rademacher probes used (0 for a guaranteed interval from deflation alone). */
  probes: number;
  /** Wall-clock seconds. */
  seconds: number;
}

/** Up to this many rows the estimate is the exact DSE (all eigenvalues), its interval +-1e-9. */
const EXACT_MAX = 64;
const PROBE_BLOCK = 16;
const MIN_PROBES = 16;
const MAX_LANCZOS = 120;
// Per-probe quadrature stops when its last change is below QT tolerance Z (bits x Z: the units of tr f).
const QT = 0.02;
const DEFLATION_TOL = 1e-8;
// Ritz pairs kept for deflation: an error rho in a Ritz vector moves tr f by O(rho^2) (Kato-Temple), far
// below the tolerance at 1e-5; the guaranteed interval uses rho itself.
const KEEP_RESIDUAL = 1e-5;
const LN2 = Math.LN2;

function now(): number {
  return typeof performance === 'object' ? performance.now() / 1000 : Date.now() / 1000;
}

// -w log2 w, 0 at 0.
function h(w: number): number {
  return w > 0 ? -w * Math.log2(w) : 0;
}

// Max of the concave g over [lo, hi], g peaking at `peak`.
function concaveMax(g: (x: number) => number, lo: number, hi: number, peak: number): number {
  return lo <= peak && peak <= hi ? g(peak) : Math.max(g(lo), g(hi));
}

// Fannes-Audenaert: |H(p) - H(q)| <= T log2(N - 1) + h2(T) for half-l1 distance T <= 1/2; log2 N beyond.
function fannes(T: number, n: number): number {
  if (!(T > 0)) return 0;
  if (T >= 0.5) return Math.log2(n);
  return T * Math.log2(Math.max(1, n - 1)) + h(T) + h(1 - T);
}

// Half-l1 distance bound between the probability vectors of two matrices whose eigenvalues differ by D in sum.
function distanceBound(D: number, t: number, n: number, zLow: number): number {
  const moved = t >= 1 ? t * (1 + D) ** (t - 1) * D : n ** (1 - t) * D ** t;
  return moved / zLow;
}

/** The part of the computation that depends on the deflated pairs: their values, and what is known of the rest. */
interface Deflation {
  theta: Float64Array;
  vectors: Float64Array[];
  rho: number;
  /** Exact traces of A = P K P and A^2 (control-variate means). */
  traceA: number;
  traceA2: number;
}

function deflationOf(pairs: RitzPairs, keep: number[], op: DiffusionOperator): Deflation {
  let r2 = 0;
  let traceA = op.storedTrace;
  let traceA2 = op.storedFrobeniusSquared;
  const theta = new Float64Array(keep.length);
  const vectors: Float64Array[] = [];
  keep.forEach((j, c) => {
    theta[c] = pairs.values[j];
    vectors.push(pairs.vectors[j]);
    r2 += pairs.residuals[j] ** 2;
    traceA -= pairs.values[j];
    traceA2 += pairs.values[j] ** 2 - 2 * dot(pairs.products[j], pairs.products[j]);
  });
  // 1e-12: the Ritz vectors are orthonormal to about 1e-15, which Kahan's theorem assumes exactly.
  return { theta, vectors, rho: Math.sqrt(r2) + 1e-12, traceA, traceA2 };
}

/** Bounds on DSE0 (no eps term) that hold for certain, from the deflated pairs alone. */
function deterministicBounds(d: Deflation, n: number, t: number, zExact: number | null, trace: number, frob2: number, signed: boolean): { lo: number; hi: number } {
  const k = d.theta.length;
  const rest = n - k;
  const aLo = Array.from(d.theta, (v) => Math.max(0, Math.abs(v) - d.rho) ** t);
  const aHi = Array.from(d.theta, (v) => Math.min(1, Math.abs(v) + d.rho) ** t);
  const sumLo = aLo.reduce((s, v) => s + v, 0);
  const sumHi = aHi.reduce((s, v) => s + v, 0);
  let wLo: number[];
  let wHi: number[];
  let qLo: number;
  let qHi: number;
  if (zExact !== null) {
    // Z summed from N terms: relative rounding <= N eps.
    const zLo = zExact * (1 - n * EPS);
    const zHi = zExact * (1 + n * EPS);
    wLo = aLo.map((v) => v / zHi);
    wHi = aHi.map((v) => Math.min(1, v / zLo));
    qLo = Math.max(0, 1 - sumHi / zLo);
    qHi = Math.min(1, Math.max(0, 1 - sumLo / zHi));
  } else {
    // The other eigenvalues: sum <= s1, sum of squares <= s2, each <= sqrt(s2); Hoelder bounds their t-th powers.
    const s1 = Math.max(0, trace - d.theta.reduce((s, v) => s + Math.max(0, v - d.rho), 0));
    const s2 = Math.max(0, frob2 - d.theta.reduce((s, v) => s + Math.max(0, Math.abs(v) - d.rho) ** 2, 0));
    const top = Math.min(1, Math.sqrt(s2));
    let zoHi: number;
    if (t >= 2) zoHi = top ** (t - 2) * s2;
    // Signed K: tr K says nothing of sum |lambda|; the sum of squares alone (power means).
    else if (signed) zoHi = rest ** (1 - t / 2) * s2 ** (t / 2);
    else if (t >= 1) zoHi = s1 ** (2 - t) * s2 ** (t - 1);
    else zoHi = rest ** (1 - t) * s1 ** t;
    zoHi = Math.min(zoHi, rest);
    const zLo = sumLo;
    const zHi = sumHi + zoHi;
    wLo = aLo.map((v) => v / zHi);
    wHi = aHi.map((v) => (zLo > 0 ? Math.min(1, v / zLo) : 1));
    qLo = 0;
    qHi = zoHi + sumLo > 0 ? zoHi / (zoHi + sumLo) : 1;
  }
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < k; j++) {
    lo += Math.min(h(wLo[j]), h(wHi[j]));
    hi += concaveMax(h, wLo[j], wHi[j], 1 / Math.E);
  }
  if (rest > 0) {
    lo += Math.min(h(qLo), h(qHi));
    hi += concaveMax((q) => (q > 0 ? q * Math.log2(rest / q) : 0), qLo, qHi, rest / Math.E);
  }
  return { lo, hi };
}

/** Per-probe quadrature results of one block of probes. */
interface ProbeValues {
  f: number[];
  power: number[];
  c0: number[];
  c1: number[];
  c2: number[];
  /** The last change of each probe's rule for tr f and for tr A^t (0 when the rule became exact). */
  changeF: number[];
  changeZ: number[];
  steps: number;
}

// Lanczos on A = P K P from P z for a block of Rademacher probes z, all multiplied together.
function probeBlock(
  op: DiffusionOperator, d: Deflation, b: number, t: number, random: PythonRandom, counter: { matvecs: number },
  qtolF: number, qtolZ: number, out: ProbeValues,
): void {
  const { n } = op;
  const k = d.vectors.length;
  const project = (w: Float64Array) => {
    for (const v of d.vectors) {
      const c = new Float64Array(b);
      for (let i = 0; i < n; i++) for (let p = 0; p < b; p++) c[p] += v[i] * w[i * b + p];
      for (let i = 0; i < n; i++) for (let p = 0; p < b; p++) w[i * b + p] -= v[i] * c[p];
    }
  };
  let cur = new Float64Array(n * b);
  for (let i = 0; i < n * b; i += 32) {
    const bits = random.nextUint32();
    for (let s = 0; s < 32 && i + s < n * b; s++) cur[i + s] = (bits >>> s) & 1 ? 1 : -1;
  }
  project(cur);
  const norm2 = new Float64Array(b);
  for (let i = 0; i < n; i++) for (let p = 0; p < b; p++) norm2[p] += cur[i * b + p] ** 2;
  for (let i = 0; i < n; i++) for (let p = 0; p < b; p++) cur[i * b + p] /= Math.sqrt(norm2[p]);
  let prev = new Float64Array(n * b);
  const alpha: number[][] = Array.from({ length: b }, () => []);
  const beta: number[][] = Array.from({ length: b }, () => []);
  const done = new Array<boolean>(b).fill(false);
  const last = Array.from({ length: b }, () => ({ f: NaN, power: NaN, changeF: Infinity, changeZ: Infinity }));
  const w = new Float64Array(n * b);
  const maxSteps = Math.min(MAX_LANCZOS, n - k);
  const rule = (p: number) => {
    const m = alpha[p].length;
    const { nodes, weights } = gaussQuadrature(alpha[p], beta[p], m);
    let f = 0;
    let power = 0;
    let m1 = 0;
    let m2 = 0;
    for (let j = 0; j < m; j++) {
      const x = Math.abs(nodes[j]);
      const xt = x ** t;
      f += weights[j] * (x > 0 ? xt * t * Math.log2(x) : 0);
      power += weights[j] * xt;
      m1 += weights[j] * nodes[j];
      m2 += weights[j] * nodes[j] * nodes[j];
    }
    return { f: norm2[p] * f, power: norm2[p] * power, m1: norm2[p] * m1, m2: norm2[p] * m2 };
  };
  // exact: the Krylov space became invariant, so the rule integrates f exactly.
  const finish = (p: number, exact = false) => {
    const r = rule(p);
    out.f.push(r.f);
    out.power.push(r.power);
    out.c0.push(norm2[p] - (n - k));
    out.c1.push(r.m1 - d.traceA);
    out.c2.push(r.m2 - d.traceA2);
    const known = !exact && Number.isFinite(last[p].changeF);
    out.changeF.push(known ? last[p].changeF : 0);
    out.changeZ.push(known ? last[p].changeZ : 0);
    done[p] = true;
  };
  let steps = 0;
  for (let step = 0; step < maxSteps && done.includes(false); step++) {
    op.multiply(cur, w, b);
    counter.matvecs += b;
    steps++;
    project(w);
    const a = new Float64Array(b);
    for (let i = 0; i < n; i++) for (let p = 0; p < b; p++) a[p] += cur[i * b + p] * w[i * b + p];
    const bn = new Float64Array(b);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < b; p++) {
        const v = w[i * b + p] - a[p] * cur[i * b + p] - (step > 0 ? beta[p][step - 1] : 0) * prev[i * b + p];
        w[i * b + p] = v;
        bn[p] += v * v;
      }
    }
    const next = new Float64Array(n * b);
    for (let p = 0; p < b; p++) {
      if (done[p]) continue;
      alpha[p].push(a[p]);
      const bp = Math.sqrt(bn[p]);
      const scale = Math.abs(a[p]) + (step > 0 ? beta[p][step - 1] : 0);
      // An invariant subspace reached (the rule is then exact) or the last step allowed.
      if (!(bp > 1e-10 * scale) || step + 1 === maxSteps) {
        finish(p, !(bp > 1e-10 * scale) || step + 1 === n - k);
        continue;
      }
      if ((step + 1) % 2 === 0) {
        const r = rule(p);
        const changeF = Math.abs(r.f - last[p].f);
        const changeZ = Math.abs(r.power - last[p].power);
        last[p] = { f: r.f, power: r.power, changeF, changeZ };
        if (changeF <= qtolF && changeZ <= qtolZ) {
          finish(p);
          continue;
        }
      }
      beta[p].push(bp);
      for (let i = 0; i < n; i++) next[i * b + p] = w[i * b + p] / bp;
    }
    prev = cur;
    cur = next;
  }
  out.steps += steps;
}

/**
 * An estimate of the diffusion spectral entropy (docs/measures.md; all N rows, no subsampling) with an interval:
 * DSE = log2 Z - tr f(K) / Z, Z = tr K^t, f(x) = x^t log2 x^t, from the exactly deflated top eigenpairs and
 * stochastic Lanczos quadrature on the rest (Ubaru, Chen and Saad 2017), in O(N^2 D + N^2 matvecs / block)
 * time instead of O(N^3). `guaranteed: true` means [lower, upper] holds for certain (the rest of the
 * spectrum carries too little weight to matter); otherwise it is a `confidence` interval (CLT over the probes).
 * The target is the reference's value, eps = 2^-52 term included (bounded, see the file's header).
 *
 * @example
 * await ready();
 * const X = { data: new Float32Array(4000 * 768).map(Math.random), rows: 4000, cols: 768 };
 * const { value, lower, upper, guaranteed } = diffusionSpectralEntropyEstimate(X, { sigma: 10, tolerance: 0.01 });
 */
export function diffusionSpectralEntropyEstimate(X: MatrixLike, opts?: EntropyEstimateOptions): EntropyEstimate {
  const o = options(opts);
  const spec = kernelSpecOf(o);
  const seed = seedOf(o.seed);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const settings = estimateSettings(o);
  return estimateRows(engine, x, null, kernelOf(spec, x, null, seed), settings);
}

/** The options of the estimate, checked (shared with `method: 'estimate'` of diffusionSpectralEntropy). */
export function estimateSettings(o: Partial<EntropyEstimateOptions>): Settings {
  const started = now();
  const t = tOf(o.t);
  const tolerance = positive(o.tolerance, 'tolerance', DEFAULTS.tolerance);
  const confidence = o.confidence === undefined ? DEFAULTS.confidence : o.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new DseError('E_ARGUMENT', `confidence must be a number in (0, 1), received ${show(confidence)}`, 'confidence', confidence);
  }
  const seed = seedOf(o.seed);
  const maxMatvecs = integerAtLeast(o.maxMatvecs, 'maxMatvecs', 1, DEFAULTS.maxMatvecs);
  const precision = o.precision === undefined ? DEFAULTS.precision : o.precision;
  if (precision !== 'float64' && precision !== 'float32' && precision !== 'matrix-free') {
    throw new DseError('E_ARGUMENT', `precision must be 'float64', 'float32' or 'matrix-free', received ${show(precision)}`, 'precision', precision);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new DseError('E_ARGUMENT', `onProgress must be a function, received ${show(o.onProgress)}`, 'onProgress', o.onProgress);
  }
  return { t, tolerance, confidence, seed, maxMatvecs, precision, onProgress: o.onProgress, started };
}

/** The estimate over the listed rows of x (all when null), with the engine holding K for the products. */
export function estimateRows(engine: Engine, x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, settings: Settings): EntropyEstimate {
  // Z = tr K = sum 1/S_i and the matrix-free tiles hold for the reference's K (unit diagonal of G, no density
  // normalisation); the Gaussian kernel with alpha > 0 is not derived here yet. The adaptive kernel's K is
  // sparse (any alpha), held in float64 CSR.
  if (kernel.type === 'gaussian' && kernel.alpha !== 0) {
    throw new DseError('E_ARGUMENT', `the estimate supports the Gaussian kernel with alpha 0 (the reference's K) or the adaptive kernel, received the Gaussian kernel with alpha ${kernel.alpha}`, 'kernel', kernel);
  }
  if (kernel.type === 'adaptive' && settings.precision !== 'float64') {
    throw new DseError('E_ARGUMENT', `the adaptive kernel's K is held sparse in float64 (O(N k) memory): precision must be 'float64', received ${show(settings.precision)}`, 'precision', settings.precision);
  }
  const n = rows === null ? x.rows : rows.length;
  // A handful of rows: all eigenvalues cost less than one block of probes, and the quadrature of a 2- or
  // 3-dimensional remainder with rounding-level eigenvalues (raised to a small t) is not worth trusting.
  if (n <= EXACT_MAX) {
    const value = spectralEntropy(descending(engine.diffusionEigenvalues(x, rows, kernel)), { t: settings.t });
    // +-1e-9: the rounding of the eigensolver (the two backends agree to about 1e-12).
    return { value, lower: value - 1e-9, upper: value + 1e-9, guaranteed: true, matvecs: 0, deflated: n, probes: 0, seconds: now() - settings.started };
  }
  return engine.withDiffusionOperator(x, rows, kernel, settings.precision, PROBE_BLOCK, (op) => estimate(op, settings));
}

/** Checked options of one estimate. */
export interface Settings {
  t: number;
  precision: KernelStorage;
  tolerance: number;
  confidence: number;
  seed: number;
  maxMatvecs: number;
  onProgress?: (progress: EstimateProgress) => void;
  started: number;
}

// What onProgress hears: the interval so far (the deflation's bounds, then after each block of probes).
function report(s: Settings, r: EntropyEstimate): void {
  s.onProgress?.({ probes: r.probes, matvecs: r.matvecs, deflated: r.deflated, value: r.value, lower: r.lower, upper: r.upper });
}

function estimate(op: DiffusionOperator, s: Settings): EntropyEstimate {
  const { n } = op;
  const { t, tolerance } = s;
  const counter = { matvecs: 0 };
  const random = new PythonRandom(s.seed);
  const uniform = () => random.nextUint32() / 4294967296;
  const signed = op.signed === true;
  // Z = sum |lambda|^t: tr K for t = 1 only when K >= 0; ||K||_F^2 for t = 2 always.
  const zExact = t === 1 && !signed ? op.storedTrace : t === 2 ? op.storedFrobeniusSquared : null;

  // What the interval carries besides the estimate: the eps term (as a bound), float32 rounding, and the
  // exact path's own rounding (an allowance, see the header).
  const epsLo = -1.5 * n * EPS;
  const epsHi = 52 * n * EPS;
  const zFloor = zExact ?? 1 - 1e-6;
  const frob = Math.sqrt(op.frobeniusSquared);
  const storage = op.precision === 'float32' ? fannes(distanceBound(Math.sqrt(n) * (2 ** -24 * frob + n * 2 ** -149), t, n, zFloor), n) : 0;
  const rounding = fannes(distanceBound(n ** 1.5 * EPS * frob, t, n, zFloor), n);
  const widen = storage + rounding;
  const finish = (value: number, lower: number, upper: number, guaranteed: boolean, deflated: number, probes: number): EntropyEstimate => ({
    value: value + (epsLo + epsHi) / 2,
    lower: lower + epsLo - widen,
    upper: upper + epsHi + widen,
    guaranteed, matvecs: counter.matvecs, deflated, probes, seconds: now() - s.started,
  });

  // v_1 = S^1/2 1 normalised, eigenvalue 1.
  const v1 = Float64Array.from(op.inverseSqrtRowSums, (v) => 1 / v);
  const norm = Math.sqrt(dot(v1, v1));
  for (let i = 0; i < n; i++) v1[i] /= norm;
  const kv1 = multiplyColumns(op, [v1], counter)[0];
  const theta1 = dot(v1, kv1);
  const r1 = Math.sqrt(kv1.reduce((acc, v, i) => acc + (v - theta1 * v1[i]) ** 2, 0));
  let pairs: RitzPairs = { values: Float64Array.of(theta1), vectors: [v1], products: [kv1], residuals: Float64Array.of(r1) };
  let d = deflationOf(pairs, [0], op);
  let k = 1;
  let deflating = true;

  let best = { value: NaN, lower: -Infinity, upper: Infinity };
  for (;;) {
    const det = deterministicBounds(d, n, t, zExact, op.storedTrace, op.storedFrobeniusSquared, signed);
    const detMid = (det.lo + det.hi) / 2;
    if ((det.hi - det.lo) / 2 + (epsHi - epsLo) / 2 + widen <= tolerance || d.theta.length >= n) {
      return finish(detMid, det.lo, det.hi, true, d.theta.length, 0);
    }
    best = { value: detMid, lower: det.lo, upper: det.hi };
    // The deflation's bounds before any probe: at large N the deflation is a good part of the run.
    report(s, finish(detMid, det.lo, det.hi, true, d.theta.length, 0));
    const fDefl = d.theta.reduce((acc, v) => acc + (v !== 0 ? t * Math.abs(v) ** t * Math.log2(Math.abs(v)) : 0), 0);
    const zDefl = d.theta.reduce((acc, v) => acc + Math.abs(v) ** t, 0);
    // tr A >= tr A^t for t >= 1: a first guess of Z, replaced by the estimate after each block.
    let zGuess = zExact ?? zDefl + Math.max(0, d.traceA);
    const values: ProbeValues = { f: [], power: [], c0: [], c1: [], c2: [], changeF: [], changeZ: [], steps: 0 };
    let nextLevel = false;
    for (;;) {
      if (counter.matvecs + PROBE_BLOCK * 8 > s.maxMatvecs && values.f.length > 0) break;
      probeBlock(op, d, PROBE_BLOCK, t, random, counter, QT * tolerance * zGuess, QT * tolerance * zGuess / (2 + Math.log2(n)), values);
      const probes = values.f.length;
      const controls = [values.c0, values.c1, values.c2];
      const meanChangeF = values.changeF.reduce((a, v) => a + v, 0) / probes;
      const meanChangeZ = values.changeZ.reduce((a, v) => a + v, 0) / probes;
      let value: number;
      let se: number;
      let dof: number;
      let quadrature: number;
      if (zExact !== null) {
        const fr = controlVariateMean(values.f, controls);
        value = Math.log2(zExact) - (fDefl + fr.mean) / zExact;
        se = fr.standardError / zExact;
        dof = fr.dof;
        quadrature = meanChangeF / zExact;
      } else {
        const fr = controlVariateMean(values.f, controls);
        const zr = controlVariateMean(values.power, controls);
        const z = zDefl + zr.mean;
        const f = fDefl + fr.mean;
        value = Math.log2(z) - f / z;
        // The delta method: DSE0 = g(Z, F), dg/dZ = 1 / (Z ln 2) + F / Z^2, dg/dF = -1 / Z.
        const gZ = 1 / (z * LN2) + f / (z * z);
        const gF = -1 / z;
        const lin = controlVariateMean(values.f.map((fv, i) => gZ * values.power[i] + gF * fv), controls);
        se = lin.standardError;
        dof = lin.dof;
        quadrature = Math.abs(gZ) * meanChangeZ + Math.abs(gF) * meanChangeF;
        if (z > 0) zGuess = z;
      }
      let statistical = dof > 0 ? studentQuantile((1 + s.confidence) / 2, Math.max(dof, 1)) * se : Infinity;
      // A degenerate regression (a remainder of rounding-level eigenvalues) leaves the deterministic bounds.
      if (!Number.isFinite(value) || !Number.isFinite(statistical)) {
        value = (det.lo + det.hi) / 2;
        statistical = Infinity;
      }
      const half = statistical + quadrature;
      // Clipped to the deterministic bounds, which always hold; should the two not meet, the bounds alone.
      let lower = Math.max(value - half, det.lo);
      let upper = Math.min(value + half, det.hi);
      if (!(lower <= upper)) {
        lower = det.lo;
        upper = det.hi;
      }
      best = { value: Math.min(Math.max(value, det.lo), det.hi), lower, upper };
      report(s, finish(best.value, lower, upper, false, d.theta.length, probes));
      const margin = tolerance - (epsHi - epsLo) / 2 - widen;
      if (probes >= MIN_PROBES && half <= margin) break;
      if (counter.matvecs >= s.maxMatvecs) break;
      // More probes needed: their cost against deflating twice as many eigenpairs (about 6 filter passes of
      // degree 8 over a block of 2k + 8).
      const perProbe = values.steps * PROBE_BLOCK / probes;
      const needed = probes * (statistical / Math.max(margin - quadrature, 1e-12)) ** 2 - probes;
      const nextK = k === 1 ? 16 : 2 * k;
      const deflationCost = 6 * 9 * (nextK + Math.max(8, nextK / 4));
      if (deflating && needed * perProbe > deflationCost && nextK + 8 < n / 2 && counter.matvecs + deflationCost < s.maxMatvecs) {
        k = nextK;
        nextLevel = true;
        break;
      }
    }
    if (!nextLevel) {
      const probes = values.f.length;
      return finish(best.value, best.lower, best.upper, false, d.theta.length, probes);
    }
    pairs = largestOperatorEigenpairs(op, k, k + Math.max(8, Math.ceil(k / 4)), [v1], uniform, counter, DEFLATION_TOL, 15, 8, signed ? -1 : 0);
    const keep: number[] = [];
    for (let j = 0; j < pairs.values.length; j++) if (pairs.residuals[j] <= KEEP_RESIDUAL) keep.push(j);
    // A clustered spectrum the filter cannot separate: no further level will do better.
    if (keep.length <= d.theta.length) deflating = false;
    if (keep.length > d.theta.length) d = deflationOf(pairs, keep, op);
  }
}
