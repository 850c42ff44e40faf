// Pure-JS twin of assembly/householder.ts: LAPACK's Householder reflector (dlarfg) and its norm step.
import { pythag } from './pythag.js';

// dlamch('S') / dlamch('E') = 2^-969, and its inverse: dlarfg's threshold for rescaling a tiny column.
const SAFMIN = 2 ** -969;
const RSAFMN = 2 ** 969;

/**
 * The reflector H = I - tau (1, v)(1, v)^T with H (alpha, x) = (beta, 0), as LAPACK's dlarfg: v = x / (alpha -
 * beta) is written over x[from..to) (whose norm xnorm > 0 the caller has). When |beta| < 2^-969 (a column of
 * subnormal or nearly subnormal entries, as the near-identity K of a small sigma has), x and alpha are first
 * scaled up by the exact 2^969 (up to 20 times), as dlarfg does: otherwise 1 / (alpha - beta) overflows, or v
 * carries the few bits of a subnormal and H is no longer orthogonal.
 */
export function reflector(alpha: number, x: Float64Array, from: number, to: number, xnorm: number): { beta: number; tau: number } {
  let norm = pythag(alpha, xnorm);
  let beta = alpha >= 0 ? -norm : norm;
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    do {
      knt++;
      for (let k = from; k < to; k++) x[k] *= RSAFMN;
      beta *= RSAFMN;
      alpha *= RSAFMN;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    norm = pythag(alpha, scaledNorm(x, from, to));
    beta = alpha >= 0 ? -norm : norm;
  }
  const tau = (beta - alpha) / beta;
  const inv = 1 / (alpha - beta);
  for (let k = from; k < to; k++) x[k] *= inv;
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  return { beta, tau };
}

// ||x||_2 over x[from..to), as scale * sqrt(sum (x_k / scale)^2), scale = max |x_k|; exactly 0 when x is 0.
export function scaledNorm(x: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let k = from; k < to; k++) scale = Math.max(scale, Math.abs(x[k]));
  if (scale === 0) return 0;
  let ssq = 0;
  for (let k = from; k < to; k++) {
    const q = x[k] / scale;
    ssq += q * q;
  }
  return scale * Math.sqrt(ssq);
}
