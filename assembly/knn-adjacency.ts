// The kNN-binarised adjacency matrix of ASE (docs/measures.md): A_ij = 1 where d_ij <= r_i, else 0, with r_i the
// k-th smallest distance in row i, the row's own zero distance counting as the first. A is in general not
// symmetric (j can be among i's k nearest without i being among j's).
//
// Layout: m is n x n float64, row-major. In: squared distances in the upper triangle (j >= i), as
// squaredDistances writes them; the lower triangle is not read. Out: all n x n entries of A.
// work: caller-owned workspace of n float64 (one row of distances, reordered by the selection).
// Requires 1 <= k <= n.

// The k-th smallest (k counted from 0) of w[0..n), by Hoare's selection (FIND), which reorders w.
// Equal values split evenly between the two sides, so many ties do not make it quadratic.
function select(w: usize, n: i32, k: i32): f64 {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const a = load<f64>(w + (<usize>lo << 3));
    const b = load<f64>(w + (<usize>((lo + hi) >>> 1) << 3));
    const c = load<f64>(w + (<usize>hi << 3));
    const pivot = max(min(a, b), min(max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (load<f64>(w + (<usize>i << 3)) < pivot) i++;
      while (load<f64>(w + (<usize>j << 3)) > pivot) j--;
      if (i <= j) {
        const pi = w + (<usize>i << 3);
        const pj = w + (<usize>j << 3);
        const t = load<f64>(pi);
        store<f64>(pi, load<f64>(pj));
        store<f64>(pj, t);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return load<f64>(w + (<usize>k << 3));
}

export function knnAdjacency(m: usize, n: i32, k: i32, work: usize): void {
  const rowBytes = <usize>n << 3;
  // Distances d = sqrt(d2) over the whole matrix first: row i then holds every distance it needs.
  for (let i = 0; i < n; i++) {
    const row = m + <usize>i * rowBytes;
    for (let j = i; j < n; j++) {
      const d = Math.sqrt(load<f64>(row + (<usize>j << 3)));
      store<f64>(row + (<usize>j << 3), d);
      store<f64>(m + <usize>j * rowBytes + (<usize>i << 3), d);
    }
  }
  for (let i = 0; i < n; i++) {
    const row = m + <usize>i * rowBytes;
    memory.copy(work, row, rowBytes);
    const r = select(work, n, k - 1);
    for (let j = 0; j < n; j++) {
      const p = row + (<usize>j << 3);
      store<f64>(p, load<f64>(p) <= r ? 1.0 : 0.0);
    }
  }
}
