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
// segment; dot products keep two lanes, lane 0 over even and lane 1 over odd offsets from the loop's start,
// which the JS twin (js/engine/js/band-tridiagonalize.ts) follows, so that the base binary's bits are its.

import { reflector, reflectorTau, scaledNorm } from './householder';
import { madd, nmadd, subDot2 } from './madd';

@inline
function at(p: usize, k: i32): usize {
  return p + (<usize>k << 3);
}

// The symmetric block a[s..s+m)[s..s+m) (upper triangle, rows `stride` bytes apart) := H C H with
// H = I - tau v v^T, v[0] = 1 (dlarfy): p = tau C v, w = p - (tau / 2)(p . v) v, C -= v w^T + w v^T.
function twoSided(a: usize, stride: usize, s: i32, m: i32, v: usize, tau: f64, p: usize): void {
  if (tau == 0) return;
  memory.fill(p, 0, <usize>m << 3);
  let row = a + <usize>s * stride + (<usize>s << 3);
  for (let j = 0; j < m; j++, row += stride) {
    const vj = load<f64>(at(v, j));
    const vjs = f64x2.splat(vj);
    let acc = f64x2.splat(0);
    let k = j + 1;
    for (; k + 2 <= m; k += 2) {
      const o = <usize>k << 3;
      const r = v128.load(row + o);
      acc = madd(r, v128.load(v + o), acc);
      v128.store(p + o, madd(r, vjs, v128.load(p + o)));
    }
    let t = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
    for (; k < m; k++) {
      const r = load<f64>(at(row, k));
      t += r * load<f64>(at(v, k));
      store<f64>(at(p, k), load<f64>(at(p, k)) + r * vj);
    }
    store<f64>(at(p, j), load<f64>(at(p, j)) + (load<f64>(at(row, j)) * vj + t));
  }
  let pv = 0.0;
  for (let k = 0; k < m; k++) {
    const pk = load<f64>(at(p, k)) * tau;
    store<f64>(at(p, k), pk);
    pv += pk * load<f64>(at(v, k));
  }
  const half = 0.5 * tau * pv;
  for (let k = 0; k < m; k++) store<f64>(at(p, k), load<f64>(at(p, k)) - half * load<f64>(at(v, k)));
  row = a + <usize>s * stride + (<usize>s << 3);
  for (let j = 0; j < m; j++, row += stride) {
    const vj = load<f64>(at(v, j));
    const wj = load<f64>(at(p, j));
    const vjs = f64x2.splat(vj);
    const wjs = f64x2.splat(wj);
    let k = j;
    for (; k + 2 <= m; k += 2) {
      const o = <usize>k << 3;
      v128.store(row + o, subDot2(v128.load(row + o), vjs, v128.load(p + o), wjs, v128.load(v + o)));
    }
    for (; k < m; k++) store<f64>(at(row, k), load<f64>(at(row, k)) - (vj * load<f64>(at(p, k)) + wj * load<f64>(at(v, k))));
  }
}

// w = R^T v for R = rows s..s+ln of a, columns j1..j1+lm (the block of L below the diagonal block, to be
// multiplied from the right by the block's reflector H = I - tau v v^T: R := H R = R - tau v w^T).
function blockProduct(a: usize, stride: usize, s: i32, ln: i32, j1: i32, lm: i32, v: usize, w: usize): void {
  memory.fill(w, 0, <usize>lm << 3);
  let row = a + <usize>s * stride + (<usize>j1 << 3);
  for (let c = 0; c < ln; c++, row += stride) {
    const vcs = f64x2.splat(load<f64>(at(v, c)));
    let k = 0;
    for (; k + 2 <= lm; k += 2) {
      const o = <usize>k << 3;
      v128.store(w + o, madd(v128.load(row + o), vcs, v128.load(w + o)));
    }
    for (; k < lm; k++) store<f64>(at(w, k), load<f64>(at(row, k)) * load<f64>(at(v, c)) + load<f64>(at(w, k)));
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
    for (let c = 1; c < ln; c++) updateRow(first + <usize>c * stride, lm, tau == 0 ? 0 : tau * load<f64>(at(v, c)), p, vn, tn);
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
