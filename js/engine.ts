import type { AdjacencyOptions } from './adjacency-spectrum.js';
import type { DenseMatrix } from './matrix.js';

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
}
