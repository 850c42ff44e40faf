// numpy's legacy global random state (np.random.seed / random_sample / randn), bit for bit (docs/random.md),
// so that the reference's Chebyshev mode, whose probes come from np.random.randn, can be reproduced.
import { DseError, show } from '../errors.js';
import { MT19937 } from './mt19937.js';

/**
 * numpy's legacy `RandomState` after `np.random.seed(seed)` for a 32-bit seed: MT19937 seeded by
 * init_genrand(seed), no cached gaussian. The same state runs on across calls, as numpy's global one does.
 *
 * @example
 * const rs = new NumpyRandomState(0);
 * rs.randomSample(); // 0.5488135039273248, as np.random.seed(0); np.random.random_sample()
 */
export class NumpyRandomState extends MT19937 {
  private hasGauss = false;
  private gauss = 0;

  constructor(seed: number) {
    super();
    this.initGenrand(checkNumpySeed(seed));
  }

  /** random_sample(): a = next >> 5, b = next >> 6, (a 2^26 + b) / 2^53, uniform on [0, 1). */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /**
   * One standard normal draw by numpy's legacy_gauss, the polar Box-Muller method: each accepted pair
   * (x1, x2) in the unit disc gives f x2 now and f x1 on the next call, f = sqrt(-2 ln(r2) / r2).
   */
  gaussian(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** np.random.randn(rows, cols): rows x cols successive gaussian() draws, row-major. */
  randn(rows: number, cols: number): Float64Array {
    for (const [name, v] of [['rows', rows], ['cols', cols]] as const) {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw new DseError('E_ARGUMENT', `${name} must be a non-negative integer, received ${show(v)}`, name, v);
      }
    }
    // A typed array holds at most 2^32 - 1 values; a larger draw is refused before any work.
    if (rows * cols > 2 ** 30) throw new DseError('E_ARGUMENT', `rows x cols must be at most 2^30 values (randn), asked for ${rows} x ${cols}`, 'rows', rows * cols);
    const out = new Float64Array(rows * cols);
    for (let k = 0; k < out.length; k++) out[k] = this.gaussian();
    return out;
  }
}

/** Checks a numpy seed: an integer in [0, 2^32 - 1], the range np.random.seed accepts. */
export function checkNumpySeed(seed: unknown, name = 'numpySeed'): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new DseError('E_ARGUMENT', `${name} must be an integer in [0, 2^32 - 1], as np.random.seed accepts, received ${show(seed)}`, name, seed);
  }
  return seed;
}
