// Random problems for the coverage of diffusionSpectralEntropyEstimate: blobs, uniform, unit-norm embeddings
// and the handwritten digits of data/, with sigma from 0.1x to 10x the median pairwise distance.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { uniform } from './helpers.mjs';

const digitsPath = fileURLToPath(new URL('../../data/digits.csv.gz', import.meta.url));
let digits = null;

function allDigits() {
  if (digits === null) {
    const lines = gunzipSync(readFileSync(digitsPath)).toString('utf8').trim().split('\n');
    const rows = lines.filter((l) => /^[0-9]/.test(l)).map((l) => l.split(',').slice(0, 64).map(Number));
    digits = rows;
  }
  return digits;
}

function gaussian(next) {
  const u = Math.max(next(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** Median of the pairwise distances over up to 200 rows. */
export function medianDistance(X) {
  const m = Math.min(X.rows, 200);
  const d = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let c = 0; c < X.cols; c++) s += (X.data[i * X.cols + c] - X.data[j * X.cols + c]) ** 2;
      d.push(Math.sqrt(s));
    }
  }
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)];
}

const KINDS = ['blobs', 'uniform', 'embeddings', 'digits'];

/** Problem number `index` (reproducible): { name, X, sigma, t }; N in [nMin, nMax]. */
export function problem(index, nMin = 150, nMax = 500) {
  const next = uniform(7919 * index + 17);
  const kind = KINDS[index % KINDS.length];
  const n = Math.floor(nMin + next() * (nMax - nMin + 1));
  const t = [1, 1, 1, 2, 3][Math.floor(next() * 5)];
  let cols;
  let data;
  if (kind === 'digits') {
    const all = allDigits();
    cols = 64;
    data = new Float32Array(n * cols);
    for (let i = 0; i < n; i++) data.set(all[Math.floor(next() * all.length)], i * cols);
  } else {
    cols = [2, 8, 32, 128][Math.floor(next() * 4)];
    data = new Float32Array(n * cols);
    if (kind === 'uniform') {
      for (let k = 0; k < data.length; k++) data[k] = next();
    } else if (kind === 'blobs') {
      const centres = 2 + Math.floor(next() * 8);
      const c = Array.from({ length: centres * cols }, () => 10 * next());
      for (let i = 0; i < n; i++) {
        const b = Math.floor(next() * centres);
        for (let j = 0; j < cols; j++) data[i * cols + j] = c[b * cols + j] + gaussian(next);
      }
    } else {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < cols; j++) {
          data[i * cols + j] = gaussian(next) + (j < 3 ? 2 * (i % 5) : 0);
          s += data[i * cols + j] ** 2;
        }
        for (let j = 0; j < cols; j++) data[i * cols + j] /= Math.sqrt(s);
      }
    }
  }
  const X = { data, rows: n, cols };
  const factor = 10 ** (-1 + 2 * next());
  const sigma = factor * medianDistance(X);
  return { name: `${index}: ${kind} N=${n} D=${cols} t=${t} sigma=${factor.toFixed(3)}x median`, X, sigma, t };
}

/**
 * Problem `index` under the adaptive kNN kernel: the same data, k in {5, 10, 15} and alpha in {0, 0.5, 1}
 * (sigma unused); { name, X, kernel, t }.
 */
export function adaptiveProblem(index, nMin = 150, nMax = 500) {
  const p = problem(index, nMin, nMax);
  const kernel = { type: 'adaptive', k: [5, 10, 15][index % 3], alpha: [0, 0.5, 1][Math.floor(index / 3) % 3] };
  const name = p.name.replace(/ sigma=.*$/, ` adaptive k=${kernel.k} alpha=${kernel.alpha}`);
  return { name, X: p.X, kernel, t: p.t };
}
