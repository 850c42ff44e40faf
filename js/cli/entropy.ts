// dse entropy <X>: diffusion spectral entropy (docs/measures.md), or its matrix-entry and classic variants.
import {
  classicShannonEntropy, DEFAULTS, diffusionEigenvalues, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate,
  kernelDiagnosis, spectralEntropy, subsample, type EntropyEstimate,
} from '../index.js';
import { choiceOption, kernelOption, KERNEL_VALUES, numberOption, parseArgs, positionals, UsageError, type CommandSpec } from './args.js';
import { aboutFile, backendOption, describeKernel, INPUT_VALUES, inputOptions, resolveKernel, secondsSince, warn, type ResolvedKernel } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';
import { cachedEigenvalues, CACHE_VALUES } from './cache.js';
import { SILENT, Stages } from './verbose.js';
import { APPROXIMATE_VALUES, APPROXIMATE_WARNING, eigenvalueSourceOptions } from './approximate.js';

export const entropySpec: CommandSpec = {
  name: 'entropy',
  values: [...KERNEL_VALUES, 't', 'max-n', 'seed', 'variant', 'bins', 'tolerance', 'confidence', 'max-matvecs', 'precision', ...CACHE_VALUES, ...APPROXIMATE_VALUES, ...INPUT_VALUES],
  flags: ['json', 'estimate', 'verbose'],
};

const VARIANTS = ['eigen', 'matrix-entry', 'classic'] as const;

export async function entropyCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, entropySpec);
  const [path] = positionals(args, 'entropy', ['<X>']);
  const choice = kernelOption(args);
  const sigmaAuto = choice.type === 'gaussian' && choice.sigma === 'auto';
  const t = numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t;
  const maxN = numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const bins = numberOption(args, 'bins', { integer: true, min: 1 }) ?? DEFAULTS.bins;
  const variant = choiceOption(args, 'variant', VARIANTS, DEFAULTS.variant);
  const backend = backendOption(args);
  const estimate = args.flags.has('estimate');
  const tolerance = numberOption(args, 'tolerance', { exclusiveMin: 0 }) ?? DEFAULTS.tolerance;
  const confidence = numberOption(args, 'confidence', { exclusiveMin: 0 }) ?? DEFAULTS.confidence;
  const maxMatvecs = numberOption(args, 'max-matvecs', { integer: true, min: 1 }) ?? DEFAULTS.maxMatvecs;
  const precision = choiceOption(args, 'precision', ['float64', 'float32', 'matrix-free'] as const, DEFAULTS.precision);
  if (estimate && variant !== 'eigen') throw new UsageError(`--estimate computes the eigen variant only, received --variant ${variant}`);
  if (estimate && choice.type === 'gaussian' && choice.alpha !== 0) throw new UsageError("--estimate supports the Gaussian kernel with --alpha 0 (the reference's K) or --kernel adaptive, received --alpha " + choice.alpha);
  if (estimate && choice.type === 'adaptive' && precision !== 'float64') throw new UsageError(`--estimate with --kernel adaptive holds K sparse in float64: --precision must be float64, received ${precision}`);
  const { cache, numpySeed } = eigenvalueSourceOptions(args, variant);
  const stages = new Stages(args.flags.has('verbose'));
  if (estimate && numpySeed !== null) throw new UsageError('--estimate and --approximate cannot be used together: they are two different approximations of the DSE');
  if (estimate && cache !== null) throw new UsageError('--estimate and --eigenvalues-cache cannot be used together: the estimate computes no eigenvalues to cache');
  const X = await readInput(path, inputOptions(args));
  stages.mark(`read ${X.file} (${X.rows} x ${X.cols})`);

  const start = performance.now();
  const used = stages.time(`rows used: ${variant === 'classic' ? X.rows : Math.min(X.rows, maxN)} of ${X.rows}`, () => aboutFile(X.file, () => (variant === 'classic' ? X : subsample(X, { maxN, seed }))));
  const resolve = (): ResolvedKernel => resolveKernel(choice, X.file, used, seed);
  const kernel: ResolvedKernel | null = variant === 'classic' ? null : sigmaAuto ? stages.time('sigma auto (median pairwise distance)', resolve) : resolve();
  const sigma = kernel?.type === 'gaussian' ? kernel.sigma : null;
  const warnings: string[] = [];
  let value: number;
  let interval: EntropyEstimate | null = null;
  if (numpySeed !== null) {
    value = stages.time(`Chebyshev estimate of the spectrum of K (${used.rows} x ${used.rows}, numpy seed ${numpySeed}) and its entropy`,
      () => aboutFile(X.file, () => diffusionSpectralEntropy(used, { kernel: kernel!, t, approximate: 'chebyshev', numpySeed, backend })));
    warnings.push(APPROXIMATE_WARNING);
  } else if (variant === 'eigen' && estimate) {
    const progress = new Progress(stages.enabled ? SILENT : process.stderr, used.rows >= 1000);
    progress.update(0, `estimate over ${used.rows} rows`);
    try {
      interval = stages.time(`DSE estimate with interval (${used.rows} rows, K in ${precision})`, () => aboutFile(X.file, () => diffusionSpectralEntropyEstimate(used, {
        ...(kernel!.type === 'gaussian' ? { sigma: sigma! } : { kernel: kernel! }), t, tolerance, confidence, maxMatvecs, precision, backend, seed,
        onProgress: (p) => progress.update(Math.min(0.99, p.matvecs / maxMatvecs), `${p.probes} probes, [${p.lower.toFixed(4)}, ${p.upper.toFixed(4)}]`),
      })));
    } finally {
      progress.done();
    }
    value = interval.value;
  } else if (variant === 'eigen') {
    const eigenvalues = cachedEigenvalues(cache, used.rows, stages, backend,
      (onProgress) => aboutFile(X.file, () => diffusionEigenvalues(used, { kernel: kernel!, backend, onProgress })));
    value = stages.time('entropy of |eigenvalues|^t', () => spectralEntropy(eigenvalues, { t }));
    const diagnosis = kernelDiagnosis(used, { kernel: kernel!, eigenvalues });
    if (diagnosis !== null) warnings.push(diagnosis.message);
  } else if (variant === 'matrix-entry') {
    value = stages.time(`matrix-entry entropy (${used.rows} x ${used.rows}, ${backend})`, () => aboutFile(X.file, () => diffusionSpectralEntropy(X, { variant, kernel: kernel!, maxN, seed, backend })));
  } else {
    value = stages.time(`classic entropy (${bins} bins)`, () => aboutFile(X.file, () => classicShannonEntropy(X, { bins })));
  }
  const seconds = secondsSince(start);
  for (const w of warnings) warn(`${X.file}: ${w}`);

  const n = variant === 'classic' ? X.rows : used.rows;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      dse: value, n, dims: X.cols, sigma, t: variant === 'eigen' ? t : null, backend, seconds,
      variant, rows: X.rows, maxN, seed, sigmaAuto, kernel, bins: variant === 'classic' ? bins : null,
      bound: Math.log2(n), file: X.file, warnings,
      ...(interval === null ? {} : {
        lower: interval.lower, upper: interval.upper, guaranteed: interval.guaranteed, matvecs: interval.matvecs,
        confidence: interval.guaranteed ? null : confidence, tolerance, deflated: interval.deflated, probes: interval.probes, precision,
      }),
      cache: cache === null ? null : { path: cache.path, precision: cache.precision, loaded: cache.exists },
      approximate: numpySeed === null ? null : { method: 'chebyshev', numpySeed },
    }) + '\n');
    return;
  }
  const name = variant === 'classic' ? 'classic Shannon entropy' : variant === 'matrix-entry' ? 'matrix-entry DSE' : numpySeed !== null ? 'DSE (Chebyshev approximation)' : 'DSE';
  const lines = [interval === null ? `${name} = ${value} bits`
    : `${name} = ${value} bits (${interval.guaranteed ? 'guaranteed' : `${+(100 * confidence).toFixed(6)}%`} interval [${interval.lower}, ${interval.upper}], ${interval.matvecs} matvecs)`];
  lines.push(`  X        ${X.file}: ${X.rows} rows x ${X.cols} columns${used.rows < X.rows && variant !== 'classic' ? `, ${used.rows} sampled (--max-n ${maxN}, --seed ${seed})` : ''}`);
  if (variant === 'classic') lines.push(`  bins     ${bins}`);
  else lines.push(`  ${kernel!.type === 'gaussian' ? 'sigma   ' : 'kernel  '} ${describeKernel(kernel!, sigmaAuto).replace(/^sigma /, '')}${variant === 'eigen' ? `, t ${t}` : ''}`);
  lines.push(`  bound    log2 N = ${Math.log2(n).toFixed(4)} bits`);
  if (interval !== null) lines.push(`  estimate tolerance ${tolerance} bits, ${interval.deflated} eigenpairs deflated, ${interval.probes} probes, K in ${precision}`);
  if (cache !== null) lines.push(`  cache    ${cache.path} (${cache.exists ? 'loaded' : `written, ${cache.precision}`})`);
  lines.push(`  backend  ${backend}, ${seconds} s`);
  process.stdout.write(lines.join('\n') + '\n');
}
