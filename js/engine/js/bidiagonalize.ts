// Pure-JS twin of assembly/bidiagonalize.ts: Householder reduction to upper bidiagonal form (LAPACK dgebd2).
// a: m x n row-major (m >= n >= 1), destroyed; diag (n) and offdiag (n, offdiag[n-1] = 0) receive B;
// work: m + n (the column reflector v, then u = v^T A or the row reflector).
import { reflector, scaledNorm } from './householder.js';

/** Float64 values of workspace bidiagonalize needs for an m x n matrix. */
export function bidiagonalizeWorkspace(m: number, n: number): number {
  return m + n;
}

export function bidiagonalize(a: Float64Array, m: number, n: number, diag: Float64Array, offdiag: Float64Array, work: Float64Array): void {
  const v = work.subarray(0, m);
  const u = work.subarray(m, m + n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    // H(i): x = A[i..m)[i] onto beta e_1 (dlarfg), the column gathered into v.
    const alpha = a[row + i];
    for (let k = i + 1; k < m; k++) v[k] = a[k * n + i];
    const xnorm = scaledNorm(v, i + 1, m);
    if (xnorm === 0) {
      diag[i] = alpha;
    } else {
      // dlarfg with its rescaling of a tiny column (householder.ts): 1 / (alpha - beta) cannot overflow.
      const { beta, tau } = reflector(alpha, v, i + 1, m, xnorm);
      v[i] = 1;
      diag[i] = beta;
      // H(i) A: u^T = v^T A, then row r -= tau v_r u^T.
      if (i + 1 < n) {
        u.fill(0, i + 1, n);
        for (let r = i; r < m; r++) {
          const rr = r * n;
          const vr = v[r];
          for (let k = i + 1; k < n; k++) u[k] += vr * a[rr + k];
        }
        for (let r = i; r < m; r++) {
          const rr = r * n;
          const f = -tau * v[r];
          for (let k = i + 1; k < n; k++) a[rr + k] += f * u[k];
        }
      }
    }

    if (i + 1 >= n) {
      offdiag[i] = 0;
      continue;
    }
    // G(i): y = A[i][i+1..n) onto beta e_1, copied into u.
    const alphaRow = a[row + i + 1];
    const ynorm = scaledNorm(a, row + i + 2, row + n);
    if (ynorm === 0) {
      offdiag[i] = alphaRow;
      continue;
    }
    for (let k = i + 2; k < n; k++) u[k] = a[row + k];
    const { beta, tau } = reflector(alphaRow, u, i + 2, n, ynorm);
    u[i + 1] = 1;
    offdiag[i] = beta;
    // A G(i): row r -= tau (row r . u) u^T.
    for (let r = i + 1; r < m; r++) {
      const rr = r * n;
      let s = 0;
      for (let k = i + 1; k < n; k++) s += a[rr + k] * u[k];
      const f = -tau * s;
      for (let k = i + 1; k < n; k++) a[rr + k] += f * u[k];
    }
  }
}
