// Pure-JS twin of assembly/distance.ts: same layout, same summation order per entry, no SIMD.
// x: n rows of d float64, row-major. out: n x n, upper triangle (j >= i) written, diagonal 0.

export function squaredDistances(x: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const a = i * d;
    out[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      out[i * n + j] = squaredDistance(x, a, j * d, d);
    }
  }
}

// The Gram form of assembly/distance.ts (its header gives the error bound and the fallback rule), bit for bit
// with the base binary where an entry is kept: each dot is two lanes (even and odd features), their sum, then
// an odd last feature. A fallen-back entry is this backend's exact entry (squaredDistance).

/** The fallback threshold of assembly/distance.ts: relative error <= 64 (D + 1) eps on every kept entry. */
export const FALLBACK = 1 / 64;
/** Below 2^-900, underflowed products could exceed the bound. */
export const GRAM_MIN = 2 ** -900;
/** Above 2^1020, 2 x_i.x_j could overflow. */
export const GRAM_MAX = 2 ** 1020;

function dot(x: Float64Array, a: number, b: number, d: number): number {
  let l0 = 0;
  let l1 = 0;
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    l0 += x[a + k] * x[b + k];
    l1 += x[a + k + 1] * x[b + k + 1];
  }
  let r = l0 + l1;
  if (k < d) r = r + x[a + k] * x[b + k];
  return r;
}

/**
 * |x_a - x_b|^2 of the rows at offsets a and b: one sequential sum of squared differences, this backend's
 * exact distance wherever one is taken (squaredDistances, the Gram fallback, nearest neighbours, the sparse
 * adaptive kernel).
 */
export function squaredDistance(x: Float64Array, a: number, b: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    const diff = x[a + k] - x[b + k];
    s += diff * diff;
  }
  return s;
}

/** norms[i] = |x_i|^2, summed as the Gram form's dots. */
export function rowSquaredNorms(x: Float64Array, n: number, d: number, norms: Float64Array): void {
  for (let i = 0; i < n; i++) norms[i] = dot(x, i * d, i * d, d);
}

/** squaredDistances in the Gram form d2 = (s_i + s_j) - 2 x_i.x_j, exact differences where it is not kept. */
export function squaredDistancesGram(x: Float64Array, n: number, d: number, out: Float64Array, norms: Float64Array): void {
  rowSquaredNorms(x, n, d, norms);
  for (let i = 0; i < n; i++) {
    const a = i * d;
    out[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      const b = j * d;
      const t = norms[i] + norms[j];
      const d2 = t - 2 * dot(x, a, b, d);
      const kept = t >= GRAM_MIN && t <= GRAM_MAX && d2 >= FALLBACK * t;
      out[i * n + j] = kept ? d2 : squaredDistance(x, a, b, d);
    }
  }
}
