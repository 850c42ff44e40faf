// RankMe, the effective rank of an embedding from its singular values (docs/measures.md).
import { DseError, show } from '../errors.js';
import { singularValues } from '../linalg/singular-values.js';
import type { BackendName } from '../engine/select.js';
import type { MatrixLike } from '../matrix.js';
import { options } from '../options.js';

/** Options of {@link rankMe}. */
export interface RankMeOptions {
  /** Added to every p_k before the logarithm; default 1e-7 (Garrido et al.). 0 is allowed (0 log 0 = 0). */
  eps?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * RankMe, the effective rank of an embedding matrix Z (Garrido, Balestriero, Najman & LeCun 2023, "RankMe:
 * assessing the downstream performance of pretrained self-supervised representations by their rank"):
 *
 *   p_k = sigma_k / sum_j sigma_j + eps,   RankMe(Z) = exp(-sum_k p_k log p_k)   (natural log)
 *
 * over all min(N, D) singular values sigma of Z, computed to full accuracy by {@link singularValues} (never
 * through Z^T Z). Between 1 and min(N, D); a collapsed embedding scores low. Equal to numpy's
 * `s = svd(Z, compute_uv=False); p = s / s.sum() + eps; exp(-sum(p * log(p)))`.
 *
 * @example
 * await ready();
 * rankMe([[1, 0], [0, 1]], { eps: 0 }); // 2
 */
export function rankMe(Z: MatrixLike, opts?: RankMeOptions): number {
  const o = options(opts);
  const eps = o.eps === undefined ? 1e-7 : o.eps;
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps < 0) {
    throw new DseError('E_ARGUMENT', `eps must be a finite number >= 0, received ${show(eps)}`, 'eps', eps);
  }
  const s = singularValues(Z, { backend: o.backend });
  let total = 0;
  for (const v of s) total += v;
  if (!(total > 0)) throw new DseError('E_ARGUMENT', `Z has no nonzero singular value (it is all zeros)`, 'Z', total);
  let h = 0;
  for (const v of s) {
    const p = v / total + eps;
    if (p > 0) h -= p * Math.log(p);
  }
  return Math.exp(h);
}
