// Steps of the adjacency spectrum (SPEC section 3) that both backends share: the symmetry test the reference
// uses to choose its eigensolver, and |eigenvalues| (moduli of complex ones).
import { DseError } from './errors.js';

/** How the adjacency matrix A is built (SPEC section 3). knn, when not null, replaces the Gaussian. */
export interface AdjacencyOptions {
  /** Gaussian kernel bandwidth. */
  sigma: number;
  /** A = K = S^-1/2 G S^-1/2 instead of A = G. */
  anisotropic: boolean;
  /** kNN-binarised adjacency with this k (1 <= k <= n), or null for the Gaussian one. */
  knn: number | null;
}

/**
 * numpy.allclose(A, A.T, rtol=1e-5, atol=1e-8) over the full n x n row-major A: the test by which the reference
 * sends A to its symmetric eigensolver (eigvalsh) rather than the general one (eigvals).
 */
export function isNumpySymmetric(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!(Math.abs(a[i * n + j] - a[j * n + i]) <= 1e-8 + 1e-5 * Math.abs(a[j * n + i]))) return false;
    }
  }
  return true;
}

/** |lambda_i| = hypot(re, im), written over re. */
export function moduliInto(re: Float64Array, im: Float64Array): Float64Array {
  for (let i = 0; i < re.length; i++) re[i] = Math.hypot(re[i], im[i]);
  return re;
}

/** The kNN adjacency needs k <= n rows (the k-th smallest distance of a row must exist). */
export function checkKnnFits(knn: number, n: number): void {
  if (!(Number.isInteger(knn) && knn >= 1 && knn <= n)) {
    throw new DseError('E_ARGUMENT', `knn must be an integer from 1 to the number of rows (${n}), received ${knn}`, 'knn', knn);
  }
}

/** The error of a Francis QR iteration that hit its sweep cap at active row `row` of n. */
export function qrNoConvergence(row: number, n: number): DseError {
  return new DseError('E_NO_CONVERGENCE', `the Hessenberg QR iteration did not converge at row ${row} of ${n}`, 'eigenvalues', row);
}
