// Pure-JS twin of assembly/pythag.ts: sqrt(a^2 + b^2) without overflow (LAPACK dlapy2), as the WASM stages
// compute it, shared by tridiagonalize, hessenberg, tridiagonal-ql and hessenberg-qr.

export function pythag(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const w = Math.max(x, y);
  const z = Math.min(x, y);
  if (z === 0) return w;
  const q = z / w;
  return w * Math.sqrt(1 + q * q);
}
