import { badArgument, DseError, show } from '../errors.js';
import { seedOf } from '../options.js';
import { Int32Set } from './int32-set.js';
import { MT19937 } from './mt19937.js';

// Python's `random` module, the parts the reference uses, bit for bit (docs/random.md): MT19937 seeded by
// init_by_array with the 32-bit words of |seed|, getrandbits, _randbelow and sample(range(n), k).

/** The MT19937 generator as CPython's `random.Random(seed)` sets it up for a non-negative integer seed. */
export class PythonRandom extends MT19937 {
  constructor(seed: number) {
    super();
    this.initByArray(seedWords(seed));
  }

  /** getrandbits(bits) for 1 <= bits <= 32. */
  getrandbits(bits: number): number {
    return this.nextUint32() >>> (32 - bits);
  }

  /** _randbelow(n): uniform in [0, n) by rejection, n >= 1. */
  randbelow(n: number): number {
    const bits = 32 - Math.clz32(n);
    let r = this.getrandbits(bits);
    while (r >= n) r = this.getrandbits(bits);
    return r;
  }

  /** random.sample(range(n), k). */
  sample(n: number, k: number): Int32Array {
    const out = new Int32Array(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(3 * k) / Math.log(4));
    if (n <= setsize) {
      const pool = new Int32Array(n);
      for (let i = 0; i < n; i++) pool[i] = i;
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        out[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Int32Set(k);
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        out[i] = j;
      }
    }
    return out;
  }
}

// The 32-bit words of |seed|, least significant first; 0 gives [0].
function seedWords(seed: number): number[] {
  const words: number[] = [];
  let a = Math.abs(seed);
  do {
    words.push(a % 0x100000000);
    a = Math.floor(a / 0x100000000);
  } while (a > 0);
  return words;
}

/** The largest k {@link pythonSample} draws: its result and membership table (or pool) stay below 1.5 GB. */
export const MAX_SAMPLE = 2 ** 25;

/**
 * The indices Python's `random.seed(seed); random.sample(range(n), k)` returns, in the same order: the
 * subsample the reference draws. Use it to reproduce which rows `maxN` kept. k is at most
 * {@link MAX_SAMPLE} = 2^25 (33 554 432); a larger k is refused with E_ARGUMENT.
 *
 * @example
 * pythonSample(0, 10, 3); // Int32Array [6, 9, 0], as Python's random.seed(0); random.sample(range(10), 3)
 */
export function pythonSample(seed: number, n: number, k: number): Int32Array {
  if (seed === undefined) throw badArgument('seed', 'a non-negative integer', seed);
  seedOf(seed);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n > 0x7fffffff) {
    throw new DseError('E_ARGUMENT', `n must be an integer in [0, 2^31), received ${show(n)}`, 'n', n);
  }
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0 || k > n) {
    throw new DseError('E_ARGUMENT', `k must be an integer in [0, n] = [0, ${n}], received ${show(k)}`, 'k', k);
  }
  if (k > MAX_SAMPLE) {
    throw new DseError('E_ARGUMENT', `k must be at most 2^25 = ${MAX_SAMPLE} (the sample is held in memory), received ${show(k)}`, 'k', k);
  }
  return new PythonRandom(seed).sample(n, k);
}
