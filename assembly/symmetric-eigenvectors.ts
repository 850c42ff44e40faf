// Eigenvalues and eigenvectors of a real symmetric matrix: Householder reduction to tridiagonal form with
// Q accumulated (EISPACK tred2), then the implicit QL of tridiagonal-ql.ts applying its rotations to Q.
// Spectral clustering (docs/clustering.md) needs eigenvectors: this solves graphs of up to 300 rows directly,
// and above that the small projected problem of the Chebyshev subspace iteration (js/chebyshev-subspace.ts).
// O(n^3) with strided column access, so not for large n (bench/NOTES.md).
// The entropies need only eigenvalues and use the faster tridiagonalize.ts, which does not keep Q.
//
// Layout: a is n x n float64, row-major. Only the lower triangle (j <= i) is read, as LAPACK's default
// does; on return a holds the eigenvectors in its columns (column j belongs to diag[j]).
// diag (n float64): the eigenvalues, unsorted. offdiag (n float64): caller-owned workspace.
// Returns 0 on success, or 1 + the index of the eigenvalue that did not converge.

import { tridiagonalQL } from './tridiagonal-ql';

@inline
function at(a: usize, n: i32, i: i32, j: i32): usize {
  return a + ((<usize>i * <usize>n + <usize>j) << 3);
}

// Reduces A (lower triangle) to T: diag, and e[i] = T[i][i-1] (e[0] = 0) in offdiag; a becomes Q.
function reduceWithQ(a: usize, n: i32, d: usize, e: usize): void {
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0.0;
    if (l > 0) {
      let scale = 0.0;
      for (let k = 0; k < i; k++) scale += abs(load<f64>(at(a, n, i, k)));
      if (scale == 0) {
        store<f64>(e + (<usize>i << 3), load<f64>(at(a, n, i, l)));
      } else {
        for (let k = 0; k < i; k++) {
          const p = at(a, n, i, k);
          const v = load<f64>(p) / scale;
          store<f64>(p, v);
          h += v * v;
        }
        let f = load<f64>(at(a, n, i, l));
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        store<f64>(e + (<usize>i << 3), scale * g);
        h -= f * g;
        store<f64>(at(a, n, i, l), f - g);
        f = 0.0;
        for (let j = 0; j < i; j++) {
          // u / H is kept in column i (above the diagonal) to build Q afterwards.
          store<f64>(at(a, n, j, i), load<f64>(at(a, n, i, j)) / h);
          g = 0.0;
          for (let k = 0; k <= j; k++) g += load<f64>(at(a, n, j, k)) * load<f64>(at(a, n, i, k));
          for (let k = j + 1; k < i; k++) g += load<f64>(at(a, n, k, j)) * load<f64>(at(a, n, i, k));
          store<f64>(e + (<usize>j << 3), g / h);
          f += g / h * load<f64>(at(a, n, i, j));
        }
        const hh = f / (h + h);
        for (let j = 0; j < i; j++) {
          f = load<f64>(at(a, n, i, j));
          g = load<f64>(e + (<usize>j << 3)) - hh * f;
          store<f64>(e + (<usize>j << 3), g);
          for (let k = 0; k <= j; k++) {
            const p = at(a, n, j, k);
            store<f64>(p, load<f64>(p) - (f * load<f64>(e + (<usize>k << 3)) + g * load<f64>(at(a, n, i, k))));
          }
        }
      }
    } else {
      store<f64>(e + (<usize>i << 3), load<f64>(at(a, n, i, l)));
    }
    store<f64>(d + (<usize>i << 3), h);
  }
  store<f64>(d, 0);
  store<f64>(e, 0);
  // Q = H(n-1) ... H(1), built in place from the stored reflectors.
  for (let i = 0; i < n; i++) {
    if (load<f64>(d + (<usize>i << 3)) != 0) {
      for (let j = 0; j < i; j++) {
        let g = 0.0;
        for (let k = 0; k < i; k++) g += load<f64>(at(a, n, i, k)) * load<f64>(at(a, n, k, j));
        for (let k = 0; k < i; k++) {
          const p = at(a, n, k, j);
          store<f64>(p, load<f64>(p) - g * load<f64>(at(a, n, k, i)));
        }
      }
    }
    store<f64>(d + (<usize>i << 3), load<f64>(at(a, n, i, i)));
    store<f64>(at(a, n, i, i), 1.0);
    for (let j = 0; j < i; j++) {
      store<f64>(at(a, n, j, i), 0);
      store<f64>(at(a, n, i, j), 0);
    }
  }
}

export function symmetricEigenvectors(a: usize, n: i32, diag: usize, offdiag: usize): i32 {
  reduceWithQ(a, n, diag, offdiag);
  // tridiagonalQL couples diag[i] and diag[i+1] through offdiag[i].
  for (let i = 0; i < n - 1; i++) store<f64>(offdiag + (<usize>i << 3), load<f64>(offdiag + (<usize>(i + 1) << 3)));
  if (n > 0) store<f64>(offdiag + (<usize>(n - 1) << 3), 0);
  return tridiagonalQL(diag, offdiag, n, a);
}
