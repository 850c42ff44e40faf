// Pure-JS twin of assembly/sparse-adaptive-kernel.ts: the adaptive kNN diffusion matrix K in CSR (both
// triangles, columns ascending), no n x n matrix, every entry equal to the dense path's (this backend's
// distances are one sequential sum per pair, in distance.ts and nearest-neighbors.ts alike).

import { other } from './adaptive-kernel.js';
import { squaredDistance } from './distance.js';

// |x_i - x_j|^2 of rows i and j.
function rowDistance(x: Float64Array, d: number, i: number, j: number): number {
  return squaredDistance(x, i * d, j * d, d);
}

// Offers (s, j) to row i's sorted list of the kn smallest (distance, index) pairs: what nearestNeighbors
// keeps, whatever order the pairs come in.
function offer(idx: Int32Array, dist: Float64Array, kn: number, i: number, s: number, j: number): void {
  const base = i * kn;
  let at = kn - 1;
  const worst = dist[base + at];
  if (s > worst || (s === worst && j > idx[base + at])) return;
  while (at > 0) {
    const e = dist[base + at - 1];
    if (!(e > s || (e === s && idx[base + at - 1] > j))) break;
    dist[base + at] = e;
    idx[base + at] = idx[base + at - 1];
    at--;
  }
  dist[base + at] = s;
  idx[base + at] = j;
}

/** Each row's kn nearest rows (itself included), nearest first, ties to the lower index; each pair computed once. */
export function adaptiveNeighborSearch(x: Float64Array, n: number, d: number, kn: number, idx: Int32Array, dist: Float64Array): void {
  dist.fill(Infinity, 0, n * kn);
  idx.fill(2147483647, 0, n * kn);
  for (let i = 0; i < n; i++) {
    offer(idx, dist, kn, i, 0, i);
    for (let j = i + 1; j < n; j++) {
      const s = rowDistance(x, d, i, j);
      offer(idx, dist, kn, i, s, j);
      offer(idx, dist, kn, j, s, i);
    }
  }
}

// Row sums in kernel.ts's symmetricRowSums order: left of the diagonal first, then diagonal and right.
function rowSums(n: number, rowStarts: Int32Array, cols: Int32Array, vals: Float64Array, sums: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const e1 = rowStarts[i + 1];
    let lower = 0;
    let e = rowStarts[i];
    for (; e < e1 && cols[e] < i; e++) lower += vals[e];
    let upper = vals[e];
    for (e++; e < e1; e++) upper += vals[e];
    sums[i] = lower + upper;
  }
}

function scale(n: number, rowStarts: Int32Array, cols: Int32Array, vals: Float64Array, w: Float64Array, left: boolean): void {
  for (let i = 0; i < n; i++) {
    for (let e = rowStarts[i]; e < rowStarts[i + 1]; e++) {
      const j = cols[e];
      const wl = w[Math.min(i, j)];
      const wh = w[Math.max(i, j)];
      vals[e] = left ? wl * vals[e] * wh : vals[e] * wl * wh;
    }
  }
}

/** K in CSR from the neighbours (n x kn); returns the number of entries; sums ends holding S^-1/2. */
export function adaptiveSparseKernel(
  x: Float64Array, n: number, d: number, k: number, alpha: number, idx: Int32Array, kn: number,
  rowStarts: Int32Array, cols: Int32Array, vals: Float64Array, sigma: Float64Array, sums: Float64Array,
): number {
  rowStarts.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) {
    rowStarts[i + 1] += 1 + k;
    for (let q = 0; q < k; q++) rowStarts[other(idx, kn, i, q) + 1]++;
  }
  for (let i = 0; i < n; i++) rowStarts[i + 1] += rowStarts[i];
  for (let i = 0; i < n; i++) {
    const s = k > 0 ? Math.sqrt(rowDistance(x, d, i, other(idx, kn, i, k - 1))) : 1;
    sigma[i] = s === 0 ? 1e-10 : s;
  }
  const fill = rowStarts.slice(0, n);
  for (let i = 0; i < n; i++) {
    cols[fill[i]] = i;
    vals[fill[i]++] = 1;
    for (let q = 0; q < k; q++) {
      const j = other(idx, kn, i, q);
      const dd = Math.sqrt(rowDistance(x, d, i, j));
      const v = Math.exp(-(dd * dd) / (sigma[i] * sigma[j]));
      cols[fill[i]] = j;
      vals[fill[i]++] = v;
      cols[fill[j]] = i;
      vals[fill[j]++] = v;
    }
  }
  let write = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = rowStarts[i + 1];
    for (let e = start + 1; e < end; e++) {
      const cj = cols[e];
      const vj = vals[e];
      let p = e;
      while (p > start && cols[p - 1] > cj) {
        cols[p] = cols[p - 1];
        vals[p] = vals[p - 1];
        p--;
      }
      cols[p] = cj;
      vals[p] = vj;
    }
    rowStarts[i] = write;
    for (let e = start; e < end; e++) {
      if (write > rowStarts[i] && cols[write - 1] === cols[e]) {
        vals[write - 1] = Math.max(vals[write - 1], vals[e]);
      } else {
        cols[write] = cols[e];
        vals[write++] = vals[e];
      }
    }
    start = end;
  }
  rowStarts[n] = write;
  if (alpha !== 0) {
    rowSums(n, rowStarts, cols, vals, sums);
    for (let i = 0; i < n; i++) sums[i] = 1 / Math.pow(sums[i], alpha);
    scale(n, rowStarts, cols, vals, sums, true);
  }
  rowSums(n, rowStarts, cols, vals, sums);
  for (let i = 0; i < n; i++) sums[i] = 1 / Math.sqrt(sums[i]);
  scale(n, rowStarts, cols, vals, sums, false);
  return write;
}

/** y = K x for the CSR K and b vectors (x, y: n x b, row-major; y overwritten). */
export function sparseBlockProduct(n: number, rowStarts: Int32Array, cols: Int32Array, vals: Float64Array, x: Float64Array, b: number, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const e0 = rowStarts[i];
    const e1 = rowStarts[i + 1];
    for (let c = 0; c < b; c++) {
      let s = 0;
      for (let e = e0; e < e1; e++) s += vals[e] * x[cols[e] * b + c];
      y[i * b + c] = s;
    }
  }
}

/** tr K and ||K||_F^2 of the CSR K, summed as traceAndFrobenius (block-product.ts) sums the dense one. */
export function sparseTraceAndFrobenius(n: number, rowStarts: Int32Array, cols: Int32Array, vals: Float64Array): { trace: number; frobeniusSquared: number } {
  let trace = 0;
  let off = 0;
  let diag = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowStarts[i]; e < rowStarts[i + 1]; e++) {
      const j = cols[e];
      if (j === i) {
        trace += vals[e];
        diag += vals[e] * vals[e];
      } else if (j > i) {
        off += vals[e] * vals[e];
      }
    }
  }
  return { trace, frobeniusSquared: diag + 2 * off };
}
