// `npm run bench`: every stage of the DSE pipeline, WASM against its pure-JS twin, ml-matrix's
// EigenvalueDecomposition on the same K, and the numpy/LAPACK pipeline (bench/numpy_pipeline.py), all in one
// run on X float32 uniform in [0, 1), sigma = 10, one thread. Medians of benny (benchmark.js) samples.
// Writes bench/results.json and bench/RESULTS.md and prints the tables.
//
//   node bench/run.mjs                 all sizes (N 250..4000, D 64 and 768), < 10 minutes on 2 cores
//   node bench/run.mjs --sizes 250,500 only these N
//   node bench/run.mjs --memory N D backend    (internal) one cold DSE in a fresh process: time, peak RSS
import benny from 'benny';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { stagesBundle } from './bundle.mjs';
import { uniformMatrix } from './uniform.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const SIGMA = 10;
const ALL_N = [250, 500, 1000, 2000, 4000];
const ALL_D = [768, 64]; // 768 first: its stage times estimate the D = 64 runs
// Skips, so the run stays under 10 minutes on 2 cores (each stated in RESULTS.md).
const JS_MAX_N = 1000; // the JS backend takes ~3 s at N = 1000 and ~30 s at N = 2000
const ML_MATRIX_MAX_N = 1000; // ~13 s at N = 1000 (it also computes eigenvectors), > 90 s at N = 2000
const STAGE_D = 768; // kernel, reduction and QL depend on N only; they run on the D = 768 kernel
const D64_MAX_N = 2000; // at N = 4000 only D = 768: the reduction dominates and does not depend on D
const NUMPY_TWICE_MAX_N = 2000; // numpy before and after each workload up to here, after only above (~10 s a run)
const DSMI_N = 1000;
const DSMI_D = 64;

// ---- one cold DSE in a fresh process: first-call time, peak RSS, WASM memory -------------------------------
async function memoryChild(n, d, backend) {
  const s = await stagesBundle(true);
  await s.init();
  const x = uniformMatrix(n, d, 1);
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const dse = s.api.diffusionSpectralEntropy({ data: x, rows: n, cols: d }, { sigma: SIGMA, backend });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({
    n, d, backend, dse, seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    inputRssMiB: rssBefore / 1024,
    wasmMemoryMiB: s.memoryBytes() / 2 ** 20,
  }));
}


function runMemoryChild(n, d, backend) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--memory', String(n), String(d), backend], { encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stderr || '').split('\n').slice(-5).join(' ') };
  return JSON.parse(r.stdout);
}

// ---- numpy ---------------------------------------------------------------------------------------------------
function findPython() {
  for (const py of ['python3', 'python']) {
    const r = spawnSync(py, ['-c', 'import numpy, sys; print(sys.executable)'], { encoding: 'utf8' });
    if (r.status === 0) return r.stdout.trim();
  }
  return null;
}

// One run of the numpy pipeline on (n, d), in a child with a single BLAS thread.
function runNumpy(py, n, d) {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', VECLIB_MAXIMUM_THREADS: '1' };
  const r = spawnSync(py, [`${here}numpy_pipeline.py`, JSON.stringify([[n, d]]), '3'], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`numpy pipeline failed: ${r.stderr.slice(-300)}`);
  return JSON.parse(r.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- benny -------------------------------------------------------------------------------------------------
// Samples by cost: a call over 2 s gets one sample (plus the warm-up), others 3 or more within maxTime.
function caseOptions(estimate) {
  if (estimate > 2) return { minSamples: 1, maxTime: 0.001, minTime: 0.001, initCount: 1, delay: 0 };
  return { minSamples: 3, maxTime: Math.min(2, Math.max(0.25, 3 * estimate)), minTime: 0.001, initCount: 1, delay: 0 };
}

function timeOnce(fn) {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/** Runs one benny suite; cases are [name, fn, estimate or null (then one warm-up call measures it)]. */
async function suite(name, cases) {
  const adds = cases.map(([caseName, fn, estimate]) => {
    const est = estimate ?? timeOnce(fn);
    return benny.add(caseName, fn, caseOptions(est));
  });
  const summary = await benny.suite(name, ...adds, benny.cycle());
  const out = {};
  for (const r of summary.results) out[r.name] = { median: r.details.median, samples: r.samples };
  return out;
}

// ---- the run -------------------------------------------------------------------------------------------------
async function main(argv) {
  const sizesArg = argv.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? argv[sizesArg + 1].split(',').map(Number) : ALL_N;
  const started = Date.now();
  const s = await stagesBundle();
  await s.init();
  const { Matrix, EigenvalueDecomposition } = await import('ml-matrix');

  // numpy runs right before and right after each workload's node suites, so both see the same machine load
  // (other processes share these cores); its figures are the medians of all those runs.
  const py = findPython();
  const numpy = py === null ? { skipped: 'no python3 with numpy on this machine' } : { python: py, results: [] };
  const numpySamples = [];
  const results = [];
  for (const n of sizes) {
    for (const d of ALL_D) {
      if (d !== STAGE_D && n > D64_MAX_N) continue;
      if (py !== null && n <= NUMPY_TWICE_MAX_N) numpySamples.push(runNumpy(py, n, d));
      const x = uniformMatrix(n, d, 1);
      const X = { data: x, rows: n, cols: d };
      const row = { n, d, stages: {}, dse: {} };
      const withJs = n <= JS_MAX_N;
      const wasm = s.stages('wasm', x, n, d, SIGMA);
      const js = withJs ? s.stages('js', x, n, d, SIGMA) : null;
      const both = (stage) => [['wasm', wasm[stage], null], ...(js ? [['js', js[stage], null]] : [])];

      row.stages.distances = await suite(`distances N=${n} D=${d}`, both('distances'));
      if (d === STAGE_D) {
        row.stages.kernel = await suite(`kernel N=${n}`, both('kernel'));
        row.stages.tridiagonalize = await suite(`tridiagonalize N=${n}`, both('tridiagonalize'));
        row.stages.ql = await suite(`QL N=${n}`, both('ql'));
      }
      if (n <= ML_MATRIX_MAX_N && (d === STAGE_D || n <= 500)) {
        const K = new Matrix(s.kernelRows(x, n, d, SIGMA));
        // No warm-up call: it costs ~13 (N / 1000)^3 s here.
        row.stages.mlMatrix = await suite(`ml-matrix EigenvalueDecomposition N=${n} D=${d}`, [
          ['ml-matrix', () => new EigenvalueDecomposition(K, { assumeSymmetric: true }).realEigenvalues, 13 * (n / 1000) ** 3],
        ]);
      }
      // The stages above (and those of D = 768 for D = 64) estimate the whole DSE and have warmed its code up
      // (one shared Module), so it needs no warm-up call.
      const at768 = results.find((r) => r.n === n && r.d === STAGE_D)?.stages ?? row.stages;
      const estimate = (b) => (row.stages.distances[b]?.median ?? 0) +
        ['kernel', 'tridiagonalize', 'ql'].reduce((t, k) => t + (at768[k]?.[b]?.median ?? 0), 0);
      const dseCases = [['wasm', () => s.api.diffusionSpectralEntropy(X, { sigma: SIGMA, backend: 'wasm' }), estimate('wasm')]];
      if (withJs) dseCases.push(['js', () => s.api.diffusionSpectralEntropy(X, { sigma: SIGMA, backend: 'js' }), estimate('js')]);
      row.dse = await suite(`DSE N=${n} D=${d}`, dseCases);
      row.dseValue = s.api.diffusionSpectralEntropy(X, { sigma: SIGMA });
      results.push(row);
      if (py !== null) {
        numpySamples.push(runNumpy(py, n, d));
        const runs = numpySamples.filter((r) => r.results[0].n === n && r.results[0].d === d).map((r) => r.results[0]);
        const seconds = {};
        for (const k of Object.keys(runs[0].seconds)) seconds[k] = median(runs.map((r) => r.seconds[k]));
        numpy.results.push({ n, d, dse: runs[0].dse, seconds, runs: runs.length, repeatsPerRun: runs[0].repeats, maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB)) });
        Object.assign(numpy, { numpy: numpySamples[0].numpy, blas: numpySamples[0].blas, pythonVersion: numpySamples[0].python });
      }
    }
  }

  // DSMI with 10 classes: 1 + reps = 6 entropies of about N / 10 rows per class.
  const x = uniformMatrix(DSMI_N, DSMI_D, 2);
  const labels = new Int32Array(DSMI_N).map((_, i) => i % 10);
  const X = { data: x, rows: DSMI_N, cols: DSMI_D };
  const Y = { data: labels, rows: DSMI_N, cols: 1 };
  const dsmi = { n: DSMI_N, d: DSMI_D, classes: 10, ...(await suite(`DSMI N=${DSMI_N} D=${DSMI_D} 10 classes`, [
    ['wasm', () => s.api.diffusionSpectralMutualInformation(X, Y, { discrete: true, backend: 'wasm' }), null],
    ['js', () => s.api.diffusionSpectralMutualInformation(X, Y, { discrete: true, backend: 'js' }), null],
  ])) };

  console.log('peak memory: one cold DSE per fresh process...');
  for (const row of results) {
    row.memory = { wasm: runMemoryChild(row.n, row.d, 'wasm') };
    if (row.n <= JS_MAX_N) row.memory.js = runMemoryChild(row.n, row.d, 'js');
  }


  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    versions: versions(numpy),
    sigma: SIGMA,
    seconds: (Date.now() - started) / 1000,
    results,
    dsmi,
    numpy,
  };
  writeFileSync(`${here}results.json`, JSON.stringify(report, null, 2) + '\n');
  const md = markdown(report);
  writeFileSync(`${here}RESULTS.md`, md);
  console.log('\n' + md);
}

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()} ${os.arch()}` };
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function versions(numpy) {
  return {
    'dse-wasm': JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version,
    node: process.version,
    v8: process.versions.v8,
    assemblyscript: pkgVersion('assemblyscript'),
    'ml-matrix': pkgVersion('ml-matrix'),
    benny: pkgVersion('benny'),
    numpy: numpy.numpy ?? '-',
    blas: numpy.blas ?? '-',
    python: numpy.pythonVersion ? `Python ${numpy.pythonVersion}, ${numpy.python}` : '-',
  };
}

// ---- tables ----------------------------------------------------------------------------------------------
const sec = (v) => (v === undefined || v === null ? '-' : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v >= 0.01 ? v.toFixed(3) : v.toFixed(4));
const ratio = (a, b) => (a && b ? (a / b).toFixed(a / b >= 10 ? 0 : 2) : '-');
const mib = (v) => (v === undefined ? '-' : v.toFixed(0));

function numpyFor(report, n, d) {
  return report.numpy.results?.find((r) => r.n === n && r.d === d)?.seconds;
}

function markdown(report) {
  const L = [];
  const v = report.versions;
  L.push('# dse-wasm benchmarks', '');
  L.push(`${report.date.slice(0, 10)} on ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}.`);
  L.push(`Node ${v.node} (V8 ${v.v8}), AssemblyScript ${v.assemblyscript}, ml-matrix ${v['ml-matrix']}, benny ${v.benny}; numpy ${v.numpy} with ${v.blas} (${v.python}).`);
  L.push(`X is float32 uniform in [0, 1), sigma = ${report.sigma}, one thread everywhere (OPENBLAS_NUM_THREADS=1). Seconds, medians of benny samples; numpy runs 3 times (once at N = 4000) right before and again right after each workload (only after at N = 4000), and its figures are medians of all those runs. Whatever else runs on the machine slows both sides alike: compare ratios more than absolute times. The whole run took ${report.seconds.toFixed(0)} s.`, '');

  L.push('## End to end: diffusion spectral entropy', '');
  L.push('| N | D | wasm (s) | js (s) | ml-matrix EVD of K (s) | numpy + OpenBLAS (s) | wasm / numpy | js / wasm | ml-matrix / wasm | wasm cold first call (s) | peak RSS wasm (MiB) | WASM memory (MiB) | peak RSS js (MiB) |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of report.results) {
    const w = r.dse.wasm?.median, j = r.dse.js?.median, ml = r.stages.mlMatrix?.['ml-matrix']?.median, np = numpyFor(report, r.n, r.d)?.total;
    const mw = r.memory?.wasm ?? {}, mj = r.memory?.js ?? {};
    L.push(`| ${r.n} | ${r.d} | ${sec(w)} | ${j ? sec(j) : 'skipped'} | ${ml ? sec(ml) : 'skipped'} | ${sec(np)} | ${ratio(w, np)} | ${ratio(j, w)} | ${ratio(ml, w)} | ${sec(mw.seconds)} | ${mib(mw.peakRssMiB)} | ${mib(mw.wasmMemoryMiB)} | ${mib(mj.peakRssMiB)} |`);
  }
  L.push('');
  L.push(`js is skipped above N = ${JS_MAX_N} (about 30 s at N = 2000); ml-matrix above N = ${ML_MATRIX_MAX_N} (over 60 s at N = 2000), and for D = 64 at N = 1000 (its cost does not depend on D). N = 4000 runs D = 768 only. ml-matrix times only the eigen-decomposition of a precomputed K (JAMA's tred2 + tql2, which also forms eigenvectors: it has no eigenvalues-only mode). The cold first call is one DSE in a fresh process right after ready(): it includes V8's tier-up from baseline to optimised WebAssembly. Peak RSS is that process's maximum resident set, input included; WASM memory is the engine's linear memory after the call (one N x N float64 matrix plus O(N D)).`, '');

  L.push('## Stages', '');
  L.push(`Kernel (Gaussian + anisotropic normalisation), tridiagonalization and QL depend on N only and run on the D = ${STAGE_D} kernel. numpy's "eigvalsh" is LAPACK dsytrd + dsterf, to compare with tridiagonalize + QL. Each stage first restores its input (an N x N copy for the kernel and the reduction).`, '');
  L.push('| N | D | stage | wasm (s) | js (s) | js / wasm | numpy (s) | wasm / numpy |');
  L.push('|---|---|---|---|---|---|---|---|');
  for (const r of report.results) {
    const np = numpyFor(report, r.n, r.d) ?? {};
    const rows = [['distances', np.distances], ['kernel', np.kernel], ['tridiagonalize', undefined], ['ql', undefined]];
    for (const [stage, npT] of rows) {
      const st = r.stages[stage];
      if (!st) continue;
      L.push(`| ${r.n} | ${r.d} | ${stage} | ${sec(st.wasm?.median)} | ${st.js ? sec(st.js.median) : 'skipped'} | ${ratio(st.js?.median, st.wasm?.median)} | ${sec(npT)} | ${ratio(st.wasm?.median, npT)} |`);
    }
    if (r.stages.tridiagonalize) {
      const w = r.stages.tridiagonalize.wasm.median + r.stages.ql.wasm.median;
      const tj = r.stages.tridiagonalize.js, qj = r.stages.ql.js;
      const j = tj && qj ? tj.median + qj.median : undefined;
      L.push(`| ${r.n} | ${r.d} | eigenvalues (tridiagonalize + QL) | ${sec(w)} | ${j ? sec(j) : 'skipped'} | ${ratio(j, w)} | ${sec(np.eigvalsh)} | ${ratio(w, np.eigvalsh)} |`);
    }
  }
  L.push('');

  L.push('## Targets (issue 4)', '');
  const get = (n, d) => report.results.find((r) => r.n === n && r.d === d);
  const target = (n, limit) => {
    const r = get(n, 768);
    if (!r) return `- N = ${n}, D = 768: not run.`;
    const w = r.dse.wasm.median, np = numpyFor(report, n, 768)?.total;
    const rel = np ? ` It is ${(w / np).toFixed(2)}x numpy's ${sec(np)} s in this run (target 2x${w / np <= 2 ? ', holds' : `, misses by ${((w / np / 2 - 1) * 100).toFixed(0)}%`}).` : '';
    return `- N = ${n}, D = 768: wasm ${sec(w)} s against <= ${limit} s: ${w <= limit ? 'holds' : `misses by ${((w / limit - 1) * 100).toFixed(0)}%`}.${rel}`;
  };
  L.push(target(1000, 0.24), target(2000, 1.6), target(4000, 16));
  const r1 = get(1000, 768);
  if (r1?.dse.js) {
    const q = r1.dse.js.median / r1.dse.wasm.median;
    L.push(`- wasm at least 5x faster than js at N = 1000, D = 768: ${q.toFixed(1)}x, ${q >= 5 ? 'holds' : 'misses'}.`);
  }
  L.push('');
  L.push('## DSMI', '');
  L.push(`N = ${report.dsmi.n}, D = ${report.dsmi.d}, 10 classes (5 reps each): wasm ${sec(report.dsmi.wasm.median)} s, js ${sec(report.dsmi.js.median)} s.`);
  if (report.numpy.skipped) L.push('', `numpy: ${report.numpy.skipped}.`);
  L.push('');
  return L.join('\n');
}

const argv = process.argv.slice(2);
if (argv[0] === '--memory') await memoryChild(Number(argv[1]), Number(argv[2]), argv[3]);
else await main(argv);
