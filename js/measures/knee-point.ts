// PHATE's find_knee_point, copied exactly, off-by-one included (docs/measures.md).
import { DseError, show } from '../errors.js';
import { pairwiseSum } from '../linalg/numpy-arithmetic.js';

function numbers(v: unknown, name: string): Float64Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<unknown>).length !== 'number') {
    throw new DseError('E_SHAPE', `${name} must be an array of numbers, received ${show(v)}`, name, v);
  }
  const a = v as ArrayLike<unknown>;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new DseError('E_NOT_FINITE', `${name}[${i}] is ${show(x)}, not a finite number`, name, x);
    }
    out[i] = x;
  }
  return out;
}

// Least-squares lines through the first k + 2 points of (x, y), k = 0 .. L - 2, by PHATE's running sums.
function prefixLines(x: Float64Array, y: Float64Array): { slope: Float64Array; intercept: Float64Array } {
  const len = x.length;
  const slope = new Float64Array(len - 1);
  const intercept = new Float64Array(len - 1);
  let sxy = x[0] * y[0];
  let sx = x[0];
  let sy = y[0];
  let sxx = x[0] * x[0];
  for (let k = 1; k < len; k++) {
    sxy += x[k] * y[k];
    sx += x[k];
    sy += y[k];
    sxx += x[k] * x[k];
    const n = k + 1;
    const det = n * sxx - sx * sx;
    slope[k - 1] = (n * sxy - sx * sy) / det;
    intercept[k - 1] = -(sx * sxy - sxx * sy) / det;
  }
  return { slope, intercept };
}

/**
 * PHATE's `find_knee_point(y, x)` (phate/vne.py), copied exactly: the x at which two straight lines, one
 * fitted to the points left of it and one to the points right of it, have the least total absolute error.
 * For each breakpoint b in 1 .. L - 2 the left line is the least-squares fit of points [0, b] and the right
 * one of points [b - 1, L) (PHATE's off-by-one, kept), while the right error is summed over [b, L) only;
 * the first b of least error wins. x defaults to 0, 1, ..., L - 1; given, it is sorted (stably) with y.
 *
 * @example
 * const x = Array.from({ length: 20 }, (_, i) => i);
 * kneePoint(x.map((v) => Math.exp(-v / 10)), x); // 8, as PHATE's docstring
 */
export function kneePoint(y: ArrayLike<number>, x?: ArrayLike<number>): number {
  let ys = numbers(y, 'y');
  if (ys.length < 3) throw new DseError('E_SHAPE', `y must have at least 3 values, received ${ys.length}`, 'y', ys.length);
  let xs: Float64Array;
  if (x === undefined) {
    xs = Float64Array.from(ys, (_, i) => i);
  } else {
    const raw = numbers(x, 'x');
    if (raw.length !== ys.length) {
      throw new DseError('E_SHAPE', `x and y must have the same length, received ${raw.length} and ${ys.length}`, 'x', raw.length);
    }
    const idx = Array.from(raw, (_, i) => i).sort((a, b) => raw[a] - raw[b]);
    xs = Float64Array.from(idx, (i) => raw[i]);
    ys = Float64Array.from(idx, (i) => ys[i]);
  }
  const len = ys.length;
  const fwd = prefixLines(xs, ys);
  // Lines through the last k + 2 points, reversed so that entry j fits points [j, L).
  const back = prefixLines(xs.slice().reverse(), ys.slice().reverse());
  back.slope.reverse();
  back.intercept.reverse();

  let best = NaN;
  let loc = -1;
  const dels = new Float64Array(len);
  for (let b = 1; b < len - 1; b++) {
    for (let i = 0; i <= b; i++) dels[i] = Math.abs(fwd.slope[b - 1] * xs[i] + fwd.intercept[b - 1] - ys[i]);
    const left = pairwiseSum(dels, 0, b + 1);
    for (let i = b; i < len; i++) dels[i - b] = Math.abs(back.slope[b - 1] * xs[i] + back.intercept[b - 1] - ys[i]);
    const err = left + pairwiseSum(dels, 0, len - b);
    // numpy's argmin: the first minimum, or the first NaN if there is one.
    if (loc === -1 || (!Number.isNaN(best) && (err < best || Number.isNaN(err)))) {
      best = err;
      loc = b;
    }
  }
  return xs[loc];
}
