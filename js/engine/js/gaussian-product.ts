// Pure-JS twin of assembly/gaussian-product.ts: products with K = S^-1/2 G S^-1/2 recomputed from X (n x d,
// row-major float64), never stored. s = S^-1/2; xb, yb: n x b row-major.

function gaussian(x: Float64Array, d: number, i: number, j: number, sigma: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const e = x[i * d + c] - x[j * d + c];
    s += e * e;
  }
  return Math.exp(-(s / sigma) / sigma * 0.5);
}

export function gaussianRowSums(x: Float64Array, n: number, d: number, sigma: number, out: Float64Array): void {
  gaussianRowSumsRows(x, n, d, sigma, out, 0, n);
}

// The share of rows [r0, r1): out rows [r0, n) overwritten (js/engine/product-blocks.ts sums the shares).
export function gaussianRowSumsRows(x: Float64Array, n: number, d: number, sigma: number, out: Float64Array, r0: number, r1: number): void {
  out.fill(0, r0, n);
  for (let i = r0; i < r1; i++) {
    out[i] += 1;
    for (let j = i + 1; j < n; j++) {
      const g = gaussian(x, d, i, j, sigma);
      out[i] += g;
      out[j] += g;
    }
  }
}

// yb = K xb; returns ||K||_F^2.
export function gaussianBlockProduct(x: Float64Array, n: number, d: number, sigma: number, s: Float64Array, xb: Float64Array, b: number, yb: Float64Array): number {
  return gaussianBlockProductRows(x, n, d, sigma, s, xb, b, yb, 0, n);
}

// The share of rows [r0, r1): yb rows [r0, n) overwritten; returns its share of ||K||_F^2.
export function gaussianBlockProductRows(x: Float64Array, n: number, d: number, sigma: number, s: Float64Array, xb: Float64Array, b: number, yb: Float64Array, r0: number, r1: number): number {
  yb.fill(0, r0 * b, n * b);
  let frobenius = 0;
  for (let i = r0; i < r1; i++) {
    const kii = s[i] * s[i];
    frobenius += kii * kii;
    for (let c = 0; c < b; c++) yb[i * b + c] += kii * xb[i * b + c];
    for (let j = i + 1; j < n; j++) {
      const k = s[i] * gaussian(x, d, i, j, sigma) * s[j];
      frobenius += 2 * k * k;
      for (let c = 0; c < b; c++) {
        yb[i * b + c] += k * xb[j * b + c];
        yb[j * b + c] += k * xb[i * b + c];
      }
    }
  }
  return frobenius;
}
