// sqrt(a^2 + b^2) without overflow or harmful underflow (LAPACK dlapy2), shared by the reductions (the
// Householder norms of tridiagonalize and hessenberg) and the QL and QR iterations. Written out, not
// Math.hypot, so that both backends round alike.

@inline
export function pythag(a: f64, b: f64): f64 {
  const x = abs(a);
  const y = abs(b);
  const w = max(x, y);
  const z = min(x, y);
  if (z == 0) return w;
  const q = z / w;
  return w * Math.sqrt(1.0 + q * q);
}
