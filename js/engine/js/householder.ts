// Pure-JS twin of assembly/householder.ts: the norm step of LAPACK's Householder reflector (dlarfg).

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
