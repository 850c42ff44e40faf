// Pairwise squared Euclidean distances.
//
// Layout: x is n rows of d float64 values, row-major (the caller widens the float32 input once, exactly).
// out is n x n float64, row-major; only the upper triangle (j >= i) is written, diagonal included.
// Differences are taken before squaring (no |x|^2 + |y|^2 - 2 x.y), so each entry is the float64 rounding
// of the exact sum and never negative, however close two rows are.
//
// Register tiles of 2 rows i by 4 rows j: each load of a row's features serves 2 or 4 pairs, and the 8
// pairs keep 8 independent accumulators. Cache tiles of COLUMN_ROWS rows j stay in L2 while every row i
// above them streams past once.

import { madd } from './madd';

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
    s00 = addSquare(s00, x0, y);
    s10 = addSquare(s10, x1, y);
    y = v128.load(b1 + o);
    s01 = addSquare(s01, x0, y);
    s11 = addSquare(s11, x1, y);
    y = v128.load(b2 + o);
    s02 = addSquare(s02, x0, y);
    s12 = addSquare(s12, x1, y);
    y = v128.load(b3 + o);
    s03 = addSquare(s03, x0, y);
    s13 = addSquare(s13, x1, y);
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
      store<f64>(q0, load<f64>(q0) + (x0 - y) * (x0 - y));
      store<f64>(q1, load<f64>(q1) + (x1 - y) * (x1 - y));
    }
  }
}

export function squaredDistances(x: usize, n: i32, d: i32, out: usize): void {
  squaredDistanceRows(x, n, d, out, 0, n);
}

// Rows [i0, i1) of the upper triangle (i0 even), exactly as squaredDistances computes them: each entry's tile
// depends only on i's parity and the fixed grid of column tiles, so threads that split the rows into even-
// aligned blocks write the same bits as one thread.
export function squaredDistanceRows(x: usize, n: i32, d: i32, out: usize, i0: i32, i1: i32): void {
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
      // The pair (i, i + 1) itself, then every j > i + 1 of this cache tile, four at a time.
      if (i + 1 >= j0 && i + 1 < j1) store<f64>(o0 + (<usize>(i + 1) << 3), squaredDistance(a0, a1, d));
      let j = max(j0, i + 2);
      for (; j + 4 <= j1; j += 4) {
        tile2x4(a0, a1, x + <usize>j * rowBytes, rowBytes, d, o0 + (<usize>j << 3), o1 + (<usize>j << 3));
      }
      for (; j < j1; j++) {
        const b = x + <usize>j * rowBytes;
        store<f64>(o0 + (<usize>j << 3), squaredDistance(a0, b, d));
        store<f64>(o1 + (<usize>j << 3), squaredDistance(a1, b, d));
      }
    }
  }
  for (let i = i0; i < i1; i++) store<f64>(out + <usize>i * outRow + (<usize>i << 3), 0);
}
