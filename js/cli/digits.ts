// The main job (`npm start`): DSE and DSMI on the handwritten digits shipped in data/ (UCI, 1797 scans of 8x8
// pixels, the digit in the last column).
import {
  DEFAULTS, diffusionEigenvalues, diffusionSpectralMutualInformation, kernelDiagnosis, medianDistance, ready, spectralEntropy,
  type BackendName,
} from '../index.js';
import { secondsSince } from './common.js';
import { readInput } from './input.js';
import { Progress } from './progress.js';

const SIGMAS = [DEFAULTS.sigma, 2 * DEFAULTS.sigma];
const TIMES = [1, 2, 5];
const DSMI_SIGMAS = SIGMAS;

function pad(s: string, n: number): string {
  return s.padEnd(n);
}

/**
 * Prints DSE of the digit pixels for sigma 10, 20 and the median distance at t = 1, 2, 5, and DSMI(pixels;
 * digit label) at sigma 10 and 20 with the contribution of each digit. Returns the exit code.
 */
export async function runDigits(path: string, backend: BackendName = DEFAULTS.backend): Promise<number> {
  await ready();
  const start = performance.now();
  const all = await readInput(path);
  const cols = all.cols - 1;
  const pixels = { data: new Float64Array(all.rows * cols), rows: all.rows, cols };
  const labels = new Int32Array(all.rows);
  for (let i = 0; i < all.rows; i++) {
    pixels.data.set(all.data.subarray(i * all.cols, i * all.cols + cols), i * cols);
    labels[i] = all.data[i * all.cols + cols];
  }
  const out = (s = '') => process.stdout.write(s.trimEnd() + '\n');
  const n = pixels.rows;
  const median = medianDistance(pixels);
  out(`digits: ${n} scans of ${cols} pixels (0..16), labels ${Math.min(...labels)}..${Math.max(...labels)} (${path}), backend ${backend}`);
  out(`median pairwise distance: ${median.toFixed(4)}`);
  out();
  out(`DSE of the pixels, in bits (bound log2 N = ${Math.log2(n).toFixed(4)})`);
  out(`  ${pad('sigma', 18)}${TIMES.map((t) => pad(`t = ${t}`, 12)).join('')}`);
  const progress = new Progress(process.stderr, true);
  const sigmas = [...SIGMAS, median];
  for (let k = 0; k < sigmas.length; k++) {
    const sigma = sigmas[k];
    progress.update(k / (sigmas.length + 1), `eigenvalues at sigma ${sigma.toFixed(2)}`);
    const eigenvalues = diffusionEigenvalues(pixels, { sigma, backend });
    progress.done();
    const name = k < SIGMAS.length ? String(sigma) : `${sigma.toFixed(2)} (median)`;
    const diagnosis = kernelDiagnosis(pixels, { sigma, eigenvalues });
    const note = diagnosis === null ? '' : `  K near ${diagnosis.kind}`;
    out(`  ${pad(name, 18)}${TIMES.map((t) => pad(spectralEntropy(eigenvalues, { t }).toFixed(6), 12)).join('')}${note}`);
  }
  out();
  out(`DSMI(pixels; digit label), in bits (t = ${DEFAULTS.t}, reps ${DEFAULTS.reps}, seed ${DEFAULTS.seed})`);
  for (const sigma of DSMI_SIGMAS) {
    const { value, classes } = diffusionSpectralMutualInformation(pixels, labels, {
      discrete: true, sigma, backend,
      onProgress: (f, stage) => progress.update(f, `${stage}, sigma ${sigma}`),
    });
    progress.done();
    out(`  sigma ${pad(String(sigma), 4)} DSMI = ${value.toFixed(6)}`);
    out(`    per digit: ${classes.map((c) => `${c.label}: ${c.term.toFixed(4)}`).join(', ')}`);
  }
  out();
  out(`took ${secondsSince(start)} s`);
  return 0;
}
