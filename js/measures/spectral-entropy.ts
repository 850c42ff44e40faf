// The entropy step every estimator ends with, and the spectral entropy of eigenvalues computed earlier
// (docs/measures.md).
import { DseError, show } from '../errors.js';
import { EPS } from '../float.js';
import { options, tOf } from '../options.js';

/** Sorts eigenvalues in place, largest first: the order every public function returns and sums them in. */
export function descending(values: Float64Array): Float64Array {
  return values.sort().reverse();
}

/** -sum p log2 p over p = weights / sum(weights) + EPS (2^-52, as the reference adds): the step shared by every estimator. */
export function entropyOfWeights(weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) throw new DseError('E_ARGUMENT', `the eigenvalues (or weights) must not all be zero: their entropy is undefined, received ${weights.length} zeros`, 'eigenvalues', total);
  let h = 0;
  for (let i = 0; i < weights.length; i++) {
    const p = weights[i] / total + EPS;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Diffusion spectral entropy from eigenvalues computed earlier (docs/measures.md, DSE steps 3 and 4):
 * a_i = |lambda_i|^t, p_i = a_i / sum(a) + 2^-52, H = -sum p_i log2 p_i, in bits. The powers are taken of
 * |lambda_i| / max|lambda| (the same p), so any finite t and eigenvalues of any magnitude give a finite H;
 * as t grows, p tends to the top eigenvalue's share (1 when it is unique, so H -> 0).
 *
 * @example
 * spectralEntropy(new Float64Array([1, 0.5, 0.5]), { t: 1 }); // 1.5
 */
export function spectralEntropy(eigenvalues: ArrayLike<number>, opts?: { t?: number }): number {
  const t = tOf(options(opts).t);
  if (eigenvalues === null || typeof eigenvalues !== 'object' || typeof eigenvalues.length !== 'number' || eigenvalues.length < 1) {
    throw new DseError('E_SHAPE', `eigenvalues must be a non-empty array of numbers, received ${show(eigenvalues)}`, 'eigenvalues', eigenvalues);
  }
  const a = new Float64Array(eigenvalues.length);
  let top = 0;
  for (let i = 0; i < a.length; i++) {
    const v = eigenvalues[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DseError('E_NOT_FINITE', `eigenvalues[${i}] is ${show(v)}, not a finite number`, 'eigenvalues', v);
    }
    a[i] = Math.abs(v);
    top = Math.max(top, a[i]);
  }
  // p_i = (|lambda_i| / max|lambda|)^t / sum_j (...)^t, the same p as |lambda_i|^t / sum_j |lambda_j|^t, but
  // with every power in [0, 1] and the largest exactly 1: no overflow to Infinity (1e200^2, 2^2000), and no
  // underflow of them all to 0 (1e-200^2, or every |lambda| < 1 at t = 1e20). For diffusion eigenvalues the
  // top one is 1 (to rounding), so the division changes p by at most an ulp.
  if (top > 0) {
    for (let i = 0; i < a.length; i++) a[i] = (a[i] / top) ** t;
  }
  return entropyOfWeights(a);
}
