// Pure-JS twin of assembly/distance.ts: same layout, same summation order per entry, no SIMD.
// x: n rows of d float64, row-major. out: n x n, upper triangle (j >= i) written, diagonal 0.

export function squaredDistances(x: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const a = i * d;
    out[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      const b = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) {
        const diff = x[a + k] - x[b + k];
        s += diff * diff;
      }
      out[i * n + j] = s;
    }
  }
}
