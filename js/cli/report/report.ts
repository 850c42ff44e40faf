// dse report <X> [<labels>] --out report.html: the numbers behind the report, and the command that writes it.
import { writeFileSync } from 'node:fs';
import {
  DEFAULTS, diffusionEigenvalues, diffusionSpectralMutualInformation, kernelDiagnosis, spectralEntropy,
  subsample, type BackendName, type ClassTerm,
} from '../../index.js';
import { InputError } from '../../io/input-error.js';
import { numberOption, parseArgs, positionals, sigmaOption, UsageError, type CommandSpec } from '../args.js';
import { autoSigma, distanceScale } from '../bandwidth.js';
import { aboutFile, backendOption, INPUT_VALUES, inputOptions, secondsSince, warn } from '../common.js';
import { readInput, type Input } from '../input.js';
import { Progress } from '../progress.js';
import { renderReport } from './report-html.js';
import { trainingReportCommand } from './training-report.js';

export const reportSpec: CommandSpec = {
  name: 'report',
  values: ['out', 'sigma', 't', 'max-n', 'seed', 'reps', ...INPUT_VALUES],
  flags: [],
};

/** The sweep of sigma: the median distance times 2^k, k = -3..3. */
export const SWEEP_POWERS = [-3, -2, -1, 0, 1, 2, 3];
/** Diffusion times of the DSE-against-t curve. */
export const TIMES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface ReportOptions {
  sigma: number | 'auto';
  t: number;
  maxN: number;
  seed: number;
  reps: number;
  backend: BackendName;
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
  sigma: number;
  medianDistance: number;
  /** What the sweep of sigma is centred on: the median distance, else see {@link distanceScale}; null: no sweep. */
  sweepCentre: number | null;
  /** DSE at (sigma, t). */
  dse: number;
  /** Eigenvalues of K at sigma, descending. */
  eigenvalues: Float64Array;
  /** [t, DSE at sigma] for t = 1..10. */
  byTime: [number, number][];
  /** [sigma', DSE at t = 1, DSE at t] over the sweep; empty when every row is the same. */
  bySigma: [number, number, number][];
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
  const sigma = options.sigma === 'auto' ? autoSigma(used, options.seed, X.file) : options.sigma;
  const sweep = scale.centre === null ? [] : SWEEP_POWERS.map((k) => scale.centre! * 2 ** k);
  const steps = 1 + sweep.length + (labels === null ? 0 : 1);
  let done = 0;
  const eigenvaluesAt = (s: number, stage: string) => {
    onProgress(done / steps, stage);
    const e = aboutFile(X.file, () => diffusionEigenvalues(used, { sigma: s, backend: options.backend }));
    done++;
    return e;
  };

  const eigenvalues = eigenvaluesAt(sigma, `eigenvalues at sigma ${sigma.toPrecision(4)}`);
  const byTime = TIMES.map((t): [number, number] => [t, spectralEntropy(eigenvalues, { t })]);
  const bySigma = sweep.map((s): [number, number, number] => {
    const e = eigenvaluesAt(s, `sigma sweep, sigma ${s.toPrecision(4)}`);
    return [s, spectralEntropy(e, { t: 1 }), spectralEntropy(e, { t: options.t })];
  });
  const warnings: string[] = scale.note === null ? [] : [scale.note];
  // Identical rows make K constant at any sigma: the note above says so, and no other sigma would help.
  const diagnosis = scale.centre === null ? null : kernelDiagnosis(used, { sigma, eigenvalues });
  if (diagnosis !== null) warnings.push(diagnosis.message);

  let classTerms: ClassTerm[] | null = null;
  if (labels !== null) {
    const base = done;
    classTerms = diffusionSpectralMutualInformation(X, labels.data, {
      discrete: true, sigma, t: options.t, reps: options.reps, seed: options.seed, backend: options.backend,
      onProgress: (f, stage) => onProgress((base + f) / steps, stage),
    }).classes;
  }
  onProgress(1, 'done');
  return {
    file: X.file, labelsFile: labels?.file ?? null, rows: X.rows, cols: X.cols, n: used.rows, options, sigma,
    medianDistance: scale.median, sweepCentre: scale.centre, dse: spectralEntropy(eigenvalues, { t: options.t }), eigenvalues, byTime, bySigma,
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
    sigma: sigmaOption(args),
    t: numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t,
    maxN: numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN,
    seed: numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed,
    reps: numberOption(args, 'reps', { integer: true, min: 1 }) ?? DEFAULTS.reps,
    backend: backendOption(args),
  };
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
  process.stdout.write(`wrote ${out}: DSE ${data.dse} bits at sigma ${data.sigma}, t ${options.t}${data.dsmi === null ? '' : `; DSMI ${data.dsmi} bits`} (${data.seconds} s)\n`);
}
