// The few largest eigenpairs of a large sparse symmetric matrix by block Lanczos with full
// reorthogonalisation and restarts (Rayleigh-Ritz on a block Krylov subspace span{V, MV, M^2 V, ...}).
// A block of b >= k starting vectors captures eigenvalues of multiplicity up to b, which a kNN graph
// with several connected components has (eigenvalue 1, once per component); single-vector Lanczos would
// find only one copy. The small projected problem goes to the engine's dense symmetric solver.
import type { Engine } from './engine.js';
import { PythonRandom } from './python-random.js';

/** A symmetric n x n matrix in compressed sparse rows. */
export interface SparseSymmetric {
  n: number;
  rowStart: Int32Array;
  column: Int32Array;
  value: Float64Array;
}

function multiply(m: SparseSymmetric, x: Float64Array, out: Float64Array): void {
  const { n, rowStart, column, value } = m;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) s += value[p] * x[column[p]];
    out[i] = s;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

// Removes from v its components along the basis and normalises it, with a second pass only when the first
// cancelled most of v (Kahan's criterion, norm < 0.7 of before: "twice is enough"); returns false when
// nothing independent is left.
function orthonormalize(v: Float64Array, basis: Float64Array[]): boolean {
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
  if (!(norm > 1e-10 * original)) return false;
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return true;
}

/** Up to this order the dense solver is faster than the Krylov iteration (measured: N = 240, 0.2 s vs 0.7 s). */
export const DENSE_MAX = 400;

// The k largest eigenpairs from the dense solver: exact, O(n^3).
function denseLargest(engine: Engine, m: SparseSymmetric, k: number): { values: Float64Array; vectors: Float64Array; residual: number } {
  const { n, rowStart, column, value } = m;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) a[i * n + column[p]] = value[p];
  }
  const all = engine.symmetricEigenvectors(a, n);
  const order = Array.from(all.values.keys()).sort((x, y) => all.values[y] - all.values[x]);
  const values = new Float64Array(k);
  const vectors = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    values[c] = all.values[order[c]];
    for (let i = 0; i < n; i++) vectors[i * k + c] = all.vectors[i * n + order[c]];
  }
  return { values, vectors, residual: 0 };
}

/** Stopping rule and sizes of {@link largestEigenvectors}. */
export interface BlockLanczosOptions {
  /** Stop when every wanted Ritz pair has ||M x - theta x|| <= tol (x of unit norm). */
  tol?: number;
  /** Most restarts. */
  maxRestarts?: number;
}

/**
 * The k largest eigenvalues of m (descending) and their eigenvectors (n x k, row-major: column j belongs to
 * values[j]), with the largest residual ||M x - theta x|| reached. Orders up to DENSE_MAX go to the dense
 * solver instead.
 */
export function largestEigenvectors(
  engine: Engine, m: SparseSymmetric, k: number, opts: BlockLanczosOptions = {},
): { values: Float64Array; vectors: Float64Array; residual: number } {
  const { n } = m;
  if (n <= DENSE_MAX) return denseLargest(engine, m, k);
  const tol = opts.tol ?? 1e-10;
  const maxRestarts = opts.maxRestarts ?? 30;
  const b = Math.min(n, k + 4);
  // Measured on 4 Gaussian blobs, k = 10, N = 2000: 14 b basis vectors and 2 b kept across a restart
  // converge to 1e-10 in 5 restarts (b and 10 b: 9 restarts).
  const subspace = Math.min(n, Math.max(14 * b, 100));
  // A fixed pseudo-random starting block (MT19937, seed 0), uniform in [-1, 1): runs are reproducible.
  const random = new PythonRandom(0);
  const next = () => random.nextUint32() / 2147483648 - 1;
  let start: Float64Array[] = [];
  for (let j = 0; j < b; j++) start.push(Float64Array.from({ length: n }, next));

  let best = { values: new Float64Array(k), vectors: new Float64Array(n * k), residual: Infinity };
  for (let restart = 0; restart <= maxRestarts; restart++) {
    // Orthonormal basis Q of span{V, MV, M^2 V, ...} and MQ beside it.
    const q: Float64Array[] = [];
    const mq: Float64Array[] = [];
    let block: Float64Array[] = [];
    for (const v of start) {
      if (orthonormalize(v, q)) {
        q.push(v);
        block.push(v);
      }
    }
    while (block.length > 0 && q.length < subspace) {
      const grown: Float64Array[] = [];
      for (const v of block) {
        const w = new Float64Array(n);
        multiply(m, v, w);
        mq.push(w);
        grown.push(w.slice());
      }
      block = [];
      for (const w of grown) {
        if (q.length >= subspace) break;
        if (orthonormalize(w, q)) {
          q.push(w);
          block.push(w);
        }
      }
    }
    while (mq.length < q.length) {
      const w = new Float64Array(n);
      multiply(m, q[mq.length], w);
      mq.push(w);
    }
    // Rayleigh-Ritz: H = Q^T M Q.
    const s = q.length;
    const h = new Float64Array(s * s);
    for (let i = 0; i < s; i++) {
      for (let j = 0; j <= i; j++) {
        const v = dot(q[i], mq[j]);
        h[i * s + j] = v;
        h[j * s + i] = v;
      }
    }
    const { values, vectors } = engine.symmetricEigenvectors(h, s);
    const order = Array.from(values.keys()).sort((x, y) => values[y] - values[x]);
    const keep = Math.min(2 * b, s);
    const ritz: Float64Array[] = [];
    let residual = 0;
    const out = { values: new Float64Array(k), vectors: new Float64Array(n * k), residual: 0 };
    for (let c = 0; c < keep; c++) {
      const col = order[c];
      const x = new Float64Array(n);
      const r = new Float64Array(n);
      for (let l = 0; l < s; l++) {
        const y = vectors[l * s + col];
        if (y === 0) continue;
        const ql = q[l];
        const ml = mq[l];
        for (let i = 0; i < n; i++) {
          x[i] += y * ql[i];
          r[i] += y * ml[i];
        }
      }
      if (c < k) {
        const theta = values[col];
        for (let i = 0; i < n; i++) r[i] -= theta * x[i];
        residual = Math.max(residual, Math.sqrt(dot(r, r)));
        out.values[c] = theta;
        for (let i = 0; i < n; i++) out.vectors[i * k + c] = x[i];
      }
      ritz.push(x);
    }
    out.residual = residual;
    if (residual < best.residual) best = out;
    if (residual <= tol || s === n) return out;
    start = ritz;
  }
  return best;
}
