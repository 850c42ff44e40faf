// The data-driven bandwidth behind `--sigma auto`, and the diagnosis of a kernel that makes DSE meaningless.
import { spectralEntropy } from '../index.js';
import { pythonSample } from '../python-random.js';
import type { LoadedMatrix } from '../io/read-matrix.js';
import { selectRows } from './rows.js';

/** Above this many rows the median is taken over the pairs of a sample of this many rows. */
export const MEDIAN_SAMPLE_ROWS = 2000;

/**
 * The median Euclidean distance between distinct rows (pairs i < j), as numpy.median takes it (the mean of
 * the two middle values for an even count). Above 2000 rows, over the pairs of the 2000 rows Python's
 * seed(seed); sample(range(N), 2000) picks.
 *
 * @example
 * medianDistance({ data: new Float64Array([0, 0, 3, 4, 6, 8]), rows: 3, cols: 2 }, 0); // 5
 */
export function medianDistance(m: LoadedMatrix, seed: number): number {
  const x = m.rows > MEDIAN_SAMPLE_ROWS ? selectRows(m, pythonSample(seed, m.rows, MEDIAN_SAMPLE_ROWS)) : m;
  const { data, rows: n, cols } = x;
  const d = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < cols; c++) {
        const diff = data[i * cols + c] - data[j * cols + c];
        s += diff * diff;
      }
      d[k++] = Math.sqrt(s);
    }
  }
  d.sort();
  const mid = d.length >> 1;
  return d.length % 2 === 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
}

/** DSE at t = 1 below this fraction of log2 N: K is close to the constant matrix 11^T / N. */
export const NEAR_CONSTANT = 0.05;
/** DSE at t = 1 above this fraction of log2 N: K is close to the identity. */
export const NEAR_IDENTITY = 0.95;

/**
 * Why DSE at this sigma says nothing about the data, or null. With sigma large against the distances, K is
 * close to 11^T / N and DSE is pinned near 0; with sigma small, K is close to I and DSE is pinned near log2 N
 * (SPEC 8). Judged from the entropy of the eigenvalues at t = 1 relative to its bound log2 N.
 */
export function kernelDiagnosis(eigenvalues: Float64Array, sigma: number): string | null {
  const n = eigenvalues.length;
  const ratio = spectralEntropy(eigenvalues, { t: 1 }) / Math.log2(n);
  if (ratio < NEAR_CONSTANT) {
    return `K is close to constant at sigma ${sigma}: sigma is large against the distances between rows, so DSE is pinned near 0 whatever the data (unit-norm embeddings with sigma 10 do this). Try --sigma auto (the median pairwise distance) or a smaller sigma.`;
  }
  if (ratio > NEAR_IDENTITY) {
    return `K is close to the identity at sigma ${sigma}: sigma is small against the distances between rows, so DSE is pinned near log2 N = ${Math.log2(n).toFixed(3)} whatever the data. Try --sigma auto (the median pairwise distance) or a larger sigma.`;
  }
  return null;
}
