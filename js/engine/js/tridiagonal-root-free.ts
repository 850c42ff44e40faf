// Pure-JS twin of assembly/tridiagonal-root-free.ts: the eigenvalues only of a symmetric tridiagonal matrix
// by LAPACK dsterf's root-free (Pal-Walker-Kahan) implicit QL/QR, on the squared off-diagonals.
// diag (n) is overwritten by the eigenvalues, unsorted; offdiag (offdiag[i] = T[i][i+1]) is destroyed.
// Returns 0, or 1 + the index of an eigenvalue that did not converge in 30 n sweeps (or whose block holds
// a NaN or an infinity).

import { EPS } from '../../float.js';
import { pythag } from './pythag.js';

const MAX_SWEEPS_PER_ORDER = 30;
// dsterf's unit roundoff dlamch('E') = 2^-53 and its scaling range [2^-405, 2^511 / 3] (the WASM twin's).
const UNIT = EPS * 0.5;
const UNIT2 = UNIT * UNIT;
const SCALE_MAX = 2.2346346549904327e153;
const SCALE_MIN = 1.210184973390412e-122;

/** Wilkinson's shift from [[d, e], [e, next]] given e^2: its eigenvalue nearer d (dsterf's, both directions). */
function wilkinsonShift(d: number, e2: number, next: number): number {
  const rte = Math.sqrt(e2);
  const sigma = (next - d) / (2 * rte);
  const r0 = pythag(sigma, 1);
  return d - rte / (sigma + (sigma >= 0 ? r0 : -r0));
}

/** The eigenvalues of [[a, b], [b, c]] (LAPACK dlae2): rt1 of larger modulus into diag[i], rt2 into diag[j]. */
function eigenvalues2(diag: Float64Array, i: number, j: number, a: number, b: number, c: number): void {
  const sm = a + c;
  const adf = Math.abs(a - c);
  const ab = Math.abs(b + b);
  const big = Math.abs(a) > Math.abs(c) ? a : c;
  const small = Math.abs(a) > Math.abs(c) ? c : a;
  let rt: number;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) * (ab / adf));
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) * (adf / ab));
  else rt = ab * Math.SQRT2;
  let rt1: number;
  let rt2: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    rt2 = (big / rt1) * small - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    rt2 = (big / rt1) * small - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
  }
  diag[i] = rt1;
  diag[j] = rt2;
}

/**
 * The eigenvalues of the symmetric tridiagonal T (diag, offdiag) into diag, by dsterf's root-free QL/QR,
 * with the WASM twin's operations in its order (the same bits).
 * @example tridiagonalEigenvalues(Float64Array.of(2, 2), Float64Array.of(1, 0), 2) // diag -> [3, 1]
 */
export function tridiagonalEigenvalues(diag: Float64Array, offdiag: Float64Array, n: number): number {
  if (n <= 1) return 0;
  const maxSweeps = MAX_SWEEPS_PER_ORDER * n;
  let sweeps = 0;
  let l1 = 0;
  while (l1 < n) {
    if (l1 > 0) offdiag[l1 - 1] = 0;
    let m = l1;
    for (; m < n - 1; m++) {
      if (Math.abs(offdiag[m]) <= Math.sqrt(Math.abs(diag[m])) * Math.sqrt(Math.abs(diag[m + 1])) * UNIT) {
        offdiag[m] = 0;
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;

    let norm = 0;
    for (let i = l; i <= lend; i++) {
      const v = Math.abs(diag[i]);
      if (v > norm || v !== v) norm = v;
    }
    for (let i = l; i < lend; i++) {
      const v = Math.abs(offdiag[i]);
      if (v > norm || v !== v) norm = v;
    }
    if (norm === 0) continue;
    if (norm - norm !== 0) return l + 1;
    let scale = 0;
    if (norm > SCALE_MAX) scale = SCALE_MAX;
    else if (norm < SCALE_MIN) scale = SCALE_MIN;
    if (scale !== 0) {
      const factor = scale / norm;
      for (let i = l; i <= lend; i++) diag[i] *= factor;
      for (let i = l; i < lend; i++) offdiag[i] *= factor;
    }
    for (let i = l; i < lend; i++) offdiag[i] *= offdiag[i];

    if (Math.abs(diag[lend]) < Math.abs(diag[l])) {
      lend = lsv;
      l = lendsv;
    }
    if (lend >= l) {
      while (l <= lend) {
        m = l;
        for (; m < lend; m++) if (Math.abs(offdiag[m]) <= UNIT2 * Math.abs(diag[m] * diag[m + 1])) break;
        if (m < lend) offdiag[m] = 0;
        if (m === l) {
          l++;
          continue;
        }
        if (m === l + 1) {
          eigenvalues2(diag, l, l + 1, diag[l], Math.sqrt(offdiag[l]), diag[l + 1]);
          offdiag[l] = 0;
          l += 2;
          continue;
        }
        if (sweeps === maxSweeps) return l + 1;
        sweeps++;
        const sigma = wilkinsonShift(diag[l], offdiag[l], diag[l + 1]);
        let c = 1;
        let s = 0;
        let gamma = diag[m] - sigma;
        let p = gamma * gamma;
        for (let i = m - 1; i >= l; i--) {
          const bb = offdiag[i];
          const r = p + bb;
          if (i !== m - 1) offdiag[i + 1] = s * r;
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = diag[i];
          gamma = c * (alpha - sigma) - s * oldgam;
          diag[i + 1] = oldgam + (alpha - gamma);
          p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
        }
        offdiag[l] = s * p;
        diag[l] = sigma + gamma;
      }
    } else {
      while (l >= lend) {
        m = l;
        for (; m > lend; m--) if (Math.abs(offdiag[m - 1]) <= UNIT2 * Math.abs(diag[m] * diag[m - 1])) break;
        if (m > lend) offdiag[m - 1] = 0;
        if (m === l) {
          l--;
          continue;
        }
        if (m === l - 1) {
          eigenvalues2(diag, l, l - 1, diag[l], Math.sqrt(offdiag[l - 1]), diag[l - 1]);
          offdiag[l - 1] = 0;
          l -= 2;
          continue;
        }
        if (sweeps === maxSweeps) return l + 1;
        sweeps++;
        const sigma = wilkinsonShift(diag[l], offdiag[l - 1], diag[l - 1]);
        let c = 1;
        let s = 0;
        let gamma = diag[m] - sigma;
        let p = gamma * gamma;
        for (let i = m; i < l; i++) {
          const bb = offdiag[i];
          const r = p + bb;
          if (i !== m) offdiag[i - 1] = s * r;
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = diag[i + 1];
          gamma = c * (alpha - sigma) - s * oldgam;
          diag[i] = oldgam + (alpha - gamma);
          p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
        }
        offdiag[l - 1] = s * p;
        diag[l] = sigma + gamma;
      }
    }
    if (scale !== 0) {
      const back = norm / scale;
      for (let i = lsv; i <= lendsv; i++) diag[i] *= back;
    }
  }
  return 0;
}
