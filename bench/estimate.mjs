// The estimate at scale (issue 16), one markdown table: X float32 uniform in [0, 1) (bench/uniform.mjs),
// tolerance 0.01 bits, sigma the median pairwise distance (of the first 500 rows) unless given.
//   N = 4000, D = 768, K float64, against the exact path (the target: >= 5x faster);
//   N = 20 000, D = 768, K float32 (exact: about 20 min and 3.2 GB; the target: < 2 min on 2 cores);
//   N = 50 000, D = 64, matrix-free (K never stored; every product pass recomputes it from X);
//   N = 200 000: the adaptive kernel's sparse K (issue 16's sparse path), a row left for it.
// "s per pass": seconds of one product pass (16 vectors at once) during the probes, the median over the blocks
// of probes (onProgress times them); for matrix-free this is the cost of one pass over the N^2 / 2 pairs.
// Each row carries the 1-minute load average (os.loadavg) before and after it: other work on the machine
// slows every number, so compare rows measured close together, and rerun on a quiet machine to quote them.
//
//   node bench/estimate.mjs [--quick] [--threads 2] [--rows 4000,20000,50000]
//   node bench/estimate.mjs --n 4000 [--d 768] [--precision float64,float32] [--sigma 10,median] [--exact]
// --quick: the same rows at N / 10 (D = 768, 768, 64), in well under a minute: checks the command, not the targets.
import { ready, backendInfo, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate } from '../dist/index.mjs';
import os from 'node:os';
import { uniformMatrix } from './uniform.mjs';

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const threads = value('threads', undefined);

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

const scale = quick ? 10 : 1;
let plan;
if (value('n', null) !== null) {
  const n = Number(value('n'));
  const d = Number(value('d', 768));
  plan = [];
  for (const s of value('sigma', '10,median').split(',')) {
    for (const precision of value('precision', 'float64,float32').split(',')) plan.push({ n, d, sigma: s, precision, exact: false });
    if (args.includes('--exact')) plan[plan.length - 1].exact = true;
  }
} else {
  const rows = value('rows', '4000,20000,50000,200000').split(',').map(Number);
  const all = [
    { n: 4000, d: 768, sigma: 'median', precision: 'float64', exact: true },
    { n: 20000, d: 768, sigma: 'median', precision: 'float32', exact: false },
    { n: 50000, d: 64, sigma: 'median', precision: 'matrix-free', exact: false },
    { n: 200000, d: 64, sigma: null, precision: 'sparse (adaptive kernel, k = 15)', exact: false, later: 'issue 16 (the adaptive kernel\'s sparse K): not in this build' },
  ];
  plan = all.filter((r) => rows.includes(r.n)).map((r) => ({ ...r, n: r.n / scale }));
}

await ready(threads === undefined ? {} : { threads: Number(threads) });
const load = () => os.loadavg()[0].toFixed(1);
const { threads: running } = backendInfo();
console.log(`| N | D | sigma | K | threads | exact (s) | estimate (s) | speedup | DSE exact | estimate and interval | matvecs | deflated | probes | s per pass | load (1 min) |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
let last = null;
for (const row of plan) {
  const { n, d, precision } = row;
  if (row.later !== undefined) {
    console.log(`| ${n} | ${d} | - | ${precision} | - | - | - | - | - | ${row.later} | - | - | - | - | - |`);
    continue;
  }
  if (last === null || last.n !== n || last.d !== d) last = { n, d, X: { data: uniformMatrix(n, d, 1), rows: n, cols: d } };
  const { X } = last;
  const sigma = row.sigma === 'median' ? medianDistance(X.data, n, d) : Number(row.sigma);
  const label = row.sigma === 'median' ? `${sigma.toFixed(3)} (median)` : String(sigma);
  const before = load();
  const reports = [];
  const t0 = performance.now();
  const e = diffusionSpectralEntropyEstimate(X, {
    sigma, precision, tolerance: 0.01,
    onProgress: (p) => reports.push({ at: performance.now(), matvecs: p.matvecs, probes: p.probes, deflated: p.deflated }),
  });
  const seconds = (performance.now() - t0) / 1000;
  // Seconds per pass from consecutive reports of the same deflation level (only probe blocks between them:
  // each multiply is one pass over 16 vectors), and from the deflation's report to the first block of probes.
  const rates = [];
  for (let i = 1; i < reports.length; i++) {
    const [a, b] = [reports[i - 1], reports[i]];
    if (b.probes > 0 && a.deflated === b.deflated && b.matvecs > a.matvecs) rates.push((b.at - a.at) / 1000 / ((b.matvecs - a.matvecs) / 16));
  }
  rates.sort((x, y) => x - y);
  const perPass = rates.length > 0 ? rates[rates.length >> 1].toPrecision(3) : '-';
  let exact = null;
  let exactSeconds = null;
  if (row.exact) {
    const t1 = performance.now();
    exact = diffusionSpectralEntropy(X, { sigma, maxN: n });
    exactSeconds = (performance.now() - t1) / 1000;
  }
  const kind = e.guaranteed ? 'guaranteed' : '95%';
  console.log(`| ${n} | ${d} | ${label} | ${precision} | ${running} | ${exactSeconds === null ? '-' : exactSeconds.toFixed(2)} | ${seconds.toFixed(2)} | ${exactSeconds === null ? '-' : `${(exactSeconds / seconds).toFixed(1)}x`} | ${exact === null ? '-' : exact.toFixed(6)} | ${e.value.toFixed(6)} ${kind} [${e.lower.toFixed(6)}, ${e.upper.toFixed(6)}] | ${e.matvecs} | ${e.deflated} | ${e.probes} | ${perPass} | ${before} -> ${load()} |`);
}
