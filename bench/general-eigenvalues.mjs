// Times generalEigenvalues (Hessenberg reduction + Francis double-shift QR) and the kNN adjacency spectral
// entropy on both backends. Run after `npm run build`: node bench/general-eigenvalues.mjs [n ...]
import { ready, generalEigenvalues, adjacencySpectralEntropy } from '../dist/index.mjs';
import { uniformMatrix } from './uniform.mjs';

await ready();

// Median of `reps` timed runs after one warm-up, in milliseconds.
function time(fn, reps = 5) {
  fn();
  const ms = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[reps >> 1];
}

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100, 200, 400];
console.log('| n | generalEigenvalues wasm (ms) | js (ms) | ASE knn=10 wasm (ms) | js (ms) |');
console.log('| --- | --- | --- | --- | --- |');
for (const n of sizes) {
  const A = { data: Float64Array.from(uniformMatrix(n, n, n), (v) => v * 2 - 1), rows: n, cols: n };
  const X = { data: uniformMatrix(n, 16, n + 1), rows: n, cols: 16 };
  const row = [n];
  row.push(time(() => generalEigenvalues(A, { backend: 'wasm' })), time(() => generalEigenvalues(A, { backend: 'js' })));
  row.push(time(() => adjacencySpectralEntropy(X, { knn: 10, backend: 'wasm' })), time(() => adjacencySpectralEntropy(X, { knn: 10, backend: 'js' })));
  console.log(`| ${row.map((v, k) => (k === 0 ? v : v.toFixed(1))).join(' | ')} |`);
}
