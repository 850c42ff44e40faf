import type { AdjacencyOptions } from './adjacency-spectrum.js';
import { DseError } from './errors.js';
import type { DenseMatrix } from './matrix.js';

/** wasm32 addresses 2^32 bytes; both backends refuse, before allocating, a problem needing more. */
export const MAX_MEMORY_BYTES = 2 ** 32;

/** Throws E_TOO_LARGE when `bytes` exceed what a wasm32 engine can hold. */
export function assertFits(bytes: number, what: string, detail = ''): void {
  if (bytes > MAX_MEMORY_BYTES) {
    throw new DseError('E_TOO_LARGE', `${what} needs ${(bytes / 2 ** 30).toFixed(2)} GiB of memory, more than the 4 GiB a wasm32 engine can address${detail}`, 'X', bytes);
  }
}

/** The stages of the diffusion eigenvalues, reported as each ends. */
export type EigenvalueStage = 'distances' | 'kernel' | 'tridiagonalize' | 'ql';

/**
 * Called as each stage of {@link Engine.diffusionEigenvalues} ends, with the fraction of the work done, counted
 * in floating-point operations (distances n^2 d / 2, kernel 2 n^2, tridiagonalize 4 n^3 / 3, QL about 30 n^2).
 */
export type EigenvalueProgress = (fraction: number, stage: EigenvalueStage) => void;

/** The fraction of diffusionEigenvalues' work done when `stage` ends, for n rows of d features. */
export function eigenvalueFraction(stage: EigenvalueStage, n: number, d: number): number {
  const work = [n * n * d / 2, 2 * n * n, (4 * n * n * n) / 3, 30 * n * n];
  const upTo = ['distances', 'kernel', 'tridiagonalize', 'ql'].indexOf(stage) + 1;
  return work.slice(0, upTo).reduce((a, b) => a + b, 0) / work.reduce((a, b) => a + b, 0);
}

/** What each backend computes; the stages behind it are the same in both (distance, kernel, tridiagonalize, QL). */
export interface Engine {
  /**
   * Eigenvalues of K (SPEC section 1) for the rows of x listed in `rows`, or all rows; unsorted. `onProgress`
   * hears of each stage as it ends (four calls: nothing inside the stages).
   */
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, sigma: number, onProgress?: EigenvalueProgress): Float64Array;
  /**
   * The full n x n anisotropic diffusion matrix K of SPEC section 1 (row-major, both triangles) for the rows of
   * x listed in `rows`, or all rows: what the reference's Chebyshev mode reads.
   */
  diffusionKernel(x: DenseMatrix, rows: Int32Array | null, sigma: number): Float64Array;
  /** Eigenvalues of a symmetric matrix, read from its lower triangle as LAPACK's default does; unsorted. */
  symmetricEigenvalues(a: DenseMatrix): Float64Array;
  /**
   * |eigenvalues| of the adjacency matrix A of SPEC section 3 (G, K or kNN-binarised) for the rows of x listed
   * in `rows`, or all rows; unsorted. A non-symmetric A goes through hessenberg + hessenbergQR.
   */
  adjacencyEigenvalueModuli(x: DenseMatrix, rows: Int32Array | null, opts: AdjacencyOptions): Float64Array;
  /** Eigenvalues of a general real square matrix (hessenberg + hessenbergQR), in deflation order. */
  generalEigenvalues(a: DenseMatrix): { real: Float64Array; imag: Float64Array };
  /** Entropy of the n^2 entries of P = diag(1 / row sums of K) K (SPEC section 2, matrix-entry variant). */
  diffusionMatrixEntryEntropy(x: DenseMatrix, rows: Int32Array | null, sigma: number): number;
  /**
   * Eigenvalues (unsorted) and eigenvectors of the symmetric n x n matrix `a` (row-major, lower triangle
   * read); `vectors` is n x n row-major with the eigenvector of values[j] in column j.
   */
  symmetricEigenvectors(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array };
  /** The k nearest rows of every row of y (itself included), nearest first: n x k, row-major. */
  nearestNeighbors(y: DenseMatrix, k: number): Int32Array;
}
