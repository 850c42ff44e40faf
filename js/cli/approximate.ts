// --approximate chebyshev [--numpy-seed 0]: the reference's chebyshev_approx=True after np.random.seed(seed)
// (docs/chebyshev.md: it can be far from the exact value; for reproducing the reference's numbers only).
import { choiceOption, numberOption, UsageError, type ParsedArgs } from './args.js';
import { cacheOption, type CacheOption } from './cache.js';

export const APPROXIMATE_VALUES = ['approximate', 'numpy-seed'] as const;

/** The numpy seed of a --approximate chebyshev run, or null when --approximate is absent. */
export function approximateOption(args: ParsedArgs): number | null {
  if (!args.values.has('approximate')) {
    if (args.values.has('numpy-seed')) throw new UsageError('--numpy-seed needs --approximate chebyshev');
    return null;
  }
  choiceOption(args, 'approximate', ['chebyshev'] as const, 'chebyshev');
  const seed = numberOption(args, 'numpy-seed', { integer: true, min: 0 }) ?? 0;
  if (seed > 0xffffffff) throw new UsageError(`--numpy-seed must be an integer in [0, 2^32 - 1], received ${JSON.stringify(args.values.get('numpy-seed'))}`);
  return seed;
}

/** The warning every approximate run prints. */
export const APPROXIMATE_WARNING = 'the Chebyshev approximation reproduces the reference\'s chebyshev_approx=True and can be far from the exact value (docs/chebyshev.md)';

/**
 * Where a command's eigenvalues come from besides computing them exactly: the cache (--eigenvalues-cache) or
 * the Chebyshev approximation (--approximate). Both concern the eigen variant only, and exclude each other.
 */
export function eigenvalueSourceOptions(args: ParsedArgs, variant: string): { cache: CacheOption | null; numpySeed: number | null } {
  const cache = cacheOption(args);
  if (cache !== null && variant !== 'eigen') throw new UsageError(`--eigenvalues-cache caches eigenvalues: it cannot be used with --variant ${variant}`);
  const numpySeed = approximateOption(args);
  if (numpySeed !== null && variant !== 'eigen') throw new UsageError(`--approximate estimates eigenvalues: it cannot be used with --variant ${variant}`);
  if (numpySeed !== null && cache !== null) throw new UsageError('--approximate and --eigenvalues-cache cannot be used together: the cache holds exact eigenvalues');
  return { cache, numpySeed };
}
