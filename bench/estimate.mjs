// The estimate against the exact path (issue 16): X float32 uniform in [0, 1) (bench/uniform.mjs), D = 768,
// sigma = 10 (the reference's default) and sigma = the median pairwise distance, tolerance 0.01 bits.
// Each line carries the 1-minute load average (os.loadavg) when it finished: other work on the machine
// slows every number, so compare ratios measured close together.
//
//   node bench/estimate.mjs --n 4000 [--d 768] [--exact] [--precision float64,float32] [--sigma 10,median]
//   node bench/estimate.mjs --kernel adaptive [--quick] [--n 100000,200000]   (bench/estimate-adaptive.mjs)
import { ready, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate } from '../dist/index.mjs';
import os from 'node:os';
import { uniformMatrix } from './uniform.mjs';

const args = process.argv.slice(2);
if (args.includes('--kernel') && args[args.indexOf('--kernel') + 1] === 'adaptive') {
  const { adaptiveRows } = await import('./estimate-adaptive.mjs');
  await adaptiveRows(args);
  process.exit(0);
}
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const n = Number(value('n', 4000));
const d = Number(value('d', 768));
const precisions = value('precision', 'float64,float32').split(',');
const sigmas = value('sigma', '10,median').split(',');
const exact = args.includes('--exact');

// The median over the first 500 rows' pairs (the same rows for every N).
function medianDistance(x, rows, cols) {
  const m = Math.min(rows, 500);
  const all = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += (x[i * cols + c] - x[j * cols + c]) ** 2;
      all.push(Math.sqrt(s));
    }
  }
  all.sort((a, b) => a - b);
  return all[all.length >> 1];
}

await ready();
const X = { data: uniformMatrix(n, d, 1), rows: n, cols: d };
const load = () => os.loadavg()[0].toFixed(1);
console.log(`| N | D | sigma | method | seconds | DSE (bits) | interval | matvecs | deflated | probes | load (1 min) |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
for (const s of sigmas) {
  const sigma = s === 'median' ? medianDistance(X.data, n, d) : Number(s);
  const label = s === 'median' ? `${sigma.toFixed(3)} (median)` : String(sigma);
  for (const precision of precisions) {
    const t0 = performance.now();
    const e = diffusionSpectralEntropyEstimate(X, { sigma, precision, tolerance: 0.01 });
    const seconds = (performance.now() - t0) / 1000;
    const kind = e.guaranteed ? 'guaranteed' : '95%';
    console.log(`| ${n} | ${d} | ${label} | estimate, K ${precision} | ${seconds.toFixed(2)} | ${e.value.toFixed(6)} | ${kind} [${e.lower.toFixed(6)}, ${e.upper.toFixed(6)}] | ${e.matvecs} | ${e.deflated} | ${e.probes} | ${load()} |`);
  }
  if (exact) {
    const t0 = performance.now();
    const v = diffusionSpectralEntropy(X, { sigma, maxN: n });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`| ${n} | ${d} | ${label} | exact | ${seconds.toFixed(2)} | ${v.toFixed(6)} | - | - | - | - | ${load()} |`);
  }
}
