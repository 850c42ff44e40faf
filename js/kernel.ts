// A kernel description: what turns squared distances into affinities. It is built once at the public API
// (from `sigma`) and reaches the engine unchanged, so a new kernel is one more case here and one more case in
// each backend's applyKernel (js/engine/js/index.ts, js/engine/wasm/adapter.ts), not a new signature.
import { badArgument } from './errors.js';

/** The Gaussian affinity G_ij = exp(-|x_i - x_j|^2 / (2 sigma^2)) (docs/measures.md). */
export interface GaussianKernel {
  type: 'gaussian';
  /** Bandwidth, a finite number > 0. */
  sigma: number;
}

/** Every kernel the engines know. */
export type Kernel = GaussianKernel;

/** The Gaussian kernel of bandwidth sigma, checked. */
export function gaussian(sigma: number): GaussianKernel {
  if (typeof sigma !== 'number' || !Number.isFinite(sigma) || sigma <= 0) throw badArgument('sigma', 'a finite number > 0', sigma);
  return { type: 'gaussian', sigma };
}
