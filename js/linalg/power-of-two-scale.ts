// Scaling a matrix by an exact power of two before an eigensolver, as LAPACK's drivers do with dlascl
// (dsyev, dgeev): entries near the ends of the float64 range would overflow, or sink into the subnormals and
// lose their digits, inside the reduction. Multiplying by 2^e changes no digit, and the eigenvalues of 2^e A
// are 2^e times those of A, so they are scaled back by 2^-e.
import { DseError, show } from '../errors.js';

/** Largest |entry| outside [2^-500, 2^500] triggers scaling; inside it the solvers are accurate unscaled. */
const SAFE_EXPONENT = 500;

/**
 * The exponent e with 2^e maxAbs near 1, or 0 when maxAbs (the largest |entry|) needs no scaling: it lies
 * in [2^-500, 2^500], or is 0. Subnormal maxAbs gives e up to 1074, beyond the largest power of two a float64
 * holds (2^1023); {@link timesPowerOfTwo} therefore applies it in two steps.
 */
export function scalingExponent(maxAbs: number): number {
  if (maxAbs === 0 || (maxAbs >= 2 ** -SAFE_EXPONENT && maxAbs <= 2 ** SAFE_EXPONENT)) return 0;
  return -Math.round(Math.log2(maxAbs));
}

/**
 * values * 2^e in place, as two multiplications by 2^(e/2), each representable for |e| <= 2046: exact
 * unless the result itself is subnormal, where it is rounded once, as a single multiplication would round it.
 */
export function timesPowerOfTwo(values: Float64Array, e: number): Float64Array {
  const half = Math.trunc(e / 2);
  const first = 2 ** half;
  const second = 2 ** (e - half);
  // Each half-step moves a value by at most 2^1023, so the first product stays normal (and exact) for every
  // entry and eigenvalue; only the second can round, once, when the true result is subnormal.
  for (let i = 0; i < values.length; i++) values[i] = (values[i] * first) * second;
  return values;
}

/**
 * values * 2^-e in place ({@link timesPowerOfTwo}), the scaling of the solver's results undone; refused with
 * E_ARGUMENT naming A when one of them lies beyond the float64 range (a matrix of entries near 1.8e308 can
 * have an eigenvalue or singular value above it: 2 x 2 of 1e308 has 2e308), never returned as Infinity.
 */
export function scaledBack(values: Float64Array, e: number, what: string): Float64Array {
  timesPowerOfTwo(values, -e);
  for (const v of values) {
    if (!Number.isFinite(v)) throw new DseError('E_ARGUMENT', `A has ${what} beyond the float64 range (${show(v)}): scale A down`, 'A', v);
  }
  return values;
}

/** max |v| over the values. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
