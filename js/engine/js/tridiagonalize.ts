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
    const tau = stepReflector(a, n, i, diag, offdiag, v);
    if (tau === 0) continue;
    symmetricProduct(a, n, i, v, p);
    reflectorW(p, p, v, tau, i + 1, n);
    // A22 -= v w^T + w v^T.
    for (let j = i + 1; j < n; j++) {
      const rowJ = j * n;
      const vj = v[j];
      const wj = p[j];
      for (let k = j; k < n; k++) a[rowJ + k] -= vj * p[k] + wj * v[k];
    }
  }
  lastEntries(a, n, diag, offdiag);
}

/**
 * Step i's reflector, from row i of a (its pending updates applied): diag[i] and offdiag[i] set, v[i+1..n)
 * the reflector (v[i+1] = 1). Returns tau, or 0 when x = A[i][i+2..n) is zero and H(i) = I (v then untouched).
 */
export function stepReflector(a: Float64Array, n: number, i: number, diag: Float64Array, offdiag: Float64Array, v: Float64Array): number {
  const rowI = i * n;
  diag[i] = a[rowI + i];
  const alpha = a[rowI + i + 1];
  const xnorm = scaledNorm(a, rowI + i + 2, rowI + n);
  if (xnorm === 0) {
    offdiag[i] = alpha;
    return 0;
  }
  for (let k = i + 2; k < n; k++) v[k] = a[rowI + k];
  const { beta, tau } = reflector(alpha, v, i + 2, n, xnorm);
  offdiag[i] = beta;
  v[i + 1] = 1;
  return tau;
}

/** p[i+1..n) = A22 v, A22 = A[i+1..n)[i+1..n) read from its upper triangle. */
export function symmetricProduct(a: Float64Array, n: number, i: number, v: Float64Array, p: Float64Array): void {
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
}

/** w = tau p - (tau^2 / 2)(p . v) v over [from, n) (w may be p). */
export function reflectorW(w: Float64Array, p: Float64Array, v: Float64Array, tau: number, from: number, n: number): void {
  let pv = 0;
  for (let k = from; k < n; k++) {
    w[k] = tau * p[k];
    pv += w[k] * v[k];
  }
  const half = 0.5 * tau * pv;
  for (let k = from; k < n; k++) w[k] -= half * v[k];
}

/** diag's last two entries and offdiag's last, from the last two rows once nothing is pending on them. */
export function lastEntries(a: Float64Array, n: number, diag: Float64Array, offdiag: Float64Array): void {
  if (n >= 2) {
    diag[n - 2] = a[(n - 2) * n + n - 2];
    offdiag[n - 2] = a[(n - 2) * n + n - 1];
  }
  if (n >= 1) {
    diag[n - 1] = a[(n - 1) * n + n - 1];
    offdiag[n - 1] = 0;
  }
}
