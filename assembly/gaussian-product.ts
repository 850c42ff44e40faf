// Matrix-free products with the diffusion matrix K = S^-1/2 G S^-1/2, G_ij = exp(-|x_i - x_j|^2 / (2 sigma^2)):
// tiles of G recomputed from X for every product and never stored, so memory is O(N (D + b)) and N is not bounded
// by an N x N matrix. Each tile serves all b vectors of the block, so a block of b probes costs one O(N^2 D)
// pass instead of b. For N past what K stored (js/engine/wasm/adapter.ts, withDiffusionOperator) can hold.
//
// Layout: x is n rows of d float64, row-major; s (n float64) is S^-1/2; xb and yb are n x b float64, row-major;
// tile is TILE * TILE float64 of workspace. The exponent is -(d2 / sigma) / sigma / 2, which, unlike
// d2 * (-1 / (2 sigma^2)), cannot overflow for tiny sigma (as kernel.ts).

import { squaredDistance, tile2x4 } from './distance';

const TILE: i32 = 64;

export function gaussianProductTile(): i32 {
  return TILE * TILE;
}

// tile[r * TILE + c] = exp(-|x_(i0 + r) - x_(j0 + c)|^2 / (2 sigma^2)) for the rows of tile (i0, j0). The
// distances by the 2 x 4 register tiles of distance.ts (8 independent accumulators: one pair's sum alone is
// bound by the latency of its additions), then the exponentials.
function fillTile(x: usize, d: i32, sigma: f64, i0: i32, i1: i32, j0: i32, j1: i32, tile: usize): void {
  const rowBytes = <usize>d << 3;
  const tileRow = <usize>TILE << 3;
  const wide = j0 + ((j1 - j0) & ~3);
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    const a0 = x + <usize>i * rowBytes;
    const out0 = tile + <usize>(i - i0) * tileRow;
    for (let j = j0; j < wide; j += 4) {
      tile2x4(a0, a0 + rowBytes, x + <usize>j * rowBytes, rowBytes, d, out0 + (<usize>(j - j0) << 3), out0 + tileRow + (<usize>(j - j0) << 3));
    }
    for (let j = wide; j < j1; j++) {
      const b = x + <usize>j * rowBytes;
      store<f64>(out0 + (<usize>(j - j0) << 3), squaredDistance(a0, b, d));
      store<f64>(out0 + tileRow + (<usize>(j - j0) << 3), squaredDistance(a0 + rowBytes, b, d));
    }
  }
  if (i < i1) {
    const a = x + <usize>i * rowBytes;
    const out = tile + <usize>(i - i0) * tileRow;
    for (let j = j0; j < j1; j++) store<f64>(out + (<usize>(j - j0) << 3), squaredDistance(a, x + <usize>j * rowBytes, d));
  }
  for (let r = 0; r < i1 - i0; r++) {
    const out = tile + <usize>r * tileRow;
    for (let c = 0; c < j1 - j0; c++) {
      const q = out + (<usize>c << 3);
      store<f64>(q, Math.exp(-(load<f64>(q) / sigma) / sigma * 0.5));
    }
  }
}

// out_i = sum_j G_ij (the row sums S), over the tiles of the upper triangle, each used for both of its rows.
export function gaussianRowSums(x: usize, n: i32, d: i32, sigma: f64, out: usize, tile: usize): void {
  gaussianRowSumsRows(x, n, d, sigma, out, tile, 0, n);
}

/**
 * gaussianRowSums' share of the tile rows [r0, r1) (multiples of the tile, or n): out rows [r0, n) overwritten,
 * so row blocks can run on separate threads into separate buffers.
 */
export function gaussianRowSumsRows(x: usize, n: i32, d: i32, sigma: f64, out: usize, tile: usize, r0: i32, r1: i32): void {
  memory.fill(out + (<usize>r0 << 3), 0, <usize>(n - r0) << 3);
  for (let i0 = r0; i0 < r1; i0 += TILE) {
    const i1 = min(i0 + TILE, n);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = min(j0 + TILE, n);
      fillTile(x, d, sigma, i0, i1, j0, j1, tile);
      for (let i = i0; i < i1; i++) {
        const row = tile + (<usize>((i - i0) * TILE) << 3);
        let s = 0.0;
        for (let j = j0 == i0 ? i : j0; j < j1; j++) {
          const g = load<f64>(row + (<usize>(j - j0) << 3));
          s += g;
          if (j != i) {
            const q = out + (<usize>j << 3);
            store<f64>(q, load<f64>(q) + g);
          }
        }
        const q = out + (<usize>i << 3);
        store<f64>(q, load<f64>(q) + s);
      }
    }
  }
}

// yb = K xb, K_ij = s_i G_ij s_j; returns sum_ij K_ij^2 (the squared Frobenius norm, free in the same pass).
export function gaussianBlockProduct(x: usize, n: i32, d: i32, sigma: f64, s: usize, xb: usize, b: i32, yb: usize, tile: usize): f64 {
  return productRows(x, n, d, sigma, s, xb, b, yb, tile, 0, n);
}

/**
 * gaussianBlockProduct's share of the tile rows [r0, r1) (multiples of the tile, or n): yb rows [r0, n)
 * overwritten; this share of ||K||_F^2 stored at `frobenius` (a thread has no other way to return it).
 */
export function gaussianBlockProductRows(x: usize, n: i32, d: i32, sigma: f64, s: usize, xb: usize, b: i32, yb: usize, tile: usize, r0: i32, r1: i32, frobenius: usize): void {
  store<f64>(frobenius, productRows(x, n, d, sigma, s, xb, b, yb, tile, r0, r1));
}

// The tile walk of gaussianRowSumsRows again, with another body: AssemblyScript has no closures to hand a
// walk its per-entry step, and the row sums gather a row's share before adding it, which the product does not.
function productRows(x: usize, n: i32, d: i32, sigma: f64, s: usize, xb: usize, b: i32, yb: usize, tile: usize, r0: i32, r1: i32): f64 {
  memory.fill(yb + ((<usize>r0 * <usize>b) << 3), 0, (<usize>(n - r0) * <usize>b) << 3);
  const vecBytes = <usize>b << 3;
  let frobenius = 0.0;
  for (let i0 = r0; i0 < r1; i0 += TILE) {
    const i1 = min(i0 + TILE, n);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = min(j0 + TILE, n);
      fillTile(x, d, sigma, i0, i1, j0, j1, tile);
      for (let i = i0; i < i1; i++) {
        const row = tile + (<usize>((i - i0) * TILE) << 3);
        const si = load<f64>(s + (<usize>i << 3));
        const xi = xb + <usize>i * vecBytes;
        const yi = yb + <usize>i * vecBytes;
        for (let j = j0 == i0 ? i : j0; j < j1; j++) {
          const k = si * load<f64>(row + (<usize>(j - j0) << 3)) * load<f64>(s + (<usize>j << 3));
          const xj = xb + <usize>j * vecBytes;
          const yj = yb + <usize>j * vecBytes;
          if (j == i) {
            frobenius += k * k;
            for (let c = 0; c < b; c++) {
              const o = <usize>c << 3;
              store<f64>(yi + o, load<f64>(yi + o) + k * load<f64>(xi + o));
            }
            continue;
          }
          frobenius += 2 * k * k;
          const kv = f64x2.splat(k);
          let c = 0;
          for (; c + 2 <= b; c += 2) {
            const o = <usize>c << 3;
            v128.store(yi + o, f64x2.add(v128.load(yi + o), f64x2.mul(kv, v128.load(xj + o))));
            v128.store(yj + o, f64x2.add(v128.load(yj + o), f64x2.mul(kv, v128.load(xi + o))));
          }
          for (; c < b; c++) {
            const o = <usize>c << 3;
            store<f64>(yi + o, load<f64>(yi + o) + k * load<f64>(xj + o));
            store<f64>(yj + o, load<f64>(yj + o) + k * load<f64>(xi + o));
          }
        }
      }
    }
  }
  return frobenius;
}
