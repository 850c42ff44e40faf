// Householder reduction of a real symmetric matrix to symmetric tridiagonal form (LAPACK dsytd2, "U" storage
// read row-wise): Q^T A Q = T, with Q = H(0) H(1) ... H(n-3) and H(i) = I - tau v v^T.
//
// Layout: a is n x n float64, row-major. Only the upper triangle (j >= i) is read, and it is overwritten.
// Out: diag (n float64), the diagonal of T; offdiag (n float64), offdiag[i] = T[i][i+1], offdiag[n-1] = 0.
// work: caller-owned workspace of 2n float64 (the reflector v and the vector p, then w).
//
// Row i of the upper triangle is column i of the lower one, so every reflector is read from a contiguous
// row and every inner loop runs over contiguous memory.

import { scaledNorm } from './householder';
import { pythag } from './tridiagonal-ql';

// sum_k row[k] v[k] over k in [from, to), while p[k] += row[k] * vj over the same range.
@inline
function dotAndAxpy(row: usize, v: usize, p: usize, from: i32, to: i32, vj: f64): f64 {
  const vjs = f64x2.splat(vj);
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = from;
  for (; k + 4 <= to; k += 4) {
    const o = <usize>k << 3;
    const r0 = v128.load(row + o);
    const r1 = v128.load(row + o, 16);
    acc0 = f64x2.add(acc0, f64x2.mul(r0, v128.load(v + o)));
    acc1 = f64x2.add(acc1, f64x2.mul(r1, v128.load(v + o, 16)));
    v128.store(p + o, f64x2.add(v128.load(p + o), f64x2.mul(r0, vjs)));
    v128.store(p + o, f64x2.add(v128.load(p + o, 16), f64x2.mul(r1, vjs)), 16);
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < to; k++) {
    const o = <usize>k << 3;
    const r = load<f64>(row + o);
    s += r * load<f64>(v + o);
    store<f64>(p + o, load<f64>(p + o) + r * vj);
  }
  return s;
}

// row[k] -= vj w[k] + wj v[k] over k in [from, to): one row of the symmetric rank-2 update.
@inline
function rank2Row(row: usize, v: usize, w: usize, from: i32, to: i32, vj: f64, wj: f64): void {
  const vjs = f64x2.splat(vj);
  const wjs = f64x2.splat(wj);
  let k = from;
  for (; k + 2 <= to; k += 2) {
    const o = <usize>k << 3;
    const upd = f64x2.add(f64x2.mul(vjs, v128.load(w + o)), f64x2.mul(wjs, v128.load(v + o)));
    v128.store(row + o, f64x2.sub(v128.load(row + o), upd));
  }
  for (; k < to; k++) {
    const o = <usize>k << 3;
    store<f64>(row + o, load<f64>(row + o) - (vj * load<f64>(w + o) + wj * load<f64>(v + o)));
  }
}

export function tridiagonalize(a: usize, n: i32, diag: usize, offdiag: usize, work: usize): void {
  const rowBytes = <usize>n << 3;
  const v = work;
  const p = work + rowBytes;
  for (let i = 0; i < n - 2; i++) {
    const rowI = a + <usize>i * rowBytes;
    store<f64>(diag + (<usize>i << 3), load<f64>(rowI + (<usize>i << 3)));

    // Reflector that maps x = A[i][i+1..n) onto beta e_1 (LAPACK dlarfg).
    const alpha = load<f64>(rowI + (<usize>(i + 1) << 3));
    const xnorm = scaledNorm(rowI, i + 2, n);
    if (xnorm == 0) {
      store<f64>(offdiag + (<usize>i << 3), alpha);
      continue;
    }
    const norm = pythag(alpha, xnorm);
    const beta = alpha >= 0 ? -norm : norm;
    const tau = (beta - alpha) / beta;
    const inv = 1.0 / (alpha - beta);
    store<f64>(offdiag + (<usize>i << 3), beta);
    store<f64>(v + (<usize>(i + 1) << 3), 1.0);
    for (let k = i + 2; k < n; k++) store<f64>(v + (<usize>k << 3), load<f64>(rowI + (<usize>k << 3)) * inv);

    // p = tau A22 v, from the upper triangle of A22 = A[i+1..n)[i+1..n).
    memory.fill(p + (<usize>(i + 1) << 3), 0, <usize>(n - i - 1) << 3);
    for (let j = i + 1; j < n; j++) {
      const rowJ = a + <usize>j * rowBytes;
      const vj = load<f64>(v + (<usize>j << 3));
      const t = dotAndAxpy(rowJ, v, p, j + 1, n, vj);
      const pj = p + (<usize>j << 3);
      store<f64>(pj, load<f64>(pj) + load<f64>(rowJ + (<usize>j << 3)) * vj + t);
    }
    // w = p - (tau / 2)(p . v) v, stored over p.
    let pv = 0.0;
    for (let k = i + 1; k < n; k++) {
      const pk = p + (<usize>k << 3);
      store<f64>(pk, load<f64>(pk) * tau);
      pv += load<f64>(pk) * load<f64>(v + (<usize>k << 3));
    }
    const half = 0.5 * tau * pv;
    for (let k = i + 1; k < n; k++) {
      const pk = p + (<usize>k << 3);
      store<f64>(pk, load<f64>(pk) - half * load<f64>(v + (<usize>k << 3)));
    }
    // A22 -= v w^T + w v^T, upper triangle only.
    for (let j = i + 1; j < n; j++) {
      rank2Row(a + <usize>j * rowBytes, v, p, j, n, load<f64>(v + (<usize>j << 3)), load<f64>(p + (<usize>j << 3)));
    }
  }
  if (n >= 2) {
    const last = a + <usize>(n - 2) * rowBytes;
    store<f64>(diag + (<usize>(n - 2) << 3), load<f64>(last + (<usize>(n - 2) << 3)));
    store<f64>(offdiag + (<usize>(n - 2) << 3), load<f64>(last + (<usize>(n - 1) << 3)));
  }
  if (n >= 1) {
    store<f64>(diag + (<usize>(n - 1) << 3), load<f64>(a + <usize>(n - 1) * rowBytes + (<usize>(n - 1) << 3)));
    store<f64>(offdiag + (<usize>(n - 1) << 3), 0);
  }
}
