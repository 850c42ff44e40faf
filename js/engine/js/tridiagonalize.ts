// Pure-JS twin of assembly/tridiagonalize.ts: Householder reduction to tridiagonal form (LAPACK dsytd2),
// upper triangle read row-wise. a: n x n row-major (destroyed); diag, offdiag: n each; work: 2n.
// The same reflectors and the same products as the WASM engine, in dsytd2's plain order: one pass for
// p = tau A22 v, one for the rank-2 update. The WASM engine fuses the two passes (and so needs 4n of
// workspace); the sums differ only by rounding, which is what the backend-agreement tests bound.
import { reflector, scaledNorm } from './householder.js';

export function tridiagonalize(a: Float64Array, n: number, diag: Float64Array, offdiag: Float64Array, work: Float64Array): void {
  const v = work.subarray(0, n);
  const p = work.subarray(n, 2 * n);
  for (let i = 0; i < n - 2; i++) {
    const rowI = i * n;
    diag[i] = a[rowI + i];

    const alpha = a[rowI + i + 1];
    const xnorm = scaledNorm(a, rowI + i + 2, rowI + n);
    if (xnorm === 0) {
      offdiag[i] = alpha;
      continue;
    }
    for (let k = i + 2; k < n; k++) v[k] = a[rowI + k];
    const { beta, tau } = reflector(alpha, v, i + 2, n, xnorm);
    offdiag[i] = beta;
    v[i + 1] = 1;

    // p = tau A22 v from the upper triangle.
    p.fill(0, i + 1, n);
    for (let j = i + 1; j < n; j++) {
      const rowJ = j * n;
      const vj = v[j];
      let t = 0;
      for (let k = j + 1; k < n; k++) {
        const r = a[rowJ + k];
        t += r * v[k];
        p[k] += r * vj;
      }
      p[j] += a[rowJ + j] * vj + t;
    }
    let pv = 0;
    for (let k = i + 1; k < n; k++) {
      p[k] *= tau;
      pv += p[k] * v[k];
    }
    const half = 0.5 * tau * pv;
    for (let k = i + 1; k < n; k++) p[k] -= half * v[k];
    // A22 -= v w^T + w v^T.
    for (let j = i + 1; j < n; j++) {
      const rowJ = j * n;
      const vj = v[j];
      const wj = p[j];
      for (let k = j; k < n; k++) a[rowJ + k] -= vj * p[k] + wj * v[k];
    }
  }
  if (n >= 2) {
    diag[n - 2] = a[(n - 2) * n + n - 2];
    offdiag[n - 2] = a[(n - 2) * n + n - 1];
  }
  if (n >= 1) {
    diag[n - 1] = a[(n - 1) * n + n - 1];
    offdiag[n - 1] = 0;
  }
}
