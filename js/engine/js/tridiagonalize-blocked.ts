// Pure-JS twin of assembly/tridiagonalize-blocked.ts: the Householder reduction to tridiagonal form in panels
// of nb reflectors (LAPACK dsytrd / dlatrd, "L" storage = our upper triangle read row-wise). Within a panel,
// step i's product uses the trailing matrix as the panel found it, corrected by the panel's earlier reflectors:
//   p = tau (A22 v - V (W^T v) - W (V^T v)),  w = p - (tau / 2)(p . v) v;
// the panel's update A22 -= V W^T + W V^T then writes the trailing matrix once.
// a: n x n row-major (upper triangle read and overwritten, the lower one untouched); diag, offdiag: n each;
// work: tridiagonalizeBlockedWorkspace(n, nb) (V and W, nb rows of n each, then p). The same reflectors as
// tridiagonalize.ts; the sums differ from it, and from the WASM engine's, only by rounding.
import { lastEntries, reflectorW, stepReflector, symmetricProduct } from './tridiagonalize.js';

/** Float64 values of workspace tridiagonalizeBlocked needs for order n and panel width nb. */
export function tridiagonalizeBlockedWorkspace(n: number, nb: number): number {
  return 2 * nb * n + n;
}

/**
 * tridiagonalize (same layout, same output) in panels of nb reflectors: Q^T A Q = T with
 * Q = H(0) ... H(n-3), equal to it up to rounding.
 * @example
 * const a = Float64Array.of(2, 1, 1, 0, 3, 1, 0, 0, 4); // upper triangle of [[2,1,1],[1,3,1],[1,1,4]]
 * const diag = new Float64Array(3), off = new Float64Array(3);
 * tridiagonalizeBlocked(a, 3, 2, diag, off, new Float64Array(tridiagonalizeBlockedWorkspace(3, 2)));
 */
export function tridiagonalizeBlocked(
  a: Float64Array, n: number, nb: number, diag: Float64Array, offdiag: Float64Array, work: Float64Array,
): void {
  const wOff = nb * n;
  const p = work.subarray(2 * wOff, 2 * wOff + n);
  for (let i0 = 0; i0 < n - 2; i0 += nb) {
    const count = Math.min(nb, n - 2 - i0);
    // Rows of V and W this panel does not fill stay zero, so the panel update can run over nb of them.
    work.fill(0, 0, 2 * wOff);
    for (let c = 0; c < count; c++) {
      const i = i0 + c;
      const rowI = i * n;
      const vc = c * n;
      const wc = wOff + vc;
      // Row i takes the panel's earlier reflectors.
      for (let q = 0; q < c; q++) {
        const vq = q * n;
        const wq = wOff + vq;
        const vi = work[vq + i];
        const wi = work[wq + i];
        for (let k = i; k < n; k++) a[rowI + k] -= vi * work[wq + k] + wi * work[vq + k];
      }
      const v = work.subarray(vc, vc + n);
      // tau 0: H(i) = I, v = 0 and w = 0 (already).
      const tau = stepReflector(a, n, i, diag, offdiag, v);
      if (tau === 0) continue;
      // p = A22 v over the trailing matrix as the panel found it, then the corrections.
      symmetricProduct(a, n, i, v, p);
      for (let q = 0; q < c; q++) {
        const vq = q * n;
        const wq = wOff + vq;
        let wv = 0;
        let vv = 0;
        for (let k = i + 1; k < n; k++) {
          wv += work[wq + k] * v[k];
          vv += work[vq + k] * v[k];
        }
        for (let k = i + 1; k < n; k++) p[k] -= work[vq + k] * wv + work[wq + k] * vv;
      }
      reflectorW(work.subarray(wc, wc + n), p, v, tau, i + 1, n);
    }
    // A[e..n)[e..n) -= V W^T + W V^T, upper triangle.
    for (let j = i0 + count; j < n; j++) {
      const rowJ = j * n;
      for (let c = 0; c < count; c++) {
        const vc = c * n;
        const wc = wOff + vc;
        const vj = work[vc + j];
        const wj = work[wc + j];
        if (vj === 0 && wj === 0) continue;
        for (let k = j; k < n; k++) a[rowJ + k] -= vj * work[wc + k] + wj * work[vc + k];
      }
    }
  }
  lastEntries(a, n, diag, offdiag);
}
