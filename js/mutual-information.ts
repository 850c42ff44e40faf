// Spectral mutual information, DSMI(X; Y) = H(X) - H(X | Y) (SPEC section 4), for any entropy of a subset
// of the rows of X: diffusion spectral (DSMI), matrix-entry, classic (CSMI) or adjacency spectral (ASMI).
import { adjacencyOptions } from './adjacency.js';
import type { BackendName } from './backend.js';
import { engineFor } from './backend.js';
import { binRows, classicEntropyOfRows } from './classic-entropy.js';
import type { Engine } from './engine.js';
import { descending, entropyOfWeights, spectralEntropy } from './entropy.js';
import { DseError, show } from './errors.js';
import { toMatrix, type DenseMatrix, type MatrixLike, type NumericArray } from './matrix.js';
import { checkSeed, PythonRandom } from './python-random.js';
import { clusterCount, spectralLabels } from './spectral-clustering.js';
import { integerAtLeast, options, positive } from './validate.js';
import { chebyshevEntropy, chebyshevState, type ChebyshevOptions } from './measures/chebyshev.js';

/** Entropy, in bits, of the rows of X listed in `rows`. */
export type EntropyOfRows = (rows: Int32Array) => number;

/** Called after each step of a long computation with the fraction done (0..1) and what was just done. */
export type ProgressCallback = (fraction: number, stage: 'clusters' | 'conditional' | 'marginal') => void;

/**
 * Each entropy inside the reference's DSMI runs with its own defaults max_N = 10000 and random_seed = 0:
 * a subset larger than that is cut to a Python sample after random.seed(0), which also resets the one
 * generator the repetitions draw from. Reproduced here so that large classes match too.
 */
export const SUBSET_MAX_N = 10000;

/** Y as the caller gave it: a matrix, or a flat array of labels or scalars (one column). */
export type ReferenceLike = MatrixLike | NumericArray | ArrayLike<number>;

const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];

function isFlatArray(y: unknown): y is NumericArray | ArrayLike<number> {
  if (ArrayBuffer.isView(y)) return true;
  return Array.isArray(y) && (y.length === 0 || typeof y[0] !== 'object' || y[0] === null);
}

/**
 * Y checked and shaped as a matrix, with whether it "looks discrete": one column of integers, given as an
 * integer typed array or as numbers that are all integers (the reference checks numpy's integer dtype).
 */
export function toReference(y: unknown, rows: number): { y: DenseMatrix; looksDiscrete: boolean } {
  let m: DenseMatrix;
  if (isFlatArray(y)) {
    const flat = y as ArrayLike<number>;
    m = toMatrix({ data: flat, rows: flat.length, cols: 1 }, 'Y', 1);
  } else {
    m = toMatrix(y, 'Y', 1);
  }
  if (m.rows !== rows) {
    throw new DseError('E_SHAPE', `Y has ${m.rows} rows but X has ${rows}: they must describe the same samples`, 'Y.rows', m.rows);
  }
  let looksDiscrete = false;
  if (m.cols === 1) {
    looksDiscrete = INTEGER_ARRAYS.some((T) => m.data instanceof T) || Array.prototype.every.call(m.data, (v: number) => Number.isInteger(v));
  }
  return { y: m, looksDiscrete };
}

/** Labels as an Int32Array: each must be an integer in the int32 range. */
export function toLabels(values: ArrayLike<number>, name: string): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
      throw new DseError('E_ARGUMENT', `${name}[${i}] is ${show(v)}, not an integer label in the int32 range`, name, v);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Clusters of one continuous column (SPEC section 4, step 1): min-max scaled, then binned with nClusters
 * edges as in CSE, so labels 1..nClusters.
 */
export function scalarBins(y: DenseMatrix, nClusters: number): Int32Array {
  return binRows(y, null, nClusters);
}

/**
 * sum_c (n_c / N) (Hbar_c - H_c) over the distinct clusters c in ascending order (SPEC section 4, step 2):
 * H_c is the entropy of the rows in c; Hbar_c the mean entropy of `reps` random subsets of n_c rows drawn by
 * Python's random.sample(range(N), n_c) after random.seed(seed), the generator re-seeded for every cluster.
 * A cluster of one row contributes ~0: the entropy of one point is -(1 + eps) log2(1 + eps) ~ -3e-16, as
 * in the reference.
 */
export function spectralMutualInformation(
  clusters: Int32Array, entropyOfRows: EntropyOfRows, reps: number, seed: number, onProgress?: ProgressCallback,
): { value: number; classes: ClassTerm[] } {
  const n = clusters.length;
  const labels = Array.from(new Set(clusters)).sort((a, b) => a - b);
  const members = new Map<number, number[]>();
  for (const c of labels) members.set(c, []);
  for (let i = 0; i < n; i++) members.get(clusters[i])!.push(i);

  let rng = new PythonRandom(seed);
  const entropy = (rows: Int32Array): number => {
    if (rows.length <= SUBSET_MAX_N) return entropyOfRows(rows);
    rng = new PythonRandom(0);
    const keep = rng.sample(rows.length, SUBSET_MAX_N);
    return entropyOfRows(keep.map((r) => rows[r]));
  };

  const total = labels.length * (1 + reps);
  let done = 0;
  let value = 0;
  const classes: ClassTerm[] = [];
  for (const c of labels) {
    const rows = Int32Array.from(members.get(c)!);
    const nc = rows.length;
    const conditional = entropy(rows);
    if (onProgress) onProgress(++done / total, 'conditional');
    rng = new PythonRandom(seed);
    let sum = 0;
    for (let r = 0; r < reps; r++) {
      sum += entropy(rng.sample(n, nc));
      if (onProgress) onProgress(++done / total, 'marginal');
    }
    const term = (nc / n) * (sum / reps - conditional);
    classes.push({ label: c, size: nc, entropy: conditional, randomEntropy: sum / reps, term });
    value += term;
  }
  return { value, classes };
}

/** Options shared by {@link diffusionSpectralMutualInformation} and {@link adjacencySpectralMutualInformation}. */
export interface MutualInformationOptionsBase {
  /**
   * Whether Y is discrete labels (one column). Inferred when omitted: one column of integers (an integer
   * typed array, or numbers that are all integers) is discrete.
   */
  discrete?: boolean;
  /** Gaussian kernel bandwidth. Default 10. */
  sigma?: number;
  /** Random subsets drawn per cluster to estimate H(X). Default 5. */
  reps?: number;
  /** Seed of Python's random, re-seeded for every cluster. Default 0. */
  seed?: number;
  /** Clusters made of a continuous Y: bins of one column, spectral clusters of several. Default 10. */
  nClusters?: number;
  /** Precomputed clusters of the rows (one integer label per row of X): Y is then not used. */
  clusters?: ArrayLike<number>;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
  /** Progress of the 1 + reps entropies per cluster: fraction done (0..1) and the stage just finished. */
  onProgress?: ProgressCallback;
}

/** Options of {@link diffusionSpectralMutualInformation}. */
export interface MutualInformationOptions extends MutualInformationOptionsBase, ChebyshevOptions {
  /** Diffusion time of the diffusion spectral entropy. Default 1. */
  t?: number;
  /** The entropy: 'diffusion' (DSE, default), 'matrix-entry', or 'classic' (binning; gives CSMI). */
  entropy?: 'diffusion' | 'matrix-entry' | 'classic';
  /** Bins per feature of the classic entropy. Default 2. */
  bins?: number;
  /**
   * Eigenvalues of each diffusion entropy, by call: `eigvals_<k>` for the k-th entropy in the reference's
   * order (k = (1 + reps) c + r for the c-th cluster in ascending label order; r = 0 its own rows, r >= 1 the
   * r-th random subset). A member present is used instead of computing (its length must be the subset's);
   * an absent one is computed and added. The reference's DSMI has no cache; `dse mi --eigenvalues-cache`
   * saves this map as an .npz (README, "The reference options and ours").
   */
  eigenvalueCache?: Map<string, Float64Array>;
}

/** Options of {@link adjacencySpectralMutualInformation}. */
export interface AdjacencyMutualInformationOptions extends MutualInformationOptionsBase {
  /** Use the anisotropic kernel K as the adjacency (ASE = DSE with t = 1). Default false. */
  anisotropic?: boolean;
  /** Use the kNN-binarised adjacency with this many neighbours (the row itself counted). Default off. */
  knn?: number;
}

/** What one cluster contributes to a mutual information (SPEC section 4, step 2). */
export interface ClassTerm {
  /** The cluster's label. */
  label: number;
  /** n_c: rows in the cluster. */
  size: number;
  /** H_c: entropy of the cluster's rows. */
  entropy: number;
  /** Hbar_c: mean entropy of `reps` random subsets of n_c rows of X. */
  randomEntropy: number;
  /** (n_c / N) (Hbar_c - H_c); the terms add up to `value`. */
  term: number;
}

/** A mutual information, the clusters of Y it was computed over, and each cluster's term. */
export interface MutualInformation {
  /** DSE(X) - DSE(X | Y), in bits. */
  value: number;
  /** The cluster of every row: Y's own labels, 1..nClusters bins, or 0..nClusters-1 spectral clusters. */
  clusters: Int32Array;
  /** One term per cluster, in ascending order of label. */
  classes: ClassTerm[];
}

// Step 1 of SPEC section 4: the clusters of Y, from the caller, Y's labels, bins or spectral clustering.
function clustersOf(engine: Engine, n: number, Y: unknown, o: MutualInformationOptionsBase): Int32Array {
  const nClusters = clusterCount(o.nClusters, n);
  if (o.clusters !== undefined) {
    const c = o.clusters;
    if (c === null || typeof c !== 'object' || typeof c.length !== 'number') {
      throw new DseError('E_SHAPE', `clusters must be an array of integer labels, received ${show(c)}`, 'clusters', c);
    }
    if (c.length !== n) {
      throw new DseError('E_SHAPE', `clusters has ${c.length} labels but X has ${n} rows`, 'clusters', c.length);
    }
    return toLabels(c, 'clusters');
  }
  const { y, looksDiscrete } = toReference(Y, n);
  if (o.discrete !== undefined && typeof o.discrete !== 'boolean') {
    throw new DseError('E_ARGUMENT', `discrete must be true, false or undefined, received ${show(o.discrete)}`, 'discrete', o.discrete);
  }
  const discrete = o.discrete ?? looksDiscrete;
  if (discrete) {
    if (y.cols !== 1) {
      throw new DseError('E_SHAPE', `discrete Y must have one column of labels, received ${y.cols} columns`, 'Y.cols', y.cols);
    }
    return toLabels(y.data, 'Y');
  }
  if (y.cols === 1) return scalarBins(y, nClusters);
  if (o.onProgress) o.onProgress(0, 'clusters');
  return spectralLabels(engine, y, nClusters, Math.min(10, y.rows));
}

function callback(value: unknown): ProgressCallback | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') {
    throw new DseError('E_ARGUMENT', `onProgress must be a function, received ${show(value)}`, 'onProgress', value);
  }
  return value as ProgressCallback;
}

function run(X: MatrixLike, Y: unknown, o: MutualInformationOptionsBase, entropyFor: (engine: Engine, x: DenseMatrix) => EntropyOfRows): MutualInformation {
  const reps = integerAtLeast(o.reps, 'reps', 1, 5);
  const seed = o.seed === undefined ? 0 : checkSeed(o.seed);
  const onProgress = callback(o.onProgress);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const entropyOfRows = entropyFor(engine, x);
  const clusters = clustersOf(engine, x.rows, Y, o);
  return { ...spectralMutualInformation(clusters, entropyOfRows, reps, seed, onProgress), clusters };
}

/**
 * Diffusion spectral mutual information between the rows of X and Y, in bits (SPEC section 4; the
 * reference's `diffusion_spectral_mutual_information`):
 * DSMI(X; Y) = sum_c (n_c / N) (Hbar_c - H_c) over the clusters c of Y, with H_c the DSE of the rows in c
 * and Hbar_c the mean DSE of `reps` random subsets of n_c rows (Python's random.sample, re-seeded with
 * `seed` for every cluster, so values match the reference to the last digits).
 * Y is discrete labels, one continuous column (binned into nClusters), or several columns (spectral
 * clustering into nClusters, see {@link spectralClustering}). `entropy: 'classic'` gives CSMI, which can be
 * negative. About 0 when Y is independent of X. A cluster of one row contributes ~0 (one point has entropy
 * -(1 + 2^-52) log2(1 + 2^-52), as in the reference). `approximate: 'chebyshev'` uses the reference's
 * Chebyshev estimate in every entropy, the probes of each drawn in turn from one numpy state seeded by
 * `numpySeed` (docs/chebyshev.md: it can give a negative DSMI).
 *
 * @example
 * await ready();
 * const { value, clusters } = diffusionSpectralMutualInformation(X, labels, { sigma: 10 });
 */
export function diffusionSpectralMutualInformation(X: MatrixLike, Y: ReferenceLike | null, opts?: MutualInformationOptions): MutualInformation {
  const o = options(opts);
  const sigma = positive(o.sigma, 'sigma', 10);
  const t = positive(o.t, 't', 1);
  const bins = integerAtLeast(o.bins, 'bins', 1, 2);
  const kind = o.entropy === undefined ? 'diffusion' : o.entropy;
  if (kind !== 'diffusion' && kind !== 'matrix-entry' && kind !== 'classic') {
    throw new DseError('E_ARGUMENT', `entropy must be 'diffusion', 'matrix-entry' or 'classic', received ${show(kind)}`, 'entropy', kind);
  }
  const chebyshev = chebyshevState(o);
  if (chebyshev !== null && kind !== 'diffusion') {
    throw new DseError('E_ARGUMENT', `approximate: 'chebyshev' estimates eigenvalues and cannot be combined with entropy ${show(kind)}`, 'approximate', o.approximate);
  }
  const cache = o.eigenvalueCache;
  if (cache !== undefined && !(cache instanceof Map)) {
    throw new DseError('E_ARGUMENT', `eigenvalueCache must be a Map of Float64Arrays, received ${show(cache)}`, 'eigenvalueCache', cache);
  }
  if (cache !== undefined && (kind !== 'diffusion' || chebyshev !== null)) {
    throw new DseError('E_ARGUMENT', `eigenvalueCache holds exact eigenvalues of the diffusion entropy: it cannot be used with ${chebyshev !== null ? "approximate: 'chebyshev'" : `entropy ${show(kind)}`}`, 'eigenvalueCache', cache);
  }
  return run(X, Y, o, (engine, x) => {
    if (cache !== undefined) return cachedEntropy(engine, x, sigma, t, cache);
    // One numpy state for the whole call, drawn on by every entropy in the reference's order.
    if (chebyshev !== null) return (rows) => chebyshevEntropy(engine, x, rows, sigma, t, chebyshev);
    if (kind === 'classic') return (rows) => classicEntropyOfRows(x, rows, bins);
    if (kind === 'matrix-entry') return (rows) => engine.diffusionMatrixEntryEntropy(x, rows, sigma);
    return (rows) => spectralEntropy(descending(engine.diffusionEigenvalues(x, rows, sigma)), { t });
  });
}

// The diffusion entropy of each call's rows from `cache` when it holds that call's eigenvalues, else computed
// and added to it.
function cachedEntropy(engine: Engine, x: DenseMatrix, sigma: number, t: number, cache: Map<string, Float64Array>): EntropyOfRows {
  let call = 0;
  return (rows) => {
    const key = `eigvals_${call++}`;
    let values = cache.get(key);
    if (values === undefined) {
      values = descending(engine.diffusionEigenvalues(x, rows, sigma));
      cache.set(key, values);
    } else if (values.length !== rows.length) {
      throw new DseError('E_SHAPE', `eigenvalueCache member ${key} holds ${values.length} eigenvalues but that entropy's subset has ${rows.length} rows: the cache was made for other data`, 'eigenvalueCache', key);
    } else {
      values = descending(Float64Array.from(values));
    }
    return spectralEntropy(values, { t });
  };
}

/**
 * Adjacency spectral mutual information, in bits: {@link diffusionSpectralMutualInformation} with the
 * adjacency spectral entropy (SPEC section 3) as the entropy (the reference's
 * `adjacency_spectral_mutual_information`). With `anisotropic: true` the adjacency is K and ASMI equals DSMI
 * with t = 1; with `knn` it is the kNN-binarised, non-symmetric adjacency.
 *
 * @example
 * await ready();
 * adjacencySpectralMutualInformation(X, labels, { knn: 10 }).value;
 */
export function adjacencySpectralMutualInformation(X: MatrixLike, Y: ReferenceLike | null, opts?: AdjacencyMutualInformationOptions): MutualInformation {
  const o = options(opts);
  return run(X, Y, o, (engine, x) => {
    const adjacency = adjacencyOptions(o, x.rows);
    return (rows) => entropyOfWeights(engine.adjacencyEigenvalueModuli(x, rows, adjacency));
  });
}
