// The measures `dse score` and the report's toolkit table compute, one entry each: adding a measure to both is
// one line here (its name for --measures, how it is printed, and the library call).
import {
  DEFAULTS, DseError, diffusionEigenvalueCount, diffusionSpectralEntropy, diffusionVonNeumannEntropy, intrinsicDimension,
  rankMe, renyiEntropy, vendiScore, type BackendName, type MatrixLike, type VonNeumannCurve,
} from '../index.js';
import type { ResolvedKernel } from './common.js';

/** What every measure of a score is computed with. */
export interface ScoreContext {
  kernel: ResolvedKernel;
  /** Diffusion time of DSE. */
  t: number;
  /** The rows are already the maxN subsample; measures that subsample get this maxN so they keep them all. */
  maxN: number;
  seed: number;
  backend: BackendName;
}

/** One measure: its --measures name, a label (from the context), the unit it is in, and its value on the rows X. */
export interface ScoreMeasure {
  name: string;
  label: (c: ScoreContext) => string;
  unit: string;
  compute(X: MatrixLike, c: ScoreContext, vne: () => VonNeumannCurve): number;
}

// The Gaussian sigma of the measures that only have a Gaussian kernel (Renyi): the kernel's, else the default.
const gaussianSigma = (c: ScoreContext): number => (c.kernel.type === 'gaussian' ? c.kernel.sigma : DEFAULTS.sigma);

/** Every measure `dse score` knows, in the order it prints them. */
export const SCORE_MEASURES: readonly ScoreMeasure[] = [
  { name: 'dse', label: (c) => `diffusion spectral entropy, t ${c.t}`, unit: 'bits', compute: (X, c) => diffusionSpectralEntropy(X, { kernel: c.kernel, t: c.t, seed: c.seed, maxN: c.maxN, backend: c.backend }) },
  { name: 'count', label: () => `diffusion eigenvalue count (t ${DEFAULTS.countT}, floor ${DEFAULTS.floor.toExponential()})`, unit: '', compute: (X, c) => diffusionEigenvalueCount(X, { kernel: c.kernel, seed: c.seed, maxN: c.maxN, backend: c.backend }) },
  { name: 'vne', label: () => "von Neumann entropy of P at PHATE's knee t", unit: 'nats', compute: (_X, _c, vne) => vne().entropy[Math.max(vne().optimalT, 1) - 1] },
  { name: 'vne-t', label: () => "PHATE's t='auto' (knee of the von Neumann entropy curve)", unit: '', compute: (_X, _c, vne) => vne().optimalT },
  { name: 'renyi2', label: (c) => `matrix-based Renyi entropy, order 2 (Gaussian Gram, sigma ${gaussianSigma(c)})`, unit: 'bits', compute: (X, c) => renyiEntropy(X, { alpha: 2, sigma: gaussianSigma(c), backend: c.backend }) },
  { name: 'vendi', label: () => 'Vendi score (cosine similarity, q 1)', unit: 'effective samples', compute: (X, c) => vendiScore(X, { backend: c.backend }) },
  { name: 'rankme', label: () => 'RankMe effective rank (eps 1e-7)', unit: 'effective dimensions', compute: (X, c) => rankMe(X, { backend: c.backend }) },
  { name: 'twonn', label: () => 'intrinsic dimension, TwoNN (discard 0.1)', unit: 'dimensions', compute: (X, c) => intrinsicDimension(X, { method: 'twonn', backend: c.backend }) },
  { name: 'mle', label: () => 'intrinsic dimension, MLE (20 neighbours)', unit: 'dimensions', compute: (X, c) => intrinsicDimension(X, { method: 'mle', backend: c.backend }) },
];

/** The measures a --measures list names ('all': every one), in SCORE_MEASURES' order, and the first unknown name. */
export function pickMeasures(list: string): { measures: ScoreMeasure[]; unknown: string | null } {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.includes('all')) return { measures: [...SCORE_MEASURES], unknown: null };
  const unknown = names.find((n) => !SCORE_MEASURES.some((m) => m.name === n)) ?? null;
  return { measures: SCORE_MEASURES.filter((m) => names.includes(m.name)), unknown };
}

/** One computed measure: its value, or null and why (a DseError of that measure, e.g. duplicate rows for twonn). */
export interface Score {
  name: string;
  label: string;
  unit: string;
  value: number | null;
  error: string | null;
}

// One measure's score; a DseError (this data does not suit this measure) is recorded instead of stopping the others.
function scoreOf(m: ScoreMeasure, X: MatrixLike, c: ScoreContext, vne: () => VonNeumannCurve): Score {
  const base = { name: m.name, label: m.label(c), unit: m.unit };
  try {
    return { ...base, value: m.compute(X, c, vne), error: null };
  } catch (e) {
    if (!(e instanceof DseError)) throw e;
    return { ...base, value: null, error: `${e.message} (${e.code})` };
  }
}

/**
 * Each measure's value on X, in order. The von Neumann curve (diffusionVonNeumannEntropy on the context's
 * kernel) is computed once, when a measure first asks for it, and returned for the report's chart. A measure
 * that refuses the data (DseError) gets value null and the error; the others are still computed.
 */
export function computeScores(X: MatrixLike, measures: readonly ScoreMeasure[], c: ScoreContext): { scores: Score[]; vne: VonNeumannCurve | null } {
  let curve: VonNeumannCurve | null = null;
  const vne = () => (curve ??= diffusionVonNeumannEntropy(X, { kernel: c.kernel, seed: c.seed, backend: c.backend }));
  const scores = measures.map((m) => scoreOf(m, X, c, vne));
  return { scores, vne: curve };
}
