// Householder reduction of a general real matrix to upper Hessenberg form (LAPACK dgehd2):
// Q^T A Q = H, with Q = H(0) H(1) ... H(n-3) and H(i) = I - tau v v^T, v[0..i] = 0, v[i+1] = 1.
//
// Layout: a is n x n float64, row-major, overwritten by H. The entries below the subdiagonal are set to 0
// (the reflectors are not kept: only the eigenvalues of H are wanted downstream).
// work: caller-owned workspace of 2n float64 (the reflector v, then u = v^T A).
//
// Both updates run along rows, so every inner loop is over contiguous memory in row-major storage:
// A H(i) needs one dot product and one axpy per row; H(i) A accumulates u^T = v^T A row by row, then
// subtracts tau v_r u^T from each row r.

import { reflector, reflectorTau, scaledNorm } from './householder';
import { axpy, dotQuads } from './vector';

export function hessenberg(a: usize, n: i32, work: usize): void {
  const rowBytes = <usize>n << 3;
  const v = work;
  const u = work + rowBytes;
  for (let i = 0; i < n - 2; i++) {
    const col = a + (<usize>i << 3);

    // Reflector that maps x = A[i+1..n)[i] onto beta e_1 (LAPACK dlarfg); x is a column, gathered into v.
    const alpha = load<f64>(col + <usize>(i + 1) * rowBytes);
    for (let k = i + 2; k < n; k++) store<f64>(v + (<usize>k << 3), load<f64>(col + <usize>k * rowBytes));
    const xnorm = scaledNorm(v, i + 2, n);
    if (xnorm == 0) continue;
    const beta = reflector(alpha, v, i + 2, n, xnorm);
    const tau = reflectorTau;
    store<f64>(v + (<usize>(i + 1) << 3), 1.0);
    store<f64>(col + <usize>(i + 1) * rowBytes, beta);
    for (let k = i + 2; k < n; k++) store<f64>(col + <usize>k * rowBytes, 0);

    // A[0..n)[i+1..n) = A H(i): row r -= tau (row r . v) v^T.
    for (let r = 0; r < n; r++) {
      const row = a + <usize>r * rowBytes;
      axpy(-tau * dotQuads(row, v, i + 1, n, true), v, row, i + 1, n, true);
    }
    // A[i+1..n)[i+1..n) = H(i) A: u^T = v^T A, then row r -= tau v_r u^T.
    memory.fill(u + (<usize>(i + 1) << 3), 0, <usize>(n - i - 1) << 3);
    for (let r = i + 1; r < n; r++) {
      axpy(load<f64>(v + (<usize>r << 3)), a + <usize>r * rowBytes, u, i + 1, n, true);
    }
    for (let r = i + 1; r < n; r++) {
      axpy(-tau * load<f64>(v + (<usize>r << 3)), u, a + <usize>r * rowBytes, i + 1, n, true);
    }
  }
}
