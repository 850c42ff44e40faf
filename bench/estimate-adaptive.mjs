// The estimate's adaptive-kernel rows (issue 16), run by bench/estimate.mjs --kernel adaptive: X float32 uniform
// in [0, 1) (bench/uniform.mjs), D = 64, k = 15, alpha 1, tolerance 0.01 bits; K sparse (O(N k)), the kNN search
// (O(N^2 D)) the dominant cost. Exact DSE is out of reach at these N (dense K: 80 GB at N = 100 000); the
// interval is the estimate's own. Each row carries the 1-minute load average and the process's peak resident
// memory; `uptime` is printed before and after.
//
//   node bench/estimate.mjs --kernel adaptive [--quick] [--n 100000,200000] [--d 64] [--k 15]
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { ready, diffusionSpectralEntropyEstimate } from '../dist/index.mjs';
import { uniformMatrix } from './uniform.mjs';

export async function adaptiveRows(args) {
  const value = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const quick = args.includes('--quick');
  const ns = value('n', quick ? '20000' : '100000,200000').split(',').map(Number);
  const d = Number(value('d', 64));
  const k = Number(value('k', 15));
  const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
  await ready();
  console.log(`uptime: ${uptime()}`);
  console.log('');
  console.log('| N | D | kernel | seconds | DSE (bits) | interval | matvecs | deflated | probes | peak RSS (MiB) | load (1 min) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of ns) {
    const X = { data: uniformMatrix(n, d, 1), rows: n, cols: d };
    const t0 = performance.now();
    const e = diffusionSpectralEntropyEstimate(X, { kernel: { type: 'adaptive', k, alpha: 1 }, tolerance: 0.01 });
    const seconds = (performance.now() - t0) / 1000;
    const kind = e.guaranteed ? 'guaranteed' : '95%';
    const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    console.log(`| ${n} | ${d} | adaptive k ${k}, alpha 1 (sparse K) | ${seconds.toFixed(1)} | ${e.value.toFixed(6)} | ${kind} [${e.lower.toFixed(6)}, ${e.upper.toFixed(6)}] | ${e.matvecs} | ${e.deflated} | ${e.probes} | ${rss} | ${os.loadavg()[0].toFixed(1)} |`);
  }
  console.log('');
  console.log(`uptime: ${uptime()}`);
}
