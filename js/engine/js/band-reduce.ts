// Pure-JS twin of assembly/band-reduce.ts: stage 1 of LAPACK's two-stage reduction (dsytrd_sy2sb), a real
// symmetric matrix to a band of half-width b by B = Q^T A Q, in panels of b. Panel i is our rows i..i+b-1
// over columns s..n-1 (s = i + b; LAPACK's "L" panel columns), its QR an LQ of those rows (dgeqr2), T from
// dlarft; then, with the trailing matrix A22 (rows and columns from s),
//   X = A22 V T,  W = X - 1/2 V (T^T (V^T X)),  A22 -= V W^T + W V^T,
// panel i's update sharing one sweep over A22 with panel i + b's product (the kernel's lookahead).
// a: n x n row-major (upper triangle read and overwritten); on exit a[r][r..min(r + b, n - 1)] is B's band,
// right of it the reflectors' vectors. work: reduceToBandWorkspace(n, b) (V, W, Y: b rows of n; T, M, Z:
// b x b; a second V and W). The kernel's steps, tiles and sums in its order, its two f64x2 lanes as two
// running sums: the same bits as the base WASM binary (the relaxed one fuses its multiply-adds, and differs by
// rounding).
import { reflector, scaledNorm } from './householder.js';

/** Float64 values of workspace reduceToBand needs for order n and half-width b: 5 b n + 3 b^2. */
export function reduceToBandWorkspace(n: number, b: number): number {
  return 5 * b * n + 3 * b * b;
}

// Where panel i's V starts in work (its W b n after): the kernel's panelVW, even panels first, odd after Z.
function panelVW(n: number, b: number, i: number): number {
  return (i / b) & 1 ? 3 * b * n + 3 * b * b : 0;
}

// The kernels' tiles: columns of the product's (band-reduce.ts) and of the panel update's
// (tridiagonalize-blocked.ts).
const PRODUCT_TILE = 512;
const UPDATE_TILE = 256;

// x[xo + from..to) . y[yo + from..to) as tridiagonalize-blocked.ts's dot: lanes of even and odd offset from
// `from`, added, then the odd last entry.
function dot(x: Float64Array, xo: number, y: Float64Array, yo: number, from: number, to: number): number {
  let l0 = 0;
  let l1 = 0;
  let k = from;
  for (; k + 2 <= to; k += 2) {
    l0 += x[xo + k] * y[yo + k];
    l1 += x[xo + k + 1] * y[yo + k + 1];
  }
  let s = l0 + l1;
  if (k < to) s += x[xo + k] * y[yo + k];
  return s;
}

// The kernel's bandPanelBegin: panel i's QR and T; its V and W, and T, zeroed first.
function panelBegin(a: Float64Array, n: number, b: number, i: number, work: Float64Array): void {
  const bn = b * n;
  const T = 3 * bn, M = T + b * b;
  const s = i + b;
  const V = panelVW(n, b, i);
  work.fill(0, V, V + 2 * bn);
  work.fill(0, T, T + b * b);
  const count = Math.min(b, n - s - 1);
  for (let c = 0; c < count; c++) {
    const row = (i + c) * n;
    const col = s + c;
    const vc = V + c * n;
    work[vc + col] = 1;
    const x = a.subarray(row, row + n);
    const xnorm = scaledNorm(x, col + 1, n);
    if (xnorm === 0) continue;
    const { beta, tau } = reflector(x[col], x, col + 1, n, xnorm);
    x[col] = beta;
    for (let k = col + 1; k < n; k++) work[vc + k] = x[k];
    for (let r = i + c + 1; r < s; r++) {
      const h = tau * dot(a, r * n, work, vc, col, n);
      for (let k = col; k < n; k++) a[r * n + k] -= h * work[vc + k];
    }
    for (let d = 0; d < c; d++) work[M + d] = dot(work, V + d * n, work, vc, col, n);
    for (let d = 0; d < c; d++) {
      let sum = 0;
      for (let e = d; e < c; e++) sum += work[T + d * b + e] * work[M + e];
      work[T + d * b + c] = -tau * sum;
    }
    work[T + c * b + c] = tau;
  }
}

// Rows [j, j1) by columns [j, j1) of A22 times v (at vo) into y (at yo): the diagonal once, each entry right of
// it into its row's and its column's sums.
function productDiagonal(a: Float64Array, n: number, j: number, j1: number, w: Float64Array, vo: number, yo: number): void {
  for (let r = j; r < j1; r++) {
    const vr = w[vo + r];
    let sum = a[r * n + r] * vr;
    for (let k = r + 1; k < j1; k++) {
      const x = a[r * n + k];
      sum += x * w[vo + k];
      w[yo + k] += x * vr;
    }
    w[yo + r] += sum;
  }
}

// Rows j..j+3 over columns [k0, k1) (k0 >= j + 4): the kernel's product4Rows, its lanes as l0 and l1.
function product4Rows(a: Float64Array, n: number, j: number, w: Float64Array, vo: number, yo: number, k0: number, k1: number): void {
  const r0 = j * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
  const x0 = w[vo + j], x1 = w[vo + j + 1], x2 = w[vo + j + 2], x3 = w[vo + j + 3];
  const l0 = [0, 0, 0, 0];
  const l1 = [0, 0, 0, 0];
  let k = k0;
  for (; k + 2 <= k1; k += 2) {
    for (let lane = 0; lane < 2; lane++) {
      const q = k + lane;
      const vk = w[vo + q];
      const a0 = a[r0 + q], a1 = a[r1 + q], a2 = a[r2 + q], a3 = a[r3 + q];
      const acc = lane === 0 ? l0 : l1;
      acc[0] += a0 * vk;
      acc[1] += a1 * vk;
      acc[2] += a2 * vk;
      acc[3] += a3 * vk;
      w[yo + q] = (((w[yo + q] + a0 * x0) + a1 * x1) + a2 * x2) + a3 * x3;
    }
  }
  const sums = [l0[0] + l1[0], l0[1] + l1[1], l0[2] + l1[2], l0[3] + l1[3]];
  if (k < k1) {
    const vk = w[vo + k];
    const a0 = a[r0 + k], a1 = a[r1 + k], a2 = a[r2 + k], a3 = a[r3 + k];
    sums[0] += a0 * vk;
    sums[1] += a1 * vk;
    sums[2] += a2 * vk;
    sums[3] += a3 * vk;
    w[yo + k] = (((w[yo + k] + a0 * x0) + a1 * x1) + a2 * x2) + a3 * x3;
  }
  for (let r = 0; r < 4; r++) w[yo + j + r] += sums[r];
}

// Row r over columns [k0, k1) (k0 > r) times v into y, one entry at a time.
function productRow(a: Float64Array, n: number, r: number, w: Float64Array, vo: number, yo: number, k0: number, k1: number): void {
  const vr = w[vo + r];
  let sum = 0;
  for (let k = k0; k < k1; k++) {
    const x = a[r * n + k];
    sum += x * w[vo + k];
    w[yo + k] += x * vr;
  }
  w[yo + r] += sum;
}

// The kernel's productRows: rows [j0, j1) of Y = A22 V (V at vo, Y at yo, zeroed over [s, n) first); with
// prev >= 0 (the previous panel's V there, its W b n after) each group of rows first takes that panel's update,
// tile by tile before the tile's product.
function productRows(a: Float64Array, n: number, b: number, s: number, w: Float64Array, vo: number, yo: number, j0: number, j1: number, prev: number): void {
  for (let c = 0; c < b; c++) w.fill(0, yo + c * n + s, yo + c * n + n);
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    if (prev >= 0) for (let r = 0; r < 4; r++) updateEntries(a, n, j + r, w, prev, b, j + r, j + 4);
    for (let c = 0; c < b; c++) productDiagonal(a, n, j, j + 4, w, vo + c * n, yo + c * n);
    for (let kb = j + 4; kb < n; kb += PRODUCT_TILE) {
      const kEnd = Math.min(kb + PRODUCT_TILE, n);
      if (prev >= 0) update4Rows(a, n, j, w, prev, b, kb, kEnd);
      for (let c = 0; c < b; c++) product4Rows(a, n, j, w, vo + c * n, yo + c * n, kb, kEnd);
    }
  }
  for (; j < j1; j++) {
    if (prev >= 0) updateEntries(a, n, j, w, prev, b, j, n);
    for (let c = 0; c < b; c++) {
      productDiagonal(a, n, j, j + 1, w, vo + c * n, yo + c * n);
      productRow(a, n, j, w, vo + c * n, yo + c * n, j + 1, n);
    }
  }
}

// The kernel's bandPanelProduct over rows [i + b, n): Y = A22 V.
function panelProduct(a: Float64Array, n: number, b: number, i: number, w: Float64Array): void {
  productRows(a, n, b, i + b, w, panelVW(n, b, i), 2 * b * n, i + b, n, -1);
}

// The kernel's bandPanelUpdateProduct over rows [i + 2b, n): panel i's update, then panel i + b's product.
function panelUpdateProduct(a: Float64Array, n: number, b: number, i: number, w: Float64Array): void {
  productRows(a, n, b, i + 2 * b, w, panelVW(n, b, i + b), 2 * b * n, i + 2 * b, n, panelVW(n, b, i));
}

// The kernel's bandPanelEnd (one block): X = Y T into W, M = V^T X, Z = T^T M, W = X - 1/2 V Z.
function panelEnd(n: number, b: number, i: number, w: Float64Array): void {
  const bn = b * n;
  const V = panelVW(n, b, i);
  const W = V + bn, Y = 2 * bn, T = 3 * bn, M = T + b * b, Z = M + b * b;
  const s = i + b;
  for (let e = 0; e < b; e++) {
    const we = W + e * n;
    for (let d = 0; d <= e; d++) {
      const tde = w[T + d * b + e];
      if (tde === 0) continue;
      for (let k = s; k < n; k++) w[we + k] += tde * w[Y + d * n + k];
    }
  }
  for (let d = 0; d < b; d++) {
    for (let e = 0; e < b; e++) w[M + d * b + e] = dot(w, V + d * n, w, W + e * n, s, n);
  }
  for (let c = 0; c < b; c++) {
    for (let e = 0; e < b; e++) {
      let sum = 0;
      for (let d = 0; d <= c; d++) sum += w[T + d * b + c] * w[M + d * b + e];
      w[Z + c * b + e] = sum;
    }
  }
  for (let e = 0; e < b; e++) {
    const we = W + e * n;
    for (let c = 0; c < b; c++) {
      const z = w[Z + c * b + e];
      if (z === 0) continue;
      const h = 0.5 * z;
      for (let k = s; k < n; k++) w[we + k] -= h * w[V + c * n + k];
    }
  }
}

// a[j][k] -= sum_c (V[c][j] W[c][k] + W[c][j] V[c][k]) over k in [k0, k1) (V at p, W b n after): the
// update's updateEntries.
function updateEntries(a: Float64Array, n: number, j: number, w: Float64Array, p: number, b: number, k0: number, k1: number): void {
  const W = p + b * n;
  for (let k = k0; k < k1; k++) {
    let sum = 0;
    for (let c = 0; c < b; c++) sum += w[p + c * n + j] * w[W + c * n + k] + w[W + c * n + j] * w[p + c * n + k];
    a[j * n + k] -= sum;
  }
}

// Rows j..j+3 over columns [k0, k1), four columns at a time: the update's update4Rows (each entry's sum over
// the reflectors as two multiply-adds per reflector).
function update4Rows(a: Float64Array, n: number, j: number, w: Float64Array, p: number, b: number, k0: number, k1: number): void {
  const W = p + b * n;
  let k = k0;
  for (; k + 4 <= k1; k += 4) {
    for (let r = 0; r < 4; r++) {
      for (let q = k; q < k + 4; q++) {
        let acc = 0;
        for (let c = 0; c < b; c++) {
          acc += w[p + c * n + j + r] * w[W + c * n + q];
          acc += w[W + c * n + j + r] * w[p + c * n + q];
        }
        a[(j + r) * n + q] -= acc;
      }
    }
  }
  if (k < k1) for (let r = 0; r < 4; r++) updateEntries(a, n, j + r, w, p, b, k, k1);
}

// Rows [j0, j1) of panel i's update A22 -= V W^T + W V^T: the kernel's bandPanelRows (tridiagonalize-blocked.ts's
// tridiagonalPanelRows with panel i's V and W).
function panelRows(a: Float64Array, n: number, b: number, i: number, w: Float64Array, j0: number, j1: number): void {
  const p = panelVW(n, b, i);
  for (let kb = j0; kb < n; kb += UPDATE_TILE) {
    const kEnd = Math.min(kb + UPDATE_TILE, n);
    const jEnd = Math.min(j1, kEnd);
    let j = j0;
    for (; j + 4 <= jEnd; j += 4) {
      if (j + 4 > kb) {
        for (let r = 0; r < 4; r++) updateEntries(a, n, j + r, w, p, b, Math.max(kb, j + r), Math.min(j + 4, kEnd));
      }
      const k0 = Math.max(kb, j + 4);
      if (k0 < kEnd) update4Rows(a, n, j, w, p, b, k0, kEnd);
    }
    for (; j < jEnd; j++) updateEntries(a, n, j, w, p, b, Math.max(kb, j), kEnd);
  }
}

/**
 * The reduction to a band of half-width b >= 1 (LAPACK dsytrd_sy2sb, stage 1 of dsytrd_2stage): B = Q^T A Q,
 * B's upper band in a[r][r..min(r + b, n - 1)] on exit; the entries right of it are not B's. Each panel's
 * update shares its sweep over the trailing matrix with the next panel's product (the lookahead).
 * @example
 * const n = 4, b = 2;
 * const a = Float64Array.of(4, 1, 2, 3, 0, 5, 1, 2, 0, 0, 6, 1, 0, 0, 0, 7); // upper triangle
 * reduceToBand(a, n, b, new Float64Array(reduceToBandWorkspace(n, b))); // now a[0][3] is not B's: B[0][3] = 0
 */
export function reduceToBand(a: Float64Array, n: number, b: number, work: Float64Array): void {
  if (b + 1 >= n) return;
  panelBegin(a, n, b, 0, work);
  panelProduct(a, n, b, 0, work);
  for (let i = 0; i + b + 1 < n; i += b) {
    const s = i + b;
    panelEnd(n, b, i, work);
    if (s + b + 1 < n) {
      panelRows(a, n, b, i, work, s, s + b);
      panelBegin(a, n, b, s, work);
      panelUpdateProduct(a, n, b, i, work);
    } else {
      panelRows(a, n, b, i, work, s, n);
    }
  }
}
