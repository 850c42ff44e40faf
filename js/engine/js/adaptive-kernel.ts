// Pure-JS twin of assembly/adaptive-kernel.ts: manylatents' adaptive-bandwidth kNN affinity over the squared
// distances in the upper triangle of m (n x n), from each row's kn nearest rows (neighbors, n x kn, self
// included, ties to the lower index); sigma: workspace of n. K ends in the upper (and lower) triangle.

function d2(m: Float64Array, n: number, i: number, j: number): number {
  return i <= j ? m[i * n + j] : m[j * n + i];
}

// Row i's q-th other neighbour (q from 0): the row itself skipped, as manylatents drops its self column.
export function other(neighbors: Int32Array, kn: number, i: number, q: number): number {
  let seen = 0;
  for (let c = 0; c < kn; c++) {
    const j = neighbors[i * kn + c];
    if (j === i) continue;
    if (seen === q) return j;
    seen++;
  }
  return -1;
}

export function adaptiveKernel(m: Float64Array, n: number, k: number, neighbors: Int32Array, kn: number, sigma: Float64Array): void {
  // One row (k clamped to 0): K = [1], as the Gaussian kernel gives it.
  if (k === 0) {
    for (let i = 0; i < n; i++) m[i * n + i] = 1;
    return;
  }
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(d2(m, n, i, other(neighbors, kn, i, k - 1)));
    sigma[i] = s === 0 ? 1e-10 : s;
  }
  for (let i = 1; i < n; i++) m.fill(0, i * n, i * n + i);
  for (let i = 0; i < n; i++) {
    const si = sigma[i];
    for (let q = 0; q < k; q++) {
      const j = other(neighbors, kn, i, q);
      const d = Math.sqrt(d2(m, n, i, j));
      const v = Math.exp(-(d * d) / (si * sigma[j]));
      const p = Math.max(i, j) * n + Math.min(i, j);
      m[p] = Math.max(m[p], v);
    }
  }
  for (let i = 0; i < n; i++) {
    m[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) m[i * n + j] = m[j * n + i];
  }
}
