// Eigenvalues only of a symmetric tridiagonal matrix: the Pal-Walker-Kahan root-free implicit QL/QR of
// LAPACK dsterf. It iterates on the squared off-diagonals e_i^2, so a plane rotation costs no square root
// (tridiagonal-ql.ts's QL takes one per rotation, and is kept where the rotations are wanted: eigenvectors).
//
// Layout (tridiagonalQL's with z = 0): diag (n float64) holds the diagonal and is overwritten by the
// eigenvalues, unsorted. offdiag (n float64): offdiag[i] = T[i][i+1] (offdiag[n-1] unused). Destroyed.
// Returns 0 on success, or 1 + the index of an eigenvalue that had not converged when the sweeps ran out
// (dsterf's 30 n sweeps in all), or whose block holds a NaN or an infinity.

import { EPS } from './float';
import { pythag } from './pythag';

const MAX_SWEEPS_PER_ORDER: i32 = 30;
// dsterf's constants: its dlamch('E') is the unit roundoff 2^-53 (EPS / 2). An unreduced block whose largest
// entry lies outside [SCALE_MIN, SCALE_MAX] is scaled into it, so the squares e_i^2 and the products
// d_i d_{i+1} of the tests neither overflow nor underflow.
const UNIT: f64 = EPS * 0.5;
const UNIT2: f64 = UNIT * UNIT;
// sqrt(1 / 2^-1022) / 3 and sqrt(2^-1022) / UNIT^2 = 2^-511 2^106.
const SCALE_MAX: f64 = 2.2346346549904327e+153; // 2^511 / 3
const SCALE_MIN: f64 = 1.210184973390412e-122; // 2^-405

@inline
function at(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

@inline
function put(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

// Wilkinson's shift from the 2 x 2 [[d, e], [e, next]] at the end where a sweep starts (d = diag[l]), given
// e^2: the eigenvalue of that block nearer d (dsterf's shift, both directions).
@inline
function wilkinsonShift(d: f64, e2: f64, next: f64): f64 {
  const rte = Math.sqrt(e2);
  const sigma = (next - d) / (2.0 * rte);
  const r0 = pythag(sigma, 1.0);
  return d - rte / (sigma + (sigma >= 0 ? r0 : -r0));
}

// The eigenvalues of [[a, b], [b, c]] (LAPACK dlae2): rt1 of larger modulus into diag[i], rt2 into diag[j].
// rt2 from det / rt1 rather than by subtraction, which would cancel.
function eigenvalues2(diag: usize, i: i32, j: i32, a: f64, b: f64, c: f64): void {
  const sm = a + c;
  const adf = abs(a - c);
  const ab = abs(b + b);
  const big = abs(a) > abs(c) ? a : c;
  const small = abs(a) > abs(c) ? c : a;
  let rt: f64;
  if (adf > ab) rt = adf * Math.sqrt(1.0 + (ab / adf) * (ab / adf));
  else if (adf < ab) rt = ab * Math.sqrt(1.0 + (adf / ab) * (adf / ab));
  else rt = ab * Math.SQRT2;
  let rt1: f64;
  let rt2: f64;
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
  put(diag, i, rt1);
  put(diag, j, rt2);
}

// Multiplies diag[l..lend] and offdiag[l..lend-1] by `factor` (dlascl's single step, enough in dsterf's range).
function scaleBlock(diag: usize, offdiag: usize, l: i32, lend: i32, factor: f64): void {
  for (let i = l; i <= lend; i++) put(diag, i, at(diag, i) * factor);
  for (let i = l; i < lend; i++) put(offdiag, i, at(offdiag, i) * factor);
}

/**
 * The eigenvalues of the symmetric tridiagonal T (diag, offdiag) into diag, by dsterf's root-free QL/QR.
 * Each unreduced block (split where e_m^2 <= u^2 |d_m d_{m+1}|, u = 2^-53) is scaled into the safe range,
 * its off-diagonals squared, and iterated with Wilkinson's shift from the end of larger |d| (QL from the top
 * when |d_l| <= |d_lend|, else QR from the bottom). Returns 0, or 1 + the index of an unconverged eigenvalue.
 * @example tridiagonalEigenvalues(diag, offdiag, n) // diag = [2, 2], offdiag = [1, 0] -> diag = {3, 1}
 */
export function tridiagonalEigenvalues(diag: usize, offdiag: usize, n: i32): i32 {
  if (n <= 1) return 0;
  const maxSweeps = MAX_SWEEPS_PER_ORDER * n;
  let sweeps = 0;
  let l1 = 0;
  while (l1 < n) {
    if (l1 > 0) put(offdiag, l1 - 1, 0);
    // The next unreduced block [l1, m].
    let m = l1;
    for (; m < n - 1; m++) {
      if (abs(at(offdiag, m)) <= Math.sqrt(abs(at(diag, m))) * Math.sqrt(abs(at(diag, m + 1))) * UNIT) {
        put(offdiag, m, 0);
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend == l) continue;

    // dlanst('M'): the largest |entry| of the block, NaN if any is.
    let norm = 0.0;
    for (let i = l; i <= lend; i++) {
      const v = abs(at(diag, i));
      if (v > norm || v != v) norm = v;
    }
    for (let i = l; i < lend; i++) {
      const v = abs(at(offdiag, i));
      if (v > norm || v != v) norm = v;
    }
    if (norm == 0) continue;
    // NaN or infinity: no sweep can converge, and 30 n of them would take long.
    if (norm - norm != 0) return l + 1;
    let scale = 0.0;
    if (norm > SCALE_MAX) scale = SCALE_MAX;
    else if (norm < SCALE_MIN) scale = SCALE_MIN;
    if (scale != 0) scaleBlock(diag, offdiag, l, lend, scale / norm);
    for (let i = l; i < lend; i++) {
      const v = at(offdiag, i);
      put(offdiag, i, v * v);
    }

    if (abs(at(diag, lend)) < abs(at(diag, l))) {
      lend = lsv;
      l = lendsv;
    }
    if (lend >= l) {
      // QL: eigenvalues found at the top, l moving down.
      while (l <= lend) {
        m = l;
        for (; m < lend; m++) if (abs(at(offdiag, m)) <= UNIT2 * abs(at(diag, m) * at(diag, m + 1))) break;
        if (m < lend) put(offdiag, m, 0);
        if (m == l) {
          l++;
          continue;
        }
        if (m == l + 1) {
          eigenvalues2(diag, l, l + 1, at(diag, l), Math.sqrt(at(offdiag, l)), at(diag, l + 1));
          put(offdiag, l, 0);
          l += 2;
          continue;
        }
        if (sweeps == maxSweeps) return l + 1;
        sweeps++;
        const sigma = wilkinsonShift(at(diag, l), at(offdiag, l), at(diag, l + 1));
        let c = 1.0;
        let s = 0.0;
        let gamma = at(diag, m) - sigma;
        let p = gamma * gamma;
        for (let i = m - 1; i >= l; i--) {
          const bb = at(offdiag, i);
          const r = p + bb;
          if (i != m - 1) put(offdiag, i + 1, s * r);
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = at(diag, i);
          gamma = c * (alpha - sigma) - s * oldgam;
          put(diag, i + 1, oldgam + (alpha - gamma));
          p = c != 0 ? (gamma * gamma) / c : oldc * bb;
        }
        put(offdiag, l, s * p);
        put(diag, l, sigma + gamma);
      }
    } else {
      // QR: eigenvalues found at the bottom, l moving up.
      while (l >= lend) {
        m = l;
        for (; m > lend; m--) if (abs(at(offdiag, m - 1)) <= UNIT2 * abs(at(diag, m) * at(diag, m - 1))) break;
        if (m > lend) put(offdiag, m - 1, 0);
        if (m == l) {
          l--;
          continue;
        }
        if (m == l - 1) {
          eigenvalues2(diag, l, l - 1, at(diag, l), Math.sqrt(at(offdiag, l - 1)), at(diag, l - 1));
          put(offdiag, l - 1, 0);
          l -= 2;
          continue;
        }
        if (sweeps == maxSweeps) return l + 1;
        sweeps++;
        const sigma = wilkinsonShift(at(diag, l), at(offdiag, l - 1), at(diag, l - 1));
        let c = 1.0;
        let s = 0.0;
        let gamma = at(diag, m) - sigma;
        let p = gamma * gamma;
        for (let i = m; i < l; i++) {
          const bb = at(offdiag, i);
          const r = p + bb;
          if (i != m) put(offdiag, i - 1, s * r);
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = at(diag, i + 1);
          gamma = c * (alpha - sigma) - s * oldgam;
          put(diag, i, oldgam + (alpha - gamma));
          p = c != 0 ? (gamma * gamma) / c : oldc * bb;
        }
        put(offdiag, l - 1, s * p);
        put(diag, l, sigma + gamma);
      }
    }
    if (scale != 0) {
      const back = norm / scale;
      for (let i = lsv; i <= lendsv; i++) put(diag, i, at(diag, i) * back);
    }
  }
  return 0;
}
