// Stage 2 of the two-stage reduction (LAPACK dsytrd_sb2st with dsb2st_kernels): a symmetric band matrix of
// half-width b to symmetric tridiagonal form by Householder bulge chasing, Q^T A Q = T. Eigenvalues only: the
// reflectors are not kept, so Q cannot be rebuilt.
//
// Layout: a is n x n float64, row-major, as in tridiagonalize.ts. Only the upper triangle (j >= i) is read and
// written; row r of it is column r of the lower triangle, so LAPACK's "L" band storage is read here row-wise.
// On entry a[r][r..min(r + b, n - 1)] holds the band. Entries a[r][j] with j > r + b are garbage (stage 1
// leaves its reflectors there): the call zeroes those at distance b + 1 .. 2b - 1, where the bulge lives, and
// never reads beyond. Out: diag (n float64), the diagonal of T; offdiag (n float64), offdiag[i] = T[i][i+1],
// offdiag[n-1] = 0, so tridiagonal-ql.ts takes them as it takes tridiagonalize's. a is destroyed.
// work: caller-owned workspace of bandToTridiagonalWorkspace(n, b) = 3 min(max(b, 1), max(n - 1, 1)) float64:
// this block's reflector, the next block's, and one product vector.
//
// Sweep i annihilates row i right of a[i][i+1] with one reflector of length <= b, applied two-sided to the
// diagonal block (kernel type 1, dlarfy). Applied from the right to the block of b rows below (here: the
// rows of the block, columns past it), it fills that block; a new reflector annihilates only the fill's
// first row (first column of L), is applied from the left to the rest of the block (type 2, dlarfx) and
// two-sided to the next diagonal block (type 3), and so down the band. The fill left in the block's other
// rows is annihilated by the next sweeps. About 6 n^2 b flops. Every inner loop runs over a contiguous row
// segment, rows two at a time where they share a vector; dot products keep two lanes, lane 0 over even and lane 1 over odd offsets from the loop's start,
// which the JS twin (js/engine/js/band-tridiagonalize.ts) follows, so that the base binary's bits are its.

import { reflector, reflectorTau, scaledNorm } from './householder';
import { addDot2, madd, nmadd, subDot2 } from './madd';

@inline
function at(p: usize, k: i32): usize {
  return p + (<usize>k << 3);
}

// The symmetric block a[s..s+m)[s..s+m) (upper triangle, rows `stride` bytes apart) := H C H with
// H = I - tau v v^T, v[0] = 1 (dlarfy): p = tau C v, w = p - (tau / 2)(p . v) v, C -= v w^T + w v^T. Rows go
// two at a time, so each load of v and p serves both.
function twoSided(a: usize, stride: usize, s: i32, m: i32, v: usize, tau: f64, p: usize): void {
  if (tau == 0) return;
  memory.fill(p, 0, <usize>m << 3);
  let row0 = a + <usize>s * stride + (<usize>s << 3);
  let j = 0;
  for (; j + 2 <= m; j += 2, row0 += 2 * stride) {
    const row1 = row0 + stride;
    const v0 = load<f64>(at(v, j));
    const v1 = load<f64>(at(v, j + 1));
    const a01 = load<f64>(at(row0, j + 1));
    const s0 = load<f64>(at(row0, j)) * v0 + a01 * v1;
    const s1 = a01 * v0 + load<f64>(at(row1, j + 1)) * v1;
    const v0s = f64x2.splat(v0);
    const v1s = f64x2.splat(v1);
    let acc0 = f64x2.splat(0);
    let acc1 = f64x2.splat(0);
    let k = j + 2;
    for (; k + 2 <= m; k += 2) {
      const o = <usize>k << 3;
      const r0 = v128.load(row0 + o);
      const r1 = v128.load(row1 + o);
      const vk = v128.load(v + o);
      acc0 = madd(r0, vk, acc0);
      acc1 = madd(r1, vk, acc1);
      v128.store(p + o, addDot2(v128.load(p + o), r0, v0s, r1, v1s));
    }
    let t0 = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
    let t1 = f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
    for (; k < m; k++) {
      const r0 = load<f64>(at(row0, k));
      const r1 = load<f64>(at(row1, k));
      const vk = load<f64>(at(v, k));
      t0 += r0 * vk;
      t1 += r1 * vk;
      store<f64>(at(p, k), load<f64>(at(p, k)) + (r0 * v0 + r1 * v1));
    }
    store<f64>(at(p, j), load<f64>(at(p, j)) + (s0 + t0));
    store<f64>(at(p, j + 1), load<f64>(at(p, j + 1)) + (s1 + t1));
  }
  if (j < m) store<f64>(at(p, j), load<f64>(at(p, j)) + load<f64>(at(row0, j)) * load<f64>(at(v, j)));
  let pv = 0.0;
  for (let k = 0; k < m; k++) {
    const pk = load<f64>(at(p, k)) * tau;
    store<f64>(at(p, k), pk);
    pv += pk * load<f64>(at(v, k));
  }
  const half = 0.5 * tau * pv;
  for (let k = 0; k < m; k++) store<f64>(at(p, k), load<f64>(at(p, k)) - half * load<f64>(at(v, k)));
  row0 = a + <usize>s * stride + (<usize>s << 3);
  j = 0;
  for (; j + 2 <= m; j += 2, row0 += 2 * stride) {
    const row1 = row0 + stride;
    const v0 = load<f64>(at(v, j));
    const v1 = load<f64>(at(v, j + 1));
    const w0 = load<f64>(at(p, j));
    const w1 = load<f64>(at(p, j + 1));
    store<f64>(at(row0, j), load<f64>(at(row0, j)) - (v0 * w0 + w0 * v0));
    store<f64>(at(row0, j + 1), load<f64>(at(row0, j + 1)) - (v0 * w1 + w0 * v1));
    store<f64>(at(row1, j + 1), load<f64>(at(row1, j + 1)) - (v1 * w1 + w1 * v1));
    const v0s = f64x2.splat(v0);
    const v1s = f64x2.splat(v1);
    const w0s = f64x2.splat(w0);
    const w1s = f64x2.splat(w1);
    let k = j + 2;
    for (; k + 2 <= m; k += 2) {
      const o = <usize>k << 3;
      const pk = v128.load(p + o);
      const vk = v128.load(v + o);
      v128.store(row0 + o, subDot2(v128.load(row0 + o), v0s, pk, w0s, vk));
      v128.store(row1 + o, subDot2(v128.load(row1 + o), v1s, pk, w1s, vk));
    }
    for (; k < m; k++) {
      const pk = load<f64>(at(p, k));
      const vk = load<f64>(at(v, k));
      store<f64>(at(row0, k), load<f64>(at(row0, k)) - (v0 * pk + w0 * vk));
      store<f64>(at(row1, k), load<f64>(at(row1, k)) - (v1 * pk + w1 * vk));
    }
  }
  if (j < m) {
    const vj = load<f64>(at(v, j));
    const wj = load<f64>(at(p, j));
    store<f64>(at(row0, j), load<f64>(at(row0, j)) - (vj * wj + wj * vj));
  }
}

// w = R^T v for R = rows s..s+ln of a, columns j1..j1+lm (the block of L below the diagonal block, to be
// multiplied from the right by the block's reflector H = I - tau v v^T: R := H R = R - tau v w^T); rows two
// at a time.
function blockProduct(a: usize, stride: usize, s: i32, ln: i32, j1: i32, lm: i32, v: usize, w: usize): void {
  memory.fill(w, 0, <usize>lm << 3);
  let row0 = a + <usize>s * stride + (<usize>j1 << 3);
  let c = 0;
  for (; c + 2 <= ln; c += 2, row0 += 2 * stride) {
    const row1 = row0 + stride;
    const v0 = load<f64>(at(v, c));
    const v1 = load<f64>(at(v, c + 1));
    const v0s = f64x2.splat(v0);
    const v1s = f64x2.splat(v1);
    let k = 0;
    for (; k + 2 <= lm; k += 2) {
      const o = <usize>k << 3;
      v128.store(w + o, addDot2(v128.load(w + o), v128.load(row0 + o), v0s, v128.load(row1 + o), v1s));
    }
    for (; k < lm; k++) store<f64>(at(w, k), load<f64>(at(w, k)) + (load<f64>(at(row0, k)) * v0 + load<f64>(at(row1, k)) * v1));
  }
  if (c < ln) {
    const vc = load<f64>(at(v, c));
    const vcs = f64x2.splat(vc);
    let k = 0;
    for (; k + 2 <= lm; k += 2) {
      const o = <usize>k << 3;
      v128.store(w + o, madd(v128.load(row0 + o), vcs, v128.load(w + o)));
    }
    for (; k < lm; k++) store<f64>(at(w, k), load<f64>(at(row0, k)) * vc + load<f64>(at(w, k)));
  }
}

// One row x of that block (x[0..lm)): x -= tv w (its share of R := H R, tv = tau v_c), then x := x Hn with
// Hn = I - tn vn vn^T, the reflector that annihilated the block's first row: x -= tn (x . vn) vn. The first
// update and the dot product share one pass over x.
function updateRow(x: usize, lm: i32, tv: f64, w: usize, vn: usize, tn: f64): void {
  const tvs = f64x2.splat(tv);
  let acc = f64x2.splat(0);
  let k = 0;
  for (; k + 2 <= lm; k += 2) {
    const o = <usize>k << 3;
    const r = nmadd(tvs, v128.load(w + o), v128.load(x + o));
    v128.store(x + o, r);
    acc = madd(r, v128.load(vn + o), acc);
  }
  let d = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < lm; k++) {
    const r = load<f64>(at(x, k)) - tv * load<f64>(at(w, k));
    store<f64>(at(x, k), r);
    d += r * load<f64>(at(vn, k));
  }
  if (tn == 0) return;
  const td = tn * d;
  const tds = f64x2.splat(td);
  k = 0;
  for (; k + 2 <= lm; k += 2) {
    const o = <usize>k << 3;
    v128.store(x + o, nmadd(tds, v128.load(vn + o), v128.load(x + o)));
  }
  for (; k < lm; k++) store<f64>(at(x, k), load<f64>(at(x, k)) - td * load<f64>(at(vn, k)));
}

// updateRow on the rows x0 and x1 = x0 + stride at once (each load of w and vn serves both): the same bits.
function updateRows2(x0: usize, stride: usize, lm: i32, tv0: f64, tv1: f64, w: usize, vn: usize, tn: f64): void {
  const x1 = x0 + stride;
  const tv0s = f64x2.splat(tv0);
  const tv1s = f64x2.splat(tv1);
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = 0;
  for (; k + 2 <= lm; k += 2) {
    const o = <usize>k << 3;
    const wk = v128.load(w + o);
    const vk = v128.load(vn + o);
    const r0 = nmadd(tv0s, wk, v128.load(x0 + o));
    const r1 = nmadd(tv1s, wk, v128.load(x1 + o));
    v128.store(x0 + o, r0);
    v128.store(x1 + o, r1);
    acc0 = madd(r0, vk, acc0);
    acc1 = madd(r1, vk, acc1);
  }
  let d0 = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  let d1 = f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
  for (; k < lm; k++) {
    const wk = load<f64>(at(w, k));
    const vk = load<f64>(at(vn, k));
    const r0 = load<f64>(at(x0, k)) - tv0 * wk;
    const r1 = load<f64>(at(x1, k)) - tv1 * wk;
    store<f64>(at(x0, k), r0);
    store<f64>(at(x1, k), r1);
    d0 += r0 * vk;
    d1 += r1 * vk;
  }
  if (tn == 0) return;
  const td0 = tn * d0;
  const td1 = tn * d1;
  const td0s = f64x2.splat(td0);
  const td1s = f64x2.splat(td1);
  k = 0;
  for (; k + 2 <= lm; k += 2) {
    const o = <usize>k << 3;
    const vk = v128.load(vn + o);
    v128.store(x0 + o, nmadd(td0s, vk, v128.load(x0 + o)));
    v128.store(x1 + o, nmadd(td1s, vk, v128.load(x1 + o)));
  }
  for (; k < lm; k++) {
    const vk = load<f64>(at(vn, k));
    store<f64>(at(x0, k), load<f64>(at(x0, k)) - td0 * vk);
    store<f64>(at(x1, k), load<f64>(at(x1, k)) - td1 * vk);
  }
}

// The reflector that annihilates row[from + 1 .. from + len) against row[from] (dlarfg): row[from] := beta,
// the rest zeroed, v (len float64) := (1, x / (alpha - beta)); returns tau (0 when the rest is already 0 or
// len = 1, and then H = I).
function annihilate(row: usize, from: i32, len: i32, v: usize): f64 {
  store<f64>(v, 1);
  for (let k = 1; k < len; k++) store<f64>(at(v, k), 0);
  if (len < 2) return 0;
  const xnorm = scaledNorm(row, from + 1, from + len);
  if (xnorm == 0) return 0;
  const beta = reflector(load<f64>(at(row, from)), row, from + 1, from + len, xnorm);
  store<f64>(at(row, from), beta);
  for (let k = 1; k < len; k++) {
    store<f64>(at(v, k), load<f64>(at(row, from + k)));
    store<f64>(at(row, from + k), 0);
  }
  return reflectorTau;
}

// One step down the band from the diagonal block st..ed, whose reflector (v, tau) has been applied two-sided
// to it: from the right to the block of L below it (type 2), the reflector (vn, returned tau) that annihilates
// that block's first row, from the left to its other rows, and two-sided to the next diagonal block (type 3).
// A function of its own, called from two places, so that binaryen does not inline it into the exported
// kernel: V8 runs a call to the end in the tier it started in, and this loop body is where the time goes.
function chase(a: usize, n: i32, st: i32, ed: i32, w: i32, v: usize, tau: f64, vn: usize, p: usize): f64 {
  const stride = <usize>n << 3;
  const j1 = ed + 1;
  const lm = min(ed + w, n - 1) - j1 + 1;
  const ln = ed - st + 1;
  const first = a + <usize>st * stride + (<usize>j1 << 3);
  if (tau != 0) {
    blockProduct(a, stride, st, ln, j1, lm, v, p);
    // The block's first row (v[0] = 1): x -= tau w.
    const ts = f64x2.splat(tau);
    let k = 0;
    for (; k + 2 <= lm; k += 2) {
      const o = <usize>k << 3;
      v128.store(first + o, nmadd(ts, v128.load(p + o), v128.load(first + o)));
    }
    for (; k < lm; k++) store<f64>(at(first, k), load<f64>(at(first, k)) - tau * load<f64>(at(p, k)));
  } else {
    memory.fill(p, 0, <usize>lm << 3);
  }
  const tn = annihilate(a + <usize>st * stride, j1, lm, vn);
  if (tau != 0 || tn != 0) {
    // With tau = 0 the rows take Hn alone (w = 0, and v, which is then not this block's, is not read).
    let c = 1;
    for (; c + 2 <= ln; c += 2) {
      const tv0 = tau == 0 ? 0 : tau * load<f64>(at(v, c));
      const tv1 = tau == 0 ? 0 : tau * load<f64>(at(v, c + 1));
      updateRows2(first + <usize>c * stride, stride, lm, tv0, tv1, p, vn, tn);
    }
    if (c < ln) updateRow(first + <usize>c * stride, lm, tau == 0 ? 0 : tau * load<f64>(at(v, c)), p, vn, tn);
  }
  twoSided(a, stride, j1, lm, vn, tn, p);
  return tn;
}

// The band's half-width as the reduction uses it: at least 1, and no wider than the matrix.
function halfWidth(n: i32, b: i32): i32 {
  return max(1, min(b, n - 1));
}

/** Float64 values of workspace bandToTridiagonal needs for order n and half-width b. */
export function bandToTridiagonalWorkspace(n: i32, b: i32): i32 {
  return 3 * halfWidth(n, b);
}

/**
 * Reduces the symmetric band matrix of half-width b in a (upper triangle, row-major; see the header) to
 * tridiagonal form: diag and offdiag as tridiagonalize gives them, the same eigenvalues up to rounding.
 */
export function bandToTridiagonal(a: usize, n: i32, b: i32, diag: usize, offdiag: usize, work: usize): void {
  if (n <= 0) return;
  const stride = <usize>n << 3;
  const w = halfWidth(n, b);
  let v = work;
  let vn = work + (<usize>w << 3);
  const p = vn + (<usize>w << 3);
  // The bulge's room: distance w + 1 .. 2w - 1 right of the diagonal.
  if (w > 1) {
    for (let r = 0; r < n; r++) {
      const from = r + w + 1;
      const to = min(r + 2 * w, n);
      if (from < to) memory.fill(a + <usize>r * stride + (<usize>from << 3), 0, <usize>(to - from) << 3);
    }
    for (let i = 0; i < n - 2; i++) {
      // Type 1 is the chase step from the 1 x 1 block (i, i) with H = I (tau = 0: v is not read).
      let tau = chase(a, n, i, i, w, v, 0, vn, p);
      let st = i + 1;
      let ed = min(i + w, n - 1);
      while (ed + 1 < n) {
        const t = v;
        v = vn;
        vn = t;
        tau = chase(a, n, st, ed, w, v, tau, vn, p);
        st = ed + 1;
        ed = min(ed + w, n - 1);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const row = a + <usize>i * stride;
    store<f64>(at(diag, i), load<f64>(at(row, i)));
    store<f64>(at(offdiag, i), i + 1 < n ? load<f64>(at(row, i + 1)) : 0);
  }
}
