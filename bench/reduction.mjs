// The reduction to tridiagonal form, fused (tridiagonalize.ts) against blocked (tridiagonalize-blocked.ts,
// LAPACK dsytrd) with panels of nb and two-stage (band-reduce.ts then band-tridiagonalize.ts, LAPACK
// dsytrd_2stage) with a band of half-width b, on 1 and 2 threads of the WASM backend: the reduction stage alone (from
// the diffusionEigenvalues stage reports) and the whole pipeline (distances, kernel, reduction, QL), on X
// float32 uniform in [0, 1) (bench/uniform.mjs, seed 1), D = 128, sigma = 10. The library's sources are
// bundled with js/engine/reduction.ts's hooks, which force either path. All variants alternate within each
// round in one process, so a load from other processes falls on all alike; medians over rounds of wall time
// and of the reduction's CPU time (the whole process, every thread: on a loaded machine the steadier figure for
// one thread). Prints `uptime` before and after, and a markdown table.
//
//   node bench/reduction.mjs                          N = 1000, 2000, 4000, 8000; nb 32, 48, 64; b 16, 32; threads 1, 2
//   node bench/reduction.mjs --quick                  N = 1000, 2000; nb 32; b 16; 1 round
//   node bench/reduction.mjs --panels none --bands 16,32,64   no blocked variant; two-stage with these bands
//   node bench/reduction.mjs --sizes 8000 --panels 32 --threads 1 --rounds 1
//   node bench/reduction.mjs --binary base            the base binary where the relaxed one would be chosen
import os from 'node:os';
import { flag, hookedLibrary, list, median, opt, uptime } from './library.mjs';
import { uniformMatrix } from './uniform.mjs';

const quick = flag('--quick');
const sizes = list(opt('--sizes', quick ? '1000,2000' : '1000,2000,4000,8000'));
const panels = list(opt('--panels', quick ? '32' : '32,48,64'));
const bands = list(opt('--bands', quick ? '16' : '16,32'));
const threadCounts = list(opt('--threads', '1,2'));
const rounds = Number(opt('--rounds', quick ? '1' : '3'));
// Above this order one round only: a call takes a minute or more.
const ONE_ROUND_FROM = 8000;
const D = 128;
const SIGMA = 10;

const lib = await hookedLibrary('reduction-lib', {
  'js/engine/reduction.ts': ['setBlockedReductionFrom', 'setReductionPanel', 'setTwoStageReductionFrom', 'setBandWidth'],
});


await lib.ready({ threads: Math.max(...threadCounts), deterministic: opt('--binary', 'auto') === 'base' });
const info = lib.backendInfo();
console.log(`node ${process.version}, ${os.cpus()[0].model}, ${os.availableParallelism()} cores, binary ${info.binary}, pool ${info.threads}${info.threadsReason ? ` (${info.threadsReason})` : ''}`);
console.log(`before: ${uptime()}`);

// One call: [reduction seconds, whole seconds, eigenvalues, reduction CPU seconds of the process (all threads)].
function run(X, variant) {
  lib.setBlockedReductionFrom(variant.nb === 0 ? Infinity : 0);
  lib.setReductionPanel(variant.nb === 0 ? null : variant.nb);
  lib.setTwoStageReductionFrom(variant.b === 0 ? Infinity : 0);
  lib.setBandWidth(variant.b === 0 ? null : variant.b);
  let kernelDone = 0;
  let reduced = 0;
  let cpu0 = null;
  let cpu = 0;
  const t0 = performance.now();
  const values = lib.diffusionEigenvalues(X, {
    sigma: SIGMA,
    onProgress: (_fraction, stage) => {
      if (stage === 'kernel') {
        kernelDone = performance.now();
        cpu0 = process.cpuUsage();
      }
      if (stage === 'tridiagonalize') {
        reduced = performance.now();
        const c = process.cpuUsage(cpu0);
        cpu = (c.user + c.system) / 1e6;
      }
    },
  });
  const whole = performance.now() - t0;
  lib.setBlockedReductionFrom(null);
  lib.setReductionPanel(null);
  lib.setTwoStageReductionFrom(null);
  lib.setBandWidth(null);
  return [(reduced - kernelDone) / 1000, whole / 1000, values, cpu];
}

const rows = [];
for (const n of sizes) {
  const X = { data: uniformMatrix(n, D, 1), rows: n, cols: D };
  for (const threads of threadCounts) {
    await lib.setThreads(threads);
    const variants = [
      { nb: 0, b: 0, name: 'fused' },
      ...panels.map((nb) => ({ nb, b: 0, name: `blocked nb=${nb}` })),
      ...bands.map((b) => ({ nb: 0, b, name: `two-stage b=${b}` })),
    ];
    const times = variants.map(() => ({ red: [], whole: [], cpu: [] }));
    let reference = null;
    let maxDiff = 0;
    const r = n >= ONE_ROUND_FROM ? 1 : rounds;
    for (let round = 0; round < r; round++) {
      const order = round % 2 === 0 ? variants.map((_, i) => i) : variants.map((_, i) => variants.length - 1 - i);
      for (const i of order) {
        const [red, whole, values, cpu] = run(X, variants[i]);
        times[i].red.push(red);
        times[i].cpu.push(cpu);
        times[i].whole.push(whole);
        if (reference === null) reference = values;
        else for (let k = 0; k < n; k++) maxDiff = Math.max(maxDiff, Math.abs(values[k] - reference[k]));
      }
    }
    const fusedRed = median(times[0].red);
    const fusedCpu = median(times[0].cpu);
    const fusedWhole = median(times[0].whole);
    variants.forEach((v, i) => {
      const red = median(times[i].red);
      const whole = median(times[i].whole);
      const cpu = median(times[i].cpu);
      rows.push(`| ${n} | ${threads} | ${v.name} | ${red.toFixed(3)} | ${(fusedRed / red).toFixed(2)}x | ${cpu.toFixed(3)} | ${(fusedCpu / cpu).toFixed(2)}x | ${whole.toFixed(3)} | ${(fusedWhole / whole).toFixed(2)}x | ${r} |`);
    });
    console.error(`N = ${n}, ${threads} thread(s) done; eigenvalues of all variants within ${maxDiff.toExponential(1)} (${uptime()})`);
  }
}
console.log(`after: ${uptime()}`);
console.log('');
console.log(`| N | threads | reduction | reduction s | speed-up | reduction CPU s | speed-up | whole pipeline s | speed-up | rounds |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|`);
for (const r of rows) console.log(r);
