// What the commands need of the bandwidth beyond the library's medianDistance: `--sigma auto` refused with a
// clear message when the median is 0, and a centre for the report's sweep of sigma that is never 0.
import { medianDistance, pythonSample, type Matrix } from '../index.js';
import { InputError } from '../io/input-error.js';

/** Above this many rows the nonzero distances are taken over a sample of this many rows, as the median. */
const SAMPLE_ROWS = 2000;

/** The distance scale of the rows: the median distance, and what a sigma sweep can be centred on. */
export interface DistanceScale {
  /** The median distance between distinct rows (numpy.median), as the library's medianDistance. */
  median: number;
  /**
   * The median when it is > 0; when over half the pairs of rows are identical (median 0), the median of
   * the nonzero distances; null when every row is the same (no distance to centre on).
   */
  centre: number | null;
  /** Why centre is not the median, for a warning; null when it is. */
  note: string | null;
}

// The distances between distinct rows (of a Python sample of 2000 above that), ascending.
function sortedDistances(m: Matrix, seed: number): Float64Array {
  const { data, cols } = m;
  const rows = m.rows > SAMPLE_ROWS ? pythonSample(seed, m.rows, SAMPLE_ROWS) : Int32Array.from({ length: m.rows }, (_, i) => i);
  const n = rows.length;
  const d = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < cols; c++) {
        const diff = Number(data[rows[i] * cols + c]) - Number(data[rows[j] * cols + c]);
        s += diff * diff;
      }
      d[k++] = Math.sqrt(s);
    }
  }
  return d.sort();
}

function medianOf(d: Float64Array): number {
  const mid = d.length >> 1;
  return d.length % 2 === 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
}

/** The median distance and a usable centre for a sweep of sigma (never 0: a sigma must be > 0). */
export function distanceScale(m: Matrix, seed: number): DistanceScale {
  const median = medianDistance(m, { seed });
  if (median > 0) return { median, centre: median, note: null };
  const d = sortedDistances(m, seed);
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
export function autoSigma(m: Matrix, seed: number, file: string): number {
  const median = medianDistance(m, { seed });
  if (!(median > 0)) {
    throw new InputError(file, '--sigma auto is the median distance between rows, which is 0 here (over half the pairs of rows are identical): give --sigma a number');
  }
  return median;
}
