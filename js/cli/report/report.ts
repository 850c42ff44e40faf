// dse report <X> [<labels>] --out report.html: the numbers behind the report, and the command that writes it.
import { writeFileSync } from 'node:fs';
import {
  DEFAULTS, diffusionEigenvalues, diffusionSpectralEntropyEstimate, diffusionSpectralMutualInformation, kernelDiagnosis,
  spectralEntropy, subsample, type BackendName, type ClassTerm, type EntropyEstimate, type VonNeumannCurve,
} from '../../index.js';
import { InputError } from '../../io/input-error.js';
import { kernelOption, KERNEL_VALUES, numberOption, parseArgs, positionals, UsageError, type CommandSpec, type KernelChoice } from '../args.js';
import { distanceScale } from '../bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, resolveKernel, secondsSince, warn, type ResolvedKernel } from '../common.js';
import { computeScores, SCORE_MEASURES, type Score } from '../score-measures.js';
import { readInput, type Input } from '../input.js';
import { Progress } from '../progress.js';
import { renderReport } from './report-html.js';
import { trainingReportCommand } from './training-report.js';

export const reportSpec: CommandSpec = {
  name: 'report',
  values: ['out', ...KERNEL_VALUES, 't', 'max-n', 'seed', 'reps', 'tolerance', ...INPUT_VALUES],
  flags: ['estimate'],
};

/** The sweep of sigma: the median distance times 2^k, k = -3..3. */
export const SWEEP_POWERS = [-3, -2, -1, 0, 1, 2, 3];
/** Diffusion times of the DSE-against-t curve. */
export const TIMES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface ReportOptions {
  kernel: KernelChoice;
  t: number;
  maxN: number;
  seed: number;
  reps: number;
  backend: BackendName;
  /** With --estimate: the estimate's tolerance in bits (its interval is shown beside the exact DSE); else null. */
  estimate?: { tolerance: number } | null;
}

/** Everything the report shows. */
export interface ReportData {
  file: string;
  labelsFile: string | null;
  rows: number;
  cols: number;
  /** Rows used after the maxN subsample. */
  n: number;
  options: ReportOptions;
  /** The kernel, its sigma resolved. */
  kernel: ResolvedKernel;
  /** The Gaussian kernel's sigma; null for the adaptive kernel. */
  sigma: number | null;
  medianDistance: number;
  /** What the sweep of sigma is centred on: the median distance, else see {@link distanceScale}; null: no sweep. */
  sweepCentre: number | null;
  /** DSE at (sigma, t). */
  dse: number;
  /** With --estimate: diffusionSpectralEntropyEstimate at (sigma, t) on the same rows, and its tolerance. */
  estimate: (EntropyEstimate & { tolerance: number }) | null;
  /** Eigenvalues of K at sigma, descending. */
  eigenvalues: Float64Array;
  /** [t, DSE at sigma] for t = 1..10. */
  byTime: [number, number][];
  /** [sigma', DSE at t = 1, DSE at t] over the sweep (Gaussian kernel, same alpha); empty for the adaptive kernel or when every row is the same. */
  bySigma: [number, number, number][];
  /** The toolkit's measures (js/cli/score-measures.ts) on the rows used. */
  toolkit: Score[];
  /** The von Neumann entropy curve of P on the same kernel, and PHATE's chosen t. */
  vne: VonNeumannCurve | null;
  classTerms: ClassTerm[] | null;
  dsmi: number | null;
  warnings: string[];
  seconds: number;
}

/** Class labels from a one-column input of integers, one per row of X. */
export function classLabels(labels: Input, rows: number, xFile: string): ArrayLike<number> {
  if (labels.cols !== 1) throw new InputError(labels.file, `has ${labels.cols} columns; labels must be one column of integer class labels`);
  if (labels.rows !== rows) throw new InputError(labels.file, `has ${labels.rows} labels but ${xFile} has ${rows} rows`);
  for (let i = 0; i < labels.data.length; i++) {
    if (!Number.isInteger(labels.data[i])) throw new InputError(labels.file, `row ${i} (counting from 0) is ${labels.data[i]}, not an integer class label`);
  }
  return labels.data;
}

/**
 * Computes the report's numbers: eigenvalues at sigma, DSE for t = 1..10 (from the same eigenvalues), DSE
 * over a sweep of sigma around the median distance, and with labels the per-class terms of DSMI.
 */
export function computeReport(
  X: Input,
  labels: { file: string; data: ArrayLike<number> } | null,
  options: ReportOptions,
  onProgress: (fraction: number, stage: string) => void = () => {},
): ReportData {
  const start = performance.now();
  const used = aboutFile(X.file, () => subsample(X, { maxN: options.maxN, seed: options.seed }));
  const scale = aboutFile(X.file, () => distanceScale(used, options.seed));
  const kernel = resolveKernel(options.kernel, X.file, used, options.seed);
  const sigma = kernel.type === 'gaussian' ? kernel.sigma : null;
  const sweep = kernel.type !== 'gaussian' || scale.centre === null ? [] : SWEEP_POWERS.map((k) => scale.centre! * 2 ** k);
  const steps = 2 + sweep.length + (labels === null ? 0 : 1) + (options.estimate ? 1 : 0);
  let done = 0;
  const eigenvaluesAt = (k: ResolvedKernel, stage: string) => {
    onProgress(done / steps, stage);
    const e = aboutFile(X.file, () => diffusionEigenvalues(used, { kernel: k, backend: options.backend }));
    done++;
    return e;
  };

  const eigenvalues = eigenvaluesAt(kernel, sigma === null ? 'eigenvalues of K' : `eigenvalues at sigma ${sigma.toPrecision(4)}`);
  const byTime = TIMES.map((t): [number, number] => [t, spectralEntropy(eigenvalues, { t })]);
  let estimate: ReportData['estimate'] = null;
  if (options.estimate) {
    onProgress(done / steps, 'DSE estimate with interval');
    const { tolerance } = options.estimate;
    estimate = { ...aboutFile(X.file, () => diffusionSpectralEntropyEstimate(used, { sigma: sigma!, t: options.t, tolerance, seed: options.seed, backend: options.backend })), tolerance };
    done++;
  }
  const bySigma = sweep.map((s): [number, number, number] => {
    const e = eigenvaluesAt({ type: 'gaussian', sigma: s, alpha: kernel.alpha }, `sigma sweep, sigma ${s.toPrecision(4)}`);
    return [s, spectralEntropy(e, { t: 1 }), spectralEntropy(e, { t: options.t })];
  });
  onProgress(done / steps, 'toolkit measures');
  const { scores: toolkit, vne } = aboutFile(X.file, () => computeScores(used, SCORE_MEASURES, { kernel, t: options.t, maxN: options.maxN, seed: options.seed, backend: options.backend }));
  done++;
  const warnings: string[] = scale.note === null || kernel.type !== 'gaussian' ? [] : [scale.note];
  // Identical rows make K constant at any sigma: the note above says so, and no other sigma would help.
  const diagnosis = scale.centre === null ? null : kernelDiagnosis(used, { kernel, eigenvalues });
  if (diagnosis !== null) warnings.push(diagnosis.message);

  let classTerms: ClassTerm[] | null = null;
  if (labels !== null) {
    const base = done;
    classTerms = diffusionSpectralMutualInformation(X, labels.data, {
      discrete: true, kernel, t: options.t, reps: options.reps, seed: options.seed, backend: options.backend,
      onProgress: (f, stage) => onProgress((base + f) / steps, stage),
    }).classes;
  }
  onProgress(1, 'done');
  return {
    file: X.file, labelsFile: labels?.file ?? null, rows: X.rows, cols: X.cols, n: used.rows, options, kernel, sigma,
    medianDistance: scale.median, sweepCentre: scale.centre, dse: spectralEntropy(eigenvalues, { t: options.t }), estimate, eigenvalues, byTime, bySigma,
    toolkit, vne,
    classTerms, dsmi: classTerms === null ? null : classTerms.reduce((s, c) => s + c.term, 0), warnings,
    seconds: secondsSince(start),
  };
}

export async function reportCommand(argv: string[]): Promise<void> {
  if (argv.some((a) => a === '--training' || a.startsWith('--training='))) return trainingReportCommand(argv);
  const args = parseArgs(argv, reportSpec);
  const [xPath, labelsPath] = positionals(args, 'report', ['<X>', '<labels>'], 1);
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError('dse report: --out F.html is required');
  if (xPath === '-' && labelsPath === '-') throw new UsageError('dse report: only one of <X> and <labels> can be standard input (-)');
  const options: ReportOptions = {
    kernel: kernelOption(args),
    t: numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t,
    maxN: numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN,
    seed: numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed,
    reps: numberOption(args, 'reps', { integer: true, min: 1 }) ?? DEFAULTS.reps,
    backend: backendOption(args),
    estimate: args.flags.has('estimate') ? { tolerance: numberOption(args, 'tolerance', { exclusiveMin: 0 }) ?? DEFAULTS.tolerance } : null,
  };
  if (options.estimate && (options.kernel.type !== 'gaussian' || options.kernel.alpha !== 0)) throw new UsageError("--estimate supports the Gaussian kernel with --alpha 0 (the reference's K) only");
  if (!options.estimate && args.values.has('tolerance')) throw new UsageError('--tolerance is the tolerance of --estimate: give --estimate too');
  const X = await readInput(xPath, inputOptions(args));
  let labels: { file: string; data: ArrayLike<number> } | null = null;
  if (labelsPath !== undefined) {
    const L = await readInput(labelsPath, { ...inputOptions(args), cols: 1, rows: undefined });
    labels = { file: L.file, data: classLabels(L, X.rows, X.file) };
  }
  const progress = new Progress(process.stderr, X.rows >= 500);
  let data: ReportData;
  try {
    data = computeReport(X, labels, options, (f, stage) => progress.update(f, stage));
  } finally {
    progress.done();
  }
  for (const w of data.warnings) warn(`${X.file}: ${w}`);
  try {
    writeFileSync(out, renderReport(data));
  } catch (e) {
    throw new InputError(out, `cannot be written (${(e as Error).message})`);
  }
  const e = data.estimate;
  const interval = e === null ? '' : ` (estimate ${e.value}, ${e.guaranteed ? 'guaranteed' : '95%'} interval [${e.lower}, ${e.upper}])`;
  process.stdout.write(`wrote ${out}: DSE ${data.dse} bits${interval} at ${data.sigma === null ? `the adaptive kernel (k ${options.kernel.type === 'adaptive' ? options.kernel.k : ''})` : `sigma ${data.sigma}`}, t ${options.t}${data.dsmi === null ? '' : `; DSMI ${data.dsmi} bits`} (${data.seconds} s)\n`);
}
