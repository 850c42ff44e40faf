// The norm step of LAPACK's Householder reflector (dlarfg), shared by tridiagonalize and hessenberg.

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
