// DSMI class by class (SPEC 4 steps 2 and 3) for discrete labels, so that the report can show what each class
// contributes: term_c = (n_c / N) (Hbar_c - H_c), and DSMI = sum of the terms.
import { diffusionSpectralEntropy, type BackendName } from '../index.js';
import { PythonRandom } from '../python-random.js';
import type { LoadedMatrix } from '../io/read-matrix.js';
import { selectRows } from './rows.js';

export interface ClassTerm {
  label: number;
  /** n_c: rows with this label. */
  size: number;
  /** H_c: DSE of the rows of the class. */
  entropy: number;
  /** Hbar_c: mean DSE of `reps` random subsets of n_c rows of X. */
  randomEntropy: number;
  /** (n_c / N) (Hbar_c - H_c). */
  term: number;
}

export interface ClassTermOptions {
  sigma: number;
  t: number;
  reps: number;
  seed: number;
  maxN: number;
  backend?: BackendName;
  onProgress?: (fraction: number, stage: string) => void;
}

/**
 * The per-class terms of DSMI(X; labels), classes in ascending order; the generator is re-seeded for every
 * class, as the reference does, so their sum equals the reference's DSMI.
 *
 * @example
 * const terms = dsmiClassTerms(X, labels, { sigma: 20, t: 1, reps: 5, seed: 0, maxN: 10000 });
 * terms.reduce((s, c) => s + c.term, 0); // DSMI in bits
 */
export function dsmiClassTerms(X: LoadedMatrix, labels: ArrayLike<number>, opts: ClassTermOptions): ClassTerm[] {
  const n = X.rows;
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = members.get(labels[i]);
    if (list === undefined) members.set(labels[i], [i]);
    else list.push(i);
  }
  const classes = [...members.keys()].sort((a, b) => a - b);
  const entropyOf = (rows: Int32Array) => diffusionSpectralEntropy(selectRows(X, rows), {
    sigma: opts.sigma, t: opts.t, maxN: opts.maxN, seed: opts.seed, backend: opts.backend,
  });
  const steps = classes.length * (1 + opts.reps);
  let done = 0;
  const step = () => opts.onProgress?.(++done / steps, 'DSMI per class');
  return classes.map((label) => {
    const rows = Int32Array.from(members.get(label)!);
    const size = rows.length;
    // A class of one row has entropy ~0 (the reference's behaviour): DSE needs two rows, so do it here.
    const one = (r: Int32Array) => (r.length < 2 ? 0 : entropyOf(r));
    const entropy = one(rows);
    step();
    const rng = new PythonRandom(opts.seed);
    let sum = 0;
    for (let r = 0; r < opts.reps; r++) {
      sum += one(rng.sample(n, size));
      step();
    }
    const randomEntropy = sum / opts.reps;
    return { label, size, entropy, randomEntropy, term: (size / n) * (randomEntropy - entropy) };
  });
}
