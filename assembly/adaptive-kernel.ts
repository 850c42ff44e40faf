// The adaptive-bandwidth kNN affinity of manylatents' compute_diffusion_matrix_knn (Zelnik-Manor & Perona 2004;
// docs/measures.md, the adaptive kernel): for each row i its k nearest other rows j, sigma_i = the distance to the
// k-th of them (0 replaced by 1e-10), K_ij = exp(-d_ij^2 / (sigma_i sigma_j)) on those edges, K = max(K, K^T),
// unit diagonal, every other entry 0.
//
// Layout: m is n x n float64, row-major. In: squared distances in the upper triangle (j >= i), as squaredDistances
// writes them. Out: K in the upper triangle (the lower triangle is left holding K too, as scratch). neighbors:
// n x kn int32, row-major, each row's kn nearest rows nearest first with ties to the lower index, as
// nearestNeighbors writes them for kn = k + 1 (the row itself is among them unless kn rows lie at distance 0).
// sigma: caller-owned workspace of n float64. Requires k < kn <= n, and k >= 1 unless n = 1.

// Squared distance between rows i and j, from the upper triangle.
@inline
function d2(m: usize, n: i32, i: i32, j: i32): f64 {
  const a = min(i, j);
  const b = max(i, j);
  return load<f64>(m + ((<usize>a * <usize>n + <usize>b) << 3));
}

// The column of row i's q-th other neighbour (q from 0): self first, then k others, as manylatents drops column
// 0 of a kNN that returns the row itself first.
@inline
export function other(neighbors: usize, kn: i32, i: i32, q: i32): i32 {
  const row = neighbors + (<usize>i * <usize>kn << 2);
  let seen = 0;
  for (let c = 0; c < kn; c++) {
    const j = load<i32>(row + (<usize>c << 2));
    if (j == i) continue;
    if (seen == q) return j;
    seen++;
  }
  return -1;
}

export function adaptiveKernel(m: usize, n: i32, k: i32, neighbors: usize, kn: i32, sigma: usize): void {
  // One row (k clamped to 0): K = [1], as the Gaussian kernel gives it.
  if (k == 0) {
    for (let i = 0; i < n; i++) store<f64>(m + ((<usize>i * <usize>n + <usize>i) << 3), 1.0);
    return;
  }
  for (let i = 0; i < n; i++) {
    // manylatents reads sigma_i from the Euclidean distances, d = sqrt(d2).
    let s = Math.sqrt(d2(m, n, i, other(neighbors, kn, i, k - 1)));
    if (s == 0) s = 1e-10;
    store<f64>(sigma + (<usize>i << 3), s);
  }
  for (let i = 1; i < n; i++) {
    memory.fill(m + (<usize>i * <usize>n << 3), 0, <usize>i << 3);
  }
  for (let i = 0; i < n; i++) {
    const si = load<f64>(sigma + (<usize>i << 3));
    for (let q = 0; q < k; q++) {
      const j = other(neighbors, kn, i, q);
      const d = Math.sqrt(d2(m, n, i, j));
      const v = Math.exp(-(d * d) / (si * load<f64>(sigma + (<usize>j << 3))));
      // max(K, K^T) gathered in the lower triangle, which the upper-triangle distances do not use.
      const p = m + ((<usize>max(i, j) * <usize>n + <usize>min(i, j)) << 3);
      store<f64>(p, max(load<f64>(p), v));
    }
  }
  for (let i = 0; i < n; i++) {
    store<f64>(m + ((<usize>i * <usize>n + <usize>i) << 3), 1.0);
    for (let j = i + 1; j < n; j++) {
      store<f64>(m + ((<usize>i * <usize>n + <usize>j) << 3), load<f64>(m + ((<usize>j * <usize>n + <usize>i) << 3)));
    }
  }
}
