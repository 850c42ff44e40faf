// Following representations through training: DSE(Z), DSMI(Z; Y) and DSMI(Z; X) of named layers at each
// step, with the clusters of the inputs X computed once (spectral clustering, as the reference recommends)
// and reused at every step. Built on the public functions.
import { DseError, show } from '../errors.js';
import {
  diffusionSpectralEntropy, diffusionSpectralMutualInformation, medianDistance, spectralClustering, type BackendName,
} from '../index.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { DEFAULTS, integerAtLeast, options, repsOf, seedOf, sigmaOf, tOf } from '../options.js';
import { isTensorLike, tensorToMatrix, type TensorLike } from '../tensor.js';

/** Options of {@link createRepresentationTracker}. */
export interface RepresentationTrackerOptions {
  /**
   * Gaussian kernel bandwidth: a number (default 10, the reference's), or 'auto': the median pairwise
   * distance between the rows of each Z, taken anew at every record, which makes every measure invariant
   * to a global rescaling of Z.
   */
  sigma?: number | 'auto';
  /** The kernel as a description, `{ type: 'gaussian', sigma }`; the same as `sigma`. */
  kernel?: { type: 'gaussian'; sigma: number | 'auto' };
  /** Diffusion time. Default 1. */
  t?: number;
  /** Class labels of the probe rows (one integer per row of Z): DSMI(Z; Y) is recorded when given. */
  labels?: ArrayLike<number> | TensorLike;
  /** The probe inputs X (one row per row of Z): DSMI(Z; X) over their spectral clusters when given. */
  inputs?: MatrixLike;
  /** Spectral clusters of X. Default 10. */
  nClusters?: number;
  /** Random subsets per cluster in each DSMI. Default 5. */
  reps?: number;
  /** Seed of the DSMI subsets (Python's random). Default 0. */
  seed?: number;
  /** 'wasm' (default) or 'js'. */
  backend?: BackendName;
  /** A name for this run or condition, written into every row (the training report draws a line per run). */
  run?: string;
}

/** One record: the measures of layer `name` at `step`, with any extra columns (loss, accuracy). */
export interface RepresentationRecord {
  run?: string;
  step: number;
  name: string;
  /** DSE(Z) in bits. */
  dse: number;
  /** DSMI(Z; Y) in bits, or null without labels. */
  dsmiY: number | null;
  /** DSMI(Z; clusters of X) in bits, or null without inputs. */
  dsmiX: number | null;
  /** Rows of Z. */
  n: number;
  /** The sigma used (the median distance of Z with sigma 'auto'). */
  sigma: number;
  /** Time the three measures took. */
  seconds: number;
  [column: string]: unknown;
}

/** What {@link createRepresentationTracker} returns. */
export interface RepresentationTracker {
  /** Measures Z (a matrix or tensor, one row per probe row), stores the row and returns it. */
  record(step: number, name: string, Z: MatrixLike, extra?: Record<string, number | string>): RepresentationRecord;
  /** The rows recorded so far, in order (a copy). */
  rows(): RepresentationRecord[];
  /** The rows as JSON Lines, one object per line. */
  toJSONL(): string;
  /** The clusters of X (computed at the first record), or null without inputs. */
  inputClusters(): Int32Array | null;
}

function bandwidthOf(o: RepresentationTrackerOptions): number | 'auto' {
  let s: unknown = o.sigma;
  if (o.kernel !== undefined) {
    const k = o.kernel as { type?: unknown; sigma?: unknown } | null;
    if (k === null || typeof k !== 'object' || k.type !== 'gaussian') {
      throw new DseError('E_ARGUMENT', `kernel must be { type: 'gaussian', sigma }, received ${show(k)}`, 'kernel', k);
    }
    if (s !== undefined && s !== k.sigma) {
      throw new DseError('E_ARGUMENT', `sigma ${show(s)} and kernel.sigma ${show(k.sigma)} disagree: give one`, 'sigma', s);
    }
    s = k.sigma;
  }
  return sigmaOf(s);
}

/**
 * A tracker of representations during training. `record(step, name, Z)` computes
 * DSE(Z) = -sum_i p_i log2 p_i, p_i = |lambda_i|^t / sum_j |lambda_j|^t over the eigenvalues of the diffusion
 * matrix of Z; DSMI(Z; Y) = DSE(Z) - sum_c (n_c / N) DSE(Z_c) over the classes of Y (with the reference's
 * random-subset correction); and DSMI(Z; X) the same over the spectral clusters of the inputs X, which are
 * computed once and reused at every step.
 *
 * @example
 * await ready();
 * const tracker = createRepresentationTracker({ sigma: 'auto', labels: yProbe, inputs: xProbe });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   train();
 *   tracker.record(epoch, 'hidden', embed(xProbe)); // { step, name, dse, dsmiY, dsmiX, n, sigma, seconds }
 * }
 * writeFileSync('run.jsonl', tracker.toJSONL());
 */
export function createRepresentationTracker(opts?: RepresentationTrackerOptions): RepresentationTracker {
  const o = options(opts) as RepresentationTrackerOptions;
  const sigma = bandwidthOf(o);
  const t = tOf(o.t);
  const reps = repsOf(o.reps);
  const nClusters = integerAtLeast(o.nClusters, 'nClusters', 1, DEFAULTS.nClusters);
  const seed = seedOf(o.seed);
  const backend = o.backend;
  if (o.run !== undefined && typeof o.run !== 'string') throw new DseError('E_ARGUMENT', `run must be a string, received ${show(o.run)}`, 'run', o.run);
  let labels: Int32Array | null = null;
  if (o.labels !== undefined) {
    const values = (isTensorLike(o.labels) ? tensorToMatrix(o.labels, 'labels').data : o.labels) as ArrayLike<number>;
    labels = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
        throw new DseError('E_ARGUMENT', `labels[${i}] is ${show(v)}, not an integer label in the int32 range`, 'labels', v);
      }
      labels[i] = v;
    }
  }
  // A copy, so that neither a tensor's storage nor the caller's array is held.
  let inputs: DenseMatrix | null = null;
  if (o.inputs !== undefined) {
    const m = toMatrix(o.inputs, 'inputs');
    inputs = { data: Float64Array.from(m.data), rows: m.rows, cols: m.cols };
  }
  let clusters: Int32Array | null = null;
  const stored: RepresentationRecord[] = [];

  function record(step: number, name: string, Z: MatrixLike, extra?: Record<string, number | string>): RepresentationRecord {
    if (typeof step !== 'number' || !Number.isFinite(step)) throw new DseError('E_ARGUMENT', `step must be a finite number, received ${show(step)}`, 'step', step);
    if (typeof name !== 'string') throw new DseError('E_ARGUMENT', `name must be a string, received ${show(name)}`, 'name', name);
    const start = performance.now();
    const z = toMatrix(Z, 'Z');
    for (const [what, n] of [['labels', labels?.length], ['inputs', inputs?.rows]] as const) {
      if (n !== undefined && n !== z.rows) {
        throw new DseError('E_SHAPE', `Z has ${z.rows} rows but ${what} has ${n}: Z must be the probe rows, in order`, 'Z.rows', z.rows);
      }
    }
    const s = sigma === 'auto' ? medianDistance(z, { seed }) : sigma;
    if (!(s > 0)) throw new DseError('E_ARGUMENT', `sigma 'auto' needs distinct rows of Z, but their median distance is ${show(s)}`, 'sigma', s);
    const dse = diffusionSpectralEntropy(z, { sigma: s, t, backend });
    const common = { sigma: s, t, reps, seed, backend };
    const dsmiY = labels === null ? null : diffusionSpectralMutualInformation(z, null, { ...common, clusters: labels }).value;
    let dsmiX: number | null = null;
    if (inputs !== null) {
      clusters ??= spectralClustering(inputs, { nClusters });
      dsmiX = diffusionSpectralMutualInformation(z, null, { ...common, clusters }).value;
    }
    const row: RepresentationRecord = {
      ...(o.run === undefined ? {} : { run: o.run }), ...extra,
      step, name, dse, dsmiY, dsmiX, n: z.rows, sigma: s, seconds: (performance.now() - start) / 1000,
    };
    stored.push(row);
    return row;
  }

  return {
    record,
    rows: () => stored.slice(),
    toJSONL: () => stored.map((r) => JSON.stringify(r)).join('\n') + (stored.length > 0 ? '\n' : ''),
    inputClusters: () => clusters,
  };
}
