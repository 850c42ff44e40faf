// The k nearest rows of every row by Euclidean distance, the row itself included (scikit-learn's
// kneighbors_graph(include_self=True)), for the kNN graph of spectral clustering (docs/clustering.md).
// O(n^2 d) time and no n x n matrix: each row keeps a sorted list of its best k while scanning all rows.
//
// Layout: x is n rows of d float64 values, row-major. out: n x k int32, row-major, the neighbours of each
// row nearest first; ties go to the lower index. work: caller-owned workspace of k float64 (the distances).

import { squaredDistance } from './distance';

export function nearestNeighbors(x: usize, n: i32, d: i32, k: i32, out: usize, work: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const a = x + <usize>i * rowBytes;
    const idx = out + (<usize>i * <usize>k << 2);
    let size = 0;
    for (let j = 0; j < n; j++) {
      const s = squaredDistance(a, x + <usize>j * rowBytes, d);
      if (size == k && s >= load<f64>(work + (<usize>(k - 1) << 3))) continue;
      // Insertion into the sorted best k so far.
      let at = size < k ? size++ : k - 1;
      while (at > 0 && load<f64>(work + (<usize>(at - 1) << 3)) > s) {
        store<f64>(work + (<usize>at << 3), load<f64>(work + (<usize>(at - 1) << 3)));
        store<i32>(idx + (<usize>at << 2), load<i32>(idx + (<usize>(at - 1) << 2)));
        at--;
      }
      store<f64>(work + (<usize>at << 3), s);
      store<i32>(idx + (<usize>at << 2), j);
    }
  }
}
