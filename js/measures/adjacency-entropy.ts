// Adjacency spectral entropy (ASE) of the rows of X (docs/measures.md).
import type { AdjacencyOptions } from '../engine/engine.js';
import type { BackendName } from '../engine/select.js';
import type { DenseMatrix, MatrixLike } from '../matrix.js';
import { flag, knnOption, options, sigmaOf } from '../options.js';
import { kernelOf } from './bandwidth.js';
import { entropyOfWeights } from './spectral-entropy.js';
import { measureRows } from './subsample.js';

/** Options of {@link adjacencySpectralEntropy}. */
export interface AdjacencyEntropyOptions {
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance); default 10. Unused with `knn`. */
  sigma?: number | 'auto';
  /** Use K = S^-1/2 G S^-1/2 (then ASE equals DSE with t = 1) instead of G. Default false. Unused with `knn`. */
  anisotropic?: boolean;
  /**
   * Use the kNN-binarised adjacency with k = knn instead of the Gaussian one (the reference's
   * `use_knn=True, knn=k`); `true` for the reference's k = 10. An integer with 1 <= knn < rows. Default: off.
   */
  knn?: number | boolean | null;
  /** Above this many rows, a Python-compatible random subsample of maxN rows is used. Default 10000. */
  maxN?: number;
  /** Seed of that subsample (Python's random.seed). Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * The adjacency of a measure over the listed rows of x (sigma, anisotropic and knn checked, knn below the row
 * count), with its defaults. Shared by every caller of the engine's adjacencyEigenvalueModuli.
 */
export function adjacencyOptions(o: Partial<AdjacencyEntropyOptions>, x: DenseMatrix, rows: Int32Array | null, seed: number): AdjacencyOptions {
  const sigma = sigmaOf(o.sigma);
  const anisotropic = flag(o.anisotropic, 'anisotropic', false);
  const knn = knnOption(o.knn, rows === null ? x.rows : rows.length);
  return { kernel: kernelOf(sigma, x, rows, seed), anisotropic, knn };
}

/**
 * Adjacency spectral entropy of the rows of X, in bits (docs/measures.md): with lambda the eigenvalues of an
 * adjacency matrix A, p_i = |lambda_i| / sum_j |lambda_j| + 2^-52 and ASE = -sum_i p_i log2 p_i.
 * A is the Gaussian affinity G_ij = exp(-d_ij^2 / (2 sigma^2)); with `anisotropic`, K = S^-1/2 G S^-1/2
 * (so ASE = DSE at t = 1); with `knn`, the binarised A_ij = 1 where d_ij <= r_i, r_i the knn-th smallest
 * distance of row i (its own 0 first). That A is not symmetric in general: its eigenvalues come from a
 * Hessenberg reduction and Francis double-shift QR, complex ones entering by their modulus (like the reference,
 * a kNN A that happens to equal its transpose goes to the symmetric solver instead). Equal to the authors'
 * `adjacency_spectral_entropy(X, anisotropic, use_knn, knn, sigma, max_N)`; above maxN rows, the same
 * Python-compatible subsample as {@link diffusionSpectralEntropy}.
 *
 * Precision with `knn`: rows of A often repeat (points with the same neighbours), making 0 a defective
 * eigenvalue; any backward-stable solver, LAPACK's included, returns it as a cluster of moduli of size about
 * eps^(1/m) (m the Jordan block size), so the entropy is reproducible to about 1e-4, not to rounding. The
 * Gaussian and anisotropic variants are symmetric and reproducible to ~1e-14.
 *
 * @example
 * await ready();
 * adjacencySpectralEntropy(X, { sigma: 10 });         // Gaussian adjacency
 * adjacencySpectralEntropy(X, { knn: 10 });           // kNN-binarised adjacency
 */
export function adjacencySpectralEntropy(X: MatrixLike, opts?: AdjacencyEntropyOptions): number {
  const o = options(opts);
  const { engine, x, seed, rows } = measureRows(X, o);
  const adjacency = adjacencyOptions(o, x, rows, seed);
  return entropyOfWeights(engine.adjacencyEigenvalueModuli(x, rows, adjacency));
}
