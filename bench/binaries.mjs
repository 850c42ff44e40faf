// Base ('simd') against relaxed-SIMD ('relaxed-simd') engine binary, per runtime, with numpy (one thread) in
// the same run: what bench/NOTES.md quotes for issue 13's FMA binary.
//
//   node bench/binaries.mjs [--sizes 1000x128,1000x768,2000x128,2000x768] [--reps 3] [--rounds 2]
//       [--runtimes node22,node24,bun] [--python /usr/bin/python3]
//
// Other processes share the cores, so everything is interleaved: each repetition runs every runtime once
// (bench/binary-worker.mjs, which alternates the binaries `rounds` times per size after a warm-up) and numpy
// once, and the figures are medians over all repetitions and rounds. Stages and DSE are given in the process's
// CPU time (which other processes on the cores inflate less than wall-clock time), the whole DSE also in wall
// time, numpy in wall time. `uptime` is printed before, between and after.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('--sizes', '1000x128,1000x768,2000x128,2000x768').split(',').map((s) => s.split('x').map(Number));
const reps = Number(opt('--reps', '3'));
const rounds = Number(opt('--rounds', '2'));
const BINARIES = { node22: 'node_modules/node22/bin/node', node24: 'node_modules/node24/bin/node', node: process.execPath, bun: 'node_modules/.bin/bun' };
const runtimes = opt('--runtimes', 'node22,node24,bun').split(',');
const python = opt('--python', '/usr/bin/python3');
const STAGES = ['distances', 'gaussianKernel', 'anisotropicNormalize', 'tridiagonalize', 'tridiagonalQL'];

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const loads = [`start: ${uptime()}`];
const samples = {}; // `${runtime} ${binary} ${n}x${d}` -> { stage: [[wall, cpu]...], dse: [[wall, cpu]...] }
const agreement = {};
const versions = {};
const numpy = {}; // `${n}x${d}` -> { distances: [], kernel: [], eigvalsh: [], total: [] }
let numpyInfo = null;
const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
for (let rep = 0; rep < reps; rep++) {
  for (const rt of runtimes) {
    const r = spawnSync(BINARIES[rt], [`${here}binary-worker.mjs`, JSON.stringify(sizes), String(rounds)], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${rt}: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    versions[rt] = out.runtime;
    for (const x of out.results) {
      const size = `${x.n}x${x.d}`;
      if (x.agreement) {
        (agreement[`${rt} ${size}`] ??= []).push(x.agreement);
        continue;
      }
      const key = `${rt} ${x.binary} ${size}`;
      const s = (samples[key] ??= { dse: [], ...Object.fromEntries(STAGES.map((st) => [st, []])) });
      s.dse.push(...x.dse);
      for (const st of STAGES) s[st].push(...x.stages[st]);
    }
  }
  if (existsSync(python)) {
    const r = spawnSync(python, [`${here}numpy_pipeline.py`, JSON.stringify(sizes), '1'], { encoding: 'utf8', env });
    if (r.status === 0) {
      const out = JSON.parse(r.stdout);
      numpyInfo = `numpy ${out.numpy} (${out.blas}), Python ${out.python}, ${python}`;
      for (const x of out.results) {
        const s = (numpy[`${x.n}x${x.d}`] ??= { distances: [], kernel: [], eigvalsh: [], total: [], cpu: [] });
        for (const k of Object.keys(s)) s[k].push(x.seconds[k]);
      }
    }
  }
  loads.push(`after repetition ${rep + 1}: ${uptime()}`);
}

const f = (v) => (v >= 0.1 ? v.toFixed(3) : v.toFixed(4));
const L = [];
L.push(`${new Date().toISOString()}; ${reps} repetitions x ${rounds} rounds per binary; runtimes: ${runtimes.map((rt) => versions[rt]).join(', ')}; ${numpyInfo ?? 'numpy not run'}`, '');
L.push('Load (uptime):', ...loads.map((l) => `- ${l}`), '');
L.push('CPU seconds of this process (medians), except "whole DSE wall"; "x" columns are base / relaxed.', '');
L.push('| runtime | N | D | binary | distances | kernel + normalise | tridiagonalize | QL | whole DSE (API) | whole DSE wall | distances x | tridiagonalize x | whole DSE x | numpy 1 thread | wasm / numpy |');
L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const rt of runtimes) {
  for (const [n, d] of sizes) {
    const size = `${n}x${d}`;
    const med = {};
    for (const b of ['simd', 'relaxed-simd']) {
      const s = samples[`${rt} ${b} ${size}`];
      const cpu = (st) => median(s[st].map((t) => t[1]));
      med[b] = { distances: cpu('distances'), kernel: cpu('gaussianKernel') + cpu('anisotropicNormalize'), tri: cpu('tridiagonalize'), ql: cpu('tridiagonalQL'), dse: median(s.dse.map((t) => t[1])), dseWall: median(s.dse.map((t) => t[0])) };
    }
    const npCpu = numpy[size] ? median(numpy[size].cpu) : null;
    for (const b of ['simd', 'relaxed-simd']) {
      const m = med[b];
      const np = npCpu === null ? '- | -' : `${f(npCpu)} | ${(m.dse / npCpu).toFixed(2)}`;
      const x = (key) => (b === 'relaxed-simd' ? (med.simd[key] / m[key]).toFixed(2) : '');
      L.push(`| ${versions[rt]} | ${n} | ${d} | ${b} | ${f(m.distances)} | ${f(m.kernel)} | ${f(m.tri)} | ${f(m.ql)} | ${f(m.dse)} | ${f(m.dseWall)} | ${x('distances')} | ${x('tri')} | ${x('dse')} | ${np} |`);
    }
  }
}
L.push('', '| runtime | N | D | relaxed vs base: DSE relative difference | eigenvalues: max relative difference | max absolute difference / largest eigenvalue |', '|---|---|---|---|---|---|');
for (const rt of runtimes) {
  for (const [n, d] of sizes) {
    const a = agreement[`${rt} ${n}x${d}`][0];
    L.push(`| ${versions[rt]} | ${n} | ${d} | ${a.dseRel.toExponential(1)} | ${a.eigMaxRel.toExponential(1)} | ${a.eigMaxAbsOverLargest.toExponential(1)} |`);
  }
}
if (Object.keys(numpy).length) {
  L.push('', 'numpy, wall seconds (medians) and the CPU seconds of the whole pipeline:', '', '| numpy 1 thread: N | D | distances | kernel | eigvalsh | total | total cpu |', '|---|---|---|---|---|---|---|');
  for (const [size, s] of Object.entries(numpy)) {
    const [n, d] = size.split('x');
    L.push(`| ${n} | ${d} | ${f(median(s.distances))} | ${f(median(s.kernel))} | ${f(median(s.eigvalsh))} | ${f(median(s.total))} | ${f(median(s.cpu))} |`);
  }
}
console.log(L.join('\n'));
