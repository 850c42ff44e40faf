// Row selections shared by the commands: the maxN subsample the reference draws (SPEC 2 step 1), and the
// rows of one class (SPEC 4).
import { copyRows, type DenseMatrix } from '../matrix.js';
import { pythonSample } from '../python-random.js';
import type { LoadedMatrix } from '../io/read-matrix.js';

/** The listed rows of m, in that order, as a new float64 matrix (float32 widens exactly). */
export function selectRows(m: LoadedMatrix, rows: Int32Array): DenseMatrix {
  const data = new Float64Array(rows.length * m.cols);
  copyRows(m, rows, data);
  return { data, rows: rows.length, cols: m.cols };
}

/**
 * The rows DSE uses: all of them up to maxN, else Python's seed(seed); sample(range(N), maxN), exactly as
 * diffusionSpectralEntropy chooses them.
 */
export function subsample(m: LoadedMatrix, maxN: number, seed: number): LoadedMatrix {
  return m.rows > maxN ? selectRows(m, pythonSample(seed, m.rows, maxN)) : m;
}
