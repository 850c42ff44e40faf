// The few largest eigenpairs of a large sparse symmetric matrix whose spectrum lies in [-1, 1] (the
// normalised kNN affinity of spectral clustering) by Chebyshev-filtered subspace iteration (Zhou and Saad
// 2007): a block of p > k vectors is multiplied by the degree-16 Chebyshev polynomial that is bounded by 1
// on [-1, cut] and grows fast above it, then Rayleigh-Ritz gives the new block and the new cut (the
// smallest Ritz value kept). The block captures eigenvalues of multiplicity up to p, which a kNN graph with
// several components has (eigenvalue 1 once per component); single-vector Lanczos would find one copy.
// Sparse products are cheap (about 15 n nonzeros), so the filter does most of the work and only p vectors
// are ever orthogonalised. Chosen by measurement over block Lanczos with full reorthogonalisation and
// restarts (bench/NOTES.md). The small projected problem goes to the engine's dense symmetric solver.
import type { Engine } from '../engine/engine.js';
import { PythonRandom } from '../random/python-random.js';
import { dot, orthonormalize, ritzVector } from '../linalg/operator-eigenpairs.js';

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

/** Up to this order the dense solver is the faster (measured, bench/NOTES.md). */
export const DENSE_MAX = 300;

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

const DEGREE = 16;

// Y = T_d((M - c) / e) X, column by column, by the three-term recurrence.
function filter(m: SparseSymmetric, x: Float64Array, cut: number): Float64Array {
  const n = m.n;
  const e = (cut + 1) / 2;
  const c = (cut - 1) / 2;
  let prev = x.slice();
  let cur = new Float64Array(n);
  multiply(m, prev, cur);
  for (let i = 0; i < n; i++) cur[i] = (cur[i] - c * prev[i]) / e;
  const mv = new Float64Array(n);
  for (let deg = 2; deg <= DEGREE; deg++) {
    multiply(m, cur, mv);
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = (2 * (mv[i] - c * cur[i])) / e - prev[i];
    prev = cur;
    cur = next;
  }
  return cur;
}

/**
 * The k largest eigenvalues of m (descending) and their eigenvectors (n x k, row-major: column j belongs to
 * values[j]), with the largest residual ||M x - theta x|| reached (stops at tol). Orders up to DENSE_MAX go
 * to the dense solver instead.
 */
export function largestEigenvectors(
  engine: Engine, m: SparseSymmetric, k: number, tol = 1e-10, maxIterations = 200,
): { values: Float64Array; vectors: Float64Array; residual: number } {
  const { n } = m;
  if (n <= DENSE_MAX) return denseLargest(engine, m, k);
  const p = Math.min(n, 2 * k + 4);
  // A fixed pseudo-random starting block (MT19937, seed 0), uniform in [-1, 1): runs are reproducible.
  const random = new PythonRandom(0);
  const randomVector = () => Float64Array.from({ length: n }, () => random.nextUint32() / 2147483648 - 1);
  let block: Float64Array[] = [];
  for (let j = 0; j < p; j++) block.push(randomVector());
  let cut = 0;
  let best = { values: new Float64Array(k), vectors: new Float64Array(n * k), residual: Infinity };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const q: Float64Array[] = [];
    for (const v of block) {
      let y = filter(m, v, cut);
      // A vector the filter left inside span(q) is replaced by a fresh random one: the block keeps p.
      while (!orthonormalize(y, q)) y = randomVector();
      q.push(y);
    }
    const s = q.length;
    const mq = q.map((v) => {
      const w = new Float64Array(n);
      multiply(m, v, w);
      return w;
    });
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
    const out = { values: new Float64Array(k), vectors: new Float64Array(n * k), residual: 0 };
    block = [];
    for (let c = 0; c < s; c++) {
      const col = order[c];
      // r = M x, then its residual M x - theta x.
      const { x, ax: r } = ritzVector(q, mq, vectors, col);
      if (c < k) {
        const theta = values[col];
        for (let i = 0; i < n; i++) r[i] -= theta * x[i];
        out.residual = Math.max(out.residual, Math.sqrt(dot(r, r)));
        out.values[c] = theta;
        for (let i = 0; i < n; i++) out.vectors[i * k + c] = x[i];
      }
      block.push(x);
    }
    if (out.residual < best.residual) best = out;
    if (out.residual <= tol) return out;
    // Damp everything at or below the smallest Ritz value kept; never below 0, where the filter would grow
    // too fast to stay in float64.
    cut = Math.max(0, values[order[s - 1]]);
  }
  return best;
}
