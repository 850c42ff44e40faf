import { symmetricBlockProduct, symmetricBlockProduct32, toFloat32InPlace } from '../../assembly/block-product';

// K = the symmetric n x n matrix with K_ij = 1 / (1 + i + j), upper triangle stored (lower holds junk that
// must not be read); x_ic = (i + 1) * (c + 1) - 3.
function fill(k: usize, x: usize, n: i32, b: i32): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) store<f64>(k + ((<usize>(i * n + j)) << 3), j >= i ? 1.0 / <f64>(1 + i + j) : 1e300);
    for (let c = 0; c < b; c++) store<f64>(x + ((<usize>(i * b + c)) << 3), <f64>((i + 1) * (c + 1) - 3));
  }
}

function expected(n: i32, b: i32, i: i32, c: i32): f64 {
  let s = 0.0;
  for (let j = 0; j < n; j++) s += (1.0 / <f64>(1 + i + j)) * <f64>((j + 1) * (c + 1) - 3);
  return s;
}

describe('symmetricBlockProduct', () => {
  it('multiplies by the symmetric matrix read from its upper triangle, for every remainder of n and b', () => {
    const shapes: i32[][] = [[1, 1], [2, 4], [3, 5], [5, 8], [6, 3], [7, 9], [8, 2]];
    for (let s = 0; s < shapes.length; s++) {
      const n = shapes[s][0];
      const b = shapes[s][1];
      const k = memory.data(64 * 8);
      const x = memory.data(72 * 8);
      const y = memory.data(72 * 8);
      fill(k, x, n, b);
      symmetricBlockProduct(k, n, x, b, y);
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < b; c++) {
          const got = load<f64>(y + ((<usize>(i * b + c)) << 3));
          expect(Math.abs(got - expected(n, b, i, c)) < 1e-12).toBe(true);
        }
      }
    }
  });

  it('reads a float32 copy made in place', () => {
    const n = 7;
    const b = 6;
    const k = memory.data(64 * 8);
    const x = memory.data(72 * 8);
    const y = memory.data(72 * 8);
    fill(k, x, n, b);
    toFloat32InPlace(k, n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) expect(load<f32>(k + ((<usize>(i * n + j)) << 2))).toBe(<f32>(1.0 / <f64>(1 + i + j)));
    }
    symmetricBlockProduct32(k, n, x, b, y);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < b; c++) {
        const got = load<f64>(y + ((<usize>(i * b + c)) << 3));
        // float32 rounding of K: relative 2^-24 per entry.
        expect(Math.abs(got - expected(n, b, i, c)) < 1e-6 * 50).toBe(true);
        expect(Math.abs(got - expected(n, b, i, c)) > 0).toBe(true);
      }
    }
  });
});
