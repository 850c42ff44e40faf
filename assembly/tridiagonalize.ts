// Householder reduction of a real symmetric matrix to symmetric tridiagonal form (LAPACK dsytd2, "U" storage
// read row-wise): Q^T A Q = T, with Q = H(0) H(1) ... H(n-3) and H(i) = I - tau v v^T.
//
// Layout: a is n x n float64, row-major. Only the upper triangle (j >= i) is read, and it is overwritten; the
// lower triangle is neither read nor written. After the call row i holds, right of its diagonal, the vector
// the reflector H(i) was built from (alpha = a[i][i+1], x = a[i][i+2..n)), so Q can be rebuilt from a and
// offdiag: beta = offdiag[i], v = (1, x / (alpha - beta)), tau = (beta - alpha) / beta.
// Out: diag (n float64), the diagonal of T; offdiag (n float64), offdiag[i] = T[i][i+1], offdiag[n-1] = 0.
// work: caller-owned workspace of tridiagonalizeWorkspace(n) = 4n float64: v and p (this step's reflector
// and p = tau A22 v, then w), and vp and wp (the previous step's v and w).
//
// Row i of the upper triangle is column i of the lower one, so every reflector is read from a contiguous row
// and every inner loop runs over contiguous memory. One pass over the trailing matrix per step: step i applies
// the rank-2 update of step i-1 (A22 -= v w^T + w v^T) to a row and, while that row is in registers, uses it
// for its own product A22 v. Rows go two at a time, so each load of v, vp, wp and p serves two rows. The sums
// are those of dsytd2; only their order differs, by rounding.

import { reflector, reflectorTau, scaledNorm } from './householder';
import { addDot2, addDot4, madd, subDot2 } from './madd';

@inline
function at(p: usize, k: i32): usize {
  return p + (<usize>k << 3);
}

// row[k] -= vj wp[k] + wj vp[k] over k in [from, to): the pending rank-2 update of one row.
function rank2Row(row: usize, vp: usize, wp: usize, from: i32, to: i32, vj: f64, wj: f64): void {
  const vjs = f64x2.splat(vj);
  const wjs = f64x2.splat(wj);
  let k = from;
  for (; k + 2 <= to; k += 2) {
    const o = <usize>k << 3;
    v128.store(row + o, subDot2(v128.load(row + o), vjs, v128.load(wp + o), wjs, v128.load(vp + o)));
  }
  for (; k < to; k++) {
    const o = <usize>k << 3;
    store<f64>(row + o, load<f64>(row + o) - (vj * load<f64>(wp + o) + wj * load<f64>(vp + o)));
  }
}

// The pass's register tiles of 1, 2 and 4 rows: each shape written out, AssemblyScript having no generics over a
// tile's size. The blocked reduction's symmetricProduct (tridiagonalize-blocked.ts) is not one of them: it has
// no pending update, and sums p as a chain of madd where these use addDot2/addDot4 (another rounding in the
// base binary).

// Row j alone: the pending update over k in [j, n), then p[j] += sum_k a[j][k] v[k] and p[k] += a[j][k] v[j]
// for k > j.
function updateAndMultiply1(a: usize, n: i32, j: i32, v: usize, p: usize, vp: usize, wp: usize): void {
  const row = a + <usize>j * (<usize>n << 3);
  const vpj = load<f64>(at(vp, j));
  const wpj = load<f64>(at(wp, j));
  const vj = load<f64>(at(v, j));
  let d = load<f64>(at(row, j)) - (vpj * load<f64>(at(wp, j)) + wpj * load<f64>(at(vp, j)));
  store<f64>(at(row, j), d);
  let s = d * vj;
  for (let k = j + 1; k < n; k++) {
    const r = load<f64>(at(row, k)) - (vpj * load<f64>(at(wp, k)) + wpj * load<f64>(at(vp, k)));
    store<f64>(at(row, k), r);
    s += r * load<f64>(at(v, k));
    store<f64>(at(p, k), load<f64>(at(p, k)) + r * vj);
  }
  store<f64>(at(p, j), load<f64>(at(p, j)) + s);
}

// Rows j and j + 1 together: as updateAndMultiply1 for each, with one pass over v, vp, wp and p.
function updateAndMultiply2(a: usize, n: i32, j: i32, v: usize, p: usize, vp: usize, wp: usize): void {
  const row0 = a + <usize>j * (<usize>n << 3);
  const row1 = row0 + (<usize>n << 3);
  const vp0 = load<f64>(at(vp, j));
  const vp1 = load<f64>(at(vp, j + 1));
  const wp0 = load<f64>(at(wp, j));
  const wp1 = load<f64>(at(wp, j + 1));
  const v0 = load<f64>(at(v, j));
  const v1 = load<f64>(at(v, j + 1));
  // The 2 x 2 diagonal block: a[j][j], a[j][j+1], a[j+1][j+1].
  const a00 = load<f64>(at(row0, j)) - 2 * vp0 * wp0;
  const a01 = load<f64>(at(row0, j + 1)) - (vp0 * wp1 + wp0 * vp1);
  const a11 = load<f64>(at(row1, j + 1)) - 2 * vp1 * wp1;
  store<f64>(at(row0, j), a00);
  store<f64>(at(row0, j + 1), a01);
  store<f64>(at(row1, j + 1), a11);
  let s0 = a00 * v0 + a01 * v1;
  let s1 = a01 * v0 + a11 * v1;

  const vp0s = f64x2.splat(vp0);
  const vp1s = f64x2.splat(vp1);
  const wp0s = f64x2.splat(wp0);
  const wp1s = f64x2.splat(wp1);
  const v0s = f64x2.splat(v0);
  const v1s = f64x2.splat(v1);
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = j + 2;
  for (; k + 2 <= n; k += 2) {
    const o = <usize>k << 3;
    const vpk = v128.load(vp + o);
    const wpk = v128.load(wp + o);
    const vk = v128.load(v + o);
    const r0 = subDot2(v128.load(row0 + o), vp0s, wpk, wp0s, vpk);
    const r1 = subDot2(v128.load(row1 + o), vp1s, wpk, wp1s, vpk);
    v128.store(row0 + o, r0);
    v128.store(row1 + o, r1);
    acc0 = madd(r0, vk, acc0);
    acc1 = madd(r1, vk, acc1);
    v128.store(p + o, addDot2(v128.load(p + o), r0, v0s, r1, v1s));
  }
  s0 += f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  s1 += f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
  for (; k < n; k++) {
    const wpk = load<f64>(at(wp, k));
    const vpk = load<f64>(at(vp, k));
    const r0 = load<f64>(at(row0, k)) - (vp0 * wpk + wp0 * vpk);
    const r1 = load<f64>(at(row1, k)) - (vp1 * wpk + wp1 * vpk);
    store<f64>(at(row0, k), r0);
    store<f64>(at(row1, k), r1);
    const vk = load<f64>(at(v, k));
    s0 += r0 * vk;
    s1 += r1 * vk;
    store<f64>(at(p, k), load<f64>(at(p, k)) + (r0 * v0 + r1 * v1));
  }
  store<f64>(at(p, j), load<f64>(at(p, j)) + s0);
  store<f64>(at(p, j + 1), load<f64>(at(p, j + 1)) + s1);
}

// Rows j..j+3 together: the 4 x 4 diagonal block one entry at a time, then one pass over columns k >= j + 4
// that serves four rows per load of v, vp, wp and p.
function updateAndMultiply4(a: usize, n: i32, j: i32, v: usize, p: usize, vp: usize, wp: usize): void {
  const rowBytes = <usize>n << 3;
  const row0 = a + <usize>j * rowBytes;
  const row1 = row0 + rowBytes;
  const row2 = row1 + rowBytes;
  const row3 = row2 + rowBytes;
  // The diagonal block: a[j+r][j+c] for c >= r, updated, with its share of the products.
  for (let r = 0; r < 4; r++) {
    const row = row0 + <usize>r * rowBytes;
    const jr = j + r;
    const vpr = load<f64>(at(vp, jr));
    const wpr = load<f64>(at(wp, jr));
    const vr = load<f64>(at(v, jr));
    let s = 0.0;
    for (let c = jr; c < j + 4; c++) {
      const q = at(row, c);
      const x = load<f64>(q) - (vpr * load<f64>(at(wp, c)) + wpr * load<f64>(at(vp, c)));
      store<f64>(q, x);
      s += x * load<f64>(at(v, c));
      if (c > jr) store<f64>(at(p, c), load<f64>(at(p, c)) + x * vr);
    }
    store<f64>(at(p, jr), load<f64>(at(p, jr)) + s);
  }
  const vp0 = f64x2.splat(load<f64>(at(vp, j)));
  const vp1 = f64x2.splat(load<f64>(at(vp, j + 1)));
  const vp2 = f64x2.splat(load<f64>(at(vp, j + 2)));
  const vp3 = f64x2.splat(load<f64>(at(vp, j + 3)));
  const wp0 = f64x2.splat(load<f64>(at(wp, j)));
  const wp1 = f64x2.splat(load<f64>(at(wp, j + 1)));
  const wp2 = f64x2.splat(load<f64>(at(wp, j + 2)));
  const wp3 = f64x2.splat(load<f64>(at(wp, j + 3)));
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
    const vpk = v128.load(vp + o);
    const wpk = v128.load(wp + o);
    const vk = v128.load(v + o);
    const r0 = subDot2(v128.load(row0 + o), vp0, wpk, wp0, vpk);
    const r1 = subDot2(v128.load(row1 + o), vp1, wpk, wp1, vpk);
    const r2 = subDot2(v128.load(row2 + o), vp2, wpk, wp2, vpk);
    const r3 = subDot2(v128.load(row3 + o), vp3, wpk, wp3, vpk);
    v128.store(row0 + o, r0);
    v128.store(row1 + o, r1);
    v128.store(row2 + o, r2);
    v128.store(row3 + o, r3);
    acc0 = madd(r0, vk, acc0);
    acc1 = madd(r1, vk, acc1);
    acc2 = madd(r2, vk, acc2);
    acc3 = madd(r3, vk, acc3);
    v128.store(p + o, addDot4(v128.load(p + o), r0, v0, r1, v1, r2, v2, r3, v3));
  }
  let s0 = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  let s1 = f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
  let s2 = f64x2.extract_lane(acc2, 0) + f64x2.extract_lane(acc2, 1);
  let s3 = f64x2.extract_lane(acc3, 0) + f64x2.extract_lane(acc3, 1);
  if (k < n) {
    const vpk = load<f64>(at(vp, k));
    const wpk = load<f64>(at(wp, k));
    const vk = load<f64>(at(v, k));
    let t = 0.0;
    for (let r = 0; r < 4; r++) {
      const q = at(row0 + <usize>r * rowBytes, k);
      const jr = j + r;
      const x = load<f64>(q) - (load<f64>(at(vp, jr)) * wpk + load<f64>(at(wp, jr)) * vpk);
      store<f64>(q, x);
      t += x * load<f64>(at(v, jr));
      const xv = x * vk;
      if (r == 0) s0 += xv;
      else if (r == 1) s1 += xv;
      else if (r == 2) s2 += xv;
      else s3 += xv;
    }
    store<f64>(at(p, k), load<f64>(at(p, k)) + t);
  }
  store<f64>(at(p, j), load<f64>(at(p, j)) + s0);
  store<f64>(at(p, j + 1), load<f64>(at(p, j + 1)) + s1);
  store<f64>(at(p, j + 2), load<f64>(at(p, j + 2)) + s2);
  store<f64>(at(p, j + 3), load<f64>(at(p, j + 3)) + s3);
}

/** Float64 values of workspace tridiagonalize needs for order n. */
export function tridiagonalizeWorkspace(n: i32): i32 {
  return 4 * n;
}

export function tridiagonalize(a: usize, n: i32, diag: usize, offdiag: usize, work: usize): void {
  const rowBytes = <usize>n << 3;
  let v = work;
  let p = work + rowBytes;
  let vp = work + 2 * rowBytes;
  let wp = work + 3 * rowBytes;
  // No update is pending before the first step.
  memory.fill(vp, 0, 2 * rowBytes);
  for (let i = 0; i < n - 2; i++) {
    // One thread runs the steps below whole: the pass over A22 as one block, p its only product.
    const tau = tridiagonalStepBegin(a, n, i, diag, offdiag, v, vp, wp);
    tridiagonalStepRows(a, n, i, v, p, vp, wp, i + 1, n);
    tridiagonalStepEnd(n, i, tau, v, p, p, 1, 0);
    // This step's update becomes the pending one.
    const t = vp;
    vp = v;
    v = t;
    const u = wp;
    wp = p;
    p = u;
  }
  // The last two rows take the last pending update.
  tridiagonalFinish(a, n, diag, offdiag, vp, wp);
}

// The same reduction in pieces, for threads (js/engine/wasm/threads.ts): each step's pass over A22 split into
// row blocks, each block's product accumulated into its own buffer and the buffers summed in block order, so
// the result depends on the number of blocks (by rounding) but never on which thread ran which block.
// tridiagonalize above is these with one block.

// Step i up to its pass: row i takes the pending update, diag[i] and offdiag[i] are set and the reflector is
// stored in v. Returns tau (0 when H(i) = I: then v = 0, which keeps the pass, still owing the pending update,
// and makes w = 0). The reflector maps x = A[i][i+1..n) onto beta e_1 (LAPACK dlarfg).
export function tridiagonalStepBegin(a: usize, n: i32, i: i32, diag: usize, offdiag: usize, v: usize, vp: usize, wp: usize): f64 {
  const rowI = a + <usize>i * (<usize>n << 3);
  rank2Row(rowI, vp, wp, i, n, load<f64>(at(vp, i)), load<f64>(at(wp, i)));
  store<f64>(at(diag, i), load<f64>(at(rowI, i)));
  const alpha = load<f64>(at(rowI, i + 1));
  const xnorm = scaledNorm(rowI, i + 2, n);
  if (xnorm == 0) {
    store<f64>(at(offdiag, i), alpha);
    memory.fill(at(v, i), 0, <usize>(n - i) << 3);
    return 0;
  }
  memory.copy(at(v, i + 2), at(rowI, i + 2), <usize>(n - i - 2) << 3);
  const beta = reflector(alpha, v, i + 2, n, xnorm);
  store<f64>(at(offdiag, i), beta);
  store<f64>(at(v, i), 0);
  store<f64>(at(v, i + 1), 1.0);
  return reflectorTau;
}

// Rows [j0, j1) of step i's pass (i < j0): their pending update, and their share of p = A22 v into p, which
// this zeroes over [i, n) first.
export function tridiagonalStepRows(a: usize, n: i32, i: i32, v: usize, p: usize, vp: usize, wp: usize, j0: i32, j1: i32): void {
  memory.fill(at(p, i), 0, <usize>(n - i) << 3);
  let j = j0;
  for (; j + 4 <= j1; j += 4) updateAndMultiply4(a, n, j, v, p, vp, wp);
  for (; j + 2 <= j1; j += 2) updateAndMultiply2(a, n, j, v, p, vp, wp);
  if (j < j1) updateAndMultiply1(a, n, j, v, p, vp, wp);
}

// After step i's pass: p = the sum of `count` block products (parts, parts + stride, ... bytes apart, in that
// order), then w = tau p - (tau^2 / 2)(p . v) v over it.
export function tridiagonalStepEnd(n: i32, i: i32, tau: f64, v: usize, p: usize, parts: usize, count: i32, stride: usize): void {
  for (let k = i + 1; k < n; k++) {
    let s = load<f64>(at(parts, k));
    for (let c = 1; c < count; c++) s += load<f64>(at(parts + <usize>c * stride, k));
    store<f64>(at(p, k), s);
  }
  let pv = 0.0;
  for (let k = i + 1; k < n; k++) {
    const pk = at(p, k);
    store<f64>(pk, load<f64>(pk) * tau);
    pv += load<f64>(pk) * load<f64>(at(v, k));
  }
  const half = 0.5 * tau * pv;
  for (let k = i + 1; k < n; k++) {
    const pk = at(p, k);
    store<f64>(pk, load<f64>(pk) - half * load<f64>(at(v, k)));
  }
}

// The last two rows: their pending update, and the last entries of diag and offdiag.
export function tridiagonalFinish(a: usize, n: i32, diag: usize, offdiag: usize, vp: usize, wp: usize): void {
  const rowBytes = <usize>n << 3;
  for (let j = max(n - 2, 0); j < n; j++) {
    rank2Row(a + <usize>j * rowBytes, vp, wp, j, n, load<f64>(at(vp, j)), load<f64>(at(wp, j)));
  }
  tridiagonalLastEntries(a, n, diag, offdiag);
}

// diag's last two entries and offdiag's last, read from the last two rows once nothing is pending on them
// (the blocked reduction's finish too).
export function tridiagonalLastEntries(a: usize, n: i32, diag: usize, offdiag: usize): void {
  const rowBytes = <usize>n << 3;
  if (n >= 2) {
    const last = a + <usize>(n - 2) * rowBytes;
    store<f64>(at(diag, n - 2), load<f64>(at(last, n - 2)));
    store<f64>(at(offdiag, n - 2), load<f64>(at(last, n - 1)));
  }
  if (n >= 1) {
    store<f64>(at(diag, n - 1), load<f64>(at(a + <usize>(n - 1) * rowBytes, n - 1)));
    store<f64>(at(offdiag, n - 1), 0);
  }
}
