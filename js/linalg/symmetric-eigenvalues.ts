// Eigenvalues of a real symmetric matrix (docs/linear-algebra.md).
import { numpyClose } from '../engine/adjacency-spectrum.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError, show } from '../errors.js';
import { toSquareMatrix, type MatrixLike } from '../matrix.js';
import { descending } from '../measures/spectral-entropy.js';
import { options } from '../options.js';
import { scaledBack, scalingExponent, timesPowerOfTwo } from './power-of-two-scale.js';

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
  const e = scalingExponent(maxAbs);
  if (e !== 0) {
    const scaled = { data: timesPowerOfTwo(Float64Array.from(d), e), rows: n, cols: n };
    return descending(scaledBack(engine.symmetricEigenvalues(scaled), e, 'an eigenvalue'));
  }
  return descending(engine.symmetricEigenvalues(a));
}
