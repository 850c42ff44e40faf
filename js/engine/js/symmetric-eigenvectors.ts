// Pure-JS twin of assembly/symmetric-eigenvectors.ts: EISPACK tred2 (Householder reduction with Q kept),
// then implicit QL applying its rotations to Q. a: n x n row-major, lower triangle read, overwritten by the
// eigenvectors (columns); diag (n) receives the eigenvalues, unsorted; offdiag (n) is workspace.
// Returns 0, or 1 + the index of the eigenvalue that did not converge.
import { tridiagonalQL } from './tridiagonal-ql.js';

function reduceWithQ(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    const ri = i * n;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k < i; k++) scale += Math.abs(a[ri + k]);
      if (scale === 0) {
        e[i] = a[ri + l];
      } else {
        for (let k = 0; k < i; k++) {
          a[ri + k] /= scale;
          h += a[ri + k] * a[ri + k];
        }
        let f = a[ri + l];
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[ri + l] = f - g;
        f = 0;
        for (let j = 0; j < i; j++) {
          a[j * n + i] = a[ri + j] / h;
          g = 0;
          for (let k = 0; k <= j; k++) g += a[j * n + k] * a[ri + k];
          for (let k = j + 1; k < i; k++) g += a[k * n + j] * a[ri + k];
          e[j] = g / h;
          f += e[j] * a[ri + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j < i; j++) {
          f = a[ri + j];
          g = e[j] - hh * f;
          e[j] = g;
          for (let k = 0; k <= j; k++) a[j * n + k] -= f * e[k] + g * a[ri + k];
        }
      }
    } else {
      e[i] = a[ri + l];
    }
    d[i] = h;
  }
  d[0] = 0;
  e[0] = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    if (d[i] !== 0) {
      for (let j = 0; j < i; j++) {
        let g = 0;
        for (let k = 0; k < i; k++) g += a[ri + k] * a[k * n + j];
        for (let k = 0; k < i; k++) a[k * n + j] -= g * a[k * n + i];
      }
    }
    d[i] = a[ri + i];
    a[ri + i] = 1;
    for (let j = 0; j < i; j++) {
      a[j * n + i] = 0;
      a[ri + j] = 0;
    }
  }
}

export function symmetricEigenvectors(a: Float64Array, n: number, diag: Float64Array, offdiag: Float64Array): number {
  reduceWithQ(a, n, diag, offdiag);
  offdiag.copyWithin(0, 1, n);
  if (n > 0) offdiag[n - 1] = 0;
  return tridiagonalQL(diag, offdiag, n, a);
}
