// Pure-JS twin of assembly/knn-adjacency.ts: A_ij = 1 where d_ij <= r_i (r_i the k-th smallest distance of
// row i, its own zero first), else 0. m: n x n row-major, squared distances in the upper triangle in, all of
// A out. work: n. Requires 1 <= k <= n.

// The k-th smallest (from 0) of w[0..n), by Hoare's selection; reorders w.
function select(w: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const a = w[lo];
    const b = w[(lo + hi) >>> 1];
    const c = w[hi];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (w[i] < pivot) i++;
      while (w[j] > pivot) j--;
      if (i <= j) {
        const t = w[i];
        w[i] = w[j];
        w[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return w[k];
}

export function knnAdjacency(m: Float64Array, n: number, k: number, work: Float64Array): void {
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const d = Math.sqrt(m[i * n + j]);
      m[i * n + j] = d;
      m[j * n + i] = d;
    }
  }
  for (let i = 0; i < n; i++) {
    const row = i * n;
    work.set(m.subarray(row, row + n));
    const r = select(work, n, k - 1);
    for (let j = 0; j < n; j++) m[row + j] = m[row + j] <= r ? 1 : 0;
  }
}
