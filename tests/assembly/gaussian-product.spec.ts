import { gaussianRowSums, gaussianBlockProduct, gaussianProductTile } from '../../assembly/gaussian-product';

// n points on a line, x_i = i / 3 (d = 1) or (i / 3, -i / 5) (d = 2); sigma = 1.
function points(x: usize, n: i32, d: i32): void {
  for (let i = 0; i < n; i++) {
    store<f64>(x + (<usize>(i * d) << 3), <f64>i / 3.0);
    if (d == 2) store<f64>(x + (<usize>(i * d + 1) << 3), -<f64>i / 5.0);
  }
}

function g(i: i32, j: i32, d: i32): f64 {
  let s = (<f64>(i - j) / 3.0) ** 2;
  if (d == 2) s += (<f64>(i - j) / 5.0) ** 2;
  return Math.exp(-s / 2.0);
}

describe('gaussian-product', () => {
  it('row sums and products of K = S^-1/2 G S^-1/2 across tile edges, without storing K', () => {
    const sizes: i32[] = [1, 3, 64, 65, 130];
    for (let t = 0; t < sizes.length; t++) {
      const n = sizes[t];
      for (let d = 1; d <= 2; d++) {
        const b = 3;
        const x = memory.data(130 * 2 * 8);
        const s = memory.data(130 * 8);
        const xb = memory.data(130 * 3 * 8);
        const yb = memory.data(130 * 3 * 8);
        const tile = memory.data(64 * 64 * 8);
        expect(gaussianProductTile()).toBe(64 * 64);
        points(x, n, d);
        gaussianRowSums(x, n, d, 1.0, s, tile);
        for (let i = 0; i < n; i++) {
          let want = 0.0;
          for (let j = 0; j < n; j++) want += g(i, j, d);
          expect(Math.abs(load<f64>(s + (<usize>i << 3)) - want) < 1e-12 * want).toBe(true);
          store<f64>(s + (<usize>i << 3), 1.0 / Math.sqrt(load<f64>(s + (<usize>i << 3))));
        }
        for (let i = 0; i < n; i++) for (let c = 0; c < b; c++) store<f64>(xb + (<usize>(i * b + c) << 3), <f64>((i + 1) * (c + 2) % 7) - 3.0);
        const frob = gaussianBlockProduct(x, n, d, 1.0, s, xb, b, yb, tile);
        let wantFrob = 0.0;
        for (let i = 0; i < n; i++) {
          const si = load<f64>(s + (<usize>i << 3));
          for (let c = 0; c < b; c++) {
            let want = 0.0;
            for (let j = 0; j < n; j++) {
              const k = si * g(i, j, d) * load<f64>(s + (<usize>j << 3));
              want += k * load<f64>(xb + (<usize>(j * b + c) << 3));
              if (c == 0) wantFrob += k * k;
            }
            expect(Math.abs(load<f64>(yb + (<usize>(i * b + c) << 3)) - want) < 1e-12).toBe(true);
          }
        }
        expect(Math.abs(frob - wantFrob) < 1e-12 * wantFrob).toBe(true);
      }
    }
  });
});
