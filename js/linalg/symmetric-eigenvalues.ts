// Eigenvalues of a real symmetric matrix (docs/linear-algebra.md).
import { numpyClose } from '../engine/adjacency-spectrum.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError, show } from '../errors.js';
import { toSquareMatrix, type MatrixLike } from '../matrix.js';
import { descending } from '../measures/spectral-entropy.js';
import { options } from '../options.js';

/**
 * Eigenvalues of a real symmetric matrix, descending. Like LAPACK's default (numpy.linalg.eigvalsh) only
 * the lower triangle is used; a matrix that is not symmetric to rtol 1e-5, atol 1e-8 is refused.
 *
 * @example
 * await ready();
 * symmetricEigenvalues([[2, 1], [1, 2]]); // Float64Array [3, 1]
 */
export function symmetricEigenvalues(A: MatrixLike, opts?: { backend?: BackendName }): Float64Array {
  const o = options(opts);
  const engine = engineFor(o.backend);
  const a = toSquareMatrix(A, 'A');
  const n = a.rows;
  const d = a.data;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const lower = d[i * n + j];
      const upper = d[j * n + i];
      if (!numpyClose(upper, lower)) {
        throw new DseError('E_NOT_SYMMETRIC', `A is not symmetric: A[${j}][${i}] = ${show(upper)} but A[${i}][${j}] = ${show(lower)}`, 'A', [j, i]);
      }
      maxAbs = Math.max(maxAbs, Math.abs(lower));
    }
  }
  // Entries near the ends of the float64 range would overflow (or vanish) inside the reduction: scale by a
  // power of two, which is exact, as LAPACK's drivers do, and scale the eigenvalues back.
  if (maxAbs > 2 ** 500 || (maxAbs > 0 && maxAbs < 2 ** -500)) {
    const scale = 2 ** -Math.round(Math.log2(maxAbs));
    const scaled = { data: Float64Array.from(d, (v) => v * scale), rows: n, cols: n };
    return descending(engine.symmetricEigenvalues(scaled).map((v) => v / scale));
  }
  return descending(engine.symmetricEigenvalues(a));
}
