// Classic Shannon entropy by binning (CSE), and the binning DSMI applies to one continuous column of Y: the
// reference's min-max scaling + numpy.digitize (docs/measures.md).
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { binsOf, options } from '../options.js';
import { entropyOfWeights } from './spectral-entropy.js';

/**
 * Bin of a value scaled to [0, 1] among b bins: the number of edges e_k = k * (1/b), k = 0..b-1, that are
 * <= v (numpy.digitize with numpy.linspace(0, 1, b + 1)[:-1]), so 1..b; NaN (a constant column, 0 / 0)
 * sorts after every edge and falls in bin b, as in numpy.
 */
export function binOf(v: number, b: number): number {
  if (Number.isNaN(v)) return b;
  const step = 1 / b;
  let c = Math.min(b, Math.max(0, Math.floor(v * b) + 1));
  while (c > 0 && (c - 1) * step > v) c--;
  while (c < b && c * step <= v) c++;
  return c;
}

/**
 * Bin indices (1..b) of every selected row and column, each column min-max scaled over the selected rows.
 * Float32 data is scaled in float32 arithmetic as numpy does on a float32 array; other data in float64.
 */
export function binRows(x: DenseMatrix, rows: Int32Array | null, b: number): Int32Array {
  const { data, cols } = x;
  const n = rows === null ? x.rows : rows.length;
  const f32 = data instanceof Float32Array;
  const round = f32 ? Math.fround : (v: number) => v;
  const out = new Int32Array(n * cols);
  for (let j = 0; j < cols; j++) {
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < n; r++) {
      const v = data[(rows === null ? r : rows[r]) * cols + j];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const range = round(max - min);
    for (let r = 0; r < n; r++) {
      const v = data[(rows === null ? r : rows[r]) * cols + j];
      out[r * cols + j] = binOf(round(round(v - min) / range), b);
    }
  }
  return out;
}

/** CSE of the selected rows: entropy of the frequencies of their distinct rows of bin indices. */
export function classicEntropyOfRows(x: DenseMatrix, rows: Int32Array | null, b: number): number {
  const cols = x.cols;
  const binned = binRows(x, rows, b);
  const n = binned.length / cols;
  const counts = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const key = binned.subarray(r * cols, (r + 1) * cols).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return entropyOfWeights(Float64Array.from(counts.values()));
}

/** Options of {@link classicShannonEntropy}. */
export interface ClassicEntropyOptions {
  /** Bins per feature; the reference's `num_bins_per_dim`. Default 2. */
  bins?: number;
}

/**
 * Classic Shannon entropy by binning, in bits (docs/measures.md; the reference's
 * `diffusion_spectral_entropy(X, classic_shannon_entropy=True, num_bins_per_dim=bins)`): every column is
 * scaled to [0, 1] by its min and max and cut into `bins` bins with edges k / bins; with c_r the count of
 * each distinct row r of bin indices, p_r = c_r / N + 2^-52 and CSE = -sum_r p_r log2 p_r.
 * A constant column puts every row in its last bin (numpy's 0 / 0 = NaN sorts after every edge).
 *
 * @example
 * classicShannonEntropy([[0, 0], [0, 1], [1, 0], [1, 1]], { bins: 2 }); // 2 (four distinct cells)
 */
export function classicShannonEntropy(X: MatrixLike, opts?: ClassicEntropyOptions): number {
  const o = options(opts);
  const bins = binsOf(o.bins);
  return classicEntropyOfRows(toMatrix(X, 'X'), null, bins);
}
