import { engineFor, type BackendName } from '../backend.js';
import { descending } from '../entropy.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { options } from '../validate.js';

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
  let maxAbs = 0;
  for (let k = 0; k < a.data.length; k++) maxAbs = Math.max(maxAbs, Math.abs(a.data[k]));
  // Entries near the ends of the float64 range would overflow (or vanish) inside the reduction: scale by a
  // power of two, which is exact, as LAPACK's drivers do, and scale the values back.
  if (maxAbs > 2 ** 500 || (maxAbs > 0 && maxAbs < 2 ** -500)) {
    const scale = 2 ** -Math.round(Math.log2(maxAbs));
    const scaled: DenseMatrix = { data: Float64Array.from(a.data, (v) => v * scale), rows: a.rows, cols: a.cols };
    return descending(engine.singularValues(scaled).map((v) => v / scale));
  }
  return descending(engine.singularValues(a));
}
