// Pairwise squared Euclidean distances.
//
// Layout: x is n rows of d float64 values, row-major (the caller widens the float32 input once, exactly).
// out is n x n float64, row-major; only the upper triangle (j >= i) is written, diagonal included.
// squaredDistances takes differences before squaring (no |x|^2 + |y|^2 - 2 x.y), so each entry is the float64
// rounding of the exact sum and never negative, however close two rows are; the Gram form further down, for
// the Gaussian kernel only, falls back to it wherever cancellation would cost more than its stated bound.
//
// Register tiles of 2 rows i by 4 rows j: each load of a row's features serves 2 or 4 pairs, and the 8
// pairs keep 8 independent accumulators. Cache tiles of COLUMN_ROWS rows j stay in L2 while every row i
// above them streams past once.

import { madd } from './madd';
import { dot } from './vector';

// Rows j per cache tile: 40 rows of 768 float64 features are 240 KiB, half of a 512 KiB L2.
export const COLUMN_ROWS: i32 = 40;

@inline
export function horizontalSum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

// s + (x - y)^2, lane by lane (one rounding for the square and the sum in the relaxed-SIMD build; still
// never negative, as s >= 0).
@inline
export function addSquare(s: v128, x: v128, y: v128): v128 {
  const e = f64x2.sub(x, y);
  return madd(e, e, s);
}

@inline
export function squaredDistance(a: usize, b: usize, d: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = 0;
  for (; k + 4 <= d; k += 4) {
    const o = <usize>k << 3;
    acc0 = addSquare(acc0, v128.load(a + o), v128.load(b + o));
    acc1 = addSquare(acc1, v128.load(a + o, 16), v128.load(b + o, 16));
  }
  let s = horizontalSum(f64x2.add(acc0, acc1));
  for (; k < d; k++) {
    const o = <usize>k << 3;
    const diff = load<f64>(a + o) - load<f64>(b + o);
    s += diff * diff;
  }
  return s;
}

// out0[j..j+4) and out1[j..j+4): distances from rows a0 and a1 to the 4 rows starting at b (also the
// matrix-free products' tiles, gaussian-product.ts).
export function tile2x4(a0: usize, a1: usize, b: usize, rowBytes: usize, d: i32, out0: usize, out1: usize): void {
  pairTile2x4(a0, a1, b, rowBytes, d, out0, out1, false);
}

// The register tiles. A tile's shape is its code: AssemblyScript has no generics over a tile's size (or over
// a static function), so 2 x 4 and the Gram form's 2 x 6 (dotTile2x6) are written out. Squared differences
// and dots share the 2 x 4 one through `gram`, a constant at both calls, so each is compiled on its own.
// gram false: out = |a_r - b_c|^2 (addSquare, an odd last feature as (x - y)^2); true: out = a_r . b_c
// (addProduct, x y), the bits of dot for each of the 8 pairs.
@inline
function pairTile2x4(a0: usize, a1: usize, b: usize, rowBytes: usize, d: i32, out0: usize, out1: usize, gram: bool): void {
  const b1 = b + rowBytes;
  const b2 = b1 + rowBytes;
  const b3 = b2 + rowBytes;
  let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s02 = f64x2.splat(0), s03 = f64x2.splat(0);
  let s10 = f64x2.splat(0), s11 = f64x2.splat(0), s12 = f64x2.splat(0), s13 = f64x2.splat(0);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const o = <usize>k << 3;
    const x0 = v128.load(a0 + o);
    const x1 = v128.load(a1 + o);
    let y = v128.load(b + o);
    s00 = pairAdd(s00, x0, y, gram);
    s10 = pairAdd(s10, x1, y, gram);
    y = v128.load(b1 + o);
    s01 = pairAdd(s01, x0, y, gram);
    s11 = pairAdd(s11, x1, y, gram);
    y = v128.load(b2 + o);
    s02 = pairAdd(s02, x0, y, gram);
    s12 = pairAdd(s12, x1, y, gram);
    y = v128.load(b3 + o);
    s03 = pairAdd(s03, x0, y, gram);
    s13 = pairAdd(s13, x1, y, gram);
  }
  store<f64>(out0, horizontalSum(s00)); store<f64>(out0, horizontalSum(s01), 8);
  store<f64>(out0, horizontalSum(s02), 16); store<f64>(out0, horizontalSum(s03), 24);
  store<f64>(out1, horizontalSum(s10)); store<f64>(out1, horizontalSum(s11), 8);
  store<f64>(out1, horizontalSum(s12), 16); store<f64>(out1, horizontalSum(s13), 24);
  // An odd d leaves one feature.
  if (k < d) {
    const o = <usize>k << 3;
    const x0 = load<f64>(a0 + o);
    const x1 = load<f64>(a1 + o);
    for (let c = 0; c < 4; c++) {
      const y = load<f64>(b + <usize>c * rowBytes + o);
      const q0 = out0 + (<usize>c << 3);
      const q1 = out1 + (<usize>c << 3);
      store<f64>(q0, load<f64>(q0) + (gram ? x0 * y : (x0 - y) * (x0 - y)));
      store<f64>(q1, load<f64>(q1) + (gram ? x1 * y : (x1 - y) * (x1 - y)));
    }
  }
}

// A tile's accumulation: addProduct (gram) or addSquare.
@inline
function pairAdd(s: v128, x: v128, y: v128, gram: bool): v128 {
  return gram ? addProduct(s, x, y) : addSquare(s, x, y);
}

export function squaredDistances(x: usize, n: i32, d: i32, out: usize): void {
  squaredDistanceRows(x, n, d, out, 0, n);
}

// Rows [i0, i1) of the upper triangle (i0 even), exactly as squaredDistances computes them: each entry's tile
// depends only on i's parity and the fixed grid of column tiles, so threads that split the rows into even-
// aligned blocks write the same bits as one thread.
export function squaredDistanceRows(x: usize, n: i32, d: i32, out: usize, i0: i32, i1: i32): void {
  pairRows(x, n, d, out, 0, i0, i1, false);
}

// The walk of squaredDistanceRows and of squaredDistanceGramRows (gram, a constant at both calls: dots, then
// their conversion in gramToSquared; norms read only then): cache tiles of COLUMN_ROWS columns j, rows i in
// pairs, each pair's entries by register tiles.
@inline
function pairRows(x: usize, n: i32, d: i32, out: usize, norms: usize, i0: i32, i1: i32, gram: bool): void {
  const rowBytes = <usize>d << 3;
  const outRow = <usize>n << 3;
  for (let j0 = (i0 / COLUMN_ROWS) * COLUMN_ROWS; j0 < n; j0 += COLUMN_ROWS) {
    const j1 = min(j0 + COLUMN_ROWS, n);
    const iEnd = min(j1, i1);
    for (let i = i0; i < iEnd; i += 2) {
      const a0 = x + <usize>i * rowBytes;
      const o0 = out + <usize>i * outRow;
      if (i + 1 >= n) break;
      const a1 = a0 + rowBytes;
      const o1 = o0 + outRow;
      // The pair (i, i + 1) itself, then every j > i + 1 of this cache tile, four (or six) at a time.
      if (i + 1 >= j0 && i + 1 < j1) store<f64>(o0 + (<usize>(i + 1) << 3), pairEntry(a0, a1, d, gram));
      let j = max(j0, i + 2);
      // Gram tiles of 2 x 6 where multiply-adds fuse (their chains' latency bounds 2 x 4: 0.78 against 0.86 of
      // differences' time at N = 1000, D = 768); 2 x 4 in the base build, where 2 x 6 spills (0.98 against
      // 0.67). The tile shape does not change an entry's bits.
      if (gram && ASC_FEATURE_RELAXED_SIMD) {
        for (; j + 6 <= j1; j += 6) {
          dotTile2x6(a0, a1, x + <usize>j * rowBytes, rowBytes, d, o0 + (<usize>j << 3), o1 + (<usize>j << 3));
        }
      }
      for (; j + 4 <= j1; j += 4) {
        const b = x + <usize>j * rowBytes;
        if (gram) dotTile2x4(a0, a1, b, rowBytes, d, o0 + (<usize>j << 3), o1 + (<usize>j << 3));
        else tile2x4(a0, a1, b, rowBytes, d, o0 + (<usize>j << 3), o1 + (<usize>j << 3));
      }
      for (; j < j1; j++) {
        const b = x + <usize>j * rowBytes;
        store<f64>(o0 + (<usize>j << 3), pairEntry(a0, b, d, gram));
        store<f64>(o1 + (<usize>j << 3), pairEntry(a1, b, d, gram));
      }
      if (gram) {
        gramToSquared(x, n, d, norms, o0, i, max(j0, i + 1), j1);
        gramToSquared(x, n, d, norms, o1, i + 1, max(j0, i + 2), j1);
      }
    }
  }
  for (let i = i0; i < i1; i++) store<f64>(out + <usize>i * outRow + (<usize>i << 3), 0);
}

// One entry outside the register tiles: dot (gram) or squaredDistance.
@inline
function pairEntry(a: usize, b: usize, d: i32, gram: bool): f64 {
  return gram ? dot(a, b, 0, d) : squaredDistance(a, b, d);
}

// The bits distance.ts's tile2x4 gives a pair: one accumulator of two lanes (even and odd features).
function pairTileBits(a: usize, b: usize, d: i32): f64 {
  let s = f64x2.splat(0);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const o = <usize>k << 3;
    s = addSquare(s, v128.load(a + o), v128.load(b + o));
  }
  let r = horizontalSum(s);
  if (k < d) {
    const o = <usize>k << 3;
    const u = load<f64>(a + o);
    const v = load<f64>(b + o);
    r = r + (u - v) * (u - v);
  }
  return r;
}

// Entry (i, j) of the matrix squaredDistances writes, bit for bit: its tile2x4 blocks cover, in the column
// tile of j, groups of four columns from max(tile start, p + 2) (p the even row of i's pair); the pair
// (p, p + 1) and the columns past the last whole group use squaredDistance.
export function denseSquaredDistance(x: usize, n: i32, d: i32, i: i32, j: i32): f64 {
  const a = min(i, j);
  const b = max(i, j);
  const rowBytes = <usize>d << 3;
  const xa = x + <usize>a * rowBytes;
  const xb = x + <usize>b * rowBytes;
  if (a == b) return 0;
  const p = a & ~1;
  if (b == p + 1) return squaredDistance(xa, xb, d);
  const j0 = (b / COLUMN_ROWS) * COLUMN_ROWS;
  const j1 = min(j0 + COLUMN_ROWS, n);
  const start = max(j0, p + 2);
  const end = start + ((j1 - start) & ~3);
  return b < end ? pairTileBits(xa, xb, d) : squaredDistance(xa, xb, d);
}


// ---------------------------------------------------------------------------------------------------------
// The Gram form, for the Gaussian kernel's distance matrix only (the choice: js/engine/distance-form.ts).
//
// d2_ij = (s_i + s_j) - 2 g_ij, s_i = |x_i|^2, g_ij = x_i . x_j: one multiply-add per feature pair where the
// differences take a subtraction and a multiply-add. Every dot (s_i included) is one accumulator of two lanes
// (even and odd features), their sum, then an odd last feature, whatever tile computes it, so each entry's
// bits depend on i and j alone (threads and the JS twin give the same).
//
// Error (Higham, Accuracy and Stability, 3.1 and 3.5; u = 2^-53, gamma_k = k u / (1 - k u)): with
// t = s_i + s_j, |fl(s_i) - s_i| <= gamma_D s_i and |fl(g_ij) - g_ij| <= gamma_D sum_k |x_ik x_jk| <= gamma_D t / 2,
// so the computed t - 2 g is off by at most 2 gamma_(D+1) t before its own rounding:
//   |d2^ - d2| <= 2 gamma_(D+1) t + u d2.
// An entry is kept only if d2^ >= FALLBACK t^, so d2 >= (FALLBACK - 3 gamma_(D+1)) t and
//   |d2^ - d2| / d2 <= 2 gamma_(D+1) / (FALLBACK - 3 gamma_(D+1)) + u  ~=  128 (D + 1) u = 64 (D + 1) eps,
// 1.1e-11 at D = 768 (eps = 2^-52). Every other entry (cancellation, d2^ < 0, duplicates) is recomputed by
// differences, denseSquaredDistance: the bits squaredDistances writes there, and 0 for equal rows.
// Kept only for GRAM_MIN <= t^ <= GRAM_MAX: above it 2 g could overflow (|g| <= t / 2); below it underflowed
// products (absolute error <= 2^-1075 each, D of them) could exceed the bound; a NaN or infinite t^ fails both
// comparisons and falls back too.
// Integer data with every |x_ik|, product, partial sum and s_i + s_j below 2^53 is exact in either form (every
// operation on such integers is exact, fused or not), so both give the same integer bits.

// 1/64: the relative error bound above is 64 (D + 1) eps.
export const FALLBACK: f64 = 1.0 / 64;
export const GRAM_MIN: f64 = 1.1830521861667747e-271; // 2^-900
export const GRAM_MAX: f64 = 1.1235582092889474e+307; // 2^1020

// s + x y, lane by lane (one rounding in the relaxed-SIMD build).
@inline
function addProduct(s: v128, x: v128, y: v128): v128 {
  return madd(x, y, s);
}

// norms[i] = |x_i|^2 (dot), for every row.
export function rowSquaredNorms(x: usize, n: i32, d: i32, norms: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const a = x + <usize>i * rowBytes;
    store<f64>(norms + (<usize>i << 3), dot(a, a, 0, d));
  }
}

// tile2x4 with dots in place of squared differences: the bits of dot for each of the 8 pairs.
function dotTile2x4(a0: usize, a1: usize, b: usize, rowBytes: usize, d: i32, out0: usize, out1: usize): void {
  pairTile2x4(a0, a1, b, rowBytes, d, out0, out1, true);
}

// dotTile2x4 over 6 rows j: 12 independent multiply-add chains hide the latency a fused multiply-add has
// (a register tile of its own shape, written out: see pairTile2x4).
function dotTile2x6(a0: usize, a1: usize, b: usize, rowBytes: usize, d: i32, out0: usize, out1: usize): void {
  const b1 = b + rowBytes;
  const b2 = b1 + rowBytes;
  const b3 = b2 + rowBytes;
  const b4 = b3 + rowBytes;
  const b5 = b4 + rowBytes;
  let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s02 = f64x2.splat(0), s03 = f64x2.splat(0), s04 = f64x2.splat(0), s05 = f64x2.splat(0);
  let s10 = f64x2.splat(0), s11 = f64x2.splat(0), s12 = f64x2.splat(0), s13 = f64x2.splat(0), s14 = f64x2.splat(0), s15 = f64x2.splat(0);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const o = <usize>k << 3;
    const x0 = v128.load(a0 + o);
    const x1 = v128.load(a1 + o);
    let y = v128.load(b + o);
    s00 = addProduct(s00, x0, y);
    s10 = addProduct(s10, x1, y);
    y = v128.load(b1 + o);
    s01 = addProduct(s01, x0, y);
    s11 = addProduct(s11, x1, y);
    y = v128.load(b2 + o);
    s02 = addProduct(s02, x0, y);
    s12 = addProduct(s12, x1, y);
    y = v128.load(b3 + o);
    s03 = addProduct(s03, x0, y);
    s13 = addProduct(s13, x1, y);
    y = v128.load(b4 + o);
    s04 = addProduct(s04, x0, y);
    s14 = addProduct(s14, x1, y);
    y = v128.load(b5 + o);
    s05 = addProduct(s05, x0, y);
    s15 = addProduct(s15, x1, y);
  }
  store<f64>(out0, horizontalSum(s00)); store<f64>(out0, horizontalSum(s01), 8);
  store<f64>(out0, horizontalSum(s02), 16); store<f64>(out0, horizontalSum(s03), 24);
  store<f64>(out0, horizontalSum(s04), 32); store<f64>(out0, horizontalSum(s05), 40);
  store<f64>(out1, horizontalSum(s10)); store<f64>(out1, horizontalSum(s11), 8);
  store<f64>(out1, horizontalSum(s12), 16); store<f64>(out1, horizontalSum(s13), 24);
  store<f64>(out1, horizontalSum(s14), 32); store<f64>(out1, horizontalSum(s15), 40);
  if (k < d) {
    const o = <usize>k << 3;
    const x0 = load<f64>(a0 + o);
    const x1 = load<f64>(a1 + o);
    for (let c = 0; c < 6; c++) {
      const y = load<f64>(b + <usize>c * rowBytes + o);
      const q0 = out0 + (<usize>c << 3);
      const q1 = out1 + (<usize>c << 3);
      store<f64>(q0, load<f64>(q0) + x0 * y);
      store<f64>(q1, load<f64>(q1) + x1 * y);
    }
  }
}

// Entries (i, j) for j in [j0, j1) of row i: the dots there become squared distances, or their fallback.
function gramToSquared(x: usize, n: i32, d: i32, norms: usize, o: usize, i: i32, j0: i32, j1: i32): void {
  const si = load<f64>(norms + (<usize>i << 3));
  for (let j = j0; j < j1; j++) {
    const q = o + (<usize>j << 3);
    const t = si + load<f64>(norms + (<usize>j << 3));
    const d2 = t - 2 * load<f64>(q);
    const kept = t >= GRAM_MIN && t <= GRAM_MAX && d2 >= FALLBACK * t;
    store<f64>(q, kept ? d2 : denseSquaredDistance(x, n, d, i, j));
  }
}

// squaredDistances in the Gram form; norms: n float64 of workspace, ending as |x_i|^2.
export function squaredDistancesGram(x: usize, n: i32, d: i32, out: usize, norms: usize): void {
  rowSquaredNorms(x, n, d, norms);
  squaredDistanceGramRows(x, n, d, out, norms, 0, n);
}

// Rows [i0, i1) of squaredDistancesGram (i0 even), norms already holding rowSquaredNorms: the loops of
// squaredDistanceRows, so the same cache tiles; every entry's bits depend on i and j alone.
export function squaredDistanceGramRows(x: usize, n: i32, d: i32, out: usize, norms: usize, i0: i32, i1: i32): void {
  pairRows(x, n, d, out, norms, i0, i1, true);
}
