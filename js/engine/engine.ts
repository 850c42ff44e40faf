// The Engine: what each backend computes. The stages behind it are the same in both (distance, kernel,
// tridiagonalize, QL, hessenberg, QR), in js/engine/wasm/ over WebAssembly memory and js/engine/js/ over
// Float64Arrays; js/engine/select.ts picks one per call.
import type { Kernel } from '../kernel.js';
import type { DenseMatrix } from '../matrix.js';

/** How the adjacency matrix A of the adjacency spectral entropy is built (docs/measures.md). */
export interface AdjacencyOptions {
  /** The affinity A = G is made of (unused with knn). */
  kernel: Kernel;
  /** A = K = S^-1/2 G S^-1/2 instead of A = G. */
  anisotropic: boolean;
  /** kNN-binarised adjacency with this k (1 <= k <= n), or null for the kernel one. */
  knn: number | null;
}

/** Eigenvalues of a general real matrix: real and imaginary parts. */
export interface ComplexEigenvalues {
  real: Float64Array;
  imag: Float64Array;
}

/** How a {@link DiffusionOperator} holds K. */
export type KernelStorage = 'float64' | 'float32' | 'matrix-free';

/** K = S^-1/2 G S^-1/2 held by an engine for repeated block products (the estimate's operator). */
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
  /** The same of the matrix the products use (equal to the above for float64 and matrix-free). */
  readonly storedTrace: number;
  readonly storedFrobeniusSquared: number;
  /** Most vectors one multiply() takes. */
  readonly maxBlock: number;
  /** y = K x for b <= maxBlock vectors; x and y are n x b, row-major. */
  multiply(x: Float64Array, y: Float64Array, b: number): void;
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
  const work = [(n * n * d) / 2, 2 * n * n, (4 * n * n * n) / 3, 30 * n * n];
  const upTo = ['distances', 'kernel', 'tridiagonalize', 'ql'].indexOf(stage) + 1;
  return work.slice(0, upTo).reduce((a, b) => a + b, 0) / work.reduce((a, b) => a + b, 0);
}

/** The stage reporter of one diffusionEigenvalues call over n rows of d features, or undefined. */
export function stageReporter(onProgress: EigenvalueProgress | undefined, n: number, d: number): ((stage: EigenvalueStage) => void) | undefined {
  return onProgress && ((stage) => onProgress(eigenvalueFraction(stage, n, d), stage));
}

/** What each backend computes; `rows` lists the rows of x a call uses (null: all of them). */
export interface Engine {
  /**
   * Eigenvalues of K = S^-1/2 G S^-1/2 (G from `kernel`) over the listed rows; unsorted. `onProgress` hears
   * of each stage as it ends (four calls: nothing inside the stages).
   */
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, onProgress?: EigenvalueProgress): Float64Array;
  /**
   * The eigenvalues of each subset's K (anisotropic: as diffusionEigenvalues) or their moduli of G (else: as
   * adjacencyEigenvalueModuli with knn null), handed to `each` in the subsets' order,
   * outside the engine (each may call it). The WASM backend runs the subsets concurrently on its threads,
   * with the same bits as one by one.
   */
  subsetEigenvalues(x: DenseMatrix, subsets: Int32Array[], kernel: Kernel, anisotropic: boolean, each: (i: number, values: Float64Array) => void): void;
  /**
   * The full n x n K = S^-1/2 G S^-1/2 (row-major, both triangles) over the listed rows: what the reference's
   * Chebyshev mode reads.
   */
  diffusionKernel(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel): Float64Array;
  /** Eigenvalues of a symmetric matrix, read from its lower triangle as LAPACK's default does; unsorted. */
  symmetricEigenvalues(a: DenseMatrix): Float64Array;
  /**
   * |eigenvalues| of the adjacency matrix A (G, K or kNN-binarised) over the listed rows; unsorted. A
   * non-symmetric A goes through hessenberg + hessenbergQR.
   */
  adjacencyEigenvalueModuli(x: DenseMatrix, rows: Int32Array | null, opts: AdjacencyOptions): Float64Array;
  /** Eigenvalues of a general real square matrix (hessenberg + hessenbergQR), in deflation order. */
  generalEigenvalues(a: DenseMatrix): ComplexEigenvalues;
  /** Entropy of the n^2 entries of P = diag(1 / row sums of K) K, K from `kernel` (the matrix-entry DSE). */
  diffusionMatrixEntryEntropy(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel): number;
  /**
   * Eigenvalues (unsorted) and eigenvectors of the symmetric n x n matrix `a` (row-major, lower triangle
   * read); `vectors` is n x n row-major with the eigenvector of values[j] in column j.
   */
  symmetricEigenvectors(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array };
  /** The k nearest rows of every row of y (itself included), nearest first: n x k, row-major. */
  nearestNeighbors(y: DenseMatrix, k: number): Int32Array;
  /**
   * Runs fn with K (G from `kernel`) over the listed rows held for block products of up to maxBlock vectors;
   * the WASM backend is busy (single caller) until fn returns.
   */
  withDiffusionOperator<T>(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, storage: KernelStorage, maxBlock: number, fn: (op: DiffusionOperator) => T): T;
  /** Singular values of any real matrix (bidiagonalize + bidiagonalQR; a wide one transposed), >= 0, unsorted. */
  singularValues(a: DenseMatrix): Float64Array;
  /** The full N x N affinity matrix of the rows of x under `kernel` (both triangles), row-major. */
  kernelMatrix(x: DenseMatrix, kernel: Kernel): Float64Array;
}
