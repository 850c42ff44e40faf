// The Gaussian kernel's squared distances by differences (the exact form, assembly/distance.ts squaredDistances)
// against the Gram form (squaredDistancesGram: |x_i|^2 + |x_j|^2 - 2 x_i.x_j, exact fallback), one thread, WASM
// backend: the distance stage alone (to the 'distances' stage report) and the whole diffusionEigenvalues call
// (distances, kernel, reduction, QL: the whole DSE but its entropy sum), X float32 uniform in [0, 1)
// (bench/uniform.mjs, seed 1, as bench/numpy_pipeline.py), sigma = 10. The sources are bundled with
// js/engine/distance-form.ts's hook; both forms alternate within each round in one process; medians over rounds.
// Prints `uptime` before and after and a markdown table. The binary is the one ready() picks (relaxed SIMD where
// the engine has it: Node 24, node_modules/node24/bin/node; base on Node 20), or --binary base.
//
//   node bench/gram-distances.mjs                 N = 1000, 2000; D = 128, 768; 5 rounds
//   node bench/gram-distances.mjs --quick         N = 1000; D = 128, 768; 1 round
//   node bench/gram-distances.mjs --sizes 2000 --dims 768 --rounds 3 --binary base
import os from 'node:os';
import { flag, hookedLibrary, median, opt, uptime } from './library.mjs';
import { uniformMatrix } from './uniform.mjs';

const quick = flag('--quick');
const sizes = opt('--sizes', quick ? '1000' : '1000,2000').split(',').map(Number);
const dims = opt('--dims', '128,768').split(',').map(Number);
const rounds = Number(opt('--rounds', quick ? '1' : '5'));
const SIGMA = 10;

const lib = await hookedLibrary('gram-distances-lib', { 'js/engine/distance-form.ts': ['setGramDistances'] });


await lib.ready({ threads: 1, deterministic: opt('--binary', 'auto') === 'base' });
const info = lib.backendInfo();
console.log(`node ${process.version}, ${os.cpus()[0].model}, binary ${info.binary}, threads ${info.threads}`);
console.log(`before: ${uptime()}`);

// One call: [distance seconds, whole seconds, eigenvalues].
function run(X, gram) {
  lib.setGramDistances(gram);
  let distances = 0;
  const t0 = performance.now();
  const values = lib.diffusionEigenvalues(X, {
    sigma: SIGMA,
    onProgress: (_fraction, stage) => {
      if (stage === 'distances') distances = performance.now();
    },
  });
  const whole = performance.now() - t0;
  lib.setGramDistances(true);
  return [(distances - t0) / 1000, whole / 1000, values];
}

const rows = [];
for (const n of sizes) {
  for (const d of dims) {
    const X = { data: uniformMatrix(n, d, 1), rows: n, cols: d };
    const times = [false, true].map(() => ({ dist: [], whole: [] }));
    let maxDiff = 0;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      const values = [];
      for (const i of order) {
        const [dist, whole, v] = run(X, i === 1);
        times[i].dist.push(dist);
        times[i].whole.push(whole);
        values[i] = v;
      }
      for (let k = 0; k < n; k++) maxDiff = Math.max(maxDiff, Math.abs(values[0][k] - values[1][k]));
    }
    const [a, b] = times.map((t) => ({ dist: median(t.dist), whole: median(t.whole) }));
    rows.push(`| ${n} | ${d} | ${a.dist.toFixed(4)} | ${b.dist.toFixed(4)} | ${(b.dist / a.dist).toFixed(2)} | ${a.whole.toFixed(3)} | ${b.whole.toFixed(3)} | ${(b.whole / a.whole).toFixed(2)} | ${maxDiff.toExponential(1)} |`);
    console.error(rows.at(-1));
  }
}
console.log(`after: ${uptime()}`);
console.log(`\n${rounds} round(s), medians, seconds; binary ${info.binary}, 1 thread\n`);
console.log('| N | D | distances, differences | distances, Gram | ratio | whole, differences | whole, Gram | ratio | max abs eigenvalue diff |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
