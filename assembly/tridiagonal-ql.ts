// Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm with Wilkinson shifts
// (EISPACK tql2 / Numerical Recipes tqli).
//
// Layout: diag (n float64) holds the diagonal and is overwritten by the eigenvalues, unsorted.
// offdiag (n float64): offdiag[i] = T[i][i+1], and offdiag[n-1] = 0 (as tridiagonalize leaves it). Destroyed.
// z: 0 for eigenvalues only; otherwise an n x n float64 row-major matrix whose columns receive every plane
// rotation (start from the identity for the eigenvectors of T, or from Q of tridiagonalize for those of A).
// Returns 0 on success, or 1 + the index of the eigenvalue that did not converge in MAX_SWEEPS.

import { EPS } from './float';
import { pythag } from './pythag';

const MAX_SWEEPS: i32 = 60;
// Inside [2^-500, 2^500], f^2 + g^2 neither overflows nor underflows.
const SAFE_MIN: f64 = 3.054936363499605e-151;
const SAFE_MAX: f64 = 3.273390607896142e+150;

// sqrt(f^2 + g^2), the length of a plane rotation's vector. The plain formula (error <= 1 ulp) where it is
// safe (the scaled pythag below, with its division, was most of QL's time); pythag outside that range.
@inline
function rotationLength(f: f64, g: f64): f64 {
  const m = max(abs(f), abs(g));
  if (m < SAFE_MAX && m > SAFE_MIN) return Math.sqrt(f * f + g * g);
  return pythag(f, g);
}
export function tridiagonalQL(diag: usize, offdiag: usize, n: i32, z: usize): i32 {
  const rowBytes = <usize>n << 3;
  // Largest |d_l| + |e_l| so far (EISPACK tql1's tst1). Without it, noise-level trailing entries (a kernel
  // matrix of numerical rank << n) never pass the purely local test, and the QL sweep at l = 0 stalls.
  let tst1 = 0.0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    tst1 = max(tst1, abs(load<f64>(diag + (<usize>l << 3))) + abs(load<f64>(offdiag + (<usize>l << 3))));
    while (true) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = abs(load<f64>(diag + (<usize>m << 3))) + abs(load<f64>(diag + (<usize>(m + 1) << 3)));
        if (abs(load<f64>(offdiag + (<usize>m << 3))) <= EPS * max(dd, tst1)) break;
      }
      if (m == l) break;
      if (++iter > MAX_SWEEPS) return l + 1;

      const dl = load<f64>(diag + (<usize>l << 3));
      const el = load<f64>(offdiag + (<usize>l << 3));
      let g = (load<f64>(diag + (<usize>(l + 1) << 3)) - dl) / (2.0 * el);
      let r = rotationLength(g, 1.0);
      g = load<f64>(diag + (<usize>m << 3)) - dl + el / (g + (g >= 0 ? r : -r));
      let s = 1.0;
      let c = 1.0;
      let p = 0.0;
      let i = m - 1;
      let deflated = false;
      for (; i >= l; i--) {
        const ei = load<f64>(offdiag + (<usize>i << 3));
        const f = s * ei;
        const b = c * ei;
        r = rotationLength(f, g);
        store<f64>(offdiag + (<usize>(i + 1) << 3), r);
        if (r == 0) {
          // Underflow: recover and split here.
          const q = diag + (<usize>(i + 1) << 3);
          store<f64>(q, load<f64>(q) - p);
          store<f64>(offdiag + (<usize>m << 3), 0);
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = load<f64>(diag + (<usize>(i + 1) << 3)) - p;
        r = (load<f64>(diag + (<usize>i << 3)) - g) * s + 2.0 * c * b;
        p = s * r;
        store<f64>(diag + (<usize>(i + 1) << 3), g + p);
        g = c * r - b;
        if (z != 0) {
          for (let k = 0; k < n; k++) {
            const zk = z + <usize>k * rowBytes;
            const zi = zk + (<usize>i << 3);
            const zi1 = zi + 8;
            const zf = load<f64>(zi1);
            const ze = load<f64>(zi);
            store<f64>(zi1, s * ze + c * zf);
            store<f64>(zi, c * ze - s * zf);
          }
        }
      }
      if (deflated) continue;
      const q = diag + (<usize>l << 3);
      store<f64>(q, load<f64>(q) - p);
      store<f64>(offdiag + (<usize>l << 3), g);
      store<f64>(offdiag + (<usize>m << 3), 0);
    }
  }
  return 0;
}
