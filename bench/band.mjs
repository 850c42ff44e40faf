// Stage 1 of the two-stage reduction (assembly/band-reduce.ts, dense to a band of half-width b) timed alone
// against the fused reduction to tridiagonal form (tridiagonalize.ts) on the same matrix, WASM backend, 1 and
// 2 threads (the pool path: reduceToBandOnThreads, tridiagonalizeOnThreads from order 512). GFLOP/s counts
// 4/3 N^3 for both (the band reduction's two level-3 halves; the fused reduction's count). The matrix is
// random symmetric, entries uniform in [-1, 1) (bench/uniform.mjs, seed 1). Variants alternate in one process;
// medians of wall time over rounds. Prints `uptime` before and after, and a markdown table.
//
//   node bench/band.mjs                      N = 2000, 4000, 8000; b = 16, 32, 64; threads 1, 2; 1 round
//   node bench/band.mjs --quick              N = 1000, 2000; b = 32; 1 round
//   node bench/band.mjs --sizes 4000 --widths 32 --threads 1 --rounds 3 --binary base
//   node bench/band.mjs --stages             also each stage of reduceToBand alone, one thread: panel QR and T,
//                                            W, the next panel's rows, the lookahead sweep (update and product)
import os from 'node:os';
import { flag, hookedLibrary, list, median, opt, uptime } from './library.mjs';
import { uniform } from './uniform.mjs';

const quick = flag('--quick');
const sizes = list(opt('--sizes', quick ? '1000,2000' : '2000,4000,8000'));
const widths = list(opt('--widths', quick ? '32' : '16,32,64'));
const threadCounts = list(opt('--threads', '1,2'));
const rounds = Number(opt('--rounds', '1'));
const stages = flag('--stages');

const lib = await hookedLibrary('band-lib', {
  'js/engine/wasm/instance.ts': ['withKernels'],
  'js/engine/wasm/memory.ts': ['reserve'],
  'js/engine/wasm/band-reduce.ts': ['reduceToBandOnThreads', 'bandScratch'],
  'js/engine/wasm/threads.ts': ['tridiagonalizeOnThreads', 'reductionScratch'],
});

const align = (x) => Math.ceil(x / 16) * 16;

await lib.ready({ threads: Math.max(...threadCounts), deterministic: opt('--binary', 'auto') === 'base' });
const info = lib.backendInfo();
console.log(`node ${process.version}, ${os.cpus()[0].model}, ${os.availableParallelism()} cores, binary ${info.binary}, pool ${info.threads}${info.threadsReason ? ` (${info.threadsReason})` : ''}`);
console.log(`before: ${uptime()}`);

// Seconds of one reduction of the upper triangle of `data` (b = 0: the fused reduction to tridiagonal form).
function run(data, n, b, threads) {
  return lib.withKernels((k) => {
    const a = align(k.heapBase());
    const diag = align(a + n * n * 8);
    const off = align(diag + n * 8);
    const work = align(off + n * 8);
    const workFloats = b === 0 ? k.tridiagonalizeWorkspace(n) : k.reduceToBandWorkspace(n, b);
    const parts = align(work + workFloats * 8);
    const scratch = b === 0 ? lib.reductionScratch(n) : lib.bandScratch(n, b);
    lib.reserve(k, parts + scratch * 8 + 16, 'bench');
    new Float64Array(k.memory.buffer, a, n * n).set(data);
    const t0 = performance.now();
    if (b > 0) lib.reduceToBandOnThreads(k, a, n, b, work, parts);
    else if (threads > 1 && scratch > 0) lib.tridiagonalizeOnThreads(k, a, n, diag, off, work, parts);
    else k.tridiagonalize(a, n, diag, off, work);
    return (performance.now() - t0) / 1000;
  });
}

// Seconds of each stage of reduceToBand (the kernel's own loop, one thread): [QR and T, W, the next panel's own
// rows' update, the lookahead sweep (the update of the rows below them and the next panel's product; the first
// panel's product alone counts here too)].
function runStages(data, n, b) {
  return lib.withKernels((k) => {
    const a = align(k.heapBase());
    const work = align(a + n * n * 8);
    lib.reserve(k, work + k.reduceToBandWorkspace(n, b) * 8 + 16, 'bench');
    new Float64Array(k.memory.buffer, a, n * n).set(data);
    const y = work + 2 * b * n * 8;
    const t = [0, 0, 0, 0];
    let t0 = performance.now();
    k.bandPanelBegin(a, n, b, 0, work);
    let t1 = performance.now();
    k.bandPanelProduct(a, n, b, 0, work, y, b, n);
    t[0] += t1 - t0;
    t[3] += performance.now() - t1;
    for (let i = 0; i + b + 1 < n; i += b) {
      const s = i + b;
      t0 = performance.now();
      k.bandPanelEnd(n, b, i, work, y, 1, 0);
      t1 = performance.now();
      t[1] += t1 - t0;
      if (s + b + 1 >= n) {
        k.bandPanelRows(a, n, b, i, work, s, n);
        t[2] += performance.now() - t1;
        break;
      }
      k.bandPanelRows(a, n, b, i, work, s, s + b);
      const t2 = performance.now();
      k.bandPanelBegin(a, n, b, s, work);
      const t3 = performance.now();
      k.bandPanelUpdateProduct(a, n, b, i, work, y, s + b, n);
      t[2] += t2 - t1;
      t[0] += t3 - t2;
      t[3] += performance.now() - t3;
    }
    return t.map((ms) => ms / 1000);
  });
}

const stageRows = [];
const rows = [];
for (const n of sizes) {
  const next = uniform(1);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) data[i * n + j] = next() * 2 - 1;
  const flops = (4 / 3) * n ** 3;
  if (stages) {
    await lib.setThreads(1);
    for (const b of widths) {
      const [qr, w, rows, sweep] = runStages(data, n, b);
      stageRows.push(`| ${n} | ${b} | ${qr.toFixed(3)} | ${w.toFixed(3)} | ${rows.toFixed(3)} | ${sweep.toFixed(3)} (${(flops / 1e9 / sweep).toFixed(1)}) |`);
    }
  }
  for (const threads of threadCounts) {
    await lib.setThreads(threads);
    const variants = [0, ...widths];
    const times = variants.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? variants.map((_, i) => i) : variants.map((_, i) => variants.length - 1 - i);
      for (const i of order) times[i].push(run(data, n, variants[i], threads));
    }
    const fused = median(times[0]);
    variants.forEach((b, i) => {
      const s = median(times[i]);
      rows.push(`| ${n} | ${threads} | ${b === 0 ? 'fused tridiagonalize' : `reduceToBand b=${b}`} | ${s.toFixed(3)} | ${(flops / s / 1e9).toFixed(1)} | ${(fused / s).toFixed(2)}x |`);
    });
    console.error(`N = ${n}, ${threads} thread(s) done (${uptime()})`);
  }
}
console.log(`after: ${uptime()}`);
console.log('');
console.log('| N | threads | reduction | s | GFLOP/s (4/3 N^3) | vs fused |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (stages) {
  console.log('');
  console.log('| N | b | QR and T s | W s | next panel\'s rows s | sweep: update + product s (GF/s, 4/3 N^3) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of stageRows) console.log(r);
}
