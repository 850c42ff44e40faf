// PHATE's von Neumann entropy of an operator, and of the diffusion operator of X with its knee (docs/measures.md).
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError } from '../errors.js';
import { EPS } from '../float.js';
import { singularValues } from '../linalg/singular-values.js';
import { toMatrix, type MatrixLike } from '../matrix.js';
import { DEFAULTS, kernelSpecOf, options, seedOf, tMaxOf, type KernelOption } from '../options.js';
import { kernelOf } from './bandwidth.js';
import { kneePoint } from './knee-point.js';

/** Options of {@link vonNeumannEntropy}. */
export interface VonNeumannOptions {
  /** Largest diffusion time; entry j of the result is t = j + 1. Default 100, as PHATE's t_max. */
  tMax?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/** Options of {@link diffusionVonNeumannEntropy}. */
export interface DiffusionVonNeumannOptions extends VonNeumannOptions {
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance, medianDistance); default 10. */
  sigma?: number | 'auto';
  /**
   * The kernel, instead of `sigma`: `{ type: 'gaussian', sigma = 10 | 'auto', alpha = 0 }` or
   * `{ type: 'adaptive', k = 15, alpha = 1 }`; P = D_a^-1 G_a with G_a its density-normalised affinity.
   */
  kernel?: KernelOption;
  /** Seed of the row sample `sigma: 'auto'` takes above 2000 rows. Default 0. */
  seed?: number;
}

// G_a = D^-alpha G D^-alpha over the full n x n matrix g, as ((1 / d_i) G_ij)(1 / d_j) (docs/measures.md, alpha).
function densityNormalize(g: Float64Array, n: number, alpha: number): void {
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += g[i * n + j];
    q[i] = 1 / Math.pow(s, alpha);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) g[i * n + j] = q[i] * g[i * n + j] * q[j];
  }
}

/** What {@link diffusionVonNeumannEntropy} returns. */
export interface VonNeumannCurve {
  /** entropy[j]: the von Neumann entropy of P^t, t = j + 1 (natural log). */
  entropy: Float64Array;
  /** The t PHATE's `t='auto'` picks on this operator: kneePoint(entropy, [0, 1, ..., tMax - 1]). */
  optimalT: number;
}

// PHATE's loop: p = s^t / sum s^t + 2^-52, H_t = -sum p ln p, s^t by repeated multiplication, of s / max s
// (the same p, as spectralEntropy normalises): s^t itself overflows for s ~ 1e3 at t = 100, or underflows.
function entropyCurve(s: Float64Array, tMax: number, argument: string): Float64Array {
  const top = s.reduce((m, v) => Math.max(m, v), 0);
  if (top === 0) {
    throw new DseError('E_ARGUMENT', `every singular value of ${argument} is 0: p = s^t / sum s^t is 0 / 0, no entropy`, argument, 0);
  }
  const h = new Float64Array(tMax);
  const base = s.map((v) => v / top);
  const st = base.slice();
  for (let t = 0; t < tMax; t++) {
    let total = 0;
    for (const v of st) total += v;
    let e = 0;
    for (const v of st) {
      const p = v / total + EPS;
      e -= p * Math.log(p);
    }
    h[t] = e;
    for (let i = 0; i < st.length; i++) st[i] *= base[i];
  }
  return h;
}

/**
 * PHATE's von Neumann entropy of an operator A (phate/vne.py `compute_von_neumann_entropy(A, t_max)`): with
 * s the SINGULAR values of A (not its eigenvalues; for PHATE's row-stochastic diffusion operator they
 * differ), for t = 1 .. tMax
 *
 *   p = s^t / sum(s^t) + 2^-52,   H_t = -sum p ln p   (natural log).
 *
 * Entry j of the result is H_{j+1}. The curve falls as t grows; PHATE picks its diffusion time at the knee
 * ({@link kneePoint}).
 *
 * @example
 * await ready();
 * vonNeumannEntropy([[0.5, 0.5], [0.5, 0.5]], { tMax: 3 }); // ~[0, 0, 0] (rank one)
 */
export function vonNeumannEntropy(A: MatrixLike, opts?: VonNeumannOptions): Float64Array {
  const o = options(opts);
  const tMax = tMaxOf(o.tMax, 1, DEFAULTS.tMax);
  return entropyCurve(singularValues(A, { backend: o.backend }), tMax, 'A');
}

/**
 * The von Neumann entropy curve of the diffusion operator of the rows of X, P = D^-1 G (row-stochastic,
 * G_ij = exp(-|x_i - x_j|^2 / (2 sigma^2)), D = diag(row sums of G)), as PHATE computes it to choose t:
 * `entropy` is {@link vonNeumannEntropy}(P) and `optimalT` is `find_knee_point(entropy, arange(tMax))`, the
 * t PHATE's t='auto' would use. Note PHATE's own off-by-one, kept: entropy[j] belongs to t = j + 1, but the
 * knee is read off x = 0 .. tMax - 1, so optimalT is one less than the t of the entropy at the knee.
 * P is not symmetric: its singular values come from the bidiagonal SVD stage, not an eigensolver.
 * With `kernel`, G is that kernel's affinity and, for alpha > 0, G_a = D^-alpha G D^-alpha replaces it before
 * the row normalisation (manylatents' density normalisation; PHATE itself has alpha = 0).
 *
 * @example
 * await ready();
 * const { entropy, optimalT } = diffusionVonNeumannEntropy(X, { sigma: 4.47 });
 */
export function diffusionVonNeumannEntropy(X: MatrixLike, opts?: DiffusionVonNeumannOptions): VonNeumannCurve {
  const o = options(opts);
  const spec = kernelSpecOf(o);
  const seed = seedOf(o.seed);
  const tMax = tMaxOf(o.tMax, 3, DEFAULTS.tMax);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const n = x.rows;
  const kernel = kernelOf(spec, x, null, seed);
  const p = engine.kernelMatrix(x, kernel);
  if (kernel.alpha !== 0) densityNormalize(p, n, kernel.alpha);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += p[i * n + j];
    for (let j = 0; j < n; j++) p[i * n + j] /= s;
  }
  const entropy = entropyCurve(singularValues({ data: p, rows: n, cols: n }, { backend: o.backend }), tMax, 'X');
  return { entropy, optimalT: kneePoint(entropy, Float64Array.from(entropy, (_, i) => i)) };
}
