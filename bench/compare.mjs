// Times each stage of several builds of the engine in one process, round-robin, so every build sees the same
// machine load: how bench/NOTES.md measured what each change bought.
//
//   node bench/compare.mjs old.wasm new.wasm [--sizes 1000x768,2000x768] [--rounds 5]
//
// Prints, per build and size, the median seconds of each stage over the rounds, and the first (cold) call's
// total: a fresh Module runs its first call partly in V8's baseline tier.
import { readFileSync } from 'node:fs';
import { stagesBundle } from './bundle.mjs';
import { uniformMatrix } from './uniform.mjs';

const { pipelineBuffers, grow } = await stagesBundle();

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const sizes = opt('--sizes', '1000x768,2000x768').split(',').map((s) => s.split('x').map(Number));
const rounds = Number(opt('--rounds', '5'));
const files = args;
const STAGES = ['distances', 'gaussianKernel', 'anisotropicNormalize', 'tridiagonalize', 'tridiagonalQL'];

// One whole pipeline on a build; returns the seconds of each stage.
function pipeline(k, x, n, d) {
  const { xs, m, rowSums, diag, off, work, layout } = pipelineBuffers(k, n, d);
  grow(k, layout);
  new Float64Array(k.memory.buffer, xs, n * d).set(x);
  const calls = [
    () => k.squaredDistances(xs, n, d, m),
    () => k.gaussianKernel(m, n, 10),
    () => k.anisotropicNormalize(m, n, rowSums),
    () => k.tridiagonalize(m, n, diag, off, work),
    () => {
      if (k.tridiagonalQL(diag, off, n, 0) !== 0) throw new Error('QL did not converge');
    },
  ];
  return calls.map((call) => {
    const t0 = performance.now();
    call();
    return (performance.now() - t0) / 1000;
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

for (const [n, d] of sizes) {
  const x = uniformMatrix(n, d, 1);
  const builds = [];
  for (const file of files) {
    const { instance } = await WebAssembly.instantiate(readFileSync(file), { env: { abort() { throw new Error('abort'); } } });
    builds.push({ file, k: instance.exports, cold: 0, times: [] });
  }
  for (const b of builds) b.cold = pipeline(b.k, x, n, d).reduce((s, t) => s + t, 0);
  for (let r = 0; r < rounds; r++) for (const b of builds) b.times.push(pipeline(b.k, x, n, d));
  console.log(`N = ${n}, D = ${d}: median of ${rounds} rounds (s)`);
  console.log(['build', ...STAGES, 'total', 'cold total'].join('\t'));
  for (const b of builds) {
    const per = STAGES.map((_, i) => median(b.times.map((t) => t[i])));
    const total = median(b.times.map((t) => t.reduce((s, v) => s + v, 0)));
    console.log([b.file.split('/').pop(), ...per.map((v) => v.toFixed(4)), total.toFixed(3), b.cold.toFixed(3)].join('\t'));
  }
}
