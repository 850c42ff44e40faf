// One process of bench/binaries.mjs, in whichever runtime runs it (Node 22, Node 24, Bun): both engine
// binaries loaded side by side, each size timed base, relaxed, base, relaxed... for `rounds` rounds after one
// warm-up, so that both see the same machine load. Prints one JSON line: per binary and size, the seconds of
// every round of each stage (the raw kernels, as bench/compare.mjs) and of the whole DSE through the public API,
// each as wall-clock time and as this process's CPU time (which other processes on the cores inflate less).
//
//   <runtime> bench/binary-worker.mjs '[[1000,128],[2000,768]]' rounds
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { uniformMatrix } from './uniform.mjs';

const [sizes, rounds] = [JSON.parse(process.argv[2]), Number(process.argv[3] ?? 3)];
const root = new URL('../', import.meta.url);
const STAGES = ['distances', 'gaussianKernel', 'anisotropicNormalize', 'tridiagonalize', 'tridiagonalQL'];
const SIGMA = 10;

// Two instances of the package, one per binary: the self-contained ESM bundle copied to two files (Bun
// ignores a query string in an import, which would otherwise make a second instance).
const dir = mkdtempSync(join(tmpdir(), 'dse-binaries-'));
const instance = async (name) => {
  const file = join(dir, `${name}.mjs`);
  copyFileSync(new URL('dist/index.mjs', root), file);
  return import(pathToFileURL(file).href);
};
const binaries = [
  { name: 'simd', file: 'build/release.wasm', api: await instance('simd'), ready: { deterministic: true } },
  { name: 'relaxed-simd', file: 'build/release-relaxed.wasm', api: await instance('relaxed'), ready: { deterministic: false } },
];
for (const b of binaries) {
  await b.api.ready(b.ready);
  if (b.api.engineInfo().binary !== b.name) throw new Error(`asked for ${b.name}, got ${b.api.engineInfo().binary}`);
  const { instance } = await WebAssembly.instantiate(readFileSync(new URL(b.file, root)), {});
  b.k = instance.exports;
}

// One pipeline of raw kernels; the seconds of each stage.
function stages(k, x, n, d) {
  let end = (k.heapBase() + 15) & ~15;
  const take = (count) => {
    const at = end;
    end += Math.ceil(count / 2) * 16;
    return at;
  };
  const xs = take(n * d), m = take(n * n), rowSums = take(n), diag = take(n), off = take(n), work = take(k.tridiagonalizeWorkspace(n));
  const have = k.memory.buffer.byteLength;
  if (end > have) k.memory.grow(Math.ceil((end - have) / 65536));
  new Float64Array(k.memory.buffer, xs, n * d).set(x);
  const calls = [
    () => k.squaredDistances(xs, n, d, m),
    () => k.gaussianKernel(m, n, SIGMA),
    () => k.anisotropicNormalize(m, n, rowSums),
    () => k.tridiagonalize(m, n, diag, off, work),
    () => {
      if (k.tridiagonalQL(diag, off, n, 0) !== 0) throw new Error('QL did not converge');
    },
  ];
  return calls.map((call) => timed(call).seconds);
}

// { seconds: [wall, cpu], value } of one call.
function timed(call) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = call();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { seconds: [wall, (c.user + c.system) / 1e6], value };
}

function whole(api, X) {
  const { seconds, value } = timed(() => api.diffusionSpectralEntropy(X, { sigma: SIGMA }));
  return { seconds, dse: value };
}

const out = { runtime: typeof Bun !== 'undefined' ? `bun ${Bun.version}` : `node ${process.version}`, results: [] };
for (const [n, d] of sizes) {
  const x = uniformMatrix(n, d, 1);
  const X = { data: x, rows: n, cols: d };
  const per = binaries.map((b) => ({ binary: b.name, n, d, stages: Object.fromEntries(STAGES.map((s) => [s, []])), dse: [], value: null }));
  for (const b of binaries) {
    stages(b.k, x, n, d);
    whole(b.api, X);
  }
  for (let r = 0; r < rounds; r++) {
    binaries.forEach((b, i) => {
      stages(b.k, x, n, d).forEach((t, s) => per[i].stages[STAGES[s]].push(t));
      const w = whole(b.api, X);
      per[i].dse.push(w.seconds);
      per[i].value = w.dse;
    });
  }
  // Agreement of the two binaries on this X: DSE and the largest relative eigenvalue difference.
  const eig = binaries.map((b) => b.api.diffusionEigenvalues(X, { sigma: SIGMA }));
  let maxRel = 0;
  for (let i = 0; i < eig[0].length; i++) maxRel = Math.max(maxRel, Math.abs(eig[0][i] - eig[1][i]) / Math.max(Math.abs(eig[0][i]), 1e-300));
  let maxAbsOverTop = 0;
  for (let i = 0; i < eig[0].length; i++) maxAbsOverTop = Math.max(maxAbsOverTop, Math.abs(eig[0][i] - eig[1][i]) / Math.abs(eig[0][0]));
  out.results.push(...per, { n, d, agreement: { dseRel: Math.abs(per[0].value - per[1].value) / Math.abs(per[0].value), eigMaxRel: maxRel, eigMaxAbsOverLargest: maxAbsOverTop } });
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(out));
