// The numbers of docs/chebyshev.md: how far the reference's Chebyshev mode (approximate: 'chebyshev') lands
// from the exact value on the flags fixtures, over numpy seeds 0..19. Run after `npm run build`:
// node scripts/chebyshev-accuracy.mjs
import { ready, diffusionSpectralEntropy, diffusionSpectralMutualInformation, diffusionEigenvalues } from '../dist/index.mjs';
import { readNpy } from '../tests/js/helpers.mjs';

await ready();
const SEEDS = Array.from({ length: 20 }, (_, i) => i);
const f = (v) => v.toFixed(3);
const stats = (values) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `${f(Math.min(...values))} .. ${f(Math.max(...values))} (mean ${f(mean)})`;
};

const data = [
  { name: 'digits400', X: 'digits400_X.npy', y: 'digits400_y.npy', sigma: 20 },
  { name: 'blobs (300 x 20, 5 blobs)', X: 'blobs_X.npy', y: 'blobs_y.npy', sigma: 4.47213595499958 },
];
console.log('| data | sigma | t | exact DSE | Chebyshev DSE, seeds 0..19 | worst error |');
console.log('|---|---|---|---|---|---|');
for (const d of data) {
  const X = readNpy(d.X);
  for (const t of [1, 2]) {
    const exact = diffusionSpectralEntropy(X, { sigma: d.sigma, t });
    const approx = SEEDS.map((numpySeed) => diffusionSpectralEntropy(X, { sigma: d.sigma, t, approximate: 'chebyshev', numpySeed }));
    const worst = Math.max(...approx.map((v) => Math.abs(v - exact)));
    console.log(`| ${d.name} | ${f(d.sigma)} | ${t} | ${f(exact)} | ${stats(approx)} | ${f(worst)} bits |`);
  }
}
console.log('\n| data | exact DSMI | Chebyshev DSMI, seeds 0..19 |');
console.log('|---|---|---|');
for (const d of data) {
  const X = readNpy(d.X);
  const y = readNpy(d.y).data;
  const exact = diffusionSpectralMutualInformation(X, y, { sigma: d.sigma, discrete: true }).value;
  const approx = SEEDS.map((numpySeed) => diffusionSpectralMutualInformation(X, y, { sigma: d.sigma, discrete: true, approximate: 'chebyshev', numpySeed }).value);
  console.log(`| ${d.name} | ${f(exact)} | ${stats(approx)} |`);
}

// Why: the estimate spreads the eigenvalues over a grid of 1001 points from a 50-term density, so the many
// eigenvalues near 0 are smeared over (-0.1, 0.1) and the few large ones are blurred.
const X = readNpy('digits400_X.npy');
const exact = diffusionEigenvalues(X, { sigma: 20 });
console.log(`\ndigits400, sigma 20: ${exact.filter((v) => Math.abs(v) < 0.05).length} of 400 exact eigenvalues have |lambda| < 0.05; largest five ${Array.from(exact.subarray(0, 5), f).join(', ')}`);
