// Pure-JS twin of assembly/tridiagonal-ql.ts: implicit QL with Wilkinson shifts on a symmetric tridiagonal
// matrix. diag (n) is overwritten by the eigenvalues, offdiag (n, offdiag[i] = T[i][i+1], offdiag[n-1] = 0)
// is destroyed;
// z, when given, is n x n row-major and receives every rotation in its columns.
// Returns 0, or 1 + the index of the eigenvalue that did not converge.

import { EPS } from '../../float.js';
import { pythag } from './pythag.js';

const MAX_SWEEPS = 60;
const SAFE_MIN = 3.054936363499605e-151; // 2^-500
const SAFE_MAX = 3.273390607896142e150; // 2^500

/** sqrt(f^2 + g^2): the plain formula where f^2 + g^2 cannot overflow or underflow, as the WASM twin. */
function rotationLength(f: number, g: number): number {
  const m = Math.max(Math.abs(f), Math.abs(g));
  if (m < SAFE_MAX && m > SAFE_MIN) return Math.sqrt(f * f + g * g);
  return pythag(f, g);
}

export function tridiagonalQL(diag: Float64Array, offdiag: Float64Array, n: number, z: Float64Array | null): number {
  // Largest |d_l| + |e_l| so far (EISPACK tql1's tst1): noise-level trailing entries never pass the local test.
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    tst1 = Math.max(tst1, Math.abs(diag[l]) + Math.abs(offdiag[l]));
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(diag[m]) + Math.abs(diag[m + 1]);
        if (Math.abs(offdiag[m]) <= EPS * Math.max(dd, tst1)) break;
      }
      if (m === l) break;
      if (++iter > MAX_SWEEPS) return l + 1;

      const dl = diag[l];
      const el = offdiag[l];
      let g = (diag[l + 1] - dl) / (2 * el);
      let r = rotationLength(g, 1);
      g = diag[m] - dl + el / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let deflated = false;
      for (let i = m - 1; i >= l; i--) {
        const ei = offdiag[i];
        const f = s * ei;
        const b = c * ei;
        r = rotationLength(f, g);
        offdiag[i + 1] = r;
        if (r === 0) {
          diag[i + 1] -= p;
          offdiag[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = diag[i + 1] - p;
        r = (diag[i] - g) * s + 2 * c * b;
        p = s * r;
        diag[i + 1] = g + p;
        g = c * r - b;
        if (z !== null) {
          for (let k = 0; k < n; k++) {
            const zf = z[k * n + i + 1];
            const ze = z[k * n + i];
            z[k * n + i + 1] = s * ze + c * zf;
            z[k * n + i] = c * ze - s * zf;
          }
        }
      }
      if (deflated) continue;
      diag[l] -= p;
      offdiag[l] = g;
      offdiag[m] = 0;
    }
  }
  return 0;
}
