// The reference's Chebyshev approximation of a spectrum (dse-dsmi information_utils.py approx_eigvals, after
// Lin, Saad & Yang's kernel polynomial method), step for step and in its summation orders (docs/chebyshev.md).
// It estimates the density of states of K from stochastic traces and turns the density into a list of
// eigenvalues; it is not an eigenvalue solver, and its authors do not recommend it (docs/chebyshev.md).
import type { NumpyRandomState } from '../random/numpy-random.js';
import { pairwiseSum, roundHalfEven } from './numpy-arithmetic.js';

/** Entries of K with |K_ij| below this are dropped before the moments (approx_eigvals' filter_thr). */
export const FILTER_THRESHOLD = 1e-3;
/** Chebyshev moments c_0 .. c_49 (estimate_dos' N = 50). */
export const MOMENTS = 50;
/** Rademacher probe vectors (moments_cheb_dos' nZ = 100). */
export const PROBES = 100;
/** Points of the cumulative density on (-1, 1) (plot_chebint's npts = 1001). */
export const POINTS = 1001;

/** A compressed sparse row matrix: row i's entries are values[start[i] .. start[i + 1]), columns ascending. */
interface Csr {
  start: Int32Array;
  columns: Int32Array;
  values: Float64Array;
}

// scipy's csr_matrix of K with the small entries zeroed: the stored entries of each row, in column order.
function thresholdedCsr(k: Float64Array, n: number): Csr {
  let count = 0;
  for (let e = 0; e < n * n; e++) if (Math.abs(k[e]) >= FILTER_THRESHOLD) count++;
  const start = new Int32Array(n + 1);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    for (let j = 0; j < n; j++) {
      const v = k[i * n + j];
      if (Math.abs(v) >= FILTER_THRESHOLD) {
        columns[at] = j;
        values[at++] = v;
      }
    }
  }
  start[n] = at;
  return { start, columns, values };
}

// out = A x for an n x p block x (row-major), as scipy's csr_matvecs: each out row starts at 0 and adds
// a_ij x_j in the row's column order.
function multiply(a: Csr, x: Float64Array, p: number, out: Float64Array): void {
  out.fill(0);
  const n = a.start.length - 1;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let e = a.start[i]; e < a.start[i + 1]; e++) {
      const v = a.values[e];
      const from = a.columns[e] * p;
      for (let q = 0; q < p; q++) out[row + q] += v * x[from + q];
    }
  }
}

// c[k * p + q] = z_q^T w_q summed over the rows in order, as both `np.sum(V * TV, 0)` and the builtin
// `sum(V * TV, 0)` do for a C-ordered n x p array (row after row).
function probeDots(z: Float64Array, w: Float64Array, n: number, p: number, c: Float64Array, k: number): void {
  const at = k * p;
  for (let q = 0; q < p; q++) c[at + q] = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let q = 0; q < p; q++) c[at + q] += z[row + q] * w[row + q];
  }
}

/**
 * Chebyshev moments c_k = mean over the probes z of z^T T_k(A) z, k = 0 .. MOMENTS - 1 (moments_cheb_dos):
 * z the columns of sign(randn(n, PROBES)) drawn from `rng`, T_k(A) z by the three-term recurrence
 * T_0 z = z, T_1 z = A z, T_k z = 2 A T_{k-1} z - T_{k-2} z.
 */
export function chebyshevMoments(a: Csr, n: number, rng: NumpyRandomState): Float64Array {
  const p = PROBES;
  const z = rng.randn(n, p).map(Math.sign);
  const perProbe = new Float64Array(MOMENTS * p);
  let previous = z;
  let current = new Float64Array(n * p);
  let next = new Float64Array(n * p);
  multiply(a, z, p, current);
  probeDots(z, previous, n, p, perProbe, 0);
  probeDots(z, current, n, p, perProbe, 1);
  for (let k = 2; k < MOMENTS; k++) {
    multiply(a, current, p, next);
    for (let e = 0; e < n * p; e++) next[e] = 2 * next[e] - previous[e];
    // The block z itself is only ever T_0 z: a fresh buffer replaces it once the recurrence moves past it.
    previous = previous === z ? new Float64Array(n * p) : previous;
    [previous, current, next] = [current, next, previous];
    probeDots(z, current, n, p, perProbe, k);
  }
  const c = new Float64Array(MOMENTS);
  for (let k = 0; k < MOMENTS; k++) c[k] = pairwiseSum(perProbe, k * p, p) / p;
  return c;
}

/** numpy's linspace(-1 + 1e-8, 1 - 1e-8, POINTS): start + i step, the last point set to the stop exactly. */
export function densityPoints(): Float64Array {
  const startX = -1 + 1e-8;
  const stopX = 1 - 1e-8;
  const step = (stopX - startX) / (POINTS - 1);
  const xx = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) xx[i] = i * step + startX;
  xx[POINTS - 1] = stopX;
  return xx;
}

/**
 * The reference's Chebyshev estimate of the spectrum of the symmetric n x n matrix K (row-major, all
 * entries; eigenvalues assumed in [-1, 1]), docs/chebyshev.md: entries with |K_ij| < 1e-3 dropped; moments c_k
 * from 100 Rademacher probes drawn from `rng` (numpy's global state in the reference); the cumulative
 * density yy(x) = -2/pi (c_0 (acos x - pi) / 2 + sum_{k>=1} c_k sin(k acos x) / k) on 1001 points x_i;
 * pdf_i = yy_{i+1} - yy_i; each x_i repeated round(n pdf_i / sum pdf) times (halves to even). The result
 * need not have n values.
 *
 * @example
 * const values = chebyshevEigenvalues(K, n, new NumpyRandomState(0)); // as np.random.seed(0); approx_eigvals(K)
 */
export function chebyshevEigenvalues(k: Float64Array, n: number, rng: NumpyRandomState): Float64Array {
  const c = chebyshevMoments(thresholdedCsr(k, n), n, rng);
  const xx = densityPoints();
  const yy = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) {
    const theta = Math.acos(xx[i]);
    let y = (c[0] * (theta - Math.PI)) / 2;
    for (let m = 1; m < MOMENTS; m++) y += (c[m] * Math.sin(m * theta)) / m;
    yy[i] = y * (-2 / Math.PI);
  }
  const pdf = new Float64Array(POINTS);
  for (let i = 0; i < POINTS - 1; i++) pdf[i] = yy[i + 1] - yy[i];
  const total = pairwiseSum(pdf);
  const values: number[] = [];
  for (let i = 0; i < POINTS; i++) {
    const count = roundHalfEven((n * pdf[i]) / total);
    for (let r = 0; r < count; r++) values.push(xx[i]);
  }
  return Float64Array.from(values);
}
