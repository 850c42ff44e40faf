// `node bench/toolkit.mjs`: one row per measure of the spectral toolkit (the registry `dse score` uses,
// js/cli/score-measures.ts, plus DSE and the count on the adaptive kernel and alpha = 1) at N = 1000, D = 768,
// on both backends: the median of 3 timed calls after one warm-up, one thread. Writes bench/TOOLKIT.md.
// Times only: nothing here is a test.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  ready, diffusionSpectralEntropy, diffusionEigenvalueCount, diffusionVonNeumannEntropy, renyiEntropy, vendiScore,
  rankMe, intrinsicDimension,
} from '../dist/index.mjs';
import { uniformMatrix } from './uniform.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const N = 1000;
const D = 768;
const RUNS = 3;

const adaptive = { type: 'adaptive', k: 15, alpha: 1 };
const MEASURES = [
  ['DSE, Gaussian sigma 10 (the reference)', (X, backend) => diffusionSpectralEntropy(X, { sigma: 10, backend })],
  ['DSE, Gaussian sigma 10, alpha 1', (X, backend) => diffusionSpectralEntropy(X, { kernel: { type: 'gaussian', sigma: 10, alpha: 1 }, backend })],
  ['DSE, adaptive k 15, alpha 1', (X, backend) => diffusionSpectralEntropy(X, { kernel: adaptive, backend })],
  ['diffusionEigenvalueCount, adaptive', (X, backend) => diffusionEigenvalueCount(X, { kernel: adaptive, backend })],
  ['diffusionVonNeumannEntropy, sigma 10', (X, backend) => diffusionVonNeumannEntropy(X, { sigma: 10, backend }).optimalT],
  ['renyiEntropy, alpha 2', (X, backend) => renyiEntropy(X, { alpha: 2, sigma: 10, backend })],
  ['vendiScore', (X, backend) => vendiScore(X, { backend })],
  ['rankMe', (X, backend) => rankMe(X, { backend })],
  ['intrinsicDimension, twonn', (X, backend) => intrinsicDimension(X, { method: 'twonn', backend })],
  ['intrinsicDimension, mle', (X, backend) => intrinsicDimension(X, { method: 'mle', backend })],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

await ready();
const X = { data: uniformMatrix(N, D, 1), rows: N, cols: D };
const rows = [];
for (const [name, fn] of MEASURES) {
  const row = { name };
  for (const backend of ['wasm', 'js']) {
    row.value = fn(X, backend);
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      fn(X, backend);
      times.push((performance.now() - t0) / 1000);
    }
    row[backend] = median(times);
  }
  rows.push(row);
  process.stdout.write(`${name}: wasm ${row.wasm.toFixed(3)} s, js ${row.js.toFixed(3)} s (value ${row.value})\n`);
}

const lines = [
  '# The spectral toolkit at N = 1000, D = 768',
  '',
  `\`node bench/toolkit.mjs\` (after \`npm run build\`): X uniform [0, 1) float32 (bench/uniform.mjs, seed 1), median of ${RUNS}`,
  `timed calls after a warm-up, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, other processes sharing the cores.`,
  '',
  '| Measure | WASM (s) | JS (s) | value |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.wasm.toFixed(3)} | ${r.js.toFixed(3)} | ${r.value} |`),
  '',
];
writeFileSync(`${here}TOOLKIT.md`, lines.join('\n'));
