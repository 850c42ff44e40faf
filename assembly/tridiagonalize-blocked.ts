// Blocked Householder reduction of a real symmetric matrix to tridiagonal form (LAPACK dsytrd with dlatrd,
// "L" storage, which is our upper triangle read row-wise): the same reflectors as tridiagonalize.ts, grouped
// in panels of nb. Within a panel, step i's product uses the trailing matrix as it was when the panel began,
// corrected by the panel's earlier reflectors (dlatrd):
//   p = tau (A22 v - V (W^T v) - W (V^T v)),  w = p - (tau / 2)(p . v) v,
// so the steps read A22 but do not write it; the panel's update A22 -= V W^T + W V^T (dsyr2k) then writes it
// once. The fused reduction reads and writes the trailing matrix every step, which is memory-bound once it
// leaves the cache (N ~ 4000); this one writes it once per nb steps, but runs the update on its own instead of
// inside the pass's memory traffic, which on 128-bit SIMD costs about what it saves: js/engine/reduction.ts
// chooses, with the measurements.
//
// Layout as tridiagonalize: a is n x n float64 row-major, only the upper triangle (j >= i) read and written;
// row i ends holding, right of its diagonal, the vector H(i) was built from (Q rebuilt as there).
// Out: diag, offdiag (n float64 each, offdiag[n-1] = 0).
// work: tridiagonalizeBlockedWorkspace(n, nb) float64: the panel's V and W (nb rows of n each: row c is
// reflector c of the panel and its w) and p (n).

import { reflector, reflectorTau, scaledNorm } from './householder';
import { madd } from './madd';
import { tridiagonalLastEntries } from './tridiagonalize';
import { dot, subScaled } from './vector';

// band-reduce.ts takes them from here.
export { dot, subScaled };

@inline
function at(p: usize, k: i32): usize {
  return p + (<usize>k << 3);
}

/** Float64 values of workspace tridiagonalizeBlocked needs for order n and panel width nb. */
export function tridiagonalizeBlockedWorkspace(n: i32, nb: i32): i32 {
  return 2 * nb * n + n;
}

// Columns of a tile of the panel update: the tile's V and W (2 nb x TILE float64, 256 KB at nb = 64) stay in
// the cache while every row above the tile's end takes its share.
const TILE: i32 = 256;

// x[k] -= sum_c (V[c][j] W[c][k] + W[c][j] V[c][k]) over c < count and k in [from, to): the panel's first
// `count` reflectors applied to row j (stored at x) before it makes its own (dlatrd's column update).
function updateRow(x: usize, j: i32, vw: usize, n: i32, nb: i32, count: i32, from: i32, to: i32): void {
  const rowBytes = <usize>n << 3;
  const wOff = <usize>nb * rowBytes;
  for (let c = 0; c < count; c++) {
    const vc = vw + <usize>c * rowBytes;
    const wc = vc + wOff;
    const vj = load<f64>(at(vc, j));
    const wj = load<f64>(at(wc, j));
    const vjs = f64x2.splat(vj);
    const wjs = f64x2.splat(wj);
    let k = from;
    for (; k + 2 <= to; k += 2) {
      const o = <usize>k << 3;
      v128.store(x + o, f64x2.sub(v128.load(x + o), madd(wjs, v128.load(vc + o), f64x2.mul(vjs, v128.load(wc + o)))));
    }
    if (k < to) store<f64>(at(x, k), load<f64>(at(x, k)) - (vj * load<f64>(at(wc, k)) + wj * load<f64>(at(vc, k))));
  }
}

// p += A22 v over rows [j0, j1) of the upper triangle, 4 rows per pass over v and p (as the fused reduction's
// pass, without its update): p[j] += sum_{k>=j} a[j][k] v[k] and p[k] += a[j][k] v[j] for k > j.
function symmetricProduct(a: usize, n: i32, j0: i32, j1: i32, v: usize, p: usize): void {
  const rowBytes = <usize>n << 3;
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    const row0 = a + <usize>j * rowBytes;
    const row1 = row0 + rowBytes;
    const row2 = row1 + rowBytes;
    const row3 = row2 + rowBytes;
    for (let r = 0; r < 4; r++) {
      const row = row0 + <usize>r * rowBytes;
      const jr = j + r;
      const vr = load<f64>(at(v, jr));
      let s = 0.0;
      for (let c = jr; c < j + 4; c++) {
        const x = load<f64>(at(row, c));
        s += x * load<f64>(at(v, c));
        if (c > jr) store<f64>(at(p, c), load<f64>(at(p, c)) + x * vr);
      }
      store<f64>(at(p, jr), load<f64>(at(p, jr)) + s);
    }
    const v0 = f64x2.splat(load<f64>(at(v, j)));
    const v1 = f64x2.splat(load<f64>(at(v, j + 1)));
    const v2 = f64x2.splat(load<f64>(at(v, j + 2)));
    const v3 = f64x2.splat(load<f64>(at(v, j + 3)));
    let acc0 = f64x2.splat(0);
    let acc1 = f64x2.splat(0);
    let acc2 = f64x2.splat(0);
    let acc3 = f64x2.splat(0);
    let k = j + 4;
    for (; k + 2 <= n; k += 2) {
      const o = <usize>k << 3;
      const vk = v128.load(v + o);
      const r0 = v128.load(row0 + o);
      const r1 = v128.load(row1 + o);
      const r2 = v128.load(row2 + o);
      const r3 = v128.load(row3 + o);
      acc0 = madd(r0, vk, acc0);
      acc1 = madd(r1, vk, acc1);
      acc2 = madd(r2, vk, acc2);
      acc3 = madd(r3, vk, acc3);
      v128.store(p + o, madd(r3, v3, madd(r2, v2, madd(r1, v1, madd(r0, v0, v128.load(p + o))))));
    }
    let s0 = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
    let s1 = f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
    let s2 = f64x2.extract_lane(acc2, 0) + f64x2.extract_lane(acc2, 1);
    let s3 = f64x2.extract_lane(acc3, 0) + f64x2.extract_lane(acc3, 1);
    if (k < n) {
      const vk = load<f64>(at(v, k));
      const x0 = load<f64>(at(row0, k));
      const x1 = load<f64>(at(row1, k));
      const x2 = load<f64>(at(row2, k));
      const x3 = load<f64>(at(row3, k));
      s0 += x0 * vk;
      s1 += x1 * vk;
      s2 += x2 * vk;
      s3 += x3 * vk;
      store<f64>(at(p, k), load<f64>(at(p, k)) + (((x0 * load<f64>(at(v, j)) + x1 * load<f64>(at(v, j + 1))) + x2 * load<f64>(at(v, j + 2))) + x3 * load<f64>(at(v, j + 3))));
    }
    store<f64>(at(p, j), load<f64>(at(p, j)) + s0);
    store<f64>(at(p, j + 1), load<f64>(at(p, j + 1)) + s1);
    store<f64>(at(p, j + 2), load<f64>(at(p, j + 2)) + s2);
    store<f64>(at(p, j + 3), load<f64>(at(p, j + 3)) + s3);
  }
  for (; j < j1; j++) {
    const row = a + <usize>j * rowBytes;
    const vj = load<f64>(at(v, j));
    let s = load<f64>(at(row, j)) * vj;
    for (let k = j + 1; k < n; k++) {
      const x = load<f64>(at(row, k));
      s += x * load<f64>(at(v, k));
      store<f64>(at(p, k), load<f64>(at(p, k)) + x * vj);
    }
    store<f64>(at(p, j), load<f64>(at(p, j)) + s);
  }
}

// Rows j..j+3 over columns [k0, k1) (k0 >= j + 4, so all four rows are right of their diagonal):
// a[j+r][k] -= sum_c (V[c][j+r] W[c][k] + W[c][j+r] V[c][k]), four columns per step with the eight sums in
// registers across the panel's nb reflectors. Each entry's value does not depend on the tiles, only on which of
// this and updateEntries computes it (band-reduce.ts's lookahead calls both by row groups, with the same bits).
export function update4Rows(a: usize, n: i32, j: i32, vw: usize, nb: i32, k0: i32, k1: i32): void {
  const rowBytes = <usize>n << 3;
  const row0 = a + <usize>j * rowBytes;
  const row1 = row0 + rowBytes;
  const row2 = row1 + rowBytes;
  const row3 = row2 + rowBytes;
  const wOff = <usize>nb * rowBytes;
  const jo = <usize>j << 3;
  let k = k0;
  for (; k + 4 <= k1; k += 4) {
    const o = <usize>k << 3;
    let a00 = f64x2.splat(0), a01 = f64x2.splat(0);
    let a10 = f64x2.splat(0), a11 = f64x2.splat(0);
    let a20 = f64x2.splat(0), a21 = f64x2.splat(0);
    let a30 = f64x2.splat(0), a31 = f64x2.splat(0);
    for (let c = 0; c < nb; c++) {
      const vc = vw + <usize>c * rowBytes;
      const wc = vc + wOff;
      const V0 = v128.load(vc + o), V1 = v128.load(vc + o + 16);
      const W0 = v128.load(wc + o), W1 = v128.load(wc + o + 16);
      let s = v128.load64_splat(vc + jo);
      let t = v128.load64_splat(wc + jo);
      a00 = madd(t, V0, madd(s, W0, a00));
      a01 = madd(t, V1, madd(s, W1, a01));
      s = v128.load64_splat(vc + jo + 8);
      t = v128.load64_splat(wc + jo + 8);
      a10 = madd(t, V0, madd(s, W0, a10));
      a11 = madd(t, V1, madd(s, W1, a11));
      s = v128.load64_splat(vc + jo + 16);
      t = v128.load64_splat(wc + jo + 16);
      a20 = madd(t, V0, madd(s, W0, a20));
      a21 = madd(t, V1, madd(s, W1, a21));
      s = v128.load64_splat(vc + jo + 24);
      t = v128.load64_splat(wc + jo + 24);
      a30 = madd(t, V0, madd(s, W0, a30));
      a31 = madd(t, V1, madd(s, W1, a31));
    }
    v128.store(row0 + o, f64x2.sub(v128.load(row0 + o), a00));
    v128.store(row0 + o + 16, f64x2.sub(v128.load(row0 + o + 16), a01));
    v128.store(row1 + o, f64x2.sub(v128.load(row1 + o), a10));
    v128.store(row1 + o + 16, f64x2.sub(v128.load(row1 + o + 16), a11));
    v128.store(row2 + o, f64x2.sub(v128.load(row2 + o), a20));
    v128.store(row2 + o + 16, f64x2.sub(v128.load(row2 + o + 16), a21));
    v128.store(row3 + o, f64x2.sub(v128.load(row3 + o), a30));
    v128.store(row3 + o + 16, f64x2.sub(v128.load(row3 + o + 16), a31));
  }
  if (k < k1) {
    for (let r = 0; r < 4; r++) updateEntries(a, n, j + r, vw, nb, k, k1);
  }
}

// a[j][k] -= sum_c (V[c][j] W[c][k] + W[c][j] V[c][k]) over k in [k0, k1), one entry at a time, the sum over
// c first (as update4Rows).
export function updateEntries(a: usize, n: i32, j: i32, vw: usize, nb: i32, k0: i32, k1: i32): void {
  const rowBytes = <usize>n << 3;
  const row = a + <usize>j * rowBytes;
  const wOff = <usize>nb * rowBytes;
  for (let k = k0; k < k1; k++) {
    let s = 0.0;
    for (let c = 0; c < nb; c++) {
      const vc = vw + <usize>c * rowBytes;
      const wc = vc + wOff;
      s += load<f64>(at(vc, j)) * load<f64>(at(wc, k)) + load<f64>(at(wc, j)) * load<f64>(at(vc, k));
    }
    store<f64>(at(row, k), load<f64>(at(row, k)) - s);
  }
}

// Rows [j0, j1) of the panel update A[e..n)[e..n) -= V W^T + W V^T (upper triangle), by column tiles of
// TILE; every entry is computed the same way whoever updates it (rows go in fours from j0).
export function tridiagonalPanelRows(a: usize, n: i32, vw: usize, nb: i32, j0: i32, j1: i32): void {
  for (let kb = j0; kb < n; kb += TILE) {
    const kEnd = min(kb + TILE, n);
    const jEnd = min(j1, kEnd);
    let j = j0;
    for (; j + 4 <= jEnd; j += 4) {
      // The rows' entries in [kb, j + 4) touch or cross the diagonal: one at a time, right of it.
      if (j + 4 > kb) {
        for (let r = 0; r < 4; r++) updateEntries(a, n, j + r, vw, nb, max(kb, j + r), min(j + 4, kEnd));
      }
      const k0 = max(kb, j + 4);
      if (k0 < kEnd) update4Rows(a, n, j, vw, nb, k0, kEnd);
    }
    for (; j < jEnd; j++) updateEntries(a, n, j, vw, nb, max(kb, j), kEnd);
  }
}

// The steps of a panel in pieces, which tridiagonalizeBlocked below runs in order and threads.ts splits by row
// blocks (a product buffer per block, summed in block order, so that the bits depend on the number of blocks
// but never on which thread ran which).

// Step i = i0 + c of the panel starting at i0, up to its product: row i takes the panel's earlier reflectors,
// diag[i] and offdiag[i] are set, and the reflector goes to V's row c. Returns tau (0 when H(i) = I: then V's
// and W's rows c stay zero and the step is done). The panel's first step zeroes V and W.
export function tridiagonalPanelBegin(a: usize, n: i32, nb: i32, i0: i32, c: i32, diag: usize, offdiag: usize, vw: usize): f64 {
  const rowBytes = <usize>n << 3;
  const wOff = <usize>nb * rowBytes;
  // Rows of V and W this panel does not fill stay zero, so the panel update can run over nb of them.
  if (c == 0) memory.fill(vw, 0, 2 * wOff);
  const i = i0 + c;
  const rowI = a + <usize>i * rowBytes;
  const vc = vw + <usize>c * rowBytes;
  updateRow(rowI, i, vw, n, nb, c, i, n);
  store<f64>(at(diag, i), load<f64>(at(rowI, i)));
  const alpha = load<f64>(at(rowI, i + 1));
  const xnorm = scaledNorm(rowI, i + 2, n);
  if (xnorm == 0) {
    store<f64>(at(offdiag, i), alpha);
    return 0;
  }
  memory.copy(at(vc, i + 2), at(rowI, i + 2), <usize>(n - i - 2) << 3);
  const beta = reflector(alpha, vc, i + 2, n, xnorm);
  store<f64>(at(offdiag, i), beta);
  store<f64>(at(vc, i + 1), 1.0);
  return reflectorTau;
}

// Rows [j0, j1) of step i's product A22 v (v at `v`, A22 as the panel found it) into p, which this zeroes
// over [i + 1, n) first.
export function tridiagonalPanelProduct(a: usize, n: i32, i: i32, v: usize, p: usize, j0: i32, j1: i32): void {
  memory.fill(at(p, i + 1), 0, <usize>(n - i - 1) << 3);
  symmetricProduct(a, n, j0, j1, v, p);
}

// After step i = i0 + c's product: p = the sum of `count` block products (parts, parts + stride, ... bytes
// apart, in that order), the panel's corrections p -= V (W^T v) + W (V^T v), and W's row c = tau p -
// (tau^2 / 2)(p . v) v.
export function tridiagonalPanelEnd(n: i32, nb: i32, i0: i32, c: i32, tau: f64, vw: usize, p: usize, parts: usize, count: i32, stride: usize): void {
  const rowBytes = <usize>n << 3;
  const wOff = <usize>nb * rowBytes;
  const i = i0 + c;
  const vc = vw + <usize>c * rowBytes;
  const wc = vc + wOff;
  for (let k = i + 1; k < n; k++) {
    let s = load<f64>(at(parts, k));
    for (let b = 1; b < count; b++) s += load<f64>(at(parts + <usize>b * stride, k));
    store<f64>(at(p, k), s);
  }
  for (let q = 0; q < c; q++) {
    const vq = vw + <usize>q * rowBytes;
    const wq = vq + wOff;
    subScaled(p, vq, dot(wq, vc, i + 1, n), i + 1, n);
    subScaled(p, wq, dot(vq, vc, i + 1, n), i + 1, n);
  }
  for (let k = i + 1; k < n; k++) store<f64>(at(wc, k), load<f64>(at(p, k)) * tau);
  const half = 0.5 * tau * dot(wc, vc, i + 1, n);
  subScaled(wc, vc, half, i + 1, n);
}

// The last two rows: diag and offdiag's last entries.
export function tridiagonalBlockedFinish(a: usize, n: i32, diag: usize, offdiag: usize): void {
  tridiagonalLastEntries(a, n, diag, offdiag);
}

/**
 * tridiagonalize (same layout, same output) in panels of nb reflectors (dsytrd / dlatrd): the steps of a
 * panel read the trailing matrix, the panel's rank-2nb update writes it once. Equal to tridiagonalize up to
 * rounding (the sums' order).
 */
export function tridiagonalizeBlocked(a: usize, n: i32, nb: i32, diag: usize, offdiag: usize, work: usize): void {
  const rowBytes = <usize>n << 3;
  const vw = work;
  const p = work + 2 * <usize>nb * rowBytes;
  for (let i0 = 0; i0 < n - 2; i0 += nb) {
    const count = min(nb, n - 2 - i0);
    for (let c = 0; c < count; c++) {
      const i = i0 + c;
      const tau = tridiagonalPanelBegin(a, n, nb, i0, c, diag, offdiag, vw);
      if (tau == 0) continue;
      const v = vw + <usize>c * rowBytes;
      tridiagonalPanelProduct(a, n, i, v, p, i + 1, n);
      tridiagonalPanelEnd(n, nb, i0, c, tau, vw, p, p, 1, 0);
    }
    tridiagonalPanelRows(a, n, vw, nb, i0 + count, n);
  }
  tridiagonalBlockedFinish(a, n, diag, offdiag);
}
