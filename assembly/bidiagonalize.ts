// Householder reduction of a real m x n matrix (m >= n) to upper bidiagonal form (Golub-Kahan; LAPACK
// dgebd2): Q^T A P = B, Q = H(0) ... H(n-1), P = G(0) ... G(n-2). H(i) zeroes column i below the diagonal,
// G(i) zeroes row i right of the superdiagonal; B has the singular values of A.
//
// Layout: a is m x n float64, row-major, destroyed (the reflectors are not kept: only the singular values
// are wanted downstream). m >= n >= 1: the caller transposes a wide matrix (same singular values).
// diag (n float64) receives B's diagonal; offdiag (n float64) its superdiagonal, offdiag[n-1] = 0.
// work: caller-owned workspace of m + n float64 (the column reflector v, then u = v^T A or the row
// reflector).
//
// Both updates run along rows, so every inner loop is over contiguous memory in row-major storage:
// H(i) A accumulates u^T = v^T A row by row, then subtracts tau v_r u^T from each row r;
// A G(i) needs one dot product and one axpy per row.

import { reflector, reflectorTau, scaledNorm } from './householder';
import { axpy, dotQuads } from './vector';

// Float64 values of workspace bidiagonalize needs for an m x n matrix.
export function bidiagonalizeWorkspace(m: i32, n: i32): i32 {
  return m + n;
}

export function bidiagonalize(a: usize, m: i32, n: i32, diag: usize, offdiag: usize, work: usize): void {
  const rowBytes = <usize>n << 3;
  const v = work;
  const u = work + (<usize>m << 3);
  for (let i = 0; i < n; i++) {
    const col = a + (<usize>i << 3);
    const row = a + <usize>i * rowBytes;

    // H(i) maps x = A[i..m)[i] onto beta e_1 (LAPACK dlarfg); x is a column, gathered into v.
    const alpha = load<f64>(col + <usize>i * rowBytes);
    for (let k = i + 1; k < m; k++) store<f64>(v + (<usize>k << 3), load<f64>(col + <usize>k * rowBytes));
    const xnorm = scaledNorm(v, i + 1, m);
    if (xnorm == 0) {
      store<f64>(diag + (<usize>i << 3), alpha);
    } else {
      // dlarfg, with its rescaling of a tiny column (householder.ts): 1 / (alpha - beta) cannot overflow.
      const beta = reflector(alpha, v, i + 1, m, xnorm);
      const tau = reflectorTau;
      store<f64>(v + (<usize>i << 3), 1.0);
      store<f64>(diag + (<usize>i << 3), beta);
      // A[i..m)[i+1..n) = H(i) A: u^T = v^T A, then row r -= tau v_r u^T.
      if (i + 1 < n) {
        memory.fill(u + (<usize>(i + 1) << 3), 0, <usize>(n - i - 1) << 3);
        for (let r = i; r < m; r++) axpy(load<f64>(v + (<usize>r << 3)), a + <usize>r * rowBytes, u, i + 1, n, false);
        for (let r = i; r < m; r++) axpy(-tau * load<f64>(v + (<usize>r << 3)), u, a + <usize>r * rowBytes, i + 1, n, false);
      }
    }

    if (i + 1 >= n) {
      store<f64>(offdiag + (<usize>i << 3), 0);
      continue;
    }
    // G(i) maps y = A[i][i+1..n) onto beta e_1; y is contiguous, copied into u.
    const alphaRow = load<f64>(row + (<usize>(i + 1) << 3));
    const ynorm = scaledNorm(row, i + 2, n);
    if (ynorm == 0) {
      store<f64>(offdiag + (<usize>i << 3), alphaRow);
      continue;
    }
    for (let k = i + 2; k < n; k++) store<f64>(u + (<usize>k << 3), load<f64>(row + (<usize>k << 3)));
    const beta = reflector(alphaRow, u, i + 2, n, ynorm);
    const tau = reflectorTau;
    store<f64>(u + (<usize>(i + 1) << 3), 1.0);
    store<f64>(offdiag + (<usize>i << 3), beta);
    // A[i+1..m)[i+1..n) = A G(i): row r -= tau (row r . u) u^T.
    for (let r = i + 1; r < m; r++) {
      const rr = a + <usize>r * rowBytes;
      axpy(-tau * dotQuads(rr, u, i + 1, n, false), u, rr, i + 1, n, false);
    }
  }
}
