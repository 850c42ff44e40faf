// Stage 1 of LAPACK's two-stage reduction (dsytrd_sy2sb): a real symmetric matrix to a band of half-width b by
// an orthogonal similarity B = Q^T A Q, in panels of b. Our upper triangle read row-wise is LAPACK's "L"
// storage, so LAPACK's panel columns are our contiguous rows: panel i is rows i..i+b-1 over columns s..n-1
// (s = i + b), and its QR (dgeqr2) is an LQ of those rows, the reflectors along rows. With the panel's
// reflectors in V (Q_panel = I - V T V^T, T upper triangular from dlarft) the trailing matrix A22 (rows and
// columns from s) takes the two-sided update
//   X = A22 V T,  W = X - 1/2 V (T^T (V^T X)),  A22 -= V W^T + W V^T,
// whose product A22 V and rank-2b update are the level-3 work. Stage 2 (bulge chasing, band to tridiagonal)
// takes B from here.
//
// Lookahead (as ELPA's and PLASMA's): the update of panel i and the product of panel i + b share one sweep over
// the trailing matrix. Once panel i's W is known, panel i + b's own rows take panel i's update and make their
// reflectors (bandPanelRows, bandPanelBegin); then each group of four rows below them takes panel i's update
// and, while it is in the cache, adds its share of panel i + b's product (bandPanelUpdateProduct). A22 is read
// and written once per panel instead of read twice and written once. The entries get the bits of the update
// and product run apart when b is a multiple of 4 (an entry's value depends on which of update4Rows and
// updateEntries computes it, that is on its row group's offset from s mod 4, and the product's sums are in the
// same order).
//
// Layout as tridiagonalize: a is n x n float64 row-major, only the upper triangle (j >= i) read and written.
// On exit row r holds B's row in a[r][r..min(r + b, n - 1)]; right of that it holds the reflectors' vectors
// (unspecified for stage 2, which ignores them).
// work: reduceToBandWorkspace(n, b) float64: V, W, Y (b rows of n each: row c is the panel's reflector c, its
// row of W, its row of the product A22 V), then T, M, Z (b x b each, row-major), then a second V and W: panels
// alternate between the two (panelVW), so that panel i + b's V is made while panel i's V and W still update.

import { reflector, reflectorTau, scaledNorm } from './householder';
import { madd } from './madd';
import { dot, subScaled, tridiagonalPanelRows, update4Rows, updateEntries } from './tridiagonalize-blocked';

@inline
function at(p: usize, k: i32): usize {
  return p + (<usize>k << 3);
}

/** Float64 values of workspace reduceToBand needs for order n and half-width b: 5 b n + 3 b^2. */
export function reduceToBandWorkspace(n: i32, b: i32): i32 {
  return 5 * b * n + 3 * b * b;
}

// Panel i's V (b rows of n) with its W right after: at work for even panels (i / b), after Z for odd ones.
@inline
function panelVW(work: usize, n: i32, b: i32, i: i32): usize {
  return (i / b) & 1 ? work + ((3 * <usize>b * <usize>n + 3 * <usize>b * <usize>b) << 3) : work;
}

// Columns of a tile of the product: the tile of four rows of A (16 KB) stays in the first-level cache while
// every reflector of the panel takes its share.
const TILE: i32 = 512;

// y += s x over [from, to).
function addScaled(y: usize, x: usize, s: f64, from: i32, to: i32): void {
  const ss = f64x2.splat(s);
  let k = from;
  for (; k + 2 <= to; k += 2) {
    const o = <usize>k << 3;
    v128.store(y + o, madd(ss, v128.load(x + o), v128.load(y + o)));
  }
  if (k < to) store<f64>(at(y, k), load<f64>(at(y, k)) + s * load<f64>(at(x, k)));
}

/**
 * Panel i's QR (dgeqr2 on LAPACK's columns, our rows i..i+b-1 over columns [i + b, n)) and its T (dlarft,
 * forward, columnwise): reflector c is made from row i + c, whose entry at column i + b + c becomes beta and
 * whose entries right of it hold v; V's row c gets (0.., 1, v) and T[c][c] = tau_c,
 * T[0..c)[c] = -tau_c T[0..c)[0..c) (V[0..c) . v_c). V and W rows and T entries the panel does not fill are 0.
 * V and W are panel i's (panelVW): the previous panel's stay as they are.
 */
export function bandPanelBegin(a: usize, n: i32, b: i32, i: i32, work: usize): void {
  const rowBytes = <usize>n << 3;
  const s = i + b;
  const vw = panelVW(work, n, b, i);
  const t = work + 3 * <usize>b * rowBytes;
  const m = t + (<usize>(b * b) << 3);
  memory.fill(vw, 0, 2 * <usize>b * rowBytes);
  memory.fill(t, 0, <usize>(b * b) << 3);
  const count = min(b, n - s - 1);
  for (let c = 0; c < count; c++) {
    const row = a + <usize>(i + c) * rowBytes;
    const col = s + c;
    const vc = vw + <usize>c * rowBytes;
    store<f64>(at(vc, col), 1.0);
    const xnorm = scaledNorm(row, col + 1, n);
    if (xnorm == 0) continue; // H = I: tau = 0, T's column c stays zero.
    const beta = reflector(load<f64>(at(row, col)), row, col + 1, n, xnorm);
    const tau = reflectorTau;
    store<f64>(at(row, col), beta);
    memory.copy(at(vc, col + 1), at(row, col + 1), <usize>(n - col - 1) << 3);
    // H_c on the panel's later rows (dgeqr2's dlarf): row -= tau (row . v) v.
    for (let r = i + c + 1; r < s; r++) {
      const rowR = a + <usize>r * rowBytes;
      subScaled(rowR, vc, tau * dot(rowR, vc, col, n), col, n);
    }
    // T's column c (dlarft): m = V[0..c) . v_c, then T[0..c)[c] = -tau T[0..c)[0..c) m.
    for (let d = 0; d < c; d++) store<f64>(at(m, d), dot(vw + <usize>d * rowBytes, vc, col, n));
    for (let d = 0; d < c; d++) {
      let sum = 0.0;
      for (let e = d; e < c; e++) sum += load<f64>(at(t, d * b + e)) * load<f64>(at(m, e));
      store<f64>(at(t, d * b + c), -tau * sum);
    }
    store<f64>(at(t, c * b + c), tau);
  }
}

// Rows j..j+3 of A22 over columns [k0, k1) (k0 >= j + 4: right of the four rows' diagonals) times reflector
// c's row v (y its product row): y[j + r] += sum_k a[j + r][k] v[k] (two lanes, summed at the end) and
// y[k] += sum_r a[j + r][k] v[j + r] (r in order).
function product4Rows(a: usize, n: i32, j: i32, v: usize, y: usize, k0: i32, k1: i32): void {
  const rowBytes = <usize>n << 3;
  const row0 = a + <usize>j * rowBytes;
  const row1 = row0 + rowBytes;
  const row2 = row1 + rowBytes;
  const row3 = row2 + rowBytes;
  const x0 = load<f64>(at(v, j)), x1 = load<f64>(at(v, j + 1)), x2 = load<f64>(at(v, j + 2)), x3 = load<f64>(at(v, j + 3));
  const v0 = f64x2.splat(x0), v1 = f64x2.splat(x1), v2 = f64x2.splat(x2), v3 = f64x2.splat(x3);
  let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0), acc2 = f64x2.splat(0), acc3 = f64x2.splat(0);
  let k = k0;
  for (; k + 2 <= k1; k += 2) {
    const o = <usize>k << 3;
    const vk = v128.load(v + o);
    const r0 = v128.load(row0 + o), r1 = v128.load(row1 + o), r2 = v128.load(row2 + o), r3 = v128.load(row3 + o);
    acc0 = madd(r0, vk, acc0);
    acc1 = madd(r1, vk, acc1);
    acc2 = madd(r2, vk, acc2);
    acc3 = madd(r3, vk, acc3);
    v128.store(y + o, madd(r3, v3, madd(r2, v2, madd(r1, v1, madd(r0, v0, v128.load(y + o))))));
  }
  let s0 = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  let s1 = f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
  let s2 = f64x2.extract_lane(acc2, 0) + f64x2.extract_lane(acc2, 1);
  let s3 = f64x2.extract_lane(acc3, 0) + f64x2.extract_lane(acc3, 1);
  if (k < k1) {
    const vk = load<f64>(at(v, k));
    const a0 = load<f64>(at(row0, k)), a1 = load<f64>(at(row1, k)), a2 = load<f64>(at(row2, k)), a3 = load<f64>(at(row3, k));
    s0 += a0 * vk;
    s1 += a1 * vk;
    s2 += a2 * vk;
    s3 += a3 * vk;
    store<f64>(at(y, k), (((load<f64>(at(y, k)) + a0 * x0) + a1 * x1) + a2 * x2) + a3 * x3);
  }
  store<f64>(at(y, j), load<f64>(at(y, j)) + s0);
  store<f64>(at(y, j + 1), load<f64>(at(y, j + 1)) + s1);
  store<f64>(at(y, j + 2), load<f64>(at(y, j + 2)) + s2);
  store<f64>(at(y, j + 3), load<f64>(at(y, j + 3)) + s3);
}

// Rows [j, j1) (j1 <= j + 4), columns [j, j1) of A22 (the diagonal block of a group of rows) times v into y,
// one entry at a time: the diagonal once, each entry right of it into both its row's and its column's sum.
function productDiagonal(a: usize, n: i32, j: i32, j1: i32, v: usize, y: usize): void {
  const rowBytes = <usize>n << 3;
  for (let r = j; r < j1; r++) {
    const row = a + <usize>r * rowBytes;
    const vr = load<f64>(at(v, r));
    let sum = load<f64>(at(row, r)) * vr;
    for (let k = r + 1; k < j1; k++) {
      const x = load<f64>(at(row, k));
      sum += x * load<f64>(at(v, k));
      store<f64>(at(y, k), load<f64>(at(y, k)) + x * vr);
    }
    store<f64>(at(y, r), load<f64>(at(y, r)) + sum);
  }
}

// Row r of A22 over columns [k0, k1) (k0 > r) times v into y, one entry at a time.
function productRow(a: usize, n: i32, r: i32, v: usize, y: usize, k0: i32, k1: i32): void {
  const row = a + <usize>r * (<usize>n << 3);
  const vr = load<f64>(at(v, r));
  let sum = 0.0;
  for (let k = k0; k < k1; k++) {
    const x = load<f64>(at(row, k));
    sum += x * load<f64>(at(v, k));
    store<f64>(at(y, k), load<f64>(at(y, k)) + x * vr);
  }
  store<f64>(at(y, r), load<f64>(at(y, r)) + sum);
}

// Rows [j0, j1) of the product Y = A22 V (A22 symmetric, upper-stored from row and column s: each a[j][k] adds
// into rows j and k of the product) for the b reflectors at v, into y (zeroed over [s, n) first). Rows go in
// fours from j0, columns in tiles of TILE, and the b reflectors run over each tile while it is in the cache.
// With prev != 0 (the previous panel's V, its W after it) each group of rows first takes that panel's update
// A -= V W^T + W V^T, tile by tile just before the tile's product reads it: the lookahead's one sweep. Only
// the group's own rows are read, so the update is complete where the product reads it.
function productRows(a: usize, n: i32, b: i32, s: i32, v: usize, y: usize, j0: i32, j1: i32, prev: usize): void {
  const rowBytes = <usize>n << 3;
  for (let c = 0; c < b; c++) memory.fill(at(y + <usize>c * rowBytes, s), 0, <usize>(n - s) << 3);
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    if (prev != 0) {
      for (let r = 0; r < 4; r++) updateEntries(a, n, j + r, prev, b, j + r, j + 4);
    }
    for (let c = 0; c < b; c++) productDiagonal(a, n, j, j + 4, v + <usize>c * rowBytes, y + <usize>c * rowBytes);
    for (let kb = j + 4; kb < n; kb += TILE) {
      const kEnd = min(kb + TILE, n);
      if (prev != 0) update4Rows(a, n, j, prev, b, kb, kEnd);
      for (let c = 0; c < b; c++) product4Rows(a, n, j, v + <usize>c * rowBytes, y + <usize>c * rowBytes, kb, kEnd);
    }
  }
  for (; j < j1; j++) {
    if (prev != 0) updateEntries(a, n, j, prev, b, j, n);
    for (let c = 0; c < b; c++) {
      const vc = v + <usize>c * rowBytes;
      const yc = y + <usize>c * rowBytes;
      productDiagonal(a, n, j, j + 1, vc, yc);
      productRow(a, n, j, vc, yc, j + 1, n);
    }
  }
}

/**
 * Rows [j0, j1) of panel i's product Y = A22 V, for every reflector of the panel, into y (b rows of n float64),
 * which this zeroes over columns [i + b, n) first (productRows).
 */
export function bandPanelProduct(a: usize, n: i32, b: i32, i: i32, work: usize, y: usize, j0: i32, j1: i32): void {
  productRows(a, n, b, i + b, panelVW(work, n, b, i), y, j0, j1, 0);
}

/**
 * The lookahead sweep over rows [j0, j1) (j0 >= i + 2b, past panel i + b's own rows): panel i's update
 * A -= V W^T + W V^T of those rows (its W from bandPanelEnd), then panel i + b's product (its V from
 * bandPanelBegin) of them into y, as bandPanelProduct(i + b) would after tridiagonalPanelRows.
 */
export function bandPanelUpdateProduct(a: usize, n: i32, b: i32, i: i32, work: usize, y: usize, j0: i32, j1: i32): void {
  productRows(a, n, b, i + 2 * b, panelVW(work, n, b, i + b), y, j0, j1, panelVW(work, n, b, i));
}

/** Rows [j0, j1) of panel i's update A -= V W^T + W V^T alone (tridiagonalPanelRows with panel i's V and W). */
export function bandPanelRows(a: usize, n: i32, b: i32, i: i32, work: usize, j0: i32, j1: i32): void {
  tridiagonalPanelRows(a, n, panelVW(work, n, b, i), b, j0, j1);
}

/**
 * After panel i's product: Y = the sum of `count` block products (parts, parts + stride, ... bytes apart, in
 * that order; parts may be Y itself with count 1), then X = Y T into W, M = V^T X, Z = T^T M, and
 * W = X - 1/2 V Z (so that A22 -= V W^T + W V^T is Q^T A22 Q).
 */
export function bandPanelEnd(n: i32, b: i32, i: i32, work: usize, parts: usize, count: i32, stride: usize): void {
  const rowBytes = <usize>n << 3;
  const s = i + b;
  const vw = panelVW(work, n, b, i);
  const w = vw + <usize>b * rowBytes;
  const y = work + 2 * <usize>b * rowBytes;
  const t = y + <usize>b * rowBytes;
  const m = t + (<usize>(b * b) << 3);
  const z = m + (<usize>(b * b) << 3);
  if (parts != y || count != 1) {
    // Block by block, each entry's sum in block order (1 x is x exactly, so addScaled adds).
    for (let c = 0; c < b; c++) {
      const off = <usize>c * rowBytes;
      memory.copy(at(y + off, s), at(parts + off, s), <usize>(n - s) << 3);
      for (let q = 1; q < count; q++) addScaled(y + off, parts + <usize>q * stride + off, 1.0, s, n);
    }
  }
  // X's row e = sum_{d <= e} T[d][e] Y's row d (T upper triangular).
  for (let e = 0; e < b; e++) {
    const we = w + <usize>e * rowBytes;
    for (let d = 0; d <= e; d++) {
      const tde = load<f64>(at(t, d * b + e));
      if (tde != 0) addScaled(we, y + <usize>d * rowBytes, tde, s, n);
    }
  }
  for (let d = 0; d < b; d++) {
    for (let e = 0; e < b; e++) store<f64>(at(m, d * b + e), dot(vw + <usize>d * rowBytes, w + <usize>e * rowBytes, s, n));
  }
  for (let c = 0; c < b; c++) {
    for (let e = 0; e < b; e++) {
      let sum = 0.0;
      for (let d = 0; d <= c; d++) sum += load<f64>(at(t, d * b + c)) * load<f64>(at(m, d * b + e));
      store<f64>(at(z, c * b + e), sum);
    }
  }
  // W's row e -= 1/2 sum_c Z[c][e] V's row c.
  for (let e = 0; e < b; e++) {
    const we = w + <usize>e * rowBytes;
    for (let c = 0; c < b; c++) {
      const zce = load<f64>(at(z, c * b + e));
      if (zce != 0) subScaled(we, vw + <usize>c * rowBytes, 0.5 * zce, s, n);
    }
  }
}

/**
 * The reduction to a band of half-width b >= 1 (dsytrd_sy2sb): B = Q^T A Q with Q the product of the panels'
 * reflectors; a[r][r..min(r + b, n - 1)] holds B's upper band on exit. Panels run while the trailing matrix
 * has a row outside the band (i + b + 1 < n); each panel's update shares its sweep with the next panel's
 * product (the lookahead), the last panel's runs alone.
 */
export function reduceToBand(a: usize, n: i32, b: i32, work: usize): void {
  if (b + 1 >= n) return;
  const y = work + 2 * <usize>b * (<usize>n << 3);
  bandPanelBegin(a, n, b, 0, work);
  bandPanelProduct(a, n, b, 0, work, y, b, n);
  for (let i = 0; i + b + 1 < n; i += b) {
    const s = i + b;
    bandPanelEnd(n, b, i, work, y, 1, 0);
    if (s + b + 1 < n) {
      bandPanelRows(a, n, b, i, work, s, s + b);
      bandPanelBegin(a, n, b, s, work);
      bandPanelUpdateProduct(a, n, b, i, work, y, s + b, n);
    } else {
      bandPanelRows(a, n, b, i, work, s, n);
    }
  }
}
