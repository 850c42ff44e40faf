// Coverage of diffusionSpectralEntropyEstimate's interval on the adaptive kNN kernel, against the exact path.
// node scripts/estimate-adaptive-coverage.mjs [--set tuning|held-out] [--count 200] [--backend wasm]
// Tuning problems: adaptiveProblem(5000 + i); held-out: adaptiveProblem(7000 + i), N in [65, 200], seed i.
import { ready, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate } from '../dist/index.mjs';
import { adaptiveProblem } from '../tests/js/estimate-problems.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const set = arg('set', 'held-out');
const count = Number(arg('count', 200));
const backend = arg('backend', 'wasm');
const offset = set === 'tuning' ? 5000 : 7000;
await ready();
let covered = 0, guaranteed = 0, low = 0, high = 0, sumZ2 = 0, stochastic = 0;
const misses = [];
for (let i = 0; i < count; i++) {
  const p = adaptiveProblem(offset + i, 65, 200);
  const exact = diffusionSpectralEntropy(p.X, { kernel: p.kernel, t: p.t });
  const e = diffusionSpectralEntropyEstimate(p.X, { kernel: p.kernel, t: p.t, seed: i, backend });
  const ok = e.lower <= exact && exact <= e.upper;
  if (ok) covered++;
  else { misses.push(`${p.name}: ${exact} not in [${e.lower}, ${e.upper}] probes ${e.probes} deflated ${e.deflated}`); if (exact < e.lower) low++; else high++; }
  if (e.guaranteed) guaranteed++;
  else { stochastic++; const half = (e.upper - e.lower) / 2; sumZ2 += ((e.value - exact) / (half / 1.96)) ** 2; }
}
console.log(misses.join('\n'));
console.log(`| ${set} | ${backend} | ${covered}/${count} (${(100 * covered / count).toFixed(1)}%) | ${guaranteed} guaranteed | misses below ${low} above ${high} | rms z ${Math.sqrt(sumZ2 / Math.max(stochastic, 1)).toFixed(2)} |`);
