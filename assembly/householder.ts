// LAPACK's Householder reflector (dlarfg) and its norm step, shared by tridiagonalize and hessenberg.
import { pythag } from './pythag';

// dlamch('S') / dlamch('E') = 2^-969, and its inverse: dlarfg's threshold for rescaling a tiny column.
const SAFMIN: f64 = 2.004168360008973e-292;
const RSAFMN: f64 = 1.0 / SAFMIN;

/** tau of the reflector {@link reflector} made last (AssemblyScript returns one value). */
export let reflectorTau: f64 = 0;

/**
 * The reflector H = I - tau (1, v)(1, v)^T with H (alpha, x) = (beta, 0), as LAPACK's dlarfg: v = x / (alpha -
 * beta) is written over the float64 x[from..to) (whose norm xnorm > 0 the caller has); returns beta, and
 * tau in reflectorTau. When |beta| < 2^-969 (a column of subnormal or nearly subnormal entries, as the
 * near-identity K of a small sigma has), x and alpha are first scaled up by the exact 2^969 (up to 20 times),
 * as dlarfg does: otherwise 1 / (alpha - beta) overflows, or v carries the few bits of a subnormal and H is no
 * longer orthogonal.
 */
export function reflector(alpha: f64, x: usize, from: i32, to: i32, xnorm: f64): f64 {
  let norm = pythag(alpha, xnorm);
  let beta = alpha >= 0 ? -norm : norm;
  let knt = 0;
  if (abs(beta) < SAFMIN) {
    do {
      knt++;
      for (let k = from; k < to; k++) {
        const q = x + (<usize>k << 3);
        store<f64>(q, load<f64>(q) * RSAFMN);
      }
      beta *= RSAFMN;
      alpha *= RSAFMN;
    } while (abs(beta) < SAFMIN && knt < 20);
    norm = pythag(alpha, scaledNorm(x, from, to));
    beta = alpha >= 0 ? -norm : norm;
  }
  reflectorTau = (beta - alpha) / beta;
  const inv = 1.0 / (alpha - beta);
  for (let k = from; k < to; k++) {
    const q = x + (<usize>k << 3);
    store<f64>(q, load<f64>(q) * inv);
  }
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  return beta;
}

// ||x||_2 over the contiguous float64 x[from..to), computed as scale * sqrt(sum (x_k / scale)^2) with
// scale = max |x_k|, so that no square overflows or underflows. Exactly 0 when every x_k is 0.
export function scaledNorm(x: usize, from: i32, to: i32): f64 {
  let scale = 0.0;
  for (let k = from; k < to; k++) scale = max(scale, abs(load<f64>(x + (<usize>k << 3))));
  if (scale == 0) return 0;
  let ssq = 0.0;
  for (let k = from; k < to; k++) {
    const q = load<f64>(x + (<usize>k << 3)) / scale;
    ssq += q * q;
  }
  return scale * Math.sqrt(ssq);
}
