// dse entropy <X>: diffusion spectral entropy (docs/measures.md), or its matrix-entry and classic variants.
import {
  classicShannonEntropy, DEFAULTS, diffusionEigenvalues, diffusionSpectralEntropy, kernelDiagnosis, spectralEntropy,
  subsample,
} from '../index.js';
import { choiceOption, kernelOption, KERNEL_VALUES, numberOption, parseArgs, positionals, type CommandSpec } from './args.js';
import { aboutFile, backendOption, describeKernel, INPUT_VALUES, inputOptions, resolveKernel, secondsSince, warn, type ResolvedKernel } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';

export const entropySpec: CommandSpec = {
  name: 'entropy',
  values: [...KERNEL_VALUES, 't', 'max-n', 'seed', 'variant', 'bins', ...INPUT_VALUES],
  flags: ['json'],
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
  const X = await readInput(path, inputOptions(args));

  const start = performance.now();
  const used = aboutFile(X.file, () => (variant === 'classic' ? X : subsample(X, { maxN, seed })));
  const kernel: ResolvedKernel | null = variant === 'classic' ? null : resolveKernel(choice, X.file, used, seed);
  const sigma = kernel?.type === 'gaussian' ? kernel.sigma : null;
  const warnings: string[] = [];
  let value: number;
  if (variant === 'eigen') {
    const progress = new Progress(process.stderr, used.rows >= 1000);
    progress.update(0, `eigenvalues of K (${used.rows} x ${used.rows})`);
    let eigenvalues: Float64Array;
    try {
      eigenvalues = aboutFile(X.file, () => diffusionEigenvalues(used, { kernel: kernel!, backend }));
    } finally {
      progress.done();
    }
    value = spectralEntropy(eigenvalues, { t });
    const diagnosis = kernelDiagnosis(used, { kernel: kernel!, eigenvalues });
    if (diagnosis !== null) warnings.push(diagnosis.message);
  } else if (variant === 'matrix-entry') {
    value = aboutFile(X.file, () => diffusionSpectralEntropy(X, { variant, kernel: kernel!, maxN, seed, backend }));
  } else {
    value = aboutFile(X.file, () => classicShannonEntropy(X, { bins }));
  }
  const seconds = secondsSince(start);
  for (const w of warnings) warn(`${X.file}: ${w}`);

  const n = variant === 'classic' ? X.rows : used.rows;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      dse: value, n, dims: X.cols, sigma, t: variant === 'eigen' ? t : null, backend, seconds,
      variant, rows: X.rows, maxN, seed, sigmaAuto, kernel, bins: variant === 'classic' ? bins : null,
      bound: Math.log2(n), file: X.file, warnings,
    }) + '\n');
    return;
  }
  const name = variant === 'classic' ? 'classic Shannon entropy' : variant === 'matrix-entry' ? 'matrix-entry DSE' : 'DSE';
  const lines = [`${name} = ${value} bits`];
  lines.push(`  X        ${X.file}: ${X.rows} rows x ${X.cols} columns${used.rows < X.rows && variant !== 'classic' ? `, ${used.rows} sampled (--max-n ${maxN}, --seed ${seed})` : ''}`);
  if (variant === 'classic') lines.push(`  bins     ${bins}`);
  else lines.push(`  ${kernel!.type === 'gaussian' ? 'sigma   ' : 'kernel  '} ${describeKernel(kernel!, sigmaAuto).replace(/^sigma /, '')}${variant === 'eigen' ? `, t ${t}` : ''}`);
  lines.push(`  bound    log2 N = ${Math.log2(n).toFixed(4)} bits`);
  lines.push(`  backend  ${backend}, ${seconds} s`);
  process.stdout.write(lines.join('\n') + '\n');
}
