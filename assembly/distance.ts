// Pairwise squared Euclidean distances.
//
// Layout: x is n rows of d float64 values, row-major (the caller widens the float32 input once, exactly).
// out is n x n float64, row-major; only the upper triangle (j >= i) is written, diagonal included.
// Differences are taken before squaring (no |x|^2 + |y|^2 - 2 x.y), so each entry is the float64 rounding
// of the exact sum and never negative, however close two rows are.

// Rows per cache tile: two tiles of 768 float64 features stay inside a 256 KiB L2.
const TILE: i32 = 16;

@inline
export function squaredDistance(a: usize, b: usize, d: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = 0;
  for (; k + 4 <= d; k += 4) {
    const o = <usize>k << 3;
    const d0 = f64x2.sub(v128.load(a + o), v128.load(b + o));
    const d1 = f64x2.sub(v128.load(a + o, 16), v128.load(b + o, 16));
    acc0 = f64x2.add(acc0, f64x2.mul(d0, d0));
    acc1 = f64x2.add(acc1, f64x2.mul(d1, d1));
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < d; k++) {
    const o = <usize>k << 3;
    const diff = load<f64>(a + o) - load<f64>(b + o);
    s += diff * diff;
  }
  return s;
}

export function squaredDistances(x: usize, n: i32, d: i32, out: usize): void {
  const rowBytes = <usize>d << 3;
  const outRow = <usize>n << 3;
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = min(i0 + TILE, n);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = min(j0 + TILE, n);
      for (let i = i0; i < i1; i++) {
        const a = x + <usize>i * rowBytes;
        const o = out + <usize>i * outRow;
        for (let j = max(j0, i + 1); j < j1; j++) {
          store<f64>(o + (<usize>j << 3), squaredDistance(a, x + <usize>j * rowBytes, d));
        }
      }
    }
    for (let i = i0; i < i1; i++) store<f64>(out + <usize>i * outRow + (<usize>i << 3), 0);
  }
}
