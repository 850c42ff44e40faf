// Pure-JS twin of assembly/band-reduce.ts: stage 1 of LAPACK's two-stage reduction (dsytrd_sy2sb), a real
// symmetric matrix to a band of half-width b by B = Q^T A Q, in panels of b. Panel i is our rows i..i+b-1
// over columns s..n-1 (s = i + b; LAPACK's "L" panel columns), its QR an LQ of those rows (dgeqr2), T from
// dlarft; then, with the trailing matrix A22 (rows and columns from s),
//   X = A22 V T,  W = X - 1/2 V (T^T (V^T X)),  A22 -= V W^T + W V^T.
// a: n x n row-major (upper triangle read and overwritten); on exit a[r][r..min(r + b, n - 1)] is B's band,
// right of it the reflectors' vectors. work: reduceToBandWorkspace(n, b) (V, W, Y: b rows of n; T, M, Z:
// b x b). The same steps and loop order as the WASM kernel, in plain sums (no SIMD lanes): its results
// differ from the WASM engine's only by rounding.
import { reflector, scaledNorm } from './householder.js';

/** Float64 values of workspace reduceToBand needs for order n and half-width b: 3 b n + 3 b^2. */
export function reduceToBandWorkspace(n: number, b: number): number {
  return 3 * b * n + 3 * b * b;
}

function dot(x: Float64Array, xo: number, y: Float64Array, yo: number, from: number, to: number): number {
  let s = 0;
  for (let k = from; k < to; k++) s += x[xo + k] * y[yo + k];
  return s;
}

/**
 * The reduction to a band of half-width b >= 1 (LAPACK dsytrd_sy2sb, stage 1 of dsytrd_2stage): B = Q^T A Q,
 * B's upper band in a[r][r..min(r + b, n - 1)] on exit; the entries right of it are not B's.
 * @example
 * const n = 4, b = 2;
 * const a = Float64Array.of(4, 1, 2, 3, 0, 5, 1, 2, 0, 0, 6, 1, 0, 0, 0, 7); // upper triangle
 * reduceToBand(a, n, b, new Float64Array(reduceToBandWorkspace(n, b))); // now a[0][3] is not B's: B[0][3] = 0
 */
export function reduceToBand(a: Float64Array, n: number, b: number, work: Float64Array): void {
  const bn = b * n;
  const V = 0, W = bn, Y = 2 * bn, T = 3 * bn, M = T + b * b, Z = M + b * b;
  for (let i = 0; i + b + 1 < n; i += b) {
    const s = i + b;
    // The panel's QR and T (dgeqr2, dlarft).
    work.fill(0, 0, 2 * bn);
    work.fill(0, T, T + b * b);
    const count = Math.min(b, n - s - 1);
    for (let c = 0; c < count; c++) {
      const row = (i + c) * n;
      const col = s + c;
      const vc = V + c * n;
      work[vc + col] = 1;
      const x = a.subarray(row, row + n);
      const xnorm = scaledNorm(x, col + 1, n);
      if (xnorm === 0) continue;
      const { beta, tau } = reflector(x[col], x, col + 1, n, xnorm);
      x[col] = beta;
      for (let k = col + 1; k < n; k++) work[vc + k] = x[k];
      for (let r = i + c + 1; r < s; r++) {
        const h = tau * dot(a, r * n, work, vc, col, n);
        for (let k = col; k < n; k++) a[r * n + k] -= h * work[vc + k];
      }
      for (let d = 0; d < c; d++) work[M + d] = dot(work, V + d * n, work, vc, col, n);
      for (let d = 0; d < c; d++) {
        let sum = 0;
        for (let e = d; e < c; e++) sum += work[T + d * b + e] * work[M + e];
        work[T + d * b + c] = -tau * sum;
      }
      work[T + c * b + c] = tau;
    }
    // Y = A22 V, A22 upper-stored: a[j][k] adds into rows j and k; rows by row, the diagonal once.
    for (let c = 0; c < b; c++) work.fill(0, Y + c * n + s, Y + c * n + n);
    for (let j = s; j < n; j++) {
      const rowJ = j * n;
      for (let c = 0; c < b; c++) {
        const vc = V + c * n;
        const yc = Y + c * n;
        const vj = work[vc + j];
        let sum = a[rowJ + j] * vj;
        for (let k = j + 1; k < n; k++) {
          const x = a[rowJ + k];
          sum += x * work[vc + k];
          work[yc + k] += x * vj;
        }
        work[yc + j] += sum;
      }
    }
    // X = Y T into W; M = V^T X; Z = T^T M; W = X - 1/2 V Z.
    for (let e = 0; e < b; e++) {
      const we = W + e * n;
      for (let d = 0; d <= e; d++) {
        const tde = work[T + d * b + e];
        if (tde === 0) continue;
        for (let k = s; k < n; k++) work[we + k] += tde * work[Y + d * n + k];
      }
    }
    for (let d = 0; d < b; d++) {
      for (let e = 0; e < b; e++) work[M + d * b + e] = dot(work, V + d * n, work, W + e * n, s, n);
    }
    for (let c = 0; c < b; c++) {
      for (let e = 0; e < b; e++) {
        let sum = 0;
        for (let d = 0; d <= c; d++) sum += work[T + d * b + c] * work[M + d * b + e];
        work[Z + c * b + e] = sum;
      }
    }
    for (let e = 0; e < b; e++) {
      const we = W + e * n;
      for (let c = 0; c < b; c++) {
        const h = 0.5 * work[Z + c * b + e];
        if (h === 0) continue;
        for (let k = s; k < n; k++) work[we + k] -= h * work[V + c * n + k];
      }
    }
    // A22 -= V W^T + W V^T, upper triangle.
    for (let j = s; j < n; j++) {
      const rowJ = j * n;
      for (let k = j; k < n; k++) {
        let sum = 0;
        for (let c = 0; c < b; c++) sum += work[V + c * n + j] * work[W + c * n + k] + work[W + c * n + j] * work[V + c * n + k];
        a[rowJ + k] -= sum;
      }
    }
  }
}
