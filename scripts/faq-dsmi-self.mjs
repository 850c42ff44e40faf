// The numbers of docs/faq.md, "Why is DSMI(A;A) far different from DSE(A)?": uniform [0,1]^10 data, as
// numpy's np.random.seed(0); np.random.uniform(0, 1, (n, 10)) draws it, DSE(A) and DSMI(A;A) at the
// reference's sigma = 10 and at sigma = the median pairwise distance (sigma: 'auto'), and DSMI(A;A)
// as nClusters grows. Run after `npm run build`: node scripts/faq-dsmi-self.mjs
import { ready, diffusionSpectralEntropy, diffusionSpectralMutualInformation, medianDistance, NumpyRandomState } from '../dist/index.mjs';

await ready();

// np.random.uniform(0, 1, size) in the legacy state is low + (high - low) * random_sample().
function uniformCube(n, d, seed) {
  const rs = new NumpyRandomState(seed);
  const data = new Float64Array(n * d);
  for (let k = 0; k < data.length; k++) data[k] = rs.randomSample();
  return { data, rows: n, cols: d };
}

const f = (v) => v.toFixed(4);
console.log('| N | DSE(A), sigma 10 | DSMI(A;A), sigma 10 | median distance | DSE(A), sigma auto | DSMI(A;A), sigma auto | log2 10 |');
console.log('|---|---|---|---|---|---|---|');
for (const n of [100, 500, 1000, 2000]) {
  const A = uniformCube(n, 10, 0);
  const auto = medianDistance(A, { seed: 0 });
  const row = [n];
  for (const sigma of [10, auto]) {
    if (sigma === auto) row.push(f(auto));
    row.push(f(diffusionSpectralEntropy(A, { sigma })), f(diffusionSpectralMutualInformation(A, A, { sigma }).value));
  }
  row.push(f(Math.log2(10)));
  console.log(`| ${row.join(' | ')} |`);
}

const n = 1000;
const A = uniformCube(n, 10, 0);
const auto = medianDistance(A, { seed: 0 });
console.log(`\nN = ${n}, sigma auto = ${f(auto)}: DSE(A) = ${f(diffusionSpectralEntropy(A, { sigma: auto }))}`);
console.log('| nClusters | DSMI(A;A), sigma 10 | DSMI(A;A), sigma auto | mean H_c (sigma auto) | mean Hbar_c (sigma auto) |');
console.log('|---|---|---|---|---|');
for (const k of [2, 5, 10, 20, 50, 100, 200]) {
  const at10 = diffusionSpectralMutualInformation(A, A, { sigma: 10, nClusters: k }).value;
  const r = diffusionSpectralMutualInformation(A, A, { sigma: auto, nClusters: k });
  const w = (key) => r.classes.reduce((s, c) => s + (c.size / n) * c[key], 0);
  console.log(`| ${k} | ${f(at10)} | ${f(r.value)} | ${f(w('entropy'))} | ${f(w('randomEntropy'))} |`);
}
