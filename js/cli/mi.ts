// dse mi <X> <Y>: diffusion spectral mutual information DSMI(X; Y) (docs/measures.md), through the library's
// diffusionSpectralMutualInformation.
import { DEFAULTS, diffusionSpectralMutualInformation } from '../index.js';
import { InputError } from '../io/input-error.js';
import { toReference } from '../measures/reference-clusters.js';
import { choiceOption, kernelOption, KERNEL_VALUES, numberOption, parseArgs, positionals, UsageError, type CommandSpec } from './args.js';
import { aboutFile, backendOption, describeKernel, INPUT_VALUES, inputOptions, resolveKernel, secondsSince, warn, writeVector } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';
import { CACHE_VALUES, loadArrays, saveArrays } from './cache.js';
import { SILENT, Stages } from './verbose.js';
import { APPROXIMATE_VALUES, APPROXIMATE_WARNING, eigenvalueSourceOptions } from './approximate.js';

export const miSpec: CommandSpec = {
  name: 'mi',
  values: [...KERNEL_VALUES, 't', 'seed', 'reps', 'n-clusters', 'clusters-out', 'variant', 'bins', ...CACHE_VALUES, ...APPROXIMATE_VALUES, ...INPUT_VALUES],
  flags: ['json', 'discrete', 'continuous', 'verbose'],
};


export async function miCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, miSpec);
  const [xPath, yPath] = positionals(args, 'mi', ['<X>', '<Y>']);
  if (xPath === '-' && yPath === '-') throw new UsageError('dse mi: only one of <X> and <Y> can be standard input (-)');
  if (args.flags.has('discrete') && args.flags.has('continuous')) throw new UsageError('dse mi: --discrete and --continuous exclude each other');
  const choice = kernelOption(args);
  const sigmaAuto = choice.type === 'gaussian' && choice.sigma === 'auto';
  const t = numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const reps = numberOption(args, 'reps', { integer: true, min: 1 }) ?? DEFAULTS.reps;
  const nClusters = numberOption(args, 'n-clusters', { integer: true, min: 1 }) ?? DEFAULTS.nClusters;
  const bins = numberOption(args, 'bins', { integer: true, min: 1 }) ?? DEFAULTS.bins;
  const variant = choiceOption(args, 'variant', ['eigen', 'matrix-entry', 'classic'] as const, DEFAULTS.variant);
  const backend = backendOption(args);
  const discreteArg = args.flags.has('discrete') ? true : args.flags.has('continuous') ? false : undefined;
  const { cache, numpySeed } = eigenvalueSourceOptions(args, variant);
  const stages = new Stages(args.flags.has('verbose'));

  const X = await readInput(xPath, inputOptions(args));
  stages.mark(`read ${X.file} (${X.rows} x ${X.cols})`);
  // --rows/--cols describe X; a raw float32 Y has X's number of rows.
  const Y = await readInput(yPath, { ...inputOptions(args), cols: undefined, rows: X.rows });
  if (Y.rows !== X.rows) throw new InputError(Y.file, `has ${Y.rows} rows but ${X.file} has ${X.rows}: Y needs one row per row of X`);
  stages.mark(`read ${Y.file} (${Y.rows} x ${Y.cols})`);

  const start = performance.now();
  const resolve = () => resolveKernel(choice, X.file, X, seed);
  const kernel = sigmaAuto ? stages.time('sigma auto (median pairwise distance)', resolve) : resolve();
  const sigma = kernel.type === 'gaussian' ? kernel.sigma : null;
  // The reference's DSMI caches nothing; ours keeps the eigenvalues of each of its 1 + reps entropies per
  // cluster, one npz member each (eigvals_<k>, in the reference's call order).
  const cached = cache !== null && cache.exists ? stages.time(`load eigenvalue cache ${cache.path}`, () => loadArrays(cache)) : new Map<string, Float64Array>();
  const loaded = cached.size;
  const progress = new Progress(stages.enabled ? SILENT : process.stderr, X.rows >= 1000);
  let entropies = 0;
  // The library reports the clustering as it starts; its time shows in the next report, named for both.
  let clustering = false;
  const onProgress = (f: number, stage: string): void => {
    progress.update(f, stage);
    if (stage === 'clusters') {
      clustering = true;
      return;
    }
    const what = `${stage === 'conditional' ? 'entropy of a cluster' : 'entropy of a random subset'} (#${++entropies}, ${Math.round(f * 100)}% of the entropies)`;
    stages.mark(clustering ? `spectral clustering of Y, then the ${what}` : what);
    clustering = false;
  };
  let result: { value: number; clusters: Int32Array };
  try {
    result = aboutFile((argument) => (/^(Y|clusters)/.test(argument) ? Y.file : X.file), () => diffusionSpectralMutualInformation(X, Y, {
      discrete: discreteArg, kernel, t, reps, seed, nClusters, variant, bins, backend, onProgress,
      eigenvalueCache: cache === null ? undefined : cached,
      ...(numpySeed === null ? {} : { approximate: 'chebyshev' as const, numpySeed }),
    }));
  } finally {
    progress.done();
  }
  if (cache !== null) {
    if (loaded > 0) process.stderr.write(`dse: eigenvalue cache: loaded the eigenvalues of ${loaded} entropies from ${cache.path} (not recomputed from the data; delete the file to recompute)\n`);
    if (cached.size > loaded) {
      stages.time(`save eigenvalue cache ${cache.path}`, () => saveArrays(cache, cached));
      const rounded = cache.precision === 'float64' ? '' : `; this value is exact, later calls read the ${cache.precision}-rounded eigenvalues and give a slightly different number`;
      process.stderr.write(`dse: eigenvalue cache: wrote the eigenvalues of ${cached.size} entropies (${cached.size - loaded} new) as ${cache.precision} to ${cache.path}${rounded}\n`);
    }
  }
  const seconds = secondsSince(start);
  if (numpySeed !== null) warn(APPROXIMATE_WARNING);
  const out = args.values.get('clusters-out');
  if (out !== undefined) writeVector(out, result.clusters);

  const sizes = new Map<number, number>();
  for (const c of result.clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const clusterSizes = Object.fromEntries([...sizes].sort((a, b) => a[0] - b[0]));
  const discrete = discreteArg ?? toReference(Y, Y.rows).looksDiscrete;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      dsmi: result.value, clusters: sizes.size, clusterSizes, n: X.rows, dims: X.cols, sigma, t, reps, seed,
      discrete, variant, backend, seconds, sigmaAuto, kernel, files: [X.file, Y.file],
      clustersOut: out ?? null,
      cache: cache === null ? null : { path: cache.path, precision: cache.precision, loaded },
      approximate: numpySeed === null ? null : { method: 'chebyshev', numpySeed },
    }) + '\n');
    return;
  }
  const lines = [
    `DSMI${numpySeed === null ? '' : ' (Chebyshev approximation)'} = ${result.value} bits`,
    `  X         ${X.file}: ${X.rows} rows x ${X.cols} columns`,
    `  Y         ${Y.file}: ${Y.cols} column${Y.cols === 1 ? '' : 's'}, ${discrete ? 'discrete labels' : Y.cols === 1 ? `continuous, binned into ${nClusters}` : `continuous, spectral clustering into ${nClusters}`}`,
    `  clusters  ${sizes.size} (sizes ${Object.values(clusterSizes).join(', ')})${out !== undefined ? `, written to ${out}` : ''}`,
    `  ${kernel.type === 'gaussian' ? 'sigma    ' : 'kernel   '} ${describeKernel(kernel, sigmaAuto).replace(/^sigma /, '')}, t ${t}, reps ${reps}, seed ${seed}, entropy ${variant}`,
    `  backend   ${backend}, ${seconds} s`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
