// The largest eigenpairs of a symmetric positive semi-definite operator with spectrum in [0, 1] known only
// through block products (the diffusion matrix K of the estimate), by Chebyshev-filtered subspace
// iteration (Zhou and Saad 2007), as js/clustering/chebyshev-subspace.ts does for sparse matrices, but with the whole
// block multiplied at once: each pass over K (the cost) serves all p vectors. The filter is the degree-d
// Chebyshev polynomial bounded by 1 on [0, cut] (cut = the smallest Ritz value kept), which grows fast
// above it; Rayleigh-Ritz then gives the new block. The small projected problem goes to the pure-JS dense
// solver (the WASM engine is held by the operator while this runs).
import { jsEngine } from '../engine/js/index.js';

/** What the iteration needs of an operator: y = A x for b <= maxBlock vectors (n x b, row-major). */
export interface BlockOperator {
  readonly n: number;
  readonly maxBlock: number;
  multiply(x: Float64Array, y: Float64Array, b: number): void;
}

/** Multiplies the columns (each n values) by the operator, in blocks of at most maxBlock; counts products. */
export function multiplyColumns(op: BlockOperator, columns: Float64Array[], counter: { matvecs: number }): Float64Array[] {
  const { n } = op;
  const out: Float64Array[] = [];
  for (let start = 0; start < columns.length; start += op.maxBlock) {
    const b = Math.min(op.maxBlock, columns.length - start);
    const x = new Float64Array(n * b);
    const y = new Float64Array(n * b);
    for (let c = 0; c < b; c++) {
      const col = columns[start + c];
      for (let i = 0; i < n; i++) x[i * b + c] = col[i];
    }
    op.multiply(x, y, b);
    counter.matvecs += b;
    for (let c = 0; c < b; c++) {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = y[i * b + c];
      out.push(col);
    }
  }
  return out;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Removes from v its components along the orthonormal basis and normalises it (a second pass only when the
 * first cancelled most of v: "twice is enough"); false when nothing independent is left.
 */
export function orthonormalize(v: Float64Array, basis: Float64Array[]): boolean {
  let before = Math.sqrt(dot(v, v));
  const original = before;
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dot(q, v);
      for (let i = 0; i < v.length; i++) v[i] -= c * q[i];
    }
    const after = Math.sqrt(dot(v, v));
    if (after >= 0.7 * before) break;
    before = after;
  }
  const norm = Math.sqrt(dot(v, v));
  if (!(norm > 1e-10 * original) || norm === 0) return false;
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return true;
}

/** Ritz pairs of the largest eigenvalues: values descending, orthonormal vectors, A x_j, residual norms. */
export interface RitzPairs {
  values: Float64Array;
  vectors: Float64Array[];
  products: Float64Array[];
  residuals: Float64Array;
}

/**
 * The Ritz vector x = Q y of eigenvector `col` (y its column in `vectors`, s x s row-major, s = q.length) and
 * ax = (A Q) y, summed over the block in order.
 */
export function ritzVector(q: Float64Array[], aq: Float64Array[], vectors: Float64Array, col: number): { x: Float64Array; ax: Float64Array } {
  const s = q.length;
  const n = q[0].length;
  const x = new Float64Array(n);
  const ax = new Float64Array(n);
  for (let l = 0; l < s; l++) {
    const y = vectors[l * s + col];
    const ql = q[l];
    const al = aq[l];
    for (let i = 0; i < n; i++) {
      x[i] += y * ql[i];
      ax[i] += y * al[i];
    }
  }
  return { x, ax };
}

// Rayleigh-Ritz on the orthonormal block q with aq = A q: Ritz pairs sorted descending.
function rayleighRitz(q: Float64Array[], aq: Float64Array[]): RitzPairs {
  const s = q.length;
  const n = q[0].length;
  const h = new Float64Array(s * s);
  for (let i = 0; i < s; i++) {
    for (let j = 0; j <= i; j++) {
      const v = (dot(q[i], aq[j]) + dot(q[j], aq[i])) / 2;
      h[i * s + j] = v;
      h[j * s + i] = v;
    }
  }
  const { values, vectors } = jsEngine.symmetricEigenvectors(h, s);
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a]);
  const out: RitzPairs = { values: new Float64Array(s), vectors: [], products: [], residuals: new Float64Array(s) };
  for (let c = 0; c < s; c++) {
    const col = order[c];
    const { x, ax } = ritzVector(q, aq, vectors, col);
    const theta = values[col];
    let r = 0;
    for (let i = 0; i < n; i++) r += (ax[i] - theta * x[i]) ** 2;
    out.values[c] = theta;
    out.vectors.push(x);
    out.products.push(ax);
    out.residuals[c] = Math.sqrt(r);
  }
  return out;
}

/**
 * The k largest eigenpairs of op (spectrum in [lowest, 1], lowest 0 by default), from a block of p > k vectors whose first columns are
 * `start` (known eigenvectors, kept exactly) and the rest uniform random from `random`. Stops when the k
 * leading residuals are <= tol, or after maxIterations; returns the p Ritz pairs of the last block.
 */
export function largestOperatorEigenpairs(
  op: BlockOperator, k: number, p: number, start: Float64Array[], random: () => number,
  counter: { matvecs: number }, tol = 1e-8, maxIterations = 30, degree = 8, lowest = 0,
): RitzPairs {
  const { n } = op;
  const randomVector = () => Float64Array.from({ length: n }, () => 2 * random() - 1);
  let block: Float64Array[] = start.map((v) => v.slice());
  while (block.length < p) block.push(randomVector());
  let pairs: RitzPairs | null = null;
  let cut = -1;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let filtered = block;
    if (cut >= 0) filtered = chebyshevFilter(op, block, lowest, cut, degree, counter);
    const q: Float64Array[] = [];
    for (let j = 0; j < filtered.length; j++) {
      let y = filtered[j];
      // Exact eigenvectors given in `start` keep their place; a vector the filter left inside span(q) is
      // replaced by a fresh random one, so the block keeps p.
      if (iteration > 0 && j < start.length) y = start[j].slice();
      let tries = 0;
      while (!orthonormalize(y, q) && tries++ < 5) y = randomVector();
      q.push(y);
    }
    pairs = rayleighRitz(q, multiplyColumns(op, q, counter));
    let worst = 0;
    for (let j = 0; j < k; j++) worst = Math.max(worst, pairs.residuals[j]);
    if (worst <= tol) return pairs;
    // Damp [0, cut]; not below 1e-4 of the top (eigenvalues that small are never deflated), where the
    // filter's growth above the cut would leave float64.
    cut = Math.max(1e-4, pairs.values[q.length - 1]);
    block = pairs.vectors;
  }
  return pairs as RitzPairs;
}

// T_d((A - c) / e) applied to the block, c +- e = [lowest, cut] mapped to [-1, 1], by the three-term recurrence.
// lowest: a lower bound of the spectrum (0 for K >= 0; -1 for a signed K, whose eigenvalues near -1 would
// otherwise grow like the wanted ones).
function chebyshevFilter(op: BlockOperator, block: Float64Array[], lowest: number, cut: number, degree: number, counter: { matvecs: number }): Float64Array[] {
  const e = (cut - lowest) / 2;
  const c = (cut + lowest) / 2;
  let prev = block;
  let cur = multiplyColumns(op, prev, counter).map((av, j) => av.map((v, i) => (v - c * prev[j][i]) / e));
  for (let d = 2; d <= degree; d++) {
    const av = multiplyColumns(op, cur, counter);
    const next = av.map((col, j) => {
      const out = new Float64Array(col.length);
      const cj = cur[j];
      const pj = prev[j];
      for (let i = 0; i < col.length; i++) out[i] = (2 * (col[i] - c * cj[i])) / e - pj[i];
      return out;
    });
    prev = cur;
    cur = next;
  }
  return cur;
}
