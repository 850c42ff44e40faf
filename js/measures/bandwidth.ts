// The data-driven bandwidth behind `sigma: 'auto'`, and the diagnosis of a kernel at which DSE says nothing
// about the data (docs/bandwidth.md).
import { squaredDistances } from '../engine/js/distance.js';
import type { BackendName } from '../engine/select.js';
import { DseError, show } from '../errors.js';
import { adaptive, gaussian, type Kernel } from '../kernel.js';
import { maxAbs, timesPowerOfTwo } from '../linalg/power-of-two-scale.js';
import { copyRows, toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { DEFAULTS, kernelSpecOf, options, seedOf, type KernelOption, type KernelSpec } from '../options.js';
import { pythonSample } from '../random/python-random.js';
import { descending } from './spectral-entropy.js';
import { composeRows, measureRows } from './subsample.js';

/**
 * The distances between the distinct pairs of the listed rows (of a Python sample of medianSampleRows rows above
 * that, as the median takes), ascending; measured on rows scaled by 2^exponent (exponent 0 unless their squared
 * distances overflow float64).
 */
export function pairDistances(x: DenseMatrix, rows: Int32Array | null, seed: number): { sorted: Float64Array; exponent: number } {
  const all = rows === null ? x.rows : rows.length;
  const cap = DEFAULTS.medianSampleRows;
  const used = all > cap ? composeRows(rows, pythonSample(seed, all, cap)) : rows;
  const n = used === null ? x.rows : used.length;
  const d = x.cols;
  const xs = new Float64Array(n * d);
  copyRows(x, used, xs);
  // The distance stage of the JS backend, the same sum of squared differences in the same order.
  const squared = new Float64Array(n * n);
  squaredDistances(xs, n, d, squared);
  let exponent = 0;
  if (squared.some((v) => v === Infinity)) {
    // Rows more than ~1.3e154 apart overflow the squared distance, though the distance itself may be finite:
    // as hypot does, measure them on rows scaled by an exact power of two (2^e max|x| near 1), then scale back.
    exponent = -Math.ceil(Math.log2(maxAbs(xs)));
    squaredDistances(timesPowerOfTwo(xs, exponent), n, d, squared);
  }
  const sorted = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sorted[k++] = Math.sqrt(squared[i * n + j]);
  }
  return { sorted: sorted.sort(), exponent };
}

/** The median of ascending values (numpy.median: the mean of the middle two of an even count). */
export function medianOfSorted(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A distance measured on rows scaled by 2^exponent, scaled back; refused when it leaves float64. */
export function unscaledDistance(distance: number, exponent: number): number {
  if (exponent === 0) return distance;
  const unscaled = timesPowerOfTwo(Float64Array.of(distance), -exponent)[0];
  if (!Number.isFinite(unscaled)) {
    throw new DseError('E_ARGUMENT', `the median distance between the rows of X is above the largest float64 (${show(distance)} x 2^${-exponent}): scale X down`, 'X', distance);
  }
  return unscaled;
}

/**
 * The median Euclidean distance between the distinct listed rows of x (pairs i < j; all rows when `rows` is
 * null), as numpy.median takes it (the mean of the two middle values for an even count). Above
 * DEFAULTS.medianSampleRows rows, over the pairs of that many rows picked by Python's
 * seed(seed); sample(range(N), 2000).
 */
export function medianDistanceOfRows(x: DenseMatrix, rows: Int32Array | null, seed: number): number {
  const { sorted, exponent } = pairDistances(x, rows, seed);
  return unscaledDistance(medianOfSorted(sorted), exponent);
}

/** Options of {@link medianDistance}. */
export interface MedianDistanceOptions {
  /** Seed of the row sample taken above 2000 rows (Python's random.seed). Default 0. */
  seed?: number;
}

/**
 * The median Euclidean distance between distinct rows of X (pairs i < j), numpy.median's way (the mean of
 * the two middle values for an even count); above 2000 rows, over the pairs of the 2000 rows Python's
 * seed(seed); sample(range(N), 2000) picks. It is the bandwidth `sigma: 'auto'` uses: at that sigma the
 * typical affinity exp(-d^2 / (2 sigma^2)) is e^-1/2, far from both degenerate kernels.
 *
 * @example
 * medianDistance([[0, 0], [3, 4], [6, 8]]); // 5
 */
export function medianDistance(X: MatrixLike, opts?: MedianDistanceOptions): number {
  const o = options(opts);
  return medianDistanceOfRows(toMatrix(X, 'X'), null, seedOf(o.seed));
}

/**
 * The kernel of a measure over the listed rows of x, from a checked sigma or kernel spec (js/options.ts):
 * a Gaussian sigma 'auto' becomes the median distance of those rows.
 */
export function kernelOf(spec: number | 'auto' | KernelSpec, x: DenseMatrix, rows: Int32Array | null, seed: number): Kernel {
  const s: KernelSpec = typeof spec === 'object' ? spec : { type: 'gaussian', sigma: spec, alpha: DEFAULTS.alpha };
  if (s.type === 'adaptive') {
    // The adaptive kernel does not depend on the scale of X, but its squared distances must exist in float64:
    // rows up to 2 max|x| sqrt(D) apart overflow past ~1.3e154. Refused rather than given as NaN.
    const largest = maxAbs(x.data);
    if (2 * largest * Math.sqrt(x.cols) > 1e154) {
      throw new DseError('E_ARGUMENT', `X has entries up to ${show(largest)}: the adaptive kernel's squared distances would overflow float64; divide X by a power of two first (the adaptive kernel does not depend on the scale)`, 'X', largest);
    }
    return adaptive(s.k, s.alpha);
  }
  return gaussian(s.sigma === 'auto' ? medianDistanceOfRows(x, rows, seed) : s.sigma, s.alpha);
}

/** trace K below this: K is close to the constant matrix 11^T / N. */
export const NEAR_CONSTANT_TRACE = 1.1;
/** trace K / N above this: K is close to the identity. */
export const NEAR_IDENTITY_MEAN = 0.9;

/** A kernel at which DSE says nothing about the data. */
export interface KernelDiagnosis {
  kind: 'constant' | 'identity';
  message: string;
}

/** Options of {@link kernelDiagnosis}. */
export interface KernelDiagnosisOptions {
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance). Default 10. */
  sigma?: number | 'auto';
  /**
   * The kernel, instead of `sigma`: `{ type: 'gaussian', sigma = 10 | 'auto', alpha = 0 }` or
   * `{ type: 'adaptive', k = 15, alpha = 1 }` (manylatents' kernels, docs/measures.md). Not with `sigma`.
   */
  kernel?: KernelOption;
  /** Above this many rows, the same Python-compatible subsample as diffusionSpectralEntropy. Default 10000. */
  maxN?: number;
  /** Seed of that subsample. Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
  /**
   * The eigenvalues of K at this sigma, when the caller has them already (from diffusionEigenvalues over the
   * same rows): they are used instead of being computed again.
   */
  eigenvalues?: ArrayLike<number>;
}

/** The diagnosis of K from its eigenvalues (trace K = their sum) at bandwidth sigma. */
function diagnose(eigenvalues: ArrayLike<number>, sigma: number): KernelDiagnosis | null {
  const n = eigenvalues.length;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += eigenvalues[i];
  if (trace < NEAR_CONSTANT_TRACE) {
    return {
      kind: 'constant',
      message: `K is close to constant at sigma ${sigma} (trace K = ${trace.toFixed(3)}, 1 for a constant K): sigma is large against the distances between rows, so DSE is pinned near 0 whatever the data (unit-norm embeddings with sigma 10 do this). Try --sigma auto (the median pairwise distance) or a smaller sigma.`,
    };
  }
  if (trace / n > NEAR_IDENTITY_MEAN) {
    return {
      kind: 'identity',
      message: `K is close to the identity at sigma ${sigma} (trace K / N = ${(trace / n).toFixed(3)}, 1 for K = I): sigma is small against the distances between rows, so DSE is pinned near log2 N = ${Math.log2(n).toFixed(3)} whatever the data. Try --sigma auto (the median pairwise distance) or a larger sigma.`,
    };
  }
  return null;
}

/**
 * Whether K = S^-1/2 G S^-1/2 at this sigma is close to constant or to the identity, the two cases where DSE
 * says nothing about the data (pinned near 0 or near log2 N); null when it is neither. Judged from
 * trace K = sum of the eigenvalues = sum_i 1/S_i (K_ii = G_ii / S_i = 1 / S_i, S_i the row sums of G), which
 * runs from 1 (every G_ij = 1, K = 11^T / N) to N (every G_ij = 0 off the diagonal, K = I):
 * - trace K < 1.1: the harmonic mean of the row sums exceeds N / 1.1, the affinities between rows average
 *   above ~0.9: sigma is far too large for these distances (unit-norm embeddings with sigma 10 land here);
 * - trace K / N > 0.9: on average a row keeps over 90% of its weight for itself: sigma is far too small.
 *
 * @example
 * await ready();
 * kernelDiagnosis(X, { sigma: 10 }); // { kind: 'constant', message: 'K is close to constant ...' } or null
 */
export function kernelDiagnosis(X: MatrixLike, opts?: KernelDiagnosisOptions): KernelDiagnosis | null {
  const o = options(opts);
  const spec = kernelSpecOf(o);
  const { engine, x, seed, rows } = measureRows(X, o);
  const kernel = kernelOf(spec, x, rows, seed);
  // The adaptive kernel sets each row's bandwidth from its own neighbours: neither degenerate K arises.
  if (kernel.type !== 'gaussian') return null;
  const eigenvalues = o.eigenvalues ?? descending(engine.diffusionEigenvalues(x, rows, kernel));
  return diagnose(eigenvalues, kernel.sigma);
}
