// Eigenvalues of a general real square matrix (docs/linear-algebra.md).
import type { ComplexEigenvalues } from '../engine/engine.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { toSquareMatrix, type MatrixLike } from '../matrix.js';
import { options } from '../options.js';
import { maxAbs, scaledBack, scalingExponent, timesPowerOfTwo } from './power-of-two-scale.js';

export type { ComplexEigenvalues } from '../engine/engine.js';

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
  scaledBack(real, e, 'an eigenvalue');
  scaledBack(imag, e, 'an eigenvalue');
  const order = Array.from(real, (_, k) => k).sort((p, q) => real[q] - real[p] || imag[q] - imag[p]);
  return { real: Float64Array.from(order, (k) => real[k]), imag: Float64Array.from(order, (k) => imag[k]) };
}
