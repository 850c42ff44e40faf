// Spectral mutual information, DSMI(X; Y) = H(X) - H(X | Y), for any entropy of a subset of the rows of X:
// diffusion spectral (DSMI), matrix-entry, classic (CSMI) or adjacency spectral (ASMI) (docs/measures.md).
import type { Engine } from '../engine/engine.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { binsOf, DEFAULTS, kernelSpecOf, oneOf, options, repsOf, seedOf, tOf, type KernelOption } from '../options.js';
import { PythonRandom } from '../random/python-random.js';
import { adjacencyOptions } from './adjacency-entropy.js';
import { kernelOf } from './bandwidth.js';
import { classicEntropyOfRows } from './classic-entropy.js';
import type { EntropyVariant } from './diffusion-entropy.js';
import { referenceClusters, type ReferenceClusterOptions, type ReferenceLike } from './reference-clusters.js';
import { descending, entropyOfWeights, spectralEntropy } from './spectral-entropy.js';
import { chebyshevEntropy, chebyshevState, type ChebyshevOptions } from './chebyshev.js';
import { badArgument, DseError, show } from '../errors.js';
import type { Kernel } from '../kernel.js';

export type { ReferenceLike } from './reference-clusters.js';

/** Entropy, in bits, of the rows of X listed in `rows`. */
export type EntropyOfRows = (rows: Int32Array) => number;

/**
 * Entropies of many subsets of the rows of X, handed to `each` in the subsets' order (computed together, as
 * on threads, where the entropy allows).
 */
export type EntropiesOfRows = (subsets: Int32Array[], each: (i: number, entropy: number) => void) => void;

/** Called after each step of a long computation with the fraction done (0..1) and what was just done. */
export type ProgressCallback = (fraction: number, stage: 'clusters' | 'conditional' | 'marginal') => void;


/**
 * sum_c (n_c / N) (Hbar_c - H_c) over the distinct clusters c in ascending order (docs/measures.md, DSMI step 2):
 * H_c is the entropy of the rows in c; Hbar_c the mean entropy of `reps` random subsets of n_c rows drawn by
 * Python's random.sample(range(N), n_c) after random.seed(seed), the generator re-seeded for every cluster.
 * A cluster of one row contributes ~0: the entropy of one point is -(1 + eps) log2(1 + eps) ~ -3e-16, as
 * in the reference.
 */
export function spectralMutualInformation(
  clusters: Int32Array, entropyOfRows: EntropyOfRows, reps: number, seed: number, onProgress?: ProgressCallback,
  entropiesOfRows?: EntropiesOfRows,
): { value: number; classes: ClassTerm[] } {
  const n = clusters.length;
  const labels = Array.from(new Set(clusters)).sort((a, b) => a - b);
  const members = new Map<number, number[]>();
  for (const c of labels) members.set(c, []);
  for (let i = 0; i < n; i++) members.get(clusters[i])!.push(i);

  // Each entropy inside the reference's DSMI runs with its own defaults max_N = 10000 and random_seed = 0: a
  // subset larger than that is cut to a Python sample after random.seed(0), which also resets the one generator
  // the repetitions draw from. Reproduced here so that large classes match too. The subsets depend on no
  // entropy, so all are drawn first, in the reference's order (1 + reps per cluster, as eigenvalueCache counts).
  let rng = new PythonRandom(seed);
  const cut = (rows: Int32Array): Int32Array => {
    if (rows.length <= DEFAULTS.maxN) return rows;
    rng = new PythonRandom(DEFAULTS.seed);
    const keep = rng.sample(rows.length, DEFAULTS.maxN);
    return keep.map((r) => rows[r]);
  };
  const subsets: Int32Array[] = [];
  for (const c of labels) {
    subsets.push(cut(Int32Array.from(members.get(c)!)));
    rng = new PythonRandom(seed);
    for (let r = 0; r < reps; r++) subsets.push(cut(rng.sample(n, members.get(c)!.length)));
  }

  const entropies = new Float64Array(subsets.length);
  const got = (i: number, h: number): void => {
    entropies[i] = h;
    if (onProgress) onProgress((i + 1) / subsets.length, i % (1 + reps) === 0 ? 'conditional' : 'marginal');
  };
  if (entropiesOfRows) entropiesOfRows(subsets, got);
  else subsets.forEach((rows, i) => got(i, entropyOfRows(rows)));

  let value = 0;
  const classes: ClassTerm[] = [];
  labels.forEach((c, k) => {
    const nc = members.get(c)!.length;
    const conditional = entropies[k * (1 + reps)];
    let sum = 0;
    for (let r = 0; r < reps; r++) sum += entropies[k * (1 + reps) + 1 + r];
    const term = (nc / n) * (sum / reps - conditional);
    classes.push({ label: c, size: nc, entropy: conditional, randomEntropy: sum / reps, term });
    value += term;
  });
  return { value, classes };
}

/** Options shared by {@link diffusionSpectralMutualInformation} and {@link adjacencySpectralMutualInformation}. */
export interface MutualInformationOptionsBase extends ReferenceClusterOptions {
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance between rows of X). Default 10. */
  sigma?: number | 'auto';
  /**
   * The kernel, instead of `sigma`: `{ type: 'gaussian', sigma = 10 | 'auto', alpha = 0 }` or
   * `{ type: 'adaptive', k = 15, alpha = 1 }` (manylatents' kernels, docs/measures.md). Not with `sigma`.
   */
  kernel?: KernelOption;
  /** Random subsets drawn per cluster to estimate H(X). Default 5. */
  reps?: number;
  /** Seed of Python's random, re-seeded for every cluster. Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
  /** Progress of the 1 + reps entropies per cluster: fraction done (0..1) and the stage just finished. */
  onProgress?: ProgressCallback;
}

/** Options of {@link diffusionSpectralMutualInformation}. */
export interface MutualInformationOptions extends MutualInformationOptionsBase, ChebyshevOptions {
  /** Diffusion time of the diffusion spectral entropy. Default 1. */
  t?: number;
  /**
   * The entropy, named as DSE's `variant`: 'eigen' (DSE, default), 'matrix-entry', or 'classic' (binning;
   * gives CSMI).
   */
  variant?: EntropyVariant;
  /**
   * The former name of `variant`, still accepted: 'diffusion' (= 'eigen'), 'matrix-entry' or 'classic'.
   * Ignored when `variant` is given.
   */
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
  /** Use the kNN-binarised adjacency with this many neighbours (the row itself counted; true: 10). Default off. */
  knn?: number | boolean;
}

/** What one cluster contributes to a mutual information (docs/measures.md, DSMI step 2). */
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

function callback(value: unknown): ProgressCallback | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw badArgument('onProgress', 'a function', value);
  return value as ProgressCallback;
}

/**
 * The entropy of a subset of rows, and optionally a check of what that entropy needs of the subsets it will
 * be given, run on the clusters before anything is computed.
 */
export interface SubsetEntropy {
  entropyOfRows: EntropyOfRows;
  /** The same over many subsets at once (threads), when the entropy has it. */
  entropiesOfRows?: EntropiesOfRows;
  checkClusters?: (clusters: Int32Array) => void;
}

/**
 * The smallest subset an entropy will be given: every subset (a cluster, or a random draw of its size) has
 * n_c rows, cut to DEFAULTS.maxN above that. Returns that size and the cluster it comes from.
 */
export function smallestSubset(clusters: Int32Array): { label: number; size: number; used: number } {
  const sizes = new Map<number, number>();
  for (let i = 0; i < clusters.length; i++) sizes.set(clusters[i], (sizes.get(clusters[i]) ?? 0) + 1);
  let best = { label: 0, size: Infinity, used: Infinity };
  for (const [label, size] of [...sizes].sort((a, b) => a[0] - b[0])) {
    if (size < best.size) best = { label, size, used: Math.min(size, DEFAULTS.maxN) };
  }
  return best;
}

function run(X: MatrixLike, Y: unknown, o: MutualInformationOptionsBase, entropyFor: (engine: Engine, x: DenseMatrix, seed: number) => SubsetEntropy): MutualInformation {
  const reps = repsOf(o.reps);
  const seed = seedOf(o.seed);
  const onProgress = callback(o.onProgress);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  const { entropyOfRows, entropiesOfRows, checkClusters } = entropyFor(engine, x, seed);
  const clusters = referenceClusters(engine, x.rows, Y, o, onProgress && (() => onProgress(0, 'clusters')));
  if (checkClusters) checkClusters(clusters);
  return { ...spectralMutualInformation(clusters, entropyOfRows, reps, seed, onProgress, entropiesOfRows), clusters };
}

/** DSMI's `variant`, or its former name `entropy` mapped onto it. */
function variantOf(o: Partial<MutualInformationOptions>): EntropyVariant {
  if (o.variant !== undefined) return oneOf(o.variant, 'variant', ['eigen', 'matrix-entry', 'classic'], DEFAULTS.variant);
  const entropy = oneOf(o.entropy, 'entropy', ['diffusion', 'matrix-entry', 'classic'], 'diffusion');
  return entropy === 'diffusion' ? 'eigen' : entropy;
}

/**
 * Diffusion spectral mutual information between the rows of X and Y, in bits (docs/measures.md; the
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
  const spec = kernelSpecOf(o);
  const t = tOf(o.t);
  const bins = binsOf(o.bins);
  const variant = variantOf(o);
  const chebyshev = chebyshevState(o);
  if (chebyshev !== null && variant !== 'eigen') {
    throw new DseError('E_ARGUMENT', `approximate: 'chebyshev' estimates eigenvalues and cannot be combined with variant ${show(variant)}`, 'approximate', o.approximate);
  }
  const cache = o.eigenvalueCache;
  if (cache !== undefined && !(cache instanceof Map)) throw badArgument('eigenvalueCache', 'a Map of Float64Arrays', cache);
  if (cache !== undefined && (variant !== 'eigen' || chebyshev !== null)) {
    throw new DseError('E_ARGUMENT', `eigenvalueCache holds exact eigenvalues of the diffusion entropy: it cannot be used with ${chebyshev !== null ? "approximate: 'chebyshev'" : `variant ${show(variant)}`}`, 'eigenvalueCache', cache);
  }
  return run(X, Y, o, (engine, x, seed) => {
    if (variant === 'classic') return { entropyOfRows: (rows) => classicEntropyOfRows(x, rows, bins) };
    const kernel = kernelOf(spec, x, null, seed);
    if (cache !== undefined) return { entropyOfRows: cachedEntropy(engine, x, kernel, t, cache) };
    // One numpy state for the whole call, drawn on by every entropy in the reference's order.
    if (chebyshev !== null) return { entropyOfRows: (rows) => chebyshevEntropy(engine, x, rows, kernel, t, chebyshev) };
    if (variant === 'matrix-entry') return { entropyOfRows: (rows) => engine.diffusionMatrixEntryEntropy(x, rows, kernel) };
    const entropyOf = (values: Float64Array): number => spectralEntropy(descending(values), { t });
    return {
      entropyOfRows: (rows) => entropyOf(engine.diffusionEigenvalues(x, rows, kernel)),
      entropiesOfRows: (subsets, each) => engine.subsetEigenvalues(x, subsets, kernel, true, (i, values) => each(i, entropyOf(values))),
    };
  });
}

// The diffusion entropy of each call's rows from `cache` when it holds that call's eigenvalues, else computed
// and added to it.
function cachedEntropy(engine: Engine, x: DenseMatrix, kernel: Kernel, t: number, cache: Map<string, Float64Array>): EntropyOfRows {
  let call = 0;
  return (rows) => {
    const key = `eigvals_${call++}`;
    let values = cache.get(key);
    if (values === undefined) {
      values = descending(engine.diffusionEigenvalues(x, rows, kernel));
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
 * adjacency spectral entropy as the entropy (the reference's
 * `adjacency_spectral_mutual_information`). With `anisotropic: true` the adjacency is K and ASMI equals DSMI
 * with t = 1; with `knn` it is the kNN-binarised, non-symmetric adjacency.
 *
 * @example
 * await ready();
 * adjacencySpectralMutualInformation(X, labels, { knn: 10 }).value;
 */
export function adjacencySpectralMutualInformation(X: MatrixLike, Y: ReferenceLike | null, opts?: AdjacencyMutualInformationOptions): MutualInformation {
  const o = options(opts);
  return run(X, Y, o, (engine, x, seed) => {
    const adjacency = adjacencyOptions(o, x, null, seed);
    const { knn } = adjacency;
    return {
      entropyOfRows: (rows) => entropyOfWeights(engine.adjacencyEigenvalueModuli(x, rows, adjacency)),
      // The kernel adjacencies (G or K) run on threads like DSMI's; the kNN one, often not symmetric, does not.
      entropiesOfRows: knn !== null ? undefined : (subsets, each) => engine.subsetEigenvalues(x, subsets, adjacency.kernel, adjacency.anisotropic, (i, values) => each(i, entropyOfWeights(values.map(Math.abs)))),
      // The kNN adjacency of a subset needs knn <= its rows: checked on the smallest subset up front, not
      // found inside the computation after the larger clusters are done.
      checkClusters: knn === null ? undefined : (clusters) => {
        const { label, size, used } = smallestSubset(clusters);
        if (knn > used) {
          const rows = used < size ? `${size} rows, cut to ${used}` : `${size} rows`;
          throw new DseError('E_ARGUMENT', `knn must be at most the rows of the smallest cluster, whose entropies it enters: cluster ${label} has ${rows}, received knn ${knn}`, 'knn', knn);
        }
      },
    };
  });
}
