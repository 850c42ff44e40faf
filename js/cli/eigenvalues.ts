// dse eigenvalues <X>: all eigenvalues of K (docs/measures.md), descending, printed or written to a file.
import { DEFAULTS, diffusionEigenvalues, kernelDiagnosis, subsample } from '../index.js';
import { numberOption, parseArgs, positionals, sigmaOption, type CommandSpec } from './args.js';
import { autoSigma } from './bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, secondsSince, warn, writeVector } from './common.js';
import { readInput } from './input.js';
import { cachedEigenvalues, cacheOption, CACHE_VALUES } from './cache.js';
import { Stages } from './verbose.js';

export const eigenvaluesSpec: CommandSpec = {
  name: 'eigenvalues',
  values: ['sigma', 'out', 'max-n', 'seed', ...CACHE_VALUES, ...INPUT_VALUES],
  flags: ['json', 'verbose'],
};

export async function eigenvaluesCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, eigenvaluesSpec);
  const [path] = positionals(args, 'eigenvalues', ['<X>']);
  const sigmaArg = sigmaOption(args);
  const maxN = numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const backend = backendOption(args);
  const out = args.values.get('out');
  const cache = cacheOption(args);
  const stages = new Stages(args.flags.has('verbose'));
  const X = await readInput(path, inputOptions(args));
  stages.mark(`read ${X.file} (${X.rows} x ${X.cols})`);

  const start = performance.now();
  const used = stages.time(`rows used: ${Math.min(X.rows, maxN)} of ${X.rows}`, () => aboutFile(X.file, () => subsample(X, { maxN, seed })));
  const sigma = sigmaArg === 'auto' ? stages.time('sigma auto (median pairwise distance)', () => aboutFile(X.file, () => autoSigma(used, seed, X.file))) : sigmaArg;
  const eigenvalues = cachedEigenvalues(cache, used.rows, stages, backend,
    (onProgress) => aboutFile(X.file, () => diffusionEigenvalues(used, { sigma, backend, onProgress })));
  const seconds = secondsSince(start);
  const diagnosis = kernelDiagnosis(used, { sigma, eigenvalues });
  if (diagnosis !== null) warn(`${X.file}: ${diagnosis.message}`);
  if (out !== undefined) writeVector(out, eigenvalues);

  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      eigenvalues: out === undefined ? Array.from(eigenvalues) : undefined, out, n: used.rows, dims: X.cols, sigma,
      backend, seconds, rows: X.rows, maxN, seed, sigmaAuto: sigmaArg === 'auto', file: X.file,
      warnings: diagnosis === null ? [] : [diagnosis.message],
      cache: cache === null ? null : { path: cache.path, precision: cache.precision, loaded: cache.exists },
    }) + '\n');
  } else if (out !== undefined) {
    process.stdout.write(`wrote ${eigenvalues.length} eigenvalues of K (${X.file}, sigma ${sigma}) to ${out}, from ${eigenvalues[0]} down to ${eigenvalues[eigenvalues.length - 1]}\n`);
  } else {
    process.stdout.write(Array.from(eigenvalues).join('\n') + '\n');
  }
}
