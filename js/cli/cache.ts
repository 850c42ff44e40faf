// --eigenvalues-cache F.npz [--cache-precision float16|float32|float64]: the reference's eigval_save_path and
// eigval_save_precision (docs/measures.md, the eigenvalue cache). An existing file is loaded instead of computing; otherwise the
// eigenvalues are computed and saved. Unlike the reference's first call, which computes its entropy from the
// float16-rounded values in float16 arithmetic (and can give NaN), ours returns the exact value and says
// that the cache now holds rounded values; later calls equal the reference's later calls.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DseError, readEigenvalueCache, readNpz, writeEigenvalueCache, writeNpz, type CachePrecision } from '../index.js';
import { InputError } from '../io/input-error.js';
import { choiceOption, UsageError, type ParsedArgs } from './args.js';
import { Progress } from './progress.js';
import { eigenvalueStages, SILENT, type Stages } from './verbose.js';

export const CACHE_VALUES = ['eigenvalues-cache', 'cache-precision'] as const;
const PRECISIONS: readonly CachePrecision[] = ['float16', 'float32', 'float64'];

export interface CacheOption {
  path: string;
  precision: CachePrecision;
  /** Whether the file existed when the command started (so it is read, not written). */
  exists: boolean;
}

/** The cache options of a command line, or null when --eigenvalues-cache is absent. */
export function cacheOption(args: ParsedArgs): CacheOption | null {
  const path = args.values.get('eigenvalues-cache');
  if (path === undefined) {
    if (args.values.has('cache-precision')) throw new UsageError('--cache-precision needs --eigenvalues-cache F.npz');
    return null;
  }
  return { path, precision: choiceOption(args, 'cache-precision', PRECISIONS, 'float16'), exists: existsSync(path) };
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(path, `cannot be read as an eigenvalue cache (${(e as Error).message})`);
  }
}

// A DseError about the cache's contents names the cache file (exit code 2).
function aboutCache<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DseError) throw new InputError(path, `${e.message} (${e.code})`);
    throw e;
  }
}

/** The eigenvalues of an existing cache file, checked to number `length`, largest first. */
export function loadEigenvalues(cache: CacheOption, length: number): Float64Array {
  const values = aboutCache(cache.path, () => readEigenvalueCache(readBytes(cache.path), { length }));
  return values.sort().reverse();
}

function writeBytes(path: string, bytes: Uint8Array): void {
  try {
    const dir = dirname(path);
    if (dir !== '') mkdirSync(dir, { recursive: true });
    writeFileSync(path, bytes);
  } catch (e) {
    throw new InputError(path, `cannot be written (${(e as Error).message})`);
  }
}

/** Saves eigenvalues as the reference does (ascending, the order of its eigvalsh), in the cache's precision. */
export function saveEigenvalues(cache: CacheOption, eigenvalues: Float64Array): void {
  writeBytes(cache.path, writeEigenvalueCache(eigenvalues.slice().sort(), { precision: cache.precision }));
}

/** All arrays of an existing multi-entropy cache (dse mi), by member name. */
export function loadArrays(cache: CacheOption): Map<string, Float64Array> {
  return aboutCache(cache.path, () => readNpz(readBytes(cache.path)));
}

/** Saves a multi-entropy cache (dse mi), one member per entropy. */
export function saveArrays(cache: CacheOption, arrays: Map<string, Float64Array>): void {
  writeBytes(cache.path, writeNpz(arrays, cache.precision));
}

/** The note printed when a cache was written. */
export function writtenNote(cache: CacheOption, count: number, what: string): string {
  const rounded = cache.precision === 'float64' ? '' : `; this value is exact, later calls with this cache read the ${cache.precision}-rounded eigenvalues and give a slightly different number, as the reference's later calls do`;
  return `dse: eigenvalue cache: wrote ${count} ${what} as ${cache.precision} to ${cache.path}${rounded}\n`;
}

/** The note printed when a cache was loaded. */
export function loadedNote(cache: CacheOption, count: number, what: string): string {
  return `dse: eigenvalue cache: loaded ${count} ${what} from ${cache.path} (not recomputed from the data; delete the file to recompute)\n`;
}

/**
 * The eigenvalues of K for a command: loaded from the cache when it exists, else computed by `compute` (with
 * the progress bar and the verbose stages) and saved to the cache when one is given; a note on stderr either way.
 */
export function cachedEigenvalues(
  cache: CacheOption | null, rows: number, stages: Stages, backend: string,
  compute: (onProgress: (fraction: number, stage: string) => void) => Float64Array,
): Float64Array {
  if (cache !== null && cache.exists) {
    const loaded = stages.time(`load eigenvalue cache ${cache.path}`, () => loadEigenvalues(cache, rows));
    process.stderr.write(loadedNote(cache, loaded.length, 'eigenvalues'));
    return loaded;
  }
  const progress = new Progress(stages.enabled ? SILENT : process.stderr, rows >= 1000);
  progress.update(0, `eigenvalues of K (${rows} x ${rows})`);
  let eigenvalues: Float64Array;
  try {
    eigenvalues = compute(eigenvalueStages(stages, progress, rows, backend));
  } finally {
    progress.done();
  }
  if (cache !== null) {
    stages.time(`save eigenvalue cache ${cache.path}`, () => saveEigenvalues(cache, eigenvalues));
    process.stderr.write(writtenNote(cache, eigenvalues.length, 'eigenvalues'));
  }
  return eigenvalues;
}
