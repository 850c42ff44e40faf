// Issue 13's benchmark: whole DSE (distances, kernel, reduction, QL) on X float32 uniform in [0, 1)
// (bench/uniform.mjs, seed 1), sigma = 10, side by side with numpy + OpenBLAS, in one command:
//   - dse-wasm on 1 thread and on all cores, the base binary (ready({ deterministic: true })) and the relaxed-SIMD
//     one (fused multiply-add; Node >= 22, so both run under the node24 devDependency, else node22);
//   - numpy + OpenBLAS (bench/numpy_pipeline.py) with OPENBLAS_NUM_THREADS=1 and = all cores;
//   - DSMI, N = 4000, D = 128, 10 classes of 400 rows: 1 thread against all cores;
//   - peak RSS and WASM memory of every row (the N = 10 000 row is the one issue 13 asks about).
// Every measurement is a fresh child process per round, the configurations taking turns within each round
// (so a load from other processes falls on all alike); medians over rounds. Every timed call is a steady-state
// one, as in a training loop that scores each epoch: a numpy child first runs the same pipeline once untimed
// (its first call at N = 4000 took 6.2 s against 4.9 s after, most of it the first touch of its arrays), and a
// wasm child runs the same call once on all cores (the memory grown and touched), then a small problem of the
// same D in each mode (V8 tiers the WebAssembly up on every thread). In a wasm child 1 thread and all cores
// alternate (setThreads on one pool). Writes the report to bench/THREADS.md (--quick: bench/.build/THREADS-quick.md).
//
//   npm run bench:threads                       the full run (prints its estimated duration first)
//   npm run bench:threads -- --quick            small sizes, < 1 min: proves the harness works
//   node bench/threads.mjs --sizes 1000x128,2000x768 --rounds 5 [--no-numpy] [--no-dsmi] [--out FILE]
//   node bench/threads.mjs --estimate           only the estimated duration of the run the other flags ask for
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stagesBundle } from './bundle.mjs';
import { findPython, numpyPipeline } from './library.mjs';
import { uniformMatrix } from './uniform.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const SIGMA = 10;
const FULL_SIZES = [[1000, 128], [1000, 768], [2000, 128], [2000, 768], [4000, 128], [4000, 768], [8000, 128], [8000, 768], [10000, 768]];
const QUICK_SIZES = [[500, 128], [1000, 128], [1000, 768]];
// DSMI: classes of 400 and 800 rows, each against the other choice (whole tasks against the distances split
// alone at 400, against the step-split reduction at 800): what decides the library's SUBSET_TASK_ROWS.
const DSMI = [{ n: 4000, d: 128, classes: 10 }, { n: 4000, d: 128, classes: 5 }];
const QUICK_DSMI = [{ n: 1000, d: 128, classes: 10 }, { n: 1200, d: 128, classes: 2 }];
// Rounds by size unless --rounds: the big rows once (N = 10 000 costs minutes a round across the configurations).
const roundsFor = (n) => (n <= 2000 ? 3 : n <= 4000 ? 2 : 1);
const WARM_UP_ROWS = 700; // above 512: the warm-up reaches the threaded reduction too
const TASK_ROWS = 2048; // the library's own (SUBSET_TASK_ROWS): DSMI subsets below this run whole on one thread (adapter.ts)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

// ---- a wasm child: one round of one binary, its modes (thread counts, DSMI task sizes) alternating -----------
async function wasmChild(spec) {
  const s = await stagesBundle(true);
  const { api } = s;
  await api.ready({ threads: spec.threads, deterministic: spec.binary === 'simd' });
  const info = api.backendInfo();
  const modes = spec.modes.filter((m) => m.threads === 1 || info.threads === spec.threads);
  const X = { data: uniformMatrix(spec.n, spec.d, 1), rows: spec.n, cols: spec.d };
  const dsmiLabels = spec.classes ? Int32Array.from({ length: spec.n }, (_, i) => (i * 7919) % spec.classes) : null;
  const call = (x) => (dsmiLabels === null
    ? api.diffusionSpectralEntropy(x, { sigma: SIGMA })
    : api.diffusionSpectralMutualInformation(x, dsmiLabels.subarray(0, x.rows), { sigma: SIGMA, discrete: true }).value);
  const use = async (m) => {
    await api.setThreads(m.threads);
    s.setSubsetTaskRows(m.taskRows ?? TASK_ROWS);
  };
  const small = Math.min(spec.n, WARM_UP_ROWS);
  const warm = { data: X.data.subarray(0, small * spec.d), rows: small, cols: spec.d };
  await use(modes[modes.length - 1]);
  call(X);
  for (const m of modes) {
    await use(m);
    call(warm);
  }
  const out = { binary: info.binary, runtime: process.version, threadsReason: info.threadsReason, results: {} };
  for (const m of spec.round % 2 === 0 ? modes : [...modes].reverse()) {
    await use(m);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const value = call(X);
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    out.results[m.label] = { wall, cpu: (c.user + c.system) / 1e6, value };
  }
  out.peakRssMiB = process.resourceUsage().maxRSS / 1024;
  out.wasmMemoryMiB = s.memoryBytes() / 2 ** 20;
  process.stdout.write(JSON.stringify(out));
}

if (process.argv[2] === '--child') {
  await wasmChild(JSON.parse(process.argv[3]));
  process.exit(0);
}

// ---- the parent ----------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const quick = flag('--quick');
const sizes = opt('--sizes', null)?.split(',').map((s) => s.split('x').map(Number)) ?? (quick ? QUICK_SIZES : FULL_SIZES);
const fixedRounds = opt('--rounds', null) === null ? null : Number(opt('--rounds'));
const rounds = (n) => fixedRounds ?? (quick ? 2 : roundsFor(n));
const dsmi = flag('--no-dsmi') ? null : quick ? QUICK_DSMI : DSMI;
const outFile = opt('--out', quick ? `${here}.build/THREADS-quick.md` : `${here}THREADS.md`);
const cores = os.availableParallelism();

// A Node that validates relaxed SIMD (>= 22): the devDependencies node24, node22, or this one.
function newerNode() {
  for (const name of ['node24', 'node22']) {
    const path = `${root}node_modules/${name}/bin/node`;
    if (!existsSync(path)) continue;
    try {
      return { path, version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() };
    } catch {
      // Not runnable here: the next one.
    }
  }
  return Number(process.versions.node.split('.')[0]) >= 22 ? { path: process.execPath, version: process.version } : null;
}

function runWasm(node, spec) {
  const r = spawnSync(node, [fileURLToPath(import.meta.url), '--child', JSON.stringify(spec)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).split('\n').filter(Boolean).slice(-3).join(' ') };
  return JSON.parse(r.stdout);
}

// One steady-state run of numpy's pipeline (after an untimed one of the same size).
function runNumpy(py, n, d, threads) {
  const res = numpyPipeline(py, n, d, { threads, warmups: 1 });
  if (res.error) return res;
  return { wall: res.seconds.total, cpu: res.seconds.cpu, value: res.dse, peakRssMiB: res.maxRssMiB };
}

// Seconds of one base-binary DSE on one thread, by a model of its work (the reduction's 4 N^3 / 3 and the
// distances' N^2 D / 2, slower per flop once N x N leaves the cache), scaled by a probe on this machine.
function modelSeconds(n, d) {
  return (n <= 4000 ? 9e-11 : 1.4e-10) * n ** 3 + 1.3e-10 * n * n * d;
}
// Each configuration's time as a share of the base binary on one thread (issue 13's table, 2 cores).
// Each mode's timed call, plus the warm-up on all cores (numpy: each child twice).
const SHARE = { base: 1 + 0.6 + 0.6, relaxed: 0.9 + 0.55 + 0.55, numpy: 2 * (0.6 + 0.45) };
const CHILD_SECONDS = 0.6; // start, ready(), X, warm-up

const node = newerNode();
const py = flag('--no-numpy') ? null : findPython();
const runtimeOf = node?.path ?? process.execPath;
console.log(`# dse-wasm threads benchmark (issue 13)${quick ? ' --quick' : ''}`);
console.log(`${new Date().toISOString()}; ${os.cpus()[0]?.model}, ${cores} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`);
console.log(`load: ${uptime()}`);
console.log(`wasm: ${node === null ? `${process.version} (base binary only: no Node >= 22 for relaxed SIMD)` : `Node ${node.version}`}; numpy: ${py === null ? 'skipped' : `${py.numpy} (${py.blas}), Python ${py.pythonVersion} ${py.python}`}`);

const configs = [
  { key: 'base', binary: 'simd', node: runtimeOf },
  ...(node ? [{ key: 'relaxed', binary: 'relaxed-simd', node: node.path }] : []),
];
await stagesBundle(false);
const ONE_AND_ALL = [{ label: '1', threads: 1 }, { label: 'all', threads: cores }];
const probe = runWasm(runtimeOf, { n: 1000, d: 128, threads: 1, binary: 'simd', round: 0, modes: [ONE_AND_ALL[0]] });
const scale = probe.error ? 1 : Math.min(20, Math.max(0.2, probe.results[1].wall / modelSeconds(1000, 128)));
const perRound = (n, d) => modelSeconds(n, d) * scale * (SHARE.base + (node ? SHARE.relaxed : 0) + (py ? SHARE.numpy : 0)) + CHILD_SECONDS * (2 + (node ? 2 : 0) + (py ? 2 : 0));
let estimate = sizes.reduce((s, [n, d]) => s + rounds(n) * perRound(n, d), 0);
for (const m of dsmi ?? []) estimate += 3 * configs.length * (6 * m.classes * modelSeconds(m.n / m.classes, m.d) * scale * 2.2 + CHILD_SECONDS);
console.log(`estimated duration: ${(estimate / 60).toFixed(1)} min (probe: N = 1000, D = 128, 1 thread, ${probe.error ? probe.error : `${probe.results[1].wall.toFixed(3)} s`})\n`);
if (flag('--estimate')) process.exit(0);

const started = performance.now();
const loadBefore = uptime();
const rows = [];
for (const [n, d] of sizes) {
  const samples = { numpy1: [], numpyAll: [] };
  for (const c of configs) samples[c.key] = [];
  for (let r = 0; r < rounds(n); r++) {
    for (const c of configs) samples[c.key].push(runWasm(c.node, { n, d, threads: cores, binary: c.binary, round: r, modes: ONE_AND_ALL }));
    if (py) {
      samples.numpy1.push(runNumpy(py.python, n, d, 1));
      samples.numpyAll.push(runNumpy(py.python, n, d, cores));
    }
  }
  const row = { n, d, rounds: rounds(n), load: uptime().replace(/.*load average: /, '') };
  for (const c of configs) {
    const ok = samples[c.key].filter((s) => !s.error);
    if (ok.length === 0) {
      row[c.key] = { error: samples[c.key][0].error };
      continue;
    }
    row[c.key] = {
      binary: ok[0].binary, runtime: ok[0].runtime, threadsReason: ok[0].threadsReason,
      one: median(ok.map((s) => s.results[1].wall)), all: median(ok.map((s) => s.results.all?.wall ?? NaN)),
      cpuOne: median(ok.map((s) => s.results[1].cpu)), cpuAll: median(ok.map((s) => s.results.all?.cpu ?? NaN)),
      value: ok[0].results[1].value, valueAll: ok[0].results.all?.value,
      peakRssMiB: Math.max(...ok.map((s) => s.peakRssMiB)), wasmMemoryMiB: Math.max(...ok.map((s) => s.wasmMemoryMiB)),
    };
  }
  for (const [key, list] of [['numpy1', samples.numpy1], ['numpyAll', samples.numpyAll]]) {
    const ok = list.filter((s) => !s.error);
    if (py) row[key] = ok.length === 0 ? { error: list[0].error } : { wall: median(ok.map((s) => s.wall)), value: ok[0].value, peakRssMiB: Math.max(...ok.map((s) => s.peakRssMiB)) };
  }
  rows.push(row);
  console.log(`N = ${n}, D = ${d}: ${summary(row)}`);
}

// Each DSMI: 1 thread, all cores, and all cores with the other choice of whole tasks for its classes' size.
const dsmiRows = [];
for (const m of dsmi ?? []) {
  const rows = m.n / m.classes;
  const other = rows < TASK_ROWS
    ? { label: 'other', threads: cores, taskRows: 0, what: 'all, no whole tasks (distances split only)' }
    : { label: 'other', threads: cores, taskRows: 1e9, what: 'all, whole tasks (no step split)' };
  const samples = {};
  for (const c of configs) samples[c.key] = [];
  for (let r = 0; r < 3; r++) {
    for (const c of configs) samples[c.key].push(runWasm(c.node, { ...m, threads: cores, binary: c.binary, round: r, modes: [...ONE_AND_ALL, other] }));
  }
  const row = { ...m, rows, other: other.what, path: rows < TASK_ROWS ? 'whole tasks' : 'step-split reduction', load: uptime().replace(/.*load average: /, '') };
  for (const c of configs) {
    const ok = samples[c.key].filter((s) => !s.error);
    row[c.key] = ok.length === 0 ? { error: samples[c.key][0].error } : {
      one: median(ok.map((s) => s.results[1].wall)), all: median(ok.map((s) => s.results.all?.wall ?? NaN)),
      other: median(ok.map((s) => s.results.other?.wall ?? NaN)),
      values: ['1', 'all', 'other'].map((k) => ok[0].results[k]?.value),
    };
  }
  dsmiRows.push(row);
  console.log(`DSMI N = ${m.n}, D = ${m.d}, ${m.classes} classes: ${configs.map((c) => `${c.key} ${fmt(row[c.key].one)} / ${fmt(row[c.key].all)} / ${fmt(row[c.key].other)} s`).join('; ')} (1 thread / ${cores} / ${other.what})`);
}
const minutes = (performance.now() - started) / 60000;

function fmt(x, digits = 3) {
  return x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits);
}
function ratio(a, b) {
  return a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) ? '-' : (a / b).toFixed(2);
}
function summary(row) {
  return [...configs.map((c) => (row[c.key].error ? `${c.key} failed: ${row[c.key].error}` : `${c.key} ${fmt(row[c.key].one)} / ${fmt(row[c.key].all)} s`)),
    ...(py ? [`numpy ${fmt(row.numpy1.wall)} / ${fmt(row.numpyAll.wall)} s`] : [])].join('; ') + ` (1 thread / ${cores}; load ${row.load})`;
}
// The largest |DSE - numpy's DSE| / numpy's DSE over the row's results.
function agreement(row) {
  const ref = row.numpy1?.value;
  if (ref === undefined) return '-';
  const values = configs.flatMap((c) => (row[c.key].error ? [] : [row[c.key].value, row[c.key].valueAll])).filter((v) => v !== undefined);
  return Math.max(...values.map((v) => Math.abs(v - ref) / Math.abs(ref))).toExponential(1);
}

// ---- the report ------------------------------------------------------------------------------------------------
const get = (row, key, field) => row[key]?.[field];
const L = [];
L.push(`# Threads, FMA and numpy (issue 13)${quick ? ' (--quick)' : ''}`, '');
L.push(`Generated by \`node bench/threads.mjs${argv.length ? ` ${argv.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 16)}Z: ${os.cpus()[0]?.model}, ${cores} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} ${os.arch()}.`);
L.push(`dse-wasm under Node ${configs.map((c) => `${get(rows[0] ?? {}, c.key, 'runtime') ?? '?'} (${c.key})`).join(', ')}; numpy ${py ? `${py.numpy} with ${py.blas} (Python ${py.pythonVersion}, ${py.python})` : 'skipped'}.`);
L.push(`Load before: \`${loadBefore}\`; after: \`${uptime()}\`. Took ${minutes.toFixed(1)} min (estimated ${(estimate / 60).toFixed(1)}).`, '');
L.push(`Whole DSE (distances, kernel, reduction, QL) on X float32 uniform [0, 1) (bench/uniform.mjs, seed 1), sigma = ${SIGMA}; wall seconds, medians over the rounds (each a fresh process per configuration, taking turns), every timed call after an untimed one of the same size (the steady state of a training loop: numpy's pipeline once, ours once on all cores). "all" = ${cores} threads (dse-wasm: ready({ threads: ${cores} }), setThreads between the calls; numpy: OPENBLAS_NUM_THREADS=${cores}). base = ready({ deterministic: true }); relaxed = the relaxed-SIMD binary (fused multiply-add).`, '');
const head = ['N, D', 'rounds'];
for (const c of configs) head.push(`${c.key} 1`, `${c.key} all`);
if (py) head.push('numpy 1', 'numpy all');
for (const c of configs) if (py) head.push(`${c.key} 1 / numpy 1`, `${c.key} all / numpy all`);
for (const c of configs) head.push(`${c.key} speed-up all/1`);
head.push('max rel. diff from numpy', 'load (1, 5, 15 min)');
L.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
for (const r of rows) {
  const cells = [`${r.n}, ${r.d}`, String(r.rounds)];
  for (const c of configs) cells.push(fmt(get(r, c.key, 'one')), fmt(get(r, c.key, 'all')));
  if (py) cells.push(fmt(r.numpy1.wall), fmt(r.numpyAll.wall));
  for (const c of configs) if (py) cells.push(ratio(get(r, c.key, 'one'), r.numpy1.wall), ratio(get(r, c.key, 'all'), r.numpyAll.wall));
  for (const c of configs) cells.push(ratio(get(r, c.key, 'one'), get(r, c.key, 'all')));
  cells.push(agreement(r), r.load);
  L.push(`| ${cells.join(' | ')} |`);
}
L.push('');
const failures = rows.flatMap((r) => [...configs.map((c) => c.key), 'numpy1', 'numpyAll'].filter((k) => r[k]?.error).map((k) => `N = ${r.n}, D = ${r.d}, ${k}: ${r[k].error}`));
const reasons = rows.flatMap((r) => configs.map((c) => get(r, c.key, 'threadsReason')).filter(Boolean));
if (failures.length) L.push('Failed:', ...failures.map((f) => `- ${f}`), '');
if (reasons.length) L.push(`Threads reason: ${[...new Set(reasons)].join('; ')}`, '');

L.push('## Peak memory', '', 'Peak RSS of each child process (X, the engine and Node itself; the largest over the rounds, 1 thread and all cores in one process) and the engine\'s WebAssembly memory after the calls (it only grows: one N x N float64 plus O(N D), plus the threaded reduction\'s per-block products).', '');
L.push(`| N, D | ${configs.map((c) => `${c.key} peak RSS (MiB) | ${c.key} WASM memory (MiB)`).join(' | ')}${py ? ' | numpy 1 peak RSS (MiB) | N x N float64 (MiB)' : ' | N x N float64 (MiB)'} |`);
L.push(`|---|${configs.map(() => '---|---').join('|')}|${py ? '---|' : ''}---|`);
for (const r of rows) {
  L.push(`| ${r.n}, ${r.d} | ${configs.map((c) => `${fmt(get(r, c.key, 'peakRssMiB'), 0)} | ${fmt(get(r, c.key, 'wasmMemoryMiB'), 0)}`).join(' | ')}${py ? ` | ${fmt(r.numpy1.peakRssMiB, 0)}` : ''} | ${((r.n * r.n * 8) / 2 ** 20).toFixed(0)} |`);
}
L.push('');
if (dsmiRows.length) {
  L.push('## DSMI', '', `diffusionSpectralMutualInformation on the same X, discrete labels (i * 7919) mod classes, sigma = ${SIGMA}, reps 5: 6 subset entropies per class. Subsets below ${TASK_ROWS} rows run whole, one per thread (the bits of 1 thread); larger ones split each step of their reduction. "other" runs the other choice for the same classes (bench hook setSubsetTaskRows), to check that rule. Medians of 3 rounds.`, '');
  L.push('| N, D, classes x rows | binary | path | 1 thread (s) | all (s) | speed-up | other (s) | other is | values equal (1, all, other) | load |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const r of dsmiRows) {
    for (const c of configs) {
      const v = r[c.key];
      const equal = v.error ? v.error : v.values.map((x) => (Object.is(x, v.values[0]) ? 'yes' : x === undefined ? '-' : `${(Math.abs(x - v.values[0]) / Math.abs(v.values[0])).toExponential(0)} off`)).join(', ');
      L.push(`| ${r.n}, ${r.d}, ${r.classes} x ${r.rows} | ${c.key} | ${r.path} | ${fmt(v.one)} | ${fmt(v.all)} | ${ratio(v.one, v.all)} | ${fmt(v.other)} | ${r.other} | ${equal} | ${r.load} |`);
    }
  }
  L.push('');
}
const report = L.join('\n');
console.log(`\n${report}`);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${report}\n`);
console.log(`written to ${outFile}`);
