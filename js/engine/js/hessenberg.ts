// Pure-JS twin of assembly/hessenberg.ts: Householder reduction to upper Hessenberg form (LAPACK dgehd2).
// a: n x n row-major, overwritten by H (entries below the subdiagonal set to 0); work: 2n (v, then u = v^T A).
import { reflector, scaledNorm } from './householder.js';

export function hessenberg(a: Float64Array, n: number, work: Float64Array): void {
  const v = work.subarray(0, n);
  const u = work.subarray(n, 2 * n);
  for (let i = 0; i < n - 2; i++) {
    const alpha = a[(i + 1) * n + i];
    for (let k = i + 2; k < n; k++) v[k] = a[k * n + i];
    const xnorm = scaledNorm(v, i + 2, n);
    if (xnorm === 0) continue;
    const { beta, tau } = reflector(alpha, v, i + 2, n, xnorm);
    v[i + 1] = 1;
    a[(i + 1) * n + i] = beta;
    for (let k = i + 2; k < n; k++) a[k * n + i] = 0;

    // A H(i): row r -= tau (row r . v) v^T.
    for (let r = 0; r < n; r++) {
      const row = r * n;
      let s = 0;
      for (let k = i + 1; k < n; k++) s += a[row + k] * v[k];
      const f = -tau * s;
      for (let k = i + 1; k < n; k++) a[row + k] += f * v[k];
    }
    // H(i) A: u^T = v^T A, then row r -= tau v_r u^T.
    u.fill(0, i + 1, n);
    for (let r = i + 1; r < n; r++) {
      const row = r * n;
      const vr = v[r];
      for (let k = i + 1; k < n; k++) u[k] += vr * a[row + k];
    }
    for (let r = i + 1; r < n; r++) {
      const row = r * n;
      const f = -tau * v[r];
      for (let k = i + 1; k < n; k++) a[row + k] += f * u[k];
    }
  }
}
