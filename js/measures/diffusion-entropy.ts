// Diffusion spectral entropy (DSE) of the rows of X, and the eigenvalues of the diffusion matrix behind it
// (docs/measures.md).
import { engineFor, type BackendName } from '../engine/select.js';
import { badArgument, DseError, show } from '../errors.js';
import { toMatrix, type MatrixLike } from '../matrix.js';
import { DEFAULTS, kernelSpecOf, oneOf, options, seedOf, tOf, type KernelOption } from '../options.js';
import { kernelOf } from './bandwidth.js';
import { descending, spectralEntropy } from './spectral-entropy.js';
import { measureRows } from './subsample.js';
import { estimateRows, estimateSettings } from './diffusion-entropy-estimate.js';
import { chebyshevEntropy, chebyshevState, type ChebyshevOptions } from './chebyshev.js';
import type { EigenvalueProgress, KernelStorage } from '../engine/engine.js';

/** The entropy a DSE (or DSMI) takes: of the eigenvalues of K, of the entries of P, or classic binning. */
export type EntropyVariant = 'eigen' | 'matrix-entry' | 'classic';

/** Options of {@link diffusionEigenvalues}. */
export interface EigenvalueOptions {
  /** Gaussian kernel bandwidth, or 'auto' (the median pairwise distance, {@link medianDistance}). Default 10. */
  sigma?: number | 'auto';
  /**
   * The kernel, instead of `sigma`: `{ type: 'gaussian', sigma = 10 | 'auto', alpha = 0 }` or
   * `{ type: 'adaptive', k = 15, alpha = 1 }` (manylatents' kernels, docs/measures.md). Not with `sigma`.
   */
  kernel?: KernelOption;
  /** Seed of the row sample `sigma: 'auto'` takes above 2000 rows. Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/** Options of {@link diffusionEigenvalues}: those of every eigenvalue call, and stage reports. */
export interface DiffusionEigenvalueOptions extends EigenvalueOptions {
  /**
   * Called as each stage ends ('distances', 'kernel', 'tridiagonalize', 'ql') with the fraction of the work
   * done, counted in floating-point operations. Four calls; nothing is reported from inside a stage.
   */
  onProgress?: EigenvalueProgress;
}

/** Options of {@link diffusionSpectralEntropy}. */
export interface EntropyOptions extends EigenvalueOptions, ChebyshevOptions {
  /** Diffusion time: eigenvalues enter as |lambda|^t. Default 1. */
  t?: number;
  /** Above this many rows, a Python-compatible random subsample of maxN rows is used. Default 10000. */
  maxN?: number;
  /** Seed of that subsample (Python's random.seed), and of `sigma: 'auto'`'s. Default 0. */
  seed?: number;
  /**
   * 'eigen' (default): entropy of the eigenvalues of K. 'matrix-entry': entropy of the N^2 entries of the
   * row-stochastic P = diag(1 / row sums of K) K, the reference's `matrix_entry_entropy=True` (t unused).
   * The same option, with the same values, as DSMI's `variant`.
   */
  variant?: 'eigen' | 'matrix-entry';
  /**
   * 'exact' (default): all N eigenvalues. 'estimate': {@link diffusionSpectralEntropyEstimate} on the same rows
   * (after maxN subsampling), its `value`; `tolerance`, `confidence`, `maxMatvecs` and `precision` pass through
   * (its probes use seed 0).
   */
  method?: 'exact' | 'estimate';
  tolerance?: number;
  confidence?: number;
  maxMatvecs?: number;
  precision?: KernelStorage;
}

/**
 * All N eigenvalues of the anisotropic diffusion matrix K = S^-1/2 G S^-1/2, G_ij = exp(-|x_i - x_j|^2 /
 * (2 sigma^2)), S = diag(row sums of G); in descending order, the largest being 1.
 *
 * @example
 * await ready();
 * diffusionEigenvalues([[0, 0], [0, 1], [5, 5]], { sigma: 1 }); // Float64Array [1, 0.21..., ~0]
 */
export function diffusionEigenvalues(X: MatrixLike, opts?: DiffusionEigenvalueOptions): Float64Array {
  const o = options(opts);
  const spec = kernelSpecOf(o);
  const seed = seedOf(o.seed);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw badArgument('onProgress', 'a function', o.onProgress);
  const engine = engineFor(o.backend);
  const x = toMatrix(X, 'X');
  return descending(engine.diffusionEigenvalues(x, null, kernelOf(spec, x, null, seed), o.onProgress));
}

/**
 * Diffusion spectral entropy of the rows of X, in bits (docs/measures.md): the entropy of the normalised
 * |eigenvalues|^t of K. Equal to the authors' `diffusion_spectral_entropy(X, sigma, t, max_N)`.
 * Bounded by log2 N; near 0 when sigma is large for the data (K nearly constant), near log2 N when sigma is
 * small (K nearly the identity; see {@link kernelDiagnosis}). `variant: 'matrix-entry'` instead takes the
 * entropy of the N^2 entries of P = diag(1 / row sums of K) K, p_ij = |P_ij| / sum |P| + 2^-52 (bounded by
 * 2 log2 N). `sigma: 'auto'` is the median pairwise distance of the rows used.
 * `approximate: 'chebyshev'` replaces the exact eigenvalues by the reference's Chebyshev estimate
 * (`chebyshev_approx=True`, docs/chebyshev.md), equal to it after `np.random.seed(numpySeed)`; it can be far
 * from the exact value.
 *
 * @example
 * await ready();
 * const X = { data: new Float32Array(1000 * 768), rows: 1000, cols: 768 };
 * diffusionSpectralEntropy(X, { sigma: 10, t: 1 });
 */
export function diffusionSpectralEntropy(X: MatrixLike, opts?: EntropyOptions): number {
  const o = options(opts);
  const spec = kernelSpecOf(o);
  const t = tOf(o.t);
  const variant = oneOf(o.variant, 'variant', ['eigen', 'matrix-entry'], DEFAULTS.variant);
  const chebyshev = chebyshevState(o);
  if (chebyshev !== null && variant !== 'eigen') {
    throw new DseError('E_ARGUMENT', `approximate: 'chebyshev' estimates eigenvalues and cannot be combined with variant ${show(variant)}`, 'approximate', o.approximate);
  }
  const { engine, x, seed, rows } = measureRows(X, o);
  const method = oneOf(o.method, 'method', ['exact', 'estimate'], 'exact');
  const kernel = kernelOf(spec, x, rows, seed);
  if (method === 'estimate') {
    if (chebyshev !== null) {
      throw new DseError('E_ARGUMENT', `method 'estimate' and approximate: 'chebyshev' are two different approximations and cannot be combined, received approximate ${show(o.approximate)}`, 'method', o.method);
    }
    if (variant !== 'eigen') throw new DseError('E_ARGUMENT', `method 'estimate' computes the eigen variant only, received variant ${show(variant)}`, 'variant', variant);
    const settings = estimateSettings({ t, tolerance: o.tolerance, confidence: o.confidence, maxMatvecs: o.maxMatvecs, precision: o.precision });
    return estimateRows(engine, x, rows, kernel, settings).value;
  }
  if (chebyshev !== null) return chebyshevEntropy(engine, x, rows, kernel, t, chebyshev);
  if (variant === 'matrix-entry') return engine.diffusionMatrixEntryEntropy(x, rows, kernel);
  // Sorted as diffusionEigenvalues returns them, so that spectralEntropy(diffusionEigenvalues(X)) sums in the
  // same order and gives the same number to the last bit.
  return spectralEntropy(descending(engine.diffusionEigenvalues(x, rows, kernel)), { t });
}
