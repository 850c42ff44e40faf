// `npm run bench:toolkit`: one row per measure of the spectral toolkit at N = 1000, D = 768 (X uniform in
// [0, 1), the generator of every benchmark), on both backends, one thread. Each case is timed as the median of
// `--reps` calls after one warm-up call (which also lets V8 tier up the JS backend). Writes
// bench/TOOLKIT.md and prints the table.
//
//   node bench/toolkit.mjs [--n 1000] [--d 768] [--reps 3]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as dse from '../dist/index.mjs';
import { uniformMatrix } from './uniform.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const n = arg('n', 1000);
const d = arg('d', 768);
const reps = arg('reps', 3);
const X = { data: uniformMatrix(n, d, 1), rows: n, cols: d };
// sigma at about the median distance of this X (sqrt(D / 6) for uniform data), so no measure is degenerate.
const sigma = Math.sqrt(d / 6);

// [name, call(backend)]; a measure the build does not export is skipped, and said so in the table.
const cases = [
  ['diffusionSpectralEntropy (reference kernel)', (backend) => dse.diffusionSpectralEntropy(X, { sigma, backend })],
  ['diffusionSpectralEntropy (gaussian, alpha 1)', (backend) => dse.diffusionSpectralEntropy(X, { kernel: { type: 'gaussian', sigma, alpha: 1 }, backend })],
  ['diffusionSpectralEntropy (adaptive, k 15)', (backend) => dse.diffusionSpectralEntropy(X, { kernel: { type: 'adaptive', k: 15 }, backend })],
  ['diffusionEigenvalueCount', (backend) => dse.diffusionEigenvalueCount?.(X, { sigma, backend })],
  ['vendiScore', (backend) => dse.vendiScore?.(X, { backend })],
  ['rankMe', (backend) => dse.rankMe?.(X, { backend })],
  ['singularValues', (backend) => dse.singularValues?.(X, { backend })],
  ['renyiEntropy (alpha 2)', (backend) => dse.renyiEntropy?.(X, { alpha: 2, sigma, backend })],
  ['renyiEntropy (alpha 1)', (backend) => dse.renyiEntropy?.(X, { alpha: 1, sigma, backend })],
  ['diffusionVonNeumannEntropy (tMax 100)', (backend) => dse.diffusionVonNeumannEntropy?.(X, { sigma, backend })],
  ['intrinsicDimension (twonn)', (backend) => dse.intrinsicDimension?.(X, { method: 'twonn', backend })],
  ['intrinsicDimension (mle)', (backend) => dse.intrinsicDimension?.(X, { method: 'mle', backend })],
];

function time(fn) {
  const t0 = performance.now();
  const value = fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sec = (v) => (v === null ? '-' : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));

await dse.ready();
const rows = [];
for (const [name, call] of cases) {
  const row = { name };
  for (const backend of ['wasm', 'js']) {
    try {
      const warm = time(() => call(backend));
      if (warm.value === undefined) { row[backend] = null; row.note = 'not in this build'; continue; }
      const times = [warm.seconds];
      // The JS backend's slow cases get one timed call (the warm-up already took long).
      const more = backend === 'js' && warm.seconds > 5 ? 0 : reps;
      if (more > 0) times.length = 0;
      for (let r = 0; r < more; r++) times.push(time(() => call(backend)).seconds);
      row[backend] = median(times);
    } catch (e) {
      row[backend] = null;
      row.note = `${e.code ?? e.name}: ${e.message.slice(0, 60)}`;
    }
  }
  rows.push(row);
  console.error(`${name}: wasm ${sec(row.wasm)} s, js ${sec(row.js)} s${row.note ? ` (${row.note})` : ''}`);
}

const info = dse.backendInfo();
const lines = [
  `# Toolkit measures, N = ${n}, D = ${d} (bench/toolkit.mjs)`,
  '',
  `${new Date().toISOString().slice(0, 10)}; ${os.cpus()[0].model}, ${os.cpus().length} cores; Node ${process.versions.node}; ` +
    `binary ${info.binary ?? '-'}; load average at the end ${os.loadavg()[0].toFixed(1)}. X uniform [0, 1), sigma = sqrt(D / 6) = ${sigma.toFixed(2)}.`,
  `Seconds, median of ${reps} calls after a warm-up (a JS case whose warm-up took over 5 s: that one call).`,
  '',
  '| measure | wasm | js | js / wasm |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${sec(r.wasm)} | ${sec(r.js)} | ${r.wasm && r.js ? (r.js / r.wasm).toFixed(1) : '-'}${r.note ? ` (${r.note})` : ''} |`),
  '',
];
writeFileSync(fileURLToPath(new URL('TOOLKIT.md', import.meta.url)), lines.join('\n'));
console.log(lines.join('\n'));
