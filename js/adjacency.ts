// Adjacency spectral entropy (SPEC section 3) and the general real eigenvalue problem behind its kNN variant.
import type { AdjacencyOptions } from './adjacency-spectrum.js';
import { engineFor, type BackendName } from './backend.js';
import { entropyOfWeights } from './entropy.js';
import { DseError, show } from './errors.js';
import { toMatrix, toSquareMatrix, type MatrixLike } from './matrix.js';
import { checkSeed, pythonSample } from './python-random.js';
import { integerAtLeast, options, positive } from './validate.js';
import { maxAbs, scalingExponent, timesPowerOfTwo } from './linalg/power-of-two-scale.js';

export type { AdjacencyOptions } from './adjacency-spectrum.js';

/** Options of {@link adjacencySpectralEntropy}. */
export interface AdjacencyEntropyOptions {
  /** Gaussian kernel bandwidth; the reference's default is 10. Unused with `knn`. */
  sigma?: number;
  /** Use K = S^-1/2 G S^-1/2 (then ASE equals DSE with t = 1) instead of G. Default false. Unused with `knn`. */
  anisotropic?: boolean;
  /**
   * Use the kNN-binarised adjacency with k = knn instead of the Gaussian one (the reference's
   * `use_knn=True, knn=k`; its k is 10). An integer with 1 <= knn < rows. Default: off.
   */
  knn?: number | null;
  /** Above this many rows, a Python-compatible random subsample of maxN rows is used. Default 10000. */
  maxN?: number;
  /** Seed of that subsample (Python's random.seed). Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * Validates sigma, anisotropic and knn for an adjacency matrix over `rows` rows (knn must be below it), and
 * returns them with their defaults. Shared by every caller of the engine's adjacencyEigenvalueModuli.
 */
export function adjacencyOptions(o: Partial<AdjacencyEntropyOptions>, rows: number): AdjacencyOptions {
  const sigma = positive(o.sigma, 'sigma', 10);
  const anisotropic = o.anisotropic ?? false;
  if (typeof anisotropic !== 'boolean') {
    throw new DseError('E_ARGUMENT', `anisotropic must be true or false, received ${show(anisotropic)}`, 'anisotropic', anisotropic);
  }
  const knn = o.knn ?? null;
  if (knn !== null && (typeof knn !== 'number' || !Number.isSafeInteger(knn) || knn < 1 || knn >= rows)) {
    throw new DseError('E_ARGUMENT', `knn must be an integer with 1 <= knn < ${rows} (the number of rows), received ${show(knn)}`, 'knn', knn);
  }
  return { sigma, anisotropic, knn };
}

/**
 * Adjacency spectral entropy of the rows of X, in bits (SPEC section 3): with lambda the eigenvalues of an
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
  const maxN = integerAtLeast(o.maxN, 'maxN', 2, 10000);
  const seed = o.seed === undefined ? 0 : checkSeed(o.seed);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const adjacency = adjacencyOptions(o, Math.min(x.rows, maxN));
  const rows = x.rows > maxN ? pythonSample(seed, x.rows, maxN) : null;
  return entropyOfWeights(engine.adjacencyEigenvalueModuli(x, rows, adjacency));
}

/** Eigenvalues of a real square matrix: real and imaginary parts. */
export interface ComplexEigenvalues {
  real: Float64Array;
  imag: Float64Array;
}

/**
 * All n eigenvalues lambda_k = real[k] + i imag[k] of a general real n x n matrix A (LAPACK dgehd2 Householder
 * reduction to Hessenberg form, then dlahqr's Francis double-shift QR; numpy.linalg.eigvals without
 * balancing). Sorted by descending real part, then descending imaginary part, so a complex conjugate pair
 * is adjacent with its positive member first.
 *
 * @example
 * await ready();
 * generalEigenvalues([[0, -1], [1, 0]]); // { real: [0, 0], imag: [1, -1] }
 */
export function generalEigenvalues(A: MatrixLike, opts?: { backend?: BackendName }): ComplexEigenvalues {
  const o = options(opts);
  const engine = engineFor(o.backend);
  const a = toSquareMatrix(A, 'A');
  // Scaled by a power of two (exact) when the entries lie near the ends of the float64 range, as dgeev does.
  const e = scalingExponent(maxAbs(a.data));
  const { real, imag } = engine.generalEigenvalues(e === 0 ? a : { data: timesPowerOfTwo(Float64Array.from(a.data), e), rows: a.rows, cols: a.cols });
  timesPowerOfTwo(real, -e);
  timesPowerOfTwo(imag, -e);
  const order = Array.from(real, (_, k) => k).sort((p, q) => real[q] - real[p] || imag[q] - imag[p]);
  return { real: Float64Array.from(order, (k) => real[k]), imag: Float64Array.from(order, (k) => imag[k]) };
}
