// dse entropy <X>: diffusion spectral entropy (docs/measures.md), or its matrix-entry and classic variants.
import {
  classicShannonEntropy, DEFAULTS, diffusionEigenvalues, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate,
  kernelDiagnosis, spectralEntropy, subsample, type EntropyEstimate,
} from '../index.js';
import { choiceOption, numberOption, parseArgs, positionals, sigmaOption, UsageError, type CommandSpec } from './args.js';
import { autoSigma } from './bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, secondsSince, warn } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';

export const entropySpec: CommandSpec = {
  name: 'entropy',
  values: ['sigma', 't', 'max-n', 'seed', 'variant', 'bins', 'tolerance', 'confidence', 'max-matvecs', 'precision', ...INPUT_VALUES],
  flags: ['json', 'estimate'],
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
  const estimate = args.flags.has('estimate');
  const tolerance = numberOption(args, 'tolerance', { exclusiveMin: 0 }) ?? 0.01;
  const confidence = numberOption(args, 'confidence', { exclusiveMin: 0 }) ?? 0.95;
  const maxMatvecs = numberOption(args, 'max-matvecs', { integer: true, min: 1 }) ?? 20000;
  const precision = choiceOption(args, 'precision', ['float64', 'float32', 'matrix-free'] as const, 'float64');
  if (estimate && variant !== 'eigen') throw new UsageError(`--estimate computes the eigen variant only, received --variant ${variant}`);
  const X = await readInput(path, inputOptions(args));

  const start = performance.now();
  const used = aboutFile(X.file, () => (variant === 'classic' ? X : subsample(X, { maxN, seed })));
  const sigma = variant === 'classic' ? null : sigmaArg === 'auto' ? aboutFile(X.file, () => autoSigma(used, seed, X.file)) : sigmaArg;
  const warnings: string[] = [];
  let value: number;
  let interval: EntropyEstimate | null = null;
  if (variant === 'eigen' && estimate) {
    const progress = new Progress(process.stderr, used.rows >= 1000);
    progress.update(0, `estimate over ${used.rows} rows`);
    try {
      interval = aboutFile(X.file, () => diffusionSpectralEntropyEstimate(used, {
        sigma: sigma!, t, tolerance, confidence, maxMatvecs, precision, backend, seed,
        onProgress: (p) => progress.update(Math.min(0.99, p.matvecs / maxMatvecs), `${p.probes} probes, [${p.lower.toFixed(4)}, ${p.upper.toFixed(4)}]`),
      }));
    } finally {
      progress.done();
    }
    value = interval.value;
  } else if (variant === 'eigen') {
    const progress = new Progress(process.stderr, used.rows >= 1000);
    progress.update(0, `eigenvalues of K (${used.rows} x ${used.rows})`);
    let eigenvalues: Float64Array;
    try {
      eigenvalues = aboutFile(X.file, () => diffusionEigenvalues(used, { sigma: sigma!, backend }));
    } finally {
      progress.done();
    }
    value = spectralEntropy(eigenvalues, { t });
    const diagnosis = kernelDiagnosis(used, { sigma: sigma!, eigenvalues });
    if (diagnosis !== null) warnings.push(diagnosis.message);
  } else if (variant === 'matrix-entry') {
    value = aboutFile(X.file, () => diffusionSpectralEntropy(X, { variant, sigma: sigma!, maxN, seed, backend }));
  } else {
    value = aboutFile(X.file, () => classicShannonEntropy(X, { bins }));
  }
  const seconds = secondsSince(start);
  for (const w of warnings) warn(`${X.file}: ${w}`);

  const n = variant === 'classic' ? X.rows : used.rows;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      dse: value, n, dims: X.cols, sigma, t: variant === 'eigen' ? t : null, backend, seconds,
      variant, rows: X.rows, maxN, seed, sigmaAuto: sigmaArg === 'auto', bins: variant === 'classic' ? bins : null,
      bound: Math.log2(n), file: X.file, warnings,
      ...(interval === null ? {} : {
        lower: interval.lower, upper: interval.upper, guaranteed: interval.guaranteed, matvecs: interval.matvecs,
        confidence: interval.guaranteed ? null : confidence, tolerance, deflated: interval.deflated, probes: interval.probes, precision,
      }),
    }) + '\n');
    return;
  }
  const name = variant === 'classic' ? 'classic Shannon entropy' : variant === 'matrix-entry' ? 'matrix-entry DSE' : 'DSE';
  const lines = [interval === null ? `${name} = ${value} bits`
    : `${name} = ${value} bits (${interval.guaranteed ? 'guaranteed' : `${+(100 * confidence).toFixed(6)}%`} interval [${interval.lower}, ${interval.upper}], ${interval.matvecs} matvecs)`];
  lines.push(`  X        ${X.file}: ${X.rows} rows x ${X.cols} columns${used.rows < X.rows && variant !== 'classic' ? `, ${used.rows} sampled (--max-n ${maxN}, --seed ${seed})` : ''}`);
  if (variant === 'classic') lines.push(`  bins     ${bins}`);
  else lines.push(`  sigma    ${sigma}${sigmaArg === 'auto' ? ' (auto: median pairwise distance)' : ''}${variant === 'eigen' ? `, t ${t}` : ''}`);
  lines.push(`  bound    log2 N = ${Math.log2(n).toFixed(4)} bits`);
  if (interval !== null) lines.push(`  estimate tolerance ${tolerance} bits, ${interval.deflated} eigenpairs deflated, ${interval.probes} probes, K in ${precision}`);
  lines.push(`  backend  ${backend}, ${seconds} s`);
  process.stdout.write(lines.join('\n') + '\n');
}
