// dse entropy <X>: diffusion spectral entropy (docs/measures.md), or its matrix-entry and classic variants.
import {
  classicShannonEntropy, DEFAULTS, diffusionEigenvalues, diffusionSpectralEntropy, kernelDiagnosis,
  spectralEntropy, subsample,
} from '../index.js';
import { choiceOption, numberOption, parseArgs, positionals, sigmaOption, UsageError, type CommandSpec } from './args.js';
import { autoSigma } from './bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, secondsSince, warn } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';
import { cacheOption, CACHE_VALUES, loadedNote, loadEigenvalues, saveEigenvalues, writtenNote } from './cache.js';
import { eigenvalueStages, SILENT, Stages } from './verbose.js';
import { approximateOption, APPROXIMATE_VALUES, APPROXIMATE_WARNING } from './approximate.js';

export const entropySpec: CommandSpec = {
  name: 'entropy',
  values: ['sigma', 't', 'max-n', 'seed', 'variant', 'bins', ...CACHE_VALUES, ...APPROXIMATE_VALUES, ...INPUT_VALUES],
  flags: ['json', 'verbose'],
};

const VARIANTS = ['eigen', 'matrix-entry', 'classic'] as const;

export async function entropyCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, entropySpec);
  const [path] = positionals(args, 'entropy', ['<X>']);
  const sigmaArg = sigmaOption(args);
  const t = numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t;
  const maxN = numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const bins = numberOption(args, 'bins', { integer: true, min: 1 }) ?? DEFAULTS.bins;
  const variant = choiceOption(args, 'variant', VARIANTS, DEFAULTS.variant);
  const backend = backendOption(args);
  const cache = cacheOption(args);
  if (cache !== null && variant !== 'eigen') throw new UsageError(`--eigenvalues-cache caches eigenvalues: it cannot be used with --variant ${variant}`);
  const numpySeed = approximateOption(args);
  if (numpySeed !== null && variant !== 'eigen') throw new UsageError(`--approximate estimates eigenvalues: it cannot be used with --variant ${variant}`);
  if (numpySeed !== null && cache !== null) throw new UsageError('--approximate and --eigenvalues-cache cannot be used together: the cache holds exact eigenvalues');
  const stages = new Stages(args.flags.has('verbose'));
  const X = await readInput(path, inputOptions(args));
  stages.mark(`read ${X.file} (${X.rows} x ${X.cols})`);

  const start = performance.now();
  const used = stages.time(`rows used: ${variant === 'classic' ? X.rows : Math.min(X.rows, maxN)} of ${X.rows}`, () => aboutFile(X.file, () => (variant === 'classic' ? X : subsample(X, { maxN, seed }))));
  const sigma = variant === 'classic' ? null : sigmaArg === 'auto' ? stages.time('sigma auto (median pairwise distance)', () => aboutFile(X.file, () => autoSigma(used, seed, X.file))) : sigmaArg;
  const warnings: string[] = [];
  let value: number;
  if (numpySeed !== null) {
    value = stages.time(`Chebyshev estimate of the spectrum of K (${used.rows} x ${used.rows}, numpy seed ${numpySeed}) and its entropy`,
      () => aboutFile(X.file, () => diffusionSpectralEntropy(used, { sigma: sigma!, t, approximate: 'chebyshev', numpySeed, backend })));
    warnings.push(APPROXIMATE_WARNING);
  } else if (variant === 'eigen') {
    let eigenvalues: Float64Array;
    if (cache !== null && cache.exists) {
      eigenvalues = stages.time(`load eigenvalue cache ${cache.path}`, () => loadEigenvalues(cache, used.rows));
      process.stderr.write(loadedNote(cache, eigenvalues.length, 'eigenvalues'));
    } else {
      const progress = new Progress(stages.enabled ? SILENT : process.stderr, used.rows >= 1000);
      progress.update(0, `eigenvalues of K (${used.rows} x ${used.rows})`);
      try {
        const onProgress = eigenvalueStages(stages, progress, used.rows, backend);
        eigenvalues = aboutFile(X.file, () => diffusionEigenvalues(used, { sigma: sigma!, backend, onProgress }));
      } finally {
        progress.done();
      }
      if (cache !== null) {
        stages.time(`save eigenvalue cache ${cache.path}`, () => saveEigenvalues(cache, eigenvalues));
        process.stderr.write(writtenNote(cache, eigenvalues.length, 'eigenvalues'));
      }
    }
    value = stages.time('entropy of |eigenvalues|^t', () => spectralEntropy(eigenvalues, { t }));
    const diagnosis = kernelDiagnosis(used, { sigma: sigma!, eigenvalues });
    if (diagnosis !== null) warnings.push(diagnosis.message);
  } else if (variant === 'matrix-entry') {
    value = stages.time(`matrix-entry entropy (${used.rows} x ${used.rows}, ${backend})`, () => aboutFile(X.file, () => diffusionSpectralEntropy(X, { variant, sigma: sigma!, maxN, seed, backend })));
  } else {
    value = stages.time(`classic entropy (${bins} bins)`, () => aboutFile(X.file, () => classicShannonEntropy(X, { bins })));
  }
  const seconds = secondsSince(start);
  for (const w of warnings) warn(`${X.file}: ${w}`);

  const n = variant === 'classic' ? X.rows : used.rows;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      dse: value, n, dims: X.cols, sigma, t: variant === 'eigen' ? t : null, backend, seconds,
      variant, rows: X.rows, maxN, seed, sigmaAuto: sigmaArg === 'auto', bins: variant === 'classic' ? bins : null,
      bound: Math.log2(n), file: X.file, warnings,
      cache: cache === null ? null : { path: cache.path, precision: cache.precision, loaded: cache.exists },
      approximate: numpySeed === null ? null : { method: 'chebyshev', numpySeed },
    }) + '\n');
    return;
  }
  const name = variant === 'classic' ? 'classic Shannon entropy' : variant === 'matrix-entry' ? 'matrix-entry DSE' : numpySeed !== null ? 'DSE (Chebyshev approximation)' : 'DSE';
  const lines = [`${name} = ${value} bits`];
  lines.push(`  X        ${X.file}: ${X.rows} rows x ${X.cols} columns${used.rows < X.rows && variant !== 'classic' ? `, ${used.rows} sampled (--max-n ${maxN}, --seed ${seed})` : ''}`);
  if (variant === 'classic') lines.push(`  bins     ${bins}`);
  else lines.push(`  sigma    ${sigma}${sigmaArg === 'auto' ? ' (auto: median pairwise distance)' : ''}${variant === 'eigen' ? `, t ${t}` : ''}`);
  lines.push(`  bound    log2 N = ${Math.log2(n).toFixed(4)} bits`);
  if (cache !== null) lines.push(`  cache    ${cache.path} (${cache.exists ? 'loaded' : `written, ${cache.precision}`})`);
  lines.push(`  backend  ${backend}, ${seconds} s`);
  process.stdout.write(lines.join('\n') + '\n');
}
