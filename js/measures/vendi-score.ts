// The Vendi score of the rows of X or of a similarity matrix, as vendi-score computes it (docs/measures.md).
import { scaledNorm } from '../engine/js/householder.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { maxAbs } from '../linalg/power-of-two-scale.js';
import { badArgument, DseError, show } from '../errors.js';
import { toMatrix, toSquareMatrix, type MatrixLike } from '../matrix.js';
import { flag, options } from '../options.js';
import { renyiLog2 } from './renyi-entropy.js';

/** The order q of a Vendi score: a number >= 0, or 'inf' (Infinity also accepted). */
export type VendiOrder = number | 'inf';

/** Options of {@link vendiScore}. */
export interface VendiScoreOptions {
  /** Order of the Renyi entropy; default 1 (Shannon). vendi-score's score_X ignores its q; this honours it. */
  q?: VendiOrder;
  /** Scale every row to unit L2 norm first (cosine similarity); default true, as score_X. */
  normalize?: boolean;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/** Options of {@link vendiScoreFromKernel}. */
export interface VendiKernelOptions {
  /** Order of the Renyi entropy; default 1 (Shannon). */
  q?: VendiOrder;
  /** Replace K by K_ij / sqrt(K_ii K_jj) first; default false, as score_K. */
  normalize?: boolean;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

function order(q: unknown): VendiOrder {
  if (q === undefined) return 1;
  if (q === 'inf' || q === Infinity) return 'inf';
  if (typeof q !== 'number' || !Number.isFinite(q) || q < 0) throw badArgument('q', "a number >= 0 or 'inf'", q);
  return q;
}

// exp(entropy_q(w)), refused naming the argument where vendi-score's value is not a number: no w > 0 (a zero
// kernel, where its 0 log 0 terms, log 0 or 1 / 0 give 1, 0 or Infinity by the order), or a score beyond the
// float64 range (a K far from unit diagonal: w = 5e-324 gives 1 / w for q = 2).
function score(w: Float64Array, q: VendiOrder, argument: string): number {
  if (!w.some((v) => v > 0)) {
    throw new DseError('E_ARGUMENT', `${argument} has no positive eigenvalue (a zero kernel): its Vendi score is undefined`, argument, 0);
  }
  const vs = Math.exp(entropyQ(w, q));
  if (!Number.isFinite(vs)) {
    throw new DseError('E_ARGUMENT', `the Vendi score of ${argument} is ${show(vs)}, beyond the float64 range (its kernel should have unit diagonal)`, argument, vs);
  }
  return vs;
}

// vendi-score's entropy_q(w, q): the order-q entropy (natural log) of the eigenvalues w of K / n, w <= 0
// dropped (q = 'inf' takes the largest w among all of them).
function entropyQ(w: Float64Array, q: VendiOrder): number {
  if (q === 'inf') {
    let top = -Infinity;
    for (const v of w) top = Math.max(top, v);
    return -Math.log(top);
  }
  if (q === 1) {
    let s = 0;
    for (const v of w) if (v > 0) s -= v * Math.log(v);
    return s;
  }
  // log sum w^q, normalised before powering so that a large q cannot overflow (renyi-entropy.ts).
  return renyiLog2(w, q) * Math.LN2;
}

/**
 * Vendi score of the rows of X (Friedman & Dieng 2023, vendi-score's `score_X`): the exponential of the
 * order-q entropy of the eigenvalues of K / N, K = Xn Xn^T with Xn the rows of X scaled to unit length
 * (normalize: false keeps X as it is):
 *
 *   VS_q = exp( log(sum_i w_i^q) / (1 - q) ), w = eig(K / N), w <= 0 dropped;
 *   q = 1: exp(-sum w log w); q = 'inf': 1 / max w.
 *
 * An "effective number of distinct rows", between 1 (all rows parallel) and N (orthogonal). When D < N the
 * eigenvalues come from the dual D x D matrix Xn^T Xn / N (the same nonzero eigenvalues, O(N D^2)); for
 * q < 1 this leaves out the N - D round-off eigenvalues (~1e-17) an N x N eigensolver finds and score_K keeps,
 * so such scores differ from score_K on the N x N matrix by ~1e-8 relative.
 * Difference: vendi-score's score_X always uses q = 1 whatever q it is given; this honours q (q = 1 is equal).
 *
 * @example
 * await ready();
 * vendiScore([[1, 0], [0, 1], [1, 0]]); // 1.8899 (two distinct directions, one twice)
 */
export function vendiScore(X: MatrixLike, opts?: VendiScoreOptions): number {
  const o = options(opts);
  const q = order(o.q);
  const normalize = flag(o.normalize, 'normalize', true);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X', 1);
  const { rows: n, cols: d } = x;
  const xn = Float64Array.from(x.data);
  if (normalize) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += xn[i * d + j] ** 2;
      // scikit-learn's normalize leaves a zero row at zero. A sum of squares that overflowed or sank into the
      // subnormals: the norm as hypot computes it, max |x_k| sqrt(sum (x_k / max)^2).
      const norm = s === 0 ? 1 : s === Infinity || s < 2 ** -1022 ? scaledNorm(xn, i * d, i * d + d) : Math.sqrt(s);
      for (let j = 0; j < d; j++) xn[i * d + j] /= norm;
    }
  }
  const size = Math.min(n, d);
  const gram = new Float64Array(size * size);
  if (d < n) {
    // Lower triangle of Xn^T Xn, accumulated row by row of Xn.
    for (let r = 0; r < n; r++) {
      const row = r * d;
      for (let i = 0; i < d; i++) {
        const v = xn[row + i];
        for (let j = 0; j <= i; j++) gram[i * d + j] += v * xn[row + j];
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += xn[i * d + k] * xn[j * d + k];
        gram[i * n + j] = s;
      }
    }
  }
  for (let k = 0; k < gram.length; k++) gram[k] /= n;
  // normalize: false keeps X's scale, and rows of norm ~1e154 overflow their products.
  if (!gram.every(Number.isFinite)) {
    throw new DseError('E_ARGUMENT', 'X has rows whose products overflow float64 (normalize: false): scale X down or normalize', 'X', maxAbs(x.data));
  }
  return score(engine.symmetricEigenvalues({ data: gram, rows: size, cols: size }), q, 'X');
}

/**
 * Vendi score of a similarity matrix K (vendi-score's `score_K`): exp of the order-q entropy of the
 * eigenvalues of K / n, non-positive eigenvalues dropped (see {@link vendiScore}). K should be symmetric
 * positive semidefinite with unit diagonal; like scipy's eigvalsh only its lower triangle is read.
 * normalize: true first replaces K by K_ij / sqrt(K_ii K_jj), as score_K(normalize=True).
 * For q < 1 the N - rank(K) zero eigenvalues matter: their round-off (~1e-17) is kept as score_K keeps it.
 *
 * @example
 * await ready();
 * vendiScoreFromKernel([[1, 0], [0, 1]]); // 2
 * vendiScoreFromKernel([[1, 1], [1, 1]], { q: 2 }); // 1
 */
export function vendiScoreFromKernel(K: MatrixLike, opts?: VendiKernelOptions): number {
  const o = options(opts);
  const q = order(o.q);
  const normalize = flag(o.normalize, 'normalize', false);
  const engine = engineFor(o.backend);
  const k = toSquareMatrix(K, 'K');
  const n = k.rows;
  const a = Float64Array.from(k.data);
  if (normalize) {
    const root = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // K_ii = 0 (the zero kernel) would make K_ij / sqrt(K_ii K_jj) = 0 / 0: NaN for the eigensolver.
      const kii = a[i * n + i];
      if (!(kii > 0)) throw badArgument('K', `a matrix with a positive diagonal for normalize: true (K[${i}][${i}] is not)`, kii);
      root[i] = Math.sqrt(kii);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] /= root[i] * root[j];
  }
  for (let i = 0; i < a.length; i++) a[i] /= n;
  return score(engine.symmetricEigenvalues({ data: a, rows: n, cols: n }), q, 'K');
}
