// Intrinsic dimension of the rows of X: scikit-dimension's TwoNN and MLE with their defaults (docs/measures.md).
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError, show } from '../errors.js';
import type { Engine } from '../engine/engine.js';
import { maxAbs, scalingExponent, timesPowerOfTwo } from '../linalg/power-of-two-scale.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { integerAtLeast, options } from '../options.js';

/** Options of {@link intrinsicDimension}. */
export interface IntrinsicDimensionOptions {
  /** 'twonn' (default; scikit-dimension TwoNN()) or 'mle' (scikit-dimension MLE()). */
  method?: 'twonn' | 'mle';
  /** TwoNN: fraction of the largest ratios r2 / r1 left out of the fit; default 0.1 (skdim's). */
  discardFraction?: number;
  /** MLE: neighbours per row (not counting the row); default 20 (skdim's MLE._N_NEIGHBORS), at most N - 1. */
  nNeighbors?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

// Euclidean distances from every row to its k nearest other rows, ascending: n x k, row-major. The engine's
// exact kNN gives the indices (itself included); the distances are recomputed here in float64.
function neighbourDistances(engine: Engine, x: DenseMatrix, k: number): Float64Array {
  const { rows: n, cols: d, data } = x;
  const idx = engine.nearestNeighbors(x, k + 1);
  const out = new Float64Array(n * k);
  const row = new Float64Array(k + 1);
  for (let i = 0; i < n; i++) {
    let self = -1;
    for (let c = 0; c <= k; c++) {
      const j = idx[i * (k + 1) + c];
      if (j === i) self = c;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[i * d + f] - data[j * d + f];
        s += diff * diff;
      }
      row[c] = Math.sqrt(s);
    }
    // The row itself is one of its neighbours at distance 0, unless duplicates of it came first.
    if (self === -1) self = k;
    const others = Array.from(row).filter((_, c) => c !== self).sort((a, b) => a - b);
    if (others[0] === 0) {
      const c = Array.from(row).findIndex((r, c2) => r === 0 && c2 !== self);
      const j = idx[i * (k + 1) + c];
      throw new DseError('E_DUPLICATE_ROWS', `X has duplicate rows (rows ${Math.min(i, j)} and ${Math.max(i, j)} are equal): the nearest-neighbour distance ratios of intrinsicDimension would be infinite; remove duplicates first`, 'X', [Math.min(i, j), Math.max(i, j)]);
    }
    out.set(others, i * k);
  }
  return out;
}

// Neighbours all at the same distance (rows on a grid, or the vertices of a simplex) make every log-ratio 0:
// the estimators' dimension is then 1 / 0, the limit of ever higher dimensions, not a number to return.
function equidistant(method: string, what: string): DseError {
  return new DseError('E_ARGUMENT', `X has ${what} equal to 1 (equidistant nearest neighbours, as on a grid): the '${method}' estimate of intrinsicDimension is infinite`, 'X', method);
}

// scikit-dimension TwoNN (Facco et al. 2017): mu = r2 / r1 sorted, the int(N (1 - f)) smallest kept,
// F_i = i / N, and -log(1 - F) = d log(mu) fitted through the origin.
function twoNN(engine: Engine, x: DenseMatrix, discardFraction: number): number {
  const n = x.rows;
  const r = neighbourDistances(engine, x, 2);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) mu[i] = r[2 * i + 1] / r[2 * i];
  mu.sort();
  // The largest ratio has F = N / N = 1 and -log(1 - F) = Infinity: no finite point of the line, so it is
  // never fitted (skdim's discard_fraction = 0 fits it and returns Infinity or NaN).
  const kept = Math.min(Math.trunc(n * (1 - discardFraction)), n - 1);
  if (kept < 1) {
    throw new DseError('E_ARGUMENT', `discardFraction ${discardFraction} leaves no row of ${n} for the TwoNN fit`, 'discardFraction', discardFraction);
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < kept; i++) {
    const lx = Math.log(mu[i]);
    const ly = -Math.log(1 - (i + 1) / n);
    sxy += lx * ly;
    sxx += lx * lx;
  }
  if (sxx === 0) throw equidistant('twonn', 'every fitted ratio r2 / r1');
  return sxy / sxx;
}

// scikit-dimension MLE (Levina & Bickel 2005, Haro's defaults: no noise, not unbiased): per row
// m_i = (k - 1) / sum_j log(R_k / R_j) over its k neighbours, combined by the harmonic mean ('mle').
function mle(engine: Engine, x: DenseMatrix, k: number): number {
  const n = x.rows;
  const r = neighbourDistances(engine, x, k);
  let inverseSum = 0;
  for (let i = 0; i < n; i++) {
    const rk = r[i * k + k - 1];
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.log(rk / r[i * k + j]);
    inverseSum += s / (k - 1);
  }
  if (inverseSum === 0) throw equidistant('mle', 'every ratio R_k / R_j');
  return 1 / (inverseSum / n);
}

// Both estimators see only ratios of distances, which scaling X by an exact power of two leaves unchanged:
// rows ~1e154 apart would overflow the squared distances (Infinity / Infinity = NaN), rows ~1e-160 apart
// underflow them to 0 (false duplicates). Entries in [2^-500, 2^500] are left as they are.
function scaledToUnit(x: DenseMatrix): DenseMatrix {
  const e = scalingExponent(maxAbs(x.data));
  return e === 0 ? x : { rows: x.rows, cols: x.cols, data: timesPowerOfTwo(Float64Array.from(x.data), e) };
}

/**
 * Intrinsic dimension of the rows of X, by scikit-dimension's estimators with their defaults:
 *
 * - 'twonn' (default; `skdim.id.TwoNN()`, Facco et al. 2017): r1, r2 = distances to each row's first and
 *   second nearest other row, mu = r2 / r1 sorted ascending, the int(N (1 - discardFraction)) smallest kept
 *   (discardFraction = 0.1), F_i = i / N (divided by N, not by the kept count, as skdim does), and d from the
 *   least-squares fit through the origin of -log(1 - F_i) = d log(mu_i).
 * - 'mle' (`skdim.id.MLE()`, Levina & Bickel 2005 with Haro et al.'s defaults: dnoise None, sigma 0,
 *   unbiased false, comb 'mle'): with nNeighbors = k = 20 (MLE's `_N_NEIGHBORS`; its `K = 5` is unused
 *   here), m_i = (k - 1) / sum_{j=1..k} log(R_k / R_j) per row, and the estimate is the harmonic mean
 *   1 / mean(1 / m_i). k >= N is lowered to N - 1, as skdim does.
 *
 * Distances are exact (the engine's kNN, then float64 Euclidean distances); skdim's TwoNN above 25 features
 * uses scikit-learn's |x|^2 + |y|^2 - 2 x.y distances, which differ in the last digits. Duplicate rows make
 * a distance 0 and the ratios infinite: they are refused with DseError E_DUPLICATE_ROWS.
 *
 * @example
 * await ready();
 * intrinsicDimension(X, { method: 'twonn' }); // ~2 for points spread over a plane in 10 dimensions
 */
export function intrinsicDimension(X: MatrixLike, opts?: IntrinsicDimensionOptions): number {
  const o = options(opts);
  const method = o.method === undefined ? 'twonn' : o.method;
  if (method !== 'twonn' && method !== 'mle') {
    throw new DseError('E_ARGUMENT', `method must be 'twonn' or 'mle', received ${show(method)}`, 'method', method);
  }
  const engine = engineFor(o.backend);
  const x = scaledToUnit(toMatrix(X, 'X', 3));
  if (method === 'twonn') {
    const f = o.discardFraction === undefined ? 0.1 : o.discardFraction;
    if (typeof f !== 'number' || !(f >= 0 && f < 1)) {
      throw new DseError('E_ARGUMENT', `discardFraction must be a number in [0, 1), received ${show(f)}`, 'discardFraction', f);
    }
    return twoNN(engine, x, f);
  }
  const k = Math.min(integerAtLeast(o.nNeighbors, 'nNeighbors', 2, 20), x.rows - 1);
  return mle(engine, x, k);
}
