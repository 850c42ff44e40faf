// Threads: whole DSE (distances, kernel, reduction, QL) with 1 and with 2 threads of the WASM backend, on X
// float32 uniform in [0, 1) (bench/uniform.mjs, seed 1), sigma = 10. The two settings alternate within each
// round (setThreads between calls, one process, one warm-up call each), so that a load from other processes
// falls on both alike; medians over rounds of wall time and of the process's CPU time (all its threads).
// On a shared machine the wall times say little; prints `uptime` before and after.
//
//   node bench/threads.mjs                      N = 2000 and 4000, D = 128, 3 rounds
//   node bench/threads.mjs --sizes 1000x128 --rounds 5
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { uniformMatrix } from './uniform.mjs';
import { ready, setThreads, backendInfo, diffusionSpectralEntropy } from '../dist/index.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const sizes = opt('--sizes', '2000x128,4000x128').split(',').map((s) => s.split('x').map(Number));
const rounds = Number(opt('--rounds', '3'));
const SIGMA = 10;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

await ready({ threads: 2 });
if (backendInfo().threads !== 2) throw new Error(`no threads here: ${backendInfo().threadsReason}`);
console.log(`node ${process.version}, ${os.cpus()[0].model}, ${os.availableParallelism()} cores`);
console.log(`before: ${uptime()}`);
const rows = [];
for (const [n, d] of sizes) {
  const X = { data: uniformMatrix(n, d, 1), rows: n, cols: d };
  const times = { 1: { wall: [], cpu: [] }, 2: { wall: [], cpu: [] } };
  const values = {};
  for (const t of [1, 2]) {
    await setThreads(t);
    values[t] = diffusionSpectralEntropy(X, { sigma: SIGMA });
  }
  for (let r = 0; r < rounds; r++) {
    for (const t of r % 2 === 0 ? [1, 2] : [2, 1]) {
      await setThreads(t);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      diffusionSpectralEntropy(X, { sigma: SIGMA });
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      times[t].wall.push(wall);
      times[t].cpu.push((c.user + c.system) / 1e6);
    }
  }
  const row = {
    n, d,
    wall1: median(times[1].wall), wall2: median(times[2].wall),
    cpu1: median(times[1].cpu), cpu2: median(times[2].cpu),
    dse1: values[1], dse2: values[2],
  };
  rows.push(row);
  console.log(`N = ${n}, D = ${d}: wall 1 thread ${row.wall1.toFixed(3)} s, 2 threads ${row.wall2.toFixed(3)} s (x${(row.wall1 / row.wall2).toFixed(2)}); `
    + `CPU 1 thread ${row.cpu1.toFixed(3)} s, 2 threads ${row.cpu2.toFixed(3)} s; DSE ${row.dse1} / ${row.dse2}`);
}
console.log(`after: ${uptime()}`);
console.log('\n| N, D | wall, 1 thread (s) | wall, 2 threads (s) | speed-up | CPU, 1 thread (s) | CPU, 2 threads (s) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n}, ${r.d} | ${r.wall1.toFixed(2)} | ${r.wall2.toFixed(2)} | ${(r.wall1 / r.wall2).toFixed(2)} | ${r.cpu1.toFixed(2)} | ${r.cpu2.toFixed(2)} |`);
}
