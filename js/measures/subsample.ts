// The maxN rule every measure applies first, as the reference does: above maxN rows, the rows Python's
// random.seed(seed); random.sample(range(N), maxN) picks, in that order (docs/measures.md).
import type { Engine } from '../engine/engine.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { copyRows, toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { maxNOf, options, seedOf } from '../options.js';
import { pythonSample } from '../random/python-random.js';

/** The rows a measure over n rows uses: null (all of them) up to maxN, else the Python sample. */
export function subsampleRows(n: number, maxN: number, seed: number): Int32Array | null {
  return n > maxN ? pythonSample(seed, n, maxN) : null;
}

/** What a measure over the rows of X starts from: its backend, X checked, the seed, and the rows maxN keeps. */
export interface MeasureRows {
  engine: Engine;
  x: DenseMatrix;
  seed: number;
  rows: Int32Array | null;
}

/** maxN, seed and backend checked (in that order), then X, then the maxN rule applied. */
export function measureRows(X: MatrixLike, o: { maxN?: number; seed?: number; backend?: BackendName }): MeasureRows {
  const maxN = maxNOf(o.maxN);
  const seed = seedOf(o.seed);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  return { engine, x, seed, rows: subsampleRows(x.rows, maxN, seed) };
}

/** `outer` restricted to its first-level selection `inner` (indices into outer), as indices into X. */
export function composeRows(outer: Int32Array | null, inner: Int32Array): Int32Array {
  return outer === null ? inner : inner.map((r) => outer[r]);
}

/** The listed rows of x, in that order, as a new float64 matrix (float32 widens exactly). */
export function selectRows(x: DenseMatrix, rows: Int32Array): DenseMatrix {
  const data = new Float64Array(rows.length * x.cols);
  copyRows(x, rows, data);
  return { data, rows: rows.length, cols: x.cols };
}

/** Options of {@link subsample}. */
export interface SubsampleOptions {
  /** Above this many rows, a Python-compatible random subsample of maxN rows is used. Default 10000. */
  maxN?: number;
  /** Seed of that subsample (Python's random.seed). Default 0. */
  seed?: number;
  /** Unused; accepted so that a measure's options can be passed as they are. */
  backend?: BackendName;
}

/**
 * The rows of X that diffusionSpectralEntropy and adjacencySpectralEntropy use: X itself up to maxN rows,
 * else the maxN rows of Python's random.seed(seed); random.sample(range(N), maxN), in that order (float64).
 *
 * @example
 * subsample(X, { maxN: 1000 }).rows; // min(X's rows, 1000)
 */
export function subsample(X: MatrixLike, opts?: SubsampleOptions): DenseMatrix {
  const { x, rows } = measureRows(X, options(opts));
  return rows === null ? x : selectRows(x, rows);
}
