// Matrix-based Renyi alpha-entropy of the Gaussian kernel of the rows of X (docs/measures.md).
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError, show } from '../errors.js';
import { toMatrix, type MatrixLike } from '../matrix.js';
import { options, seedOf, sigmaOf } from '../options.js';
import { kernelOf } from './bandwidth.js';

/** Options of {@link renyiEntropy}. */
export interface RenyiEntropyOptions {
  /** Order alpha > 0; default 2. alpha = 1 is the Shannon (von Neumann) limit. */
  alpha?: number;
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance, medianDistance); default 10. */
  sigma?: number | 'auto';
  /** Seed of the row sample `sigma: 'auto'` takes above 2000 rows. Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * Matrix-based Renyi alpha-entropy of the rows of X, in bits (Giraldo, Rao & Principe 2014, "Measures of
 * entropy from data using infinitely divisible kernels"): with A = G / N, G_ij = exp(-|x_i - x_j|^2 /
 * (2 sigma^2)) (unit diagonal, so trace A = 1) and lambda its eigenvalues clipped below at 0,
 *
 *   H_alpha = log2(sum lambda^alpha) / (1 - alpha);   alpha = 1: -sum lambda log2 lambda (0 log 0 = 0).
 *
 * alpha = 2 needs no eigensolver: sum lambda^2 = ||A||_F^2, so H_2 = -log2(sum_ij G_ij^2 / N^2), O(N^2 D).
 * Between 0 (all rows alike) and log2 N (all far apart). Equal to the paper's formula as numpy computes it
 * (`lam = clip(eigvalsh(G / N), 0)`); for alpha < 1 the tiniest eigenvalues weigh in, so round-off in
 * them shows at about 1e-10.
 *
 * @example
 * await ready();
 * renyiEntropy([[0, 0], [100, 0]], { alpha: 2, sigma: 1 }); // 1 (two rows far apart)
 */
export function renyiEntropy(X: MatrixLike, opts?: RenyiEntropyOptions): number {
  const o = options(opts);
  const alpha = o.alpha === undefined ? 2 : o.alpha;
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0) {
    throw new DseError('E_ARGUMENT', `alpha must be a finite number > 0, received ${show(alpha)}`, 'alpha', alpha);
  }
  const sigma = sigmaOf(o.sigma);
  const seed = seedOf(o.seed);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const n = x.rows;
  const a = engine.kernelMatrix(x, kernelOf(sigma, x, null, seed));
  for (let k = 0; k < a.length; k++) a[k] /= n;
  if (alpha === 2) {
    let s = 0;
    for (const v of a) s += v * v;
    return -Math.log2(s);
  }
  const lambda = engine.symmetricEigenvalues({ data: a, rows: n, cols: n });
  if (alpha === 1) {
    let s = 0;
    for (const l of lambda) if (l > 0) s -= l * Math.log2(l);
    return s;
  }
  return renyiLog2(lambda, alpha);
}

/**
 * The order-alpha Renyi entropy log2(sum lambda_i^alpha) / (1 - alpha) over lambda_i > 0 (alpha != 1), as
 * log2(sum (lambda_i / m)^alpha) / (1 - alpha) + log2(m) alpha / (1 - alpha), m = max lambda
 * (spectralEntropy's normalisation): lambda^alpha overflows or underflows for a large alpha (2^53 gives
 * Infinity), (lambda / m)^alpha <= 1 with the largest term exactly 1 cannot, and alpha / (1 - alpha) -> -1
 * (the min-entropy -log2 m) cannot overflow as alpha log2 m would. With no lambda > 0, log2(0) / (1 - alpha).
 */
export function renyiLog2(lambda: Float64Array, alpha: number): number {
  let m = 0;
  for (const l of lambda) if (l > m) m = l;
  if (m === 0) return Math.log2(0) / (1 - alpha);
  let s = 0;
  for (const l of lambda) if (l > 0) s += (l / m) ** alpha;
  return Math.log2(s) / (1 - alpha) + Math.log2(m) * (alpha / (1 - alpha));
}
