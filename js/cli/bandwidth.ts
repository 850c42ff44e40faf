// What the commands need of the bandwidth beyond the library's medianDistance: `--sigma auto` refused with a
// clear message when the median is 0, and a centre for the report's sweep of sigma that is never 0.
import { medianDistance, type Matrix } from '../index.js';
import { medianOfSorted, pairDistances, unscaledDistance } from '../measures/bandwidth.js';
import { InputError } from '../io/input-error.js';
import { toMatrix } from '../matrix.js';

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

/** The median distance and a usable centre for a sweep of sigma (never 0: a sigma must be > 0). */
export function distanceScale(m: Matrix, seed: number): DistanceScale {
  const median = medianDistance(m, { seed });
  if (median > 0) return { median, centre: median, note: null };
  // The same pairs as the median's (medianSampleRows rows above that), on the same scaled rows.
  const { sorted: d, exponent } = pairDistances(toMatrix(m, 'X'), null, seed);
  const firstNonzero = d.findIndex((v) => v > 0);
  if (firstNonzero === -1) {
    return { median, centre: null, note: 'every row is the same (every distance between rows is 0): K is 11^T / N at any sigma, so there is no sweep of sigma to draw' };
  }
  const centre = unscaledDistance(medianOfSorted(d.subarray(firstNonzero)), exponent);
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
