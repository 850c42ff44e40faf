// A kernel description: what turns squared distances into affinities, and how they are normalised into the
// diffusion operator. It is built once at the public API (from `sigma` or `kernel`) and reaches the engine
// unchanged, so a new kernel is one more case here and one more case in each backend's applyKernel
// (js/engine/js/index.ts, js/engine/wasm/adapter.ts), not a new signature.
import { badArgument } from './errors.js';

/**
 * The Gaussian affinity G_ij = exp(-|x_i - x_j|^2 / (2 sigma^2)), with manylatents' density normalisation
 * G_a = D^-alpha G D^-alpha (D = diag(row sums of G)) before K = S_a^-1/2 G_a S_a^-1/2 (docs/measures.md).
 * alpha = 0 is the reference's K.
 */
export interface GaussianKernel {
  type: 'gaussian';
  /** Bandwidth, a finite number > 0. */
  sigma: number;
  /** Density normalisation power, a finite number >= 0 (0: none, 0.5 Fokker-Planck, 1 Laplace-Beltrami). */
  alpha: number;
}

/**
 * manylatents' adaptive kNN affinity (compute_diffusion_matrix_knn): sigma_i = distance from row i to its k-th
 * nearest other row, K_ij = exp(-d_ij^2 / (sigma_i sigma_j)) on kNN edges, max(K, K^T), unit diagonal; then the
 * same alpha normalisation as the Gaussian kernel (docs/measures.md).
 */
export interface AdaptiveKernel {
  type: 'adaptive';
  /** Neighbours of each row, itself not counted: an integer >= 1 (the engine clamps it to rows - 1). */
  k: number;
  /** Density normalisation power, a finite number >= 0. */
  alpha: number;
}

/** Every kernel the engines know. */
export type Kernel = GaussianKernel | AdaptiveKernel;

function alphaChecked(alpha: number): number {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0) throw badArgument('alpha', 'a finite number >= 0', alpha);
  return alpha;
}

/** The Gaussian kernel of bandwidth sigma and density power alpha (default 0, the reference's), checked. */
export function gaussian(sigma: number, alpha = 0): GaussianKernel {
  if (typeof sigma !== 'number' || !Number.isFinite(sigma) || sigma <= 0) throw badArgument('sigma', 'a finite number > 0', sigma);
  return { type: 'gaussian', sigma, alpha: alphaChecked(alpha) };
}

/** The adaptive kNN kernel with k neighbours and density power alpha, checked. */
export function adaptive(k: number, alpha: number): AdaptiveKernel {
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 1) throw badArgument('k', 'an integer >= 1', k);
  return { type: 'adaptive', k, alpha: alphaChecked(alpha) };
}

/**
 * The sigma of the reference's kernel (Gaussian, alpha 0), for the stages derived for it alone (the DSE
 * estimate's operators); any other kernel is refused.
 */
export function referenceSigma(kernel: Kernel): number {
  if (kernel.type !== 'gaussian' || kernel.alpha !== 0) throw badArgument('kernel', "the Gaussian kernel with alpha 0 (the reference's K)", kernel);
  return kernel.sigma;
}
