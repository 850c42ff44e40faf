// How far issue 13's targets are from what 128-bit SIMD can do on this machine. WebAssembly has f64x2 (two
// float64 lanes) and no wider vector; OpenBLAS runs 256-bit AVX2 kernels (4 lanes) here. This script measures,
// in one run:
//   - the multiply-add peak of the kernels' own madd (bench/peak.ts, base and relaxed builds), on 1 thread and
//     on every core at once (one worker per core);
//   - numpy + OpenBLAS (bench/numpy_pipeline.py) on 1 thread and on every core;
//   - our DSE pipeline (the public diffusionEigenvalues, its stages timed by onProgress) on 1 thread and all.
// For each target (1 thread <= 1.5x numpy's 1 thread; all cores <= 1.0x numpy on all cores) it prints the
// rate our distances and reduction (N^2 D + 4 N^3 / 3 flops) would have to sustain for the whole DSE to meet
// it, given the kernel and QL stages as measured, and that rate as a share of the peak on that many cores.
// A share near or above 100% means the target needs more than every lane of every cycle.
//
//   node_modules/node24/bin/node bench/ceiling.mjs                      N x D = 1000x768, 2000x128, 2000x768, 4000x768
//   node_modules/node24/bin/node bench/ceiling.mjs --sizes 2000x128 --rounds 3
//   node_modules/node24/bin/node bench/ceiling.mjs --quick              N x D = 1000x128, 1 round
// Under Node 20 (no relaxed SIMD) only the base build's peak runs, and the pipeline uses the base binary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findPython, flag, hookedLibrary, median, numpyPipeline, opt, uptime } from './library.mjs';
import { uniformMatrix } from './uniform.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const quick = flag('--quick');
const sizes = opt('--sizes', quick ? '1000x128' : '1000x768,2000x128,2000x768,4000x768').split(',').map((s) => s.split('x').map(Number));
const rounds = Number(opt('--rounds', quick ? '1' : '5'));
const cores = os.availableParallelism();
const SIGMA = 10;
const PEAK_ROUNDS = 200_000_000; // 9.6 GFLOP: about 0.3 s a run at this machine's peak

// ---- the multiply-add peak ------------------------------------------------------------------------------------
function buildPeak(relaxed) {
  mkdirSync(`${here}.build`, { recursive: true });
  const out = `${here}.build/peak-${relaxed ? 'relaxed' : 'base'}.wasm`;
  const features = ['--enable', 'simd', ...(relaxed ? ['--enable', 'relaxed-simd'] : [])];
  execFileSync(`${root}node_modules/.bin/asc`, [`${here}peak.ts`, ...features, '-O3', '--runtime', 'stub', '-o', out], { stdio: 'pipe' });
  return readFileSync(out);
}

// One worker per thread, started together: each compiles the module, runs a warm-up, waits at the barrier,
// runs PEAK_ROUNDS and posts its seconds. GFLOP/s counts 48 flops a round (12 f64x2 multiply-adds) per worker
// over the slowest worker's time.
const PEAK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { bytes, rounds, flagBuffer } = workerData;
const flagView = new Int32Array(flagBuffer);
WebAssembly.instantiate(bytes).then(({ instance }) => {
  const peak = instance.exports.peak;
  for (let i = 0; i < 20; i++) peak(1e6, 0.999999, 1e-7); // past the baseline tier
  Atomics.add(flagView, 1, 1);
  Atomics.wait(flagView, 0, 0);
  const t0 = performance.now();
  peak(rounds, 0.999999, 1e-7);
  parentPort.postMessage((performance.now() - t0) / 1000);
});`;

async function peakRate(bytes, threads) {
  const flagBuffer = new SharedArrayBuffer(8);
  const flagView = new Int32Array(flagBuffer);
  const workers = Array.from({ length: threads }, () => new Worker(PEAK_WORKER, { eval: true, workerData: { bytes, rounds: PEAK_ROUNDS, flagBuffer } }));
  const done = workers.map((w) => new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); }));
  while (Atomics.load(flagView, 1) < threads) await new Promise((r) => setTimeout(r, 5));
  Atomics.store(flagView, 0, 1);
  Atomics.notify(flagView, 0);
  const seconds = Math.max(...(await Promise.all(done)));
  await Promise.all(workers.map((w) => w.terminate()));
  return (threads * PEAK_ROUNDS * 48) / seconds / 1e9;
}

const relaxedHere = WebAssembly.validate(buildPeak(true));
const peaks = {};
for (const relaxed of relaxedHere ? [false, true] : [false]) {
  const bytes = buildPeak(relaxed);
  for (const threads of [...new Set([1, cores])]) {
    const runs = [];
    for (let r = 0; r < 3; r++) runs.push(await peakRate(bytes, threads));
    peaks[`${relaxed ? 'relaxed' : 'base'}/${threads}`] = Math.max(...runs);
  }
}

// ---- numpy --------------------------------------------------------------------------------------------------
const python = findPython();
function numpy(n, d, threads) {
  if (python === null) return null;
  const res = numpyPipeline(python.python, n, d, { threads, repeats: rounds, warmups: 1 });
  return res.error ? null : { ...res.seconds, numpy: res.numpy, blas: res.blas };
}

// ---- ours ---------------------------------------------------------------------------------------------------
const lib = await hookedLibrary('ceiling-lib');
await lib.ready({ threads: cores });

async function ours(n, d, threads) {
  await lib.setThreads(threads);
  const x = uniformMatrix(n, d, 1);
  const runs = [];
  for (let r = 0; r < rounds + 1; r++) {
    const marks = {};
    const t0 = performance.now();
    lib.diffusionEigenvalues({ data: x, rows: n, cols: d }, { sigma: SIGMA, onProgress: (_, stage) => { marks[stage] = (performance.now() - t0) / 1000; } });
    if (r > 0) runs.push({ distances: marks.distances, kernel: marks.kernel - marks.distances, reduction: marks.tridiagonalize - marks.kernel, ql: marks.ql - marks.tridiagonalize, total: marks.ql });
  }
  const at = (key) => median(runs.map((run) => run[key]));
  return { distances: at('distances'), kernel: at('kernel'), reduction: at('reduction'), ql: at('ql'), total: at('total'), threads: lib.engineInfo().threads };
}

// ---- the table ----------------------------------------------------------------------------------------------
const info = lib.engineInfo();
const fmt = (s) => s.toFixed(3);
const lines = [];
const before = uptime();
let numpyVersion = 'not found';
for (const [n, d] of sizes) {
  const flops = n * n * d + (4 * n ** 3) / 3;
  for (const threads of [...new Set([1, cores])]) {
    const np = numpy(n, d, threads);
    const us = await ours(n, d, threads);
    if (np) numpyVersion = `${np.numpy} (${np.blas})`;
    const target = np ? (threads === 1 ? 1.5 : 1.0) * np.total : NaN;
    const rest = us.kernel + us.ql;
    const needed = target - rest > 0 ? flops / (target - rest) / 1e9 : Infinity;
    const peak = peaks[`${info.binary === 'relaxed-simd' ? 'relaxed' : 'base'}/${threads}`];
    const ourRate = flops / (us.distances + us.reduction) / 1e9;
    lines.push(`| ${n} x ${d} | ${threads} | ${np ? `${fmt(np.total)} (${fmt(np.eigvalsh)})` : '-'} | ${threads === 1 ? '1.5' : '1.0'}x = ${fmt(target)} | `
      + `${fmt(us.distances)} / ${fmt(us.kernel)} / ${fmt(us.reduction)} / ${fmt(us.ql)} = ${fmt(us.total)} | ${np ? (us.total / np.total).toFixed(2) : '-'} | `
      + `${ourRate.toFixed(1)} (${Math.round((100 * ourRate) / peak)}%) | ${Number.isFinite(needed) ? `${needed.toFixed(1)} (${Math.round((100 * needed) / peak)}%)` : 'none: kernel + QL alone exceed it'} |`);
  }
}
const after = uptime();

console.log(`# 128-bit SIMD against the targets (bench/ceiling.mjs)\n`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores; our binary ${info.binary}; numpy ${numpyVersion}; ${rounds} rounds (medians)`);
console.log(`before: ${before}\nafter: ${after}\n`);
console.log('Multiply-add peak of f64x2 (bench/peak.ts), GFLOP/s:');
for (const [key, rate] of Object.entries(peaks)) console.log(`- ${key.replace('/', ' build, ')} thread(s): ${rate.toFixed(1)}`);
console.log('');
console.log('| N x D | threads | numpy s (eigvalsh) | target s | ours s: distances / kernel / reduction / QL = total | ours / numpy | our rate over distances + reduction, GFLOP/s (of peak) | rate the target needs there (of peak) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const line of lines) console.log(line);
process.exit(0);
