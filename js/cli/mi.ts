// dse mi <X> <Y>: diffusion spectral mutual information DSMI(X; Y) (docs/measures.md), through the library's
// diffusionSpectralMutualInformation.
import { DEFAULTS, diffusionSpectralMutualInformation } from '../index.js';
import { InputError } from '../io/input-error.js';
import { toReference } from '../measures/reference-clusters.js';
import { choiceOption, numberOption, parseArgs, positionals, sigmaOption, UsageError, type CommandSpec } from './args.js';
import { autoSigma } from './bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, secondsSince, writeVector } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';

export const miSpec: CommandSpec = {
  name: 'mi',
  values: ['sigma', 't', 'seed', 'reps', 'n-clusters', 'clusters-out', 'variant', 'bins', ...INPUT_VALUES],
  flags: ['json', 'discrete', 'continuous'],
};


export async function miCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, miSpec);
  const [xPath, yPath] = positionals(args, 'mi', ['<X>', '<Y>']);
  if (xPath === '-' && yPath === '-') throw new UsageError('dse mi: only one of <X> and <Y> can be standard input (-)');
  if (args.flags.has('discrete') && args.flags.has('continuous')) throw new UsageError('dse mi: --discrete and --continuous exclude each other');
  const sigmaArg = sigmaOption(args);
  const t = numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const reps = numberOption(args, 'reps', { integer: true, min: 1 }) ?? DEFAULTS.reps;
  const nClusters = numberOption(args, 'n-clusters', { integer: true, min: 1 }) ?? DEFAULTS.nClusters;
  const bins = numberOption(args, 'bins', { integer: true, min: 1 }) ?? DEFAULTS.bins;
  const variant = choiceOption(args, 'variant', ['eigen', 'matrix-entry', 'classic'] as const, DEFAULTS.variant);
  const backend = backendOption(args);
  const discreteArg = args.flags.has('discrete') ? true : args.flags.has('continuous') ? false : undefined;

  const X = await readInput(xPath, inputOptions(args));
  // --rows/--cols describe X; a raw float32 Y has X's number of rows.
  const Y = await readInput(yPath, { ...inputOptions(args), cols: undefined, rows: X.rows });
  if (Y.rows !== X.rows) throw new InputError(Y.file, `has ${Y.rows} rows but ${X.file} has ${X.rows}: Y needs one row per row of X`);

  const start = performance.now();
  const sigma = sigmaArg === 'auto' ? aboutFile(X.file, () => autoSigma(X, seed, X.file)) : sigmaArg;
  const progress = new Progress(process.stderr, X.rows >= 1000);
  let result: { value: number; clusters: Int32Array };
  try {
    result = aboutFile((argument) => (/^(Y|clusters)/.test(argument) ? Y.file : X.file), () => diffusionSpectralMutualInformation(X, Y, {
      discrete: discreteArg, sigma, t, reps, seed, nClusters, variant, bins, backend,
      onProgress: (f, stage) => progress.update(f, stage),
    }));
  } finally {
    progress.done();
  }
  const seconds = secondsSince(start);
  const out = args.values.get('clusters-out');
  if (out !== undefined) writeVector(out, result.clusters);

  const sizes = new Map<number, number>();
  for (const c of result.clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const clusterSizes = Object.fromEntries([...sizes].sort((a, b) => a[0] - b[0]));
  const discrete = discreteArg ?? toReference(Y, Y.rows).looksDiscrete;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      dsmi: result.value, clusters: sizes.size, clusterSizes, n: X.rows, dims: X.cols, sigma, t, reps, seed,
      discrete, variant, backend, seconds, sigmaAuto: sigmaArg === 'auto', files: [X.file, Y.file],
      clustersOut: out ?? null,
    }) + '\n');
    return;
  }
  const lines = [
    `DSMI = ${result.value} bits`,
    `  X         ${X.file}: ${X.rows} rows x ${X.cols} columns`,
    `  Y         ${Y.file}: ${Y.cols} column${Y.cols === 1 ? '' : 's'}, ${discrete ? 'discrete labels' : Y.cols === 1 ? `continuous, binned into ${nClusters}` : `continuous, spectral clustering into ${nClusters}`}`,
    `  clusters  ${sizes.size} (sizes ${Object.values(clusterSizes).join(', ')})${out !== undefined ? `, written to ${out}` : ''}`,
    `  sigma     ${sigma}${sigmaArg === 'auto' ? ' (auto: median pairwise distance)' : ''}, t ${t}, reps ${reps}, seed ${seed}, entropy ${variant}`,
    `  backend   ${backend}, ${seconds} s`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
