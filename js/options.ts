// The defaults of every option, once, and the validators every public function, the CLI and the edge
// example share. A validator returns the checked value (or the default) or throws a DseError naming the
// option and quoting what it received.
import { badArgument, DseError, show } from './errors.js';

/**
 * The default of every option, as the reference (dse-dsmi 1.1) chooses it.
 *
 * @example
 * DEFAULTS.sigma; // 10
 */
export const DEFAULTS = Object.freeze({
  /** Gaussian kernel bandwidth. */
  sigma: 10,
  /** The kernel of a call that names none (`sigma` alone is this kernel at that bandwidth). */
  kernel: 'gaussian' as const,
  /** Density normalisation power of the Gaussian kernel: 0, the reference's K. */
  alpha: 0,
  /** Neighbours of the adaptive kernel (manylatents' k). */
  adaptiveK: 15,
  /** Density normalisation power of the adaptive kernel (manylatents' alpha). */
  adaptiveAlpha: 1,
  /** Diffusion time of the eigenvalue count (manylatents' t_high). */
  countT: 100,
  /** Noise floor of the eigenvalue count: |lambda|^t above it count (manylatents' numerical_floor). */
  floor: 1e-6,
  /** Diffusion time: eigenvalues enter as |lambda|^t. */
  t: 1,
  /** Largest diffusion time of the von Neumann entropy curves (PHATE's t_max). */
  tMax: 100,
  /** Above this many rows a measure uses a Python-compatible random subsample of maxN rows. */
  maxN: 10000,
  /** Seed of Python's random (subsamples, DSMI's random subsets). */
  seed: 0,
  /** Random subsets per cluster in DSMI. */
  reps: 5,
  /** Clusters made of a continuous Y in DSMI. */
  nClusters: 10,
  /** Neighbours of the kNN-binarised adjacency when it is asked for as `knn: true` (the reference's knn). */
  knn: 10,
  /** Bins per feature of the classic (binned) entropy. */
  bins: 2,
  /** Neighbours of each row in spectral clustering's kNN graph, the row itself included. */
  nNeighbors: 10,
  /** Above this many rows, `sigma: 'auto'` takes the median over the pairs of a sample of this many rows. */
  medianSampleRows: 2000,
  /** The DSE estimate: target half-width of its interval, in bits. */
  tolerance: 0.01,
  /** The DSE estimate: confidence of its stochastic interval. */
  confidence: 0.95,
  /** The DSE estimate: most products of K with one vector. */
  maxMatvecs: 20000,
  /** The DSE estimate: how K is held for the products. */
  precision: 'float64' as const,
  /** The entropy of DSE and DSMI: the eigenvalues of K. */
  variant: 'eigen' as const,
  /** The backend of a call that names none (until setDefaultBackend). */
  backend: 'wasm' as const,
});

/** Options must be an object (or undefined). */
export function options<T extends object>(value: T | undefined, name = 'options'): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object') throw badArgument(name, 'an object', value);
  return value;
}

/** A finite number > 0, or the default when undefined. */
export function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw badArgument(name, 'a finite number > 0', value);
  return value;
}

/** An integer >= min, or the default when undefined. */
export function integerAtLeast(value: unknown, name: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw badArgument(name, `an integer >= ${min}`, value);
  return value;
}

/** The largest tMax of the von Neumann entropy curves: one float64 per t, and tMax passes over the spectrum. */
export const MAX_T_MAX = 2 ** 20;

/** tMax of the von Neumann entropy curves: an integer in [min, 2^20], or the default when undefined. */
export function tMaxOf(value: unknown, min: number, fallback: number): number {
  const t = integerAtLeast(value, 'tMax', min, fallback);
  if (t > MAX_T_MAX) throw badArgument('tMax', `an integer in [${min}, 2^20 = ${MAX_T_MAX}] (the curve is held in memory)`, value);
  return t;
}

/** true or false, or the default when undefined (or null). */
export function flag(value: unknown, name: string, fallback: boolean): boolean {
  const v = value ?? fallback;
  if (typeof v !== 'boolean') throw badArgument(name, 'true or false', v);
  return v;
}

/** One of `allowed`, or the default when undefined. */
export function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    const list = allowed.map((a) => `'${a}'`);
    throw badArgument(name, list.length === 2 ? list.join(' or ') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`, value);
  }
  return value as T;
}

/** A seed of Python's random: a non-negative safe integer (the default 0 when undefined). */
export function seedOf(value: unknown, name = 'seed'): number {
  if (value === undefined) return DEFAULTS.seed;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw badArgument(name, 'a non-negative integer', value);
  return value;
}

/** maxN: an integer >= 2 (the default 10000 when undefined). */
export function maxNOf(value: unknown): number {
  return integerAtLeast(value, 'maxN', 2, DEFAULTS.maxN);
}

/** t: a finite number > 0 (default 1). */
export function tOf(value: unknown): number {
  return positive(value, 't', DEFAULTS.t);
}

/** reps: an integer >= 1 (default 5). */
export function repsOf(value: unknown): number {
  return integerAtLeast(value, 'reps', 1, DEFAULTS.reps);
}

/** bins: an integer >= 1 (default 2). */
export function binsOf(value: unknown): number {
  return integerAtLeast(value, 'bins', 1, DEFAULTS.bins);
}

/** nNeighbors: an integer >= 1 (default 10); the caller bounds it by the row count. */
export function nNeighborsOf(value: unknown): number {
  return integerAtLeast(value, 'nNeighbors', 1, DEFAULTS.nNeighbors);
}

/** sigma: a finite number > 0 or 'auto' (the median pairwise distance, js/measures/bandwidth.ts); default 10. */
export function sigmaOf(value: unknown): number | 'auto' {
  return value === 'auto' ? 'auto' : positive(value, 'sigma', DEFAULTS.sigma);
}

/** nClusters: an integer in [1, rows] (default 10). */
export function clusterCount(value: unknown, rows: number): number {
  const k = integerAtLeast(value, 'nClusters', 1, DEFAULTS.nClusters);
  if (k > rows) {
    throw new DseError('E_ARGUMENT', `nClusters must be at most the number of rows (${rows}), received ${k}`, 'nClusters', k);
  }
  return k;
}

/**
 * The public `knn` option: null or false (Gaussian adjacency), true (DEFAULTS.knn) or an integer with
 * 1 <= knn < rows, rows being those the measure uses after its maxN subsample: with knn = rows every row would
 * reach every other one.
 */
export function knnOption(value: unknown, rows: number): number | null {
  const knn = value === true ? DEFAULTS.knn : value === false ? null : value ?? null;
  if (knn !== null && (typeof knn !== 'number' || !Number.isSafeInteger(knn) || knn < 1 || knn >= rows)) {
    throw new DseError('E_ARGUMENT', `knn must be an integer with 1 <= knn < ${rows} (the number of rows), received ${show(knn)}`, 'knn', knn);
  }
  return knn;
}

/**
 * The engine's own bound for the kNN adjacency of one subset of n rows (DSMI's clusters can be smaller than the
 * X that {@link knnOption} checked): the knn-th smallest distance of a row must exist, so knn <= n.
 */
export function checkKnnFits(knn: number, n: number): void {
  if (!(Number.isInteger(knn) && knn >= 1 && knn <= n)) {
    throw new DseError('E_ARGUMENT', `knn must be an integer from 1 to the number of rows (${n}), received ${knn}`, 'knn', knn);
  }
}

/** The validator of each option that does not depend on the data. */
const CHECKS = { sigma: sigmaOf, kernel: (v: unknown) => kernelSpecOf({ kernel: v ?? { type: DEFAULTS.kernel } }), t: tOf, maxN: maxNOf, seed: seedOf, reps: repsOf, bins: binsOf, nNeighbors: nNeighborsOf };

/** The options {@link checkOption} knows. */
export type CheckedOption = keyof typeof CHECKS;

/**
 * An option checked as every function of this package checks it, or its default when undefined: for callers
 * (a server, a command line) that want to refuse a bad value before doing any work. Throws the same DseError
 * the function would (E_ARGUMENT, naming the option).
 *
 * @example
 * checkOption('sigma', undefined); // 10
 * checkOption('t', -1);            // throws DseError E_ARGUMENT: t must be a finite number > 0, received -1
 */
export function checkOption<K extends CheckedOption>(name: K, value: unknown): ReturnType<(typeof CHECKS)[K]> {
  if (!Object.prototype.hasOwnProperty.call(CHECKS, name)) throw badArgument('name', `one of ${Object.keys(CHECKS).join(', ')}`, name);
  return (CHECKS[name] as (v: unknown) => ReturnType<(typeof CHECKS)[K]>)(value);
}

/**
 * A kernel as the public functions take it (`kernel`): every field but `type` optional, defaulting to DEFAULTS.
 * Gaussian: sigma (or 'auto', the median pairwise distance) and alpha; adaptive: k and alpha (docs/measures.md).
 */
export type KernelOption =
  | { type: 'gaussian'; sigma?: number | 'auto'; alpha?: number }
  | { type: 'adaptive'; k?: number; alpha?: number };

/** A kernel option checked, every default filled in; sigma may still be 'auto' (js/measures/bandwidth.ts resolves it). */
export type KernelSpec =
  | { type: 'gaussian'; sigma: number | 'auto'; alpha: number }
  | { type: 'adaptive'; k: number; alpha: number };

/** alpha: a finite number >= 0, or the default when undefined. */
export function alphaOf(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw badArgument('alpha', 'a finite number >= 0', value);
  return value;
}

/**
 * The kernel of a call from its options: `kernel` (checked, defaults filled in) or the shorthand `sigma` (the
 * Gaussian kernel at that bandwidth, alpha 0), not both; neither gives the reference's kernel.
 */
export function kernelSpecOf(o: { sigma?: unknown; kernel?: unknown }): KernelSpec {
  const kernel = o.kernel;
  if (kernel === undefined) return { type: 'gaussian', sigma: sigmaOf(o.sigma), alpha: DEFAULTS.alpha };
  if (o.sigma !== undefined) {
    throw new DseError('E_ARGUMENT', `give sigma or kernel, not both (sigma ${show(o.sigma)} with kernel ${show(kernel)}); put sigma inside kernel`, 'sigma', o.sigma);
  }
  if (kernel === null || typeof kernel !== 'object') throw badArgument('kernel', "an object such as { type: 'gaussian' } or { type: 'adaptive' }", kernel);
  const k = kernel as Record<string, unknown>;
  const type = oneOf(k.type, 'kernel.type', ['gaussian', 'adaptive'], DEFAULTS.kernel);
  const known = type === 'gaussian' ? ['type', 'sigma', 'alpha'] : ['type', 'k', 'alpha'];
  for (const name of Object.keys(k)) {
    if (!known.includes(name)) throw badArgument('kernel', `a ${type} kernel with only ${known.join(', ')}`, name);
  }
  if (type === 'gaussian') return { type, sigma: sigmaOf(k.sigma), alpha: alphaOf(k.alpha, DEFAULTS.alpha) };
  return { type, k: integerAtLeast(k.k, 'k', 1, DEFAULTS.adaptiveK), alpha: alphaOf(k.alpha, DEFAULTS.adaptiveAlpha) };
}
