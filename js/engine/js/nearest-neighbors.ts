// Pure-JS twin of assembly/nearest-neighbors.ts: the k nearest rows of every row (itself included), nearest
// first, ties to the lower index. x: n rows of d float64, row-major; out: n x k; work: k float64.
import { squaredDistance } from './distance.js';

export function nearestNeighbors(x: Float64Array, n: number, d: number, k: number, out: Int32Array, work: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const a = i * d;
    const idx = i * k;
    let size = 0;
    for (let j = 0; j < n; j++) {
      const s = squaredDistance(x, a, j * d, d);
      if (size === k && s >= work[k - 1]) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && work[at - 1] > s) {
        work[at] = work[at - 1];
        out[idx + at] = out[idx + at - 1];
        at--;
      }
      work[at] = s;
      out[idx + at] = j;
    }
  }
}
