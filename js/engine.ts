import type { DenseMatrix } from './matrix.js';

/** What each backend computes; the stages behind it are the same in both (distance, kernel, tridiagonalize, QL). */
export interface Engine {
  /** Eigenvalues of K (SPEC section 1) for the rows of x listed in `rows`, or all rows; unsorted. */
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, sigma: number): Float64Array;
  /** Eigenvalues of a symmetric matrix, read from its lower triangle as LAPACK's default does; unsorted. */
  symmetricEigenvalues(a: DenseMatrix): Float64Array;
}
