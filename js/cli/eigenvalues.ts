// dse eigenvalues <X>: all eigenvalues of K (docs/measures.md), descending, printed or written to a file.
import { DEFAULTS, diffusionEigenvalues, kernelDiagnosis, subsample } from '../index.js';
import { numberOption, parseArgs, positionals, sigmaOption, type CommandSpec } from './args.js';
import { autoSigma } from './bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, secondsSince, warn, writeVector } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';

export const eigenvaluesSpec: CommandSpec = {
  name: 'eigenvalues',
  values: ['sigma', 'out', 'max-n', 'seed', ...INPUT_VALUES],
  flags: ['json'],
};

export async function eigenvaluesCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, eigenvaluesSpec);
  const [path] = positionals(args, 'eigenvalues', ['<X>']);
  const sigmaArg = sigmaOption(args);
  const maxN = numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const backend = backendOption(args);
  const out = args.values.get('out');
  const X = await readInput(path, inputOptions(args));

  const start = performance.now();
  const used = aboutFile(X.file, () => subsample(X, { maxN, seed }));
  const sigma = sigmaArg === 'auto' ? aboutFile(X.file, () => autoSigma(used, seed, X.file)) : sigmaArg;
  const progress = new Progress(process.stderr, used.rows >= 1000);
  progress.update(0, `eigenvalues of K (${used.rows} x ${used.rows})`);
  let eigenvalues: Float64Array;
  try {
    eigenvalues = aboutFile(X.file, () => diffusionEigenvalues(used, { sigma, backend }));
  } finally {
    progress.done();
  }
  const seconds = secondsSince(start);
  const diagnosis = kernelDiagnosis(used, { sigma, eigenvalues });
  if (diagnosis !== null) warn(`${X.file}: ${diagnosis.message}`);
  if (out !== undefined) writeVector(out, eigenvalues);

  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      eigenvalues: out === undefined ? Array.from(eigenvalues) : undefined, out, n: used.rows, dims: X.cols, sigma,
      backend, seconds, rows: X.rows, maxN, seed, sigmaAuto: sigmaArg === 'auto', file: X.file,
      warnings: diagnosis === null ? [] : [diagnosis.message],
    }) + '\n');
  } else if (out !== undefined) {
    process.stdout.write(`wrote ${eigenvalues.length} eigenvalues of K (${X.file}, sigma ${sigma}) to ${out}, from ${eigenvalues[0]} down to ${eigenvalues[eigenvalues.length - 1]}\n`);
  } else {
    process.stdout.write(Array.from(eigenvalues).join('\n') + '\n');
  }
}
