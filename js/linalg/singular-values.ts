// Singular values of a real matrix (docs/linear-algebra.md).
import { engineFor, type BackendName } from '../engine/select.js';
import { descending } from '../measures/spectral-entropy.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { options } from '../options.js';
import { maxAbs, scaledBack, scalingExponent, timesPowerOfTwo } from './power-of-two-scale.js';

/** Options of {@link singularValues}. */
export interface SingularValueOptions {
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * All min(rows, cols) singular values of a real matrix, descending (numpy.linalg.svd(A, compute_uv=False)).
 * Golub-Kahan Householder bidiagonalisation (LAPACK dgebd2), then implicit zero-shift / shifted QR on the
 * bidiagonal (Demmel & Kahan 1990, LAPACK dbdsqr): never through A^T A, whose rounding would wipe out every
 * singular value below sqrt(eps) sigma_max. Each value is accurate to a few eps * sigma_max (as LAPACK's);
 * those of a bidiagonal matrix to high relative accuracy. A wide matrix is transposed first.
 *
 * @example
 * await ready();
 * singularValues([[3, 0], [0, -4], [0, 0]]); // Float64Array [4, 3]
 */
export function singularValues(A: MatrixLike, opts?: SingularValueOptions): Float64Array {
  const o = options(opts);
  const engine = engineFor(o.backend);
  const a = toMatrix(A, 'A', 1);
  // Entries near the ends of the float64 range would overflow (or vanish) inside the reduction: scale by an
  // exact power of two, as LAPACK's drivers do, and scale the values back.
  const e = scalingExponent(maxAbs(a.data));
  if (e !== 0) {
    const scaled: DenseMatrix = { data: timesPowerOfTwo(Float64Array.from(a.data), e), rows: a.rows, cols: a.cols };
    return descending(scaledBack(engine.singularValues(scaled), e, 'a singular value'));
  }
  return descending(engine.singularValues(a));
}
