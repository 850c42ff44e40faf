// Pure-JS twin of assembly/block-product.ts: Y = K X for K stored as the upper triangle of an n x n
// row-major matrix (float64 or float32) and a block of b vectors (x, y: n x b, row-major; y overwritten).
// Each stored K_ij (j > i) serves y_i += K_ij x_j and y_j += K_ij x_i: half of K is read, once per block.

export function symmetricBlockProduct(k: Float64Array | Float32Array, n: number, x: Float64Array, b: number, y: Float64Array): void {
  symmetricBlockProductRows(k, n, x, b, y, 0, n);
}

// The share of rows [i0, i1): y rows [i0, n) overwritten (js/engine/product-blocks.ts sums the shares).
export function symmetricBlockProductRows(k: Float64Array | Float32Array, n: number, x: Float64Array, b: number, y: Float64Array, i0: number, i1: number): void {
  y.fill(0, i0 * b, n * b);
  for (let i = i0; i < i1; i++) {
    const row = i * n;
    const xi = i * b;
    const kii = k[row + i];
    for (let c = 0; c < b; c++) y[xi + c] += kii * x[xi + c];
    for (let j = i + 1; j < n; j++) {
      const kij = k[row + j];
      const xj = j * b;
      for (let c = 0; c < b; c++) {
        y[xi + c] += kij * x[xj + c];
        y[xj + c] += kij * x[xi + c];
      }
    }
  }
}

// The upper triangle of m rounded to float32 (round to nearest, as the WASM twin's f32 demotion).
export function toFloat32(m: Float64Array, n: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) out[i * n + j] = m[i * n + j];
  }
  return out;
}

// tr K and ||K||_F^2 from the upper triangle of K (n x n, row-major).
export function traceAndFrobenius(m: Float64Array | Float32Array, n: number): { trace: number; frobeniusSquared: number } {
  let trace = 0;
  let off = 0;
  let diag = 0;
  for (let i = 0; i < n; i++) {
    const kii = m[i * n + i];
    trace += kii;
    diag += kii * kii;
    for (let j = i + 1; j < n; j++) off += m[i * n + j] * m[i * n + j];
  }
  return { trace, frobeniusSquared: diag + 2 * off };
}
