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

/** How a {@link DiffusionOperator} holds K. */
export type KernelStorage = 'float64' | 'float32' | 'matrix-free';

/**
 * K of SPEC section 1 held by an engine for repeated block products (the estimate's operator). It keeps the
 * engine (the WASM one is single-caller) until release().
 */
export interface DiffusionOperator {
  readonly n: number;
  /**
   * How K is held for the products: float64, rounded to float32 (relative error <= 2^-24 per entry), or not at
   * all ('matrix-free': tiles recomputed from X for every product, float64, memory O(N (D + maxBlock))).
   */
  readonly precision: KernelStorage;
  /** S^-1/2 (n values): K S^1/2 1 = S^1/2 1, so S^1/2 1 normalised is an eigenvector of eigenvalue 1. */
  readonly inverseSqrtRowSums: Float64Array;
  /** tr K and ||K||_F^2 = tr K^2 of the float64 K, before any float32 rounding. */
  readonly trace: number;
  readonly frobeniusSquared: number;
  /** The same of the matrix the products use (equal to the above for float64). */
  readonly storedTrace: number;
  readonly storedFrobeniusSquared: number;
  /** Most vectors one multiply() takes. */
  readonly maxBlock: number;
  /** y = K x for b <= maxBlock vectors; x and y are n x b, row-major. */
  multiply(x: Float64Array, y: Float64Array, b: number): void;
  release(): void;
}

/** What each backend computes; the stages behind it are the same in both (distance, kernel, tridiagonalize, QL). */
export interface Engine {
  /** Eigenvalues of K (SPEC section 1) for the rows of x listed in `rows`, or all rows; unsorted. */
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, sigma: number): Float64Array;
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
  /** K for the rows of x listed in `rows` (or all), stored for products with blocks of up to maxBlock vectors. */
  diffusionOperator(x: DenseMatrix, rows: Int32Array | null, sigma: number, precision: KernelStorage, maxBlock: number): DiffusionOperator;
}
