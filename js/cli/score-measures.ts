// The measures `dse score` and the report's toolkit table compute, one entry each: adding a measure to both is
// one line here (its name for --measures, how it is printed, and the library call).
import {
  diffusionEigenvalueCount, diffusionSpectralEntropy, type BackendName, type MatrixLike,
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

/** One measure: its --measures name, a label, the unit it is in, and its value on the rows X. */
export interface ScoreMeasure {
  name: string;
  label: string;
  unit: string;
  compute(X: MatrixLike, c: ScoreContext): number;
}

/** Every measure `dse score` knows, in the order it prints them. */
export const SCORE_MEASURES: readonly ScoreMeasure[] = [
  { name: 'dse', label: 'diffusion spectral entropy', unit: 'bits', compute: (X, c) => diffusionSpectralEntropy(X, { kernel: c.kernel, t: c.t, seed: c.seed, maxN: c.maxN, backend: c.backend }) },
  { name: 'count', label: 'diffusion eigenvalue count (t 100, floor 1e-6)', unit: '', compute: (X, c) => diffusionEigenvalueCount(X, { kernel: c.kernel, seed: c.seed, maxN: c.maxN, backend: c.backend }) },
];

/** The measures a --measures list names ('all': every one), in SCORE_MEASURES' order; null for an unknown name. */
export function pickMeasures(list: string): { measures: ScoreMeasure[]; unknown: string | null } {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.includes('all')) return { measures: [...SCORE_MEASURES], unknown: null };
  const unknown = names.find((n) => !SCORE_MEASURES.some((m) => m.name === n)) ?? null;
  return { measures: SCORE_MEASURES.filter((m) => names.includes(m.name)), unknown };
}

/** Each measure's value on X, in order. */
export function computeScores(X: MatrixLike, measures: readonly ScoreMeasure[], c: ScoreContext): { name: string; label: string; unit: string; value: number }[] {
  return measures.map((m) => ({ name: m.name, label: m.label, unit: m.unit, value: m.compute(X, c) }));
}
