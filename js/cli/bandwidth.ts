// The data-driven bandwidth behind `--sigma auto`, and the diagnosis of a kernel that makes DSE meaningless.
import { InputError } from '../io/input-error.js';
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
  return medianOf(sortedDistances(m, seed));
}

// The distances between distinct rows (of the sample above 2000 rows), ascending.
function sortedDistances(m: LoadedMatrix, seed: number): Float64Array {
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
  return d.sort();
}

// numpy.median of ascending values.
function medianOf(d: Float64Array): number {
  const mid = d.length >> 1;
  return d.length % 2 === 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
}

/** The distance scale of the rows: the median distance, and what a sigma sweep can be centred on. */
export interface DistanceScale {
  /** The median distance between distinct rows (numpy.median), as {@link medianDistance}. */
  median: number;
  /**
   * The median when it is > 0; when over half the pairs of rows are identical (median 0), the median of
   * the nonzero distances; null when every row is the same (no distance to centre on).
   */
  centre: number | null;
  /** Why centre is not the median, for a warning; null when it is. */
  note: string | null;
}

/** The median distance and a usable centre for a sweep of sigma (never 0: a sigma must be > 0). */
export function distanceScale(m: LoadedMatrix, seed: number): DistanceScale {
  const d = sortedDistances(m, seed);
  const median = medianOf(d);
  if (median > 0) return { median, centre: median, note: null };
  const firstNonzero = d.findIndex((v) => v > 0);
  if (firstNonzero === -1) {
    return { median, centre: null, note: 'every row is the same (every distance between rows is 0): K is 11^T / N at any sigma, so there is no sweep of sigma to draw' };
  }
  const centre = medianOf(d.subarray(firstNonzero));
  return {
    median, centre,
    note: `the median distance between rows is 0 (${firstNonzero} of ${d.length} pairs of rows are identical), so the sweep of sigma is centred on the median of the nonzero distances, ${centre}`,
  };
}

/**
 * sigma for `--sigma auto`: the median distance between rows. Refused when it is 0 (over half the pairs of
 * rows identical), which no kernel can use, with a message saying so rather than "sigma ... received 0".
 */
export function autoSigma(m: LoadedMatrix, seed: number, file: string): number {
  const median = medianDistance(m, seed);
  if (!(median > 0)) {
    throw new InputError(file, '--sigma auto is the median distance between rows, which is 0 here (over half the pairs of rows are identical): give --sigma a number');
  }
  return median;
}

/** trace K below this: K is close to the constant matrix 11^T / N. */
export const NEAR_CONSTANT_TRACE = 1.1;
/** trace K / N above this: K is close to the identity. */
export const NEAR_IDENTITY_MEAN = 0.9;

/** A kernel at which DSE says nothing about the data. */
export interface KernelDiagnosis {
  kind: 'constant' | 'identity';
  message: string;
}

/**
 * Whether K at this sigma is close to constant or to the identity, the two cases where DSE says nothing about
 * the data (SPEC 8): pinned near 0 or near log2 N. Judged from trace K = sum of the eigenvalues = sum_i 1/S_i
 * (K_ii = G_ii / S_i = 1 / S_i, S_i the row sums of G), which runs from 1 (every G_ij = 1, K = 11^T / N) to N
 * (every G_ij = 0 off the diagonal, K = I):
 * - trace K < 1.1: the harmonic mean of the row sums exceeds N / 1.1, the affinities between rows average
 *   above ~0.9: sigma is far too large for these distances (unit-norm embeddings with sigma 10 land here);
 * - trace K / N > 0.9: on average a row keeps over 90% of its weight for itself: sigma is far too small.
 */
export function kernelDiagnosis(eigenvalues: Float64Array, sigma: number): KernelDiagnosis | null {
  const n = eigenvalues.length;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += eigenvalues[i];
  if (trace < NEAR_CONSTANT_TRACE) {
    return {
      kind: 'constant',
      message: `K is close to constant at sigma ${sigma} (trace K = ${trace.toFixed(3)}, 1 for a constant K): sigma is large against the distances between rows, so DSE is pinned near 0 whatever the data (unit-norm embeddings with sigma 10 do this). Try --sigma auto (the median pairwise distance) or a smaller sigma.`,
    };
  }
  if (trace / n > NEAR_IDENTITY_MEAN) {
    return {
      kind: 'identity',
      message: `K is close to the identity at sigma ${sigma} (trace K / N = ${(trace / n).toFixed(3)}, 1 for K = I): sigma is small against the distances between rows, so DSE is pinned near log2 N = ${Math.log2(n).toFixed(3)} whatever the data. Try --sigma auto (the median pairwise distance) or a larger sigma.`,
    };
  }
  return null;
}
