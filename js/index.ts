// dse-wasm: diffusion spectral entropy (Liao, Liu et al., arXiv 2312.04823) in WebAssembly, with a pure-JS twin.
import { engineFor, type BackendName } from './backend.js';
import { DseError, show } from './errors.js';
import { descending, spectralEntropy } from './entropy.js';
import { copyRows, toMatrix, toSquareMatrix, type DenseMatrix, type MatrixLike } from './matrix.js';
import { checkSeed, pythonSample } from './python-random.js';
import { integerAtLeast, options, positive } from './validate.js';
import { diffusionSpectralEntropyEstimate, type EntropyEstimateOptions } from './measures/diffusion-entropy-estimate.js';

export { DseError, type DseErrorCode } from './errors.js';
export type { KernelStorage } from './engine.js';
export type { Matrix, MatrixLike, NumericArray } from './matrix.js';
export { ready, isReady, type ReadyOptions } from './wasm.js';
export { setDefaultBackend, defaultBackend, type BackendName } from './backend.js';
export { engineInfo, type EngineInfo } from './backend.js';
export { spectralEntropy } from './entropy.js';
export { pythonSample } from './python-random.js';
export {
  diffusionSpectralEntropyEstimate, type EntropyEstimate, type EntropyEstimateOptions, type EstimateProgress,
} from './measures/diffusion-entropy-estimate.js';
export { adjacencySpectralEntropy, generalEigenvalues, type AdjacencyEntropyOptions, type ComplexEigenvalues } from './adjacency.js';
export { classicShannonEntropy, type ClassicEntropyOptions } from './classic-entropy.js';
export { spectralClustering, type SpectralClusteringOptions } from './spectral-clustering.js';
export {
  diffusionSpectralMutualInformation, adjacencySpectralMutualInformation, type MutualInformation, type ClassTerm,
  type MutualInformationOptions, type AdjacencyMutualInformationOptions, type ProgressCallback, type ReferenceLike,
} from './mutual-information.js';

/** Options of {@link diffusionEigenvalues}. */
export interface EigenvalueOptions {
  /** Gaussian kernel bandwidth; the reference's default is 10. */
  sigma?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/** Options of {@link diffusionSpectralEntropy}. */
export interface EntropyOptions extends EigenvalueOptions {
  /** Diffusion time: eigenvalues enter as |lambda|^t. Default 1. */
  t?: number;
  /** Above this many rows, a Python-compatible random subsample of maxN rows is used. Default 10000. */
  maxN?: number;
  /** Seed of that subsample (Python's random.seed). Default 0. */
  seed?: number;
  /**
   * 'eigen' (default): entropy of the eigenvalues of K. 'matrix-entry': entropy of the N^2 entries of the
   * row-stochastic P = diag(1 / row sums of K) K, the reference's `matrix_entry_entropy=True` (t unused).
   */
  variant?: 'eigen' | 'matrix-entry';
  /**
   * 'exact' (default): all N eigenvalues. 'estimate': {@link diffusionSpectralEntropyEstimate} on the same rows
   * (after maxN subsampling), its `value`; `tolerance`, `confidence`, `maxMatvecs` and `precision` pass through.
   */
  method?: 'exact' | 'estimate';
  tolerance?: number;
  confidence?: number;
  maxMatvecs?: number;
  precision?: 'float64' | 'float32' | 'matrix-free';
}

/**
 * All N eigenvalues of the anisotropic diffusion matrix K = S^-1/2 G S^-1/2, G_ij = exp(-|x_i - x_j|^2 /
 * (2 sigma^2)), S = diag(row sums of G); in descending order, the largest being 1.
 *
 * @example
 * await ready();
 * diffusionEigenvalues([[0, 0], [0, 1], [5, 5]], { sigma: 1 }); // Float64Array [1, 0.21..., ~0]
 */
export function diffusionEigenvalues(X: MatrixLike, opts?: EigenvalueOptions): Float64Array {
  const o = options(opts);
  const sigma = positive(o.sigma, 'sigma', 10);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  return descending(engine.diffusionEigenvalues(x, null, sigma));
}

/**
 * Diffusion spectral entropy of the rows of X, in bits (SPEC section 2): the entropy of the normalised
 * |eigenvalues|^t of K. Equal to the authors' `diffusion_spectral_entropy(X, sigma, t, max_N)`.
 * Bounded by log2 N; near 0 when sigma is large for the data (K nearly constant), near log2 N when sigma is
 * small (K nearly the identity). `variant: 'matrix-entry'` instead takes the entropy of the N^2 entries of
 * P = diag(1 / row sums of K) K, p_ij = |P_ij| / sum |P| + 2^-52 (bounded by 2 log2 N).
 *
 * @example
 * await ready();
 * const X = { data: new Float32Array(1000 * 768), rows: 1000, cols: 768 };
 * diffusionSpectralEntropy(X, { sigma: 10, t: 1 });
 */
export function diffusionSpectralEntropy(X: MatrixLike, opts?: EntropyOptions): number {
  const o = options(opts);
  const sigma = positive(o.sigma, 'sigma', 10);
  const t = positive(o.t, 't', 1);
  const maxN = integerAtLeast(o.maxN, 'maxN', 2, 10000);
  const seed = o.seed === undefined ? 0 : checkSeed(o.seed);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const variant = o.variant === undefined ? 'eigen' : o.variant;
  if (variant !== 'eigen' && variant !== 'matrix-entry') {
    throw new DseError('E_ARGUMENT', `variant must be 'eigen' or 'matrix-entry', received ${show(variant)}`, 'variant', variant);
  }
  const method = o.method === undefined ? 'exact' : o.method;
  if (method !== 'exact' && method !== 'estimate') {
    throw new DseError('E_ARGUMENT', `method must be 'exact' or 'estimate', received ${show(method)}`, 'method', method);
  }
  const rows = x.rows > maxN ? pythonSample(seed, x.rows, maxN) : null;
  if (method === 'estimate') {
    if (variant !== 'eigen') throw new DseError('E_ARGUMENT', `method 'estimate' computes the eigen variant only, received variant ${show(variant)}`, 'variant', variant);
    const sub = rows === null ? x : subsetRows(x, rows);
    const e: EntropyEstimateOptions = { sigma, t, tolerance: o.tolerance, confidence: o.confidence, maxMatvecs: o.maxMatvecs, precision: o.precision, backend: o.backend };
    return diffusionSpectralEntropyEstimate(sub, e).value;
  }
  if (variant === 'matrix-entry') return engine.diffusionMatrixEntryEntropy(x, rows, sigma);
  // Sorted as diffusionEigenvalues returns them, so that spectralEntropy(diffusionEigenvalues(X)) sums in the
  // same order and gives the same number to the last bit.
  return spectralEntropy(descending(engine.diffusionEigenvalues(x, rows, sigma)), { t });
}

// The listed rows of x, as a new matrix.
function subsetRows(x: DenseMatrix, rows: Int32Array): DenseMatrix {
  const data = new Float64Array(rows.length * x.cols);
  copyRows(x, rows, data);
  return { data, rows: rows.length, cols: x.cols };
}

/**
 * Eigenvalues of a real symmetric matrix, descending. Like LAPACK's default (numpy.linalg.eigvalsh) only
 * the lower triangle is used; a matrix that is not symmetric to rtol 1e-5, atol 1e-8 is refused.
 *
 * @example
 * await ready();
 * symmetricEigenvalues([[2, 1], [1, 2]]); // Float64Array [3, 1]
 */
export function symmetricEigenvalues(A: MatrixLike, opts?: { backend?: BackendName }): Float64Array {
  const o = options(opts);
  const engine = engineFor(o.backend);
  const a = toSquareMatrix(A, 'A');
  const n = a.rows;
  const d = a.data;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const lower = d[i * n + j];
      const upper = d[j * n + i];
      if (Math.abs(upper - lower) > 1e-8 + 1e-5 * Math.abs(lower)) {
        throw new DseError('E_NOT_SYMMETRIC', `A is not symmetric: A[${j}][${i}] = ${show(upper)} but A[${i}][${j}] = ${show(lower)}`, 'A', [j, i]);
      }
      maxAbs = Math.max(maxAbs, Math.abs(lower));
    }
  }
  // Entries near the ends of the float64 range would overflow (or vanish) inside the reduction: scale by a
  // power of two, which is exact, as LAPACK's drivers do, and scale the eigenvalues back.
  if (maxAbs > 2 ** 500 || (maxAbs > 0 && maxAbs < 2 ** -500)) {
    const scale = 2 ** -Math.round(Math.log2(maxAbs));
    const scaled = { data: Float64Array.from(d, (v) => v * scale), rows: n, cols: n };
    return descending(engine.symmetricEigenvalues(scaled).map((v) => v / scale));
  }
  return descending(engine.symmetricEigenvalues(a));
}
