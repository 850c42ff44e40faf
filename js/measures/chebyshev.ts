// The reference's `chebyshev_approx=True` as an option of DSE and DSMI: `approximate: 'chebyshev'` with the
// numpy seed its probes are drawn after (docs/random.md, docs/chebyshev.md). How far it lands from the exact value:
// docs/chebyshev.md.
import type { Engine } from '../engine/engine.js';
import { DseError, show } from '../errors.js';
import type { Kernel } from '../kernel.js';
import { chebyshevEigenvalues } from '../linalg/chebyshev-eigenvalues.js';
import type { DenseMatrix } from '../matrix.js';
import { checkNumpySeed, NumpyRandomState } from '../random/numpy-random.js';
import { entropyOfWeights } from './spectral-entropy.js';

/** The options that select the Chebyshev mode. */
export interface ChebyshevOptions {
  /**
   * 'chebyshev': estimate the eigenvalues of K as the reference's `chebyshev_approx=True` does (a kernel
   * polynomial estimate of the density of states; not recommended by its authors, see docs/chebyshev.md).
   * Omitted: exact eigenvalues.
   */
  approximate?: 'chebyshev';
  /**
   * The seed of numpy's global random state the Chebyshev probes are drawn from: the result equals the
   * reference's after `np.random.seed(numpySeed)`. An integer in [0, 2^32 - 1]; default 0.
   */
  numpySeed?: number;
}

/** The random state of a Chebyshev-mode call, or null when `approximate` is not set. */
export function chebyshevState(o: ChebyshevOptions): NumpyRandomState | null {
  if (o.approximate === undefined) {
    if (o.numpySeed !== undefined) {
      throw new DseError('E_ARGUMENT', `numpySeed is only used with approximate: 'chebyshev', received numpySeed ${show(o.numpySeed)} without it`, 'numpySeed', o.numpySeed);
    }
    return null;
  }
  if (o.approximate !== 'chebyshev') {
    throw new DseError('E_ARGUMENT', `approximate must be 'chebyshev' or undefined, received ${show(o.approximate)}`, 'approximate', o.approximate);
  }
  return new NumpyRandomState(o.numpySeed === undefined ? 0 : checkNumpySeed(o.numpySeed));
}

/**
 * DSE (docs/measures.md) of the listed rows of x from the Chebyshev estimate of K's spectrum (docs/chebyshev.md),
 * drawing its probes from `rng`, whose state runs on: p_i = |lambda_i|^t / sum + 2^-52 over the estimated
 * lambda_i, H = -sum p_i log2 p_i.
 */
export function chebyshevEntropy(engine: Engine, x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, t: number, rng: NumpyRandomState): number {
  const n = rows === null ? x.rows : rows.length;
  const eigenvalues = chebyshevEigenvalues(engine.diffusionKernel(x, rows, kernel), n, rng);
  return entropyOfWeights(eigenvalues.map((v) => Math.abs(v) ** t));
}
