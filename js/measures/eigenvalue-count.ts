// The number of diffusion eigenvalues above a noise floor at a late diffusion time: manylatents'
// DiffusionSpectralEntropy(output_mode='eigenvalue_count') (docs/measures.md, the eigenvalue count).
import type { BackendName } from '../engine/select.js';
import type { MatrixLike } from '../matrix.js';
import { DEFAULTS, kernelSpecOf, options, positive, type KernelOption } from '../options.js';
import { kernelOf } from './bandwidth.js';
import { measureRows } from './subsample.js';

/** Options of {@link diffusionEigenvalueCount}. */
export interface EigenvalueCountOptions {
  /**
   * The kernel: `{ type: 'gaussian', sigma = 10 | 'auto', alpha = 0 }` (default) or
   * `{ type: 'adaptive', k = 15, alpha = 1 }`. Not with `sigma`.
   */
  kernel?: KernelOption;
  /** Shorthand for the Gaussian kernel at this bandwidth (alpha 0). Default 10. */
  sigma?: number | 'auto';
  /** Diffusion time: |lambda|^t is compared with the floor (manylatents' t_high). Default 100. */
  t?: number;
  /** Noise floor (manylatents' numerical_floor). Default 1e-6. */
  floor?: number;
  /** Above this many rows, a Python-compatible random subsample of maxN rows is used. Default 10000. */
  maxN?: number;
  /** Seed of that subsample, and of `sigma: 'auto'`'s row sample. Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * How many eigenvalues of the diffusion operator K survive diffusion to time t: #{ i : |lambda_i|^t > floor },
 * manylatents' `eigenvalue_count` (t_high = 100, numerical_floor = 1e-6). At large t only the eigenvalues
 * near 1 remain, one per well-separated cluster or component, so the count reads as the number of
 * macroscopic structures of X; K is the same operator diffusionSpectralEntropy uses with the same kernel.
 *
 * @example
 * await ready();
 * diffusionEigenvalueCount(X, { kernel: { type: 'adaptive', k: 15 } });       // e.g. 5 for five blobs
 * diffusionEigenvalueCount(X, { sigma: 4.47, t: 10, floor: 1e-6 });
 */
export function diffusionEigenvalueCount(X: MatrixLike, opts?: EigenvalueCountOptions): number {
  const o = options(opts);
  const spec = kernelSpecOf(o);
  const t = positive(o.t, 't', DEFAULTS.countT);
  const floor = positive(o.floor, 'floor', DEFAULTS.floor);
  const { engine, x, seed, rows } = measureRows(X, o);
  const lambda = engine.diffusionEigenvalues(x, rows, kernelOf(spec, x, rows, seed));
  let count = 0;
  for (let i = 0; i < lambda.length; i++) if (Math.abs(lambda[i]) ** t > floor) count++;
  return count;
}
