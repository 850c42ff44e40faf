// Stage 2 of the two-stage reduction alone (assembly/band-tridiagonalize.ts, bulge chasing): bandToTridiagonal
// on random symmetric band matrices (uniform in [-1, 1), bench/uniform.mjs, NaN past the band), against the
// fused reduction (tridiagonalize.ts) on a dense random matrix of the same order for scale, one thread, the
// raw kernels of build/release.wasm and build/release-relaxed.wasm (where the runtime has relaxed SIMD: Node
// 22 and 24, not the system Node 20). Variants alternate within each round in one process; medians over
// rounds. Prints `uptime` before and after, and a markdown table. GFlop/s counts 6 n^2 b for stage 2 (LAPACK
// dsytrd_sb2st's figure) and 4 n^3 / 3 for the fused reduction.
//
//   node_modules/node24/bin/node bench/band-reduction.mjs           N = 2000, 4000, 8000; b = 16, 32, 64; 3 rounds
//   node_modules/node24/bin/node bench/band-reduction.mjs --quick   N = 2000; b = 32; 1 round
//   ... --sizes 4000 --widths 64 --rounds 1 --no-fused
import os from 'node:os';
import { flag, list, median, opt, uptime } from './library.mjs';
import { uniform } from './uniform.mjs';
import { binary, loadKernels } from './band-kernels.mjs';

const quick = flag('--quick');
const sizes = list(opt('--sizes', quick ? '2000' : '2000,4000,8000'));
const widths = list(opt('--widths', quick ? '32' : '16,32,64'));
const rounds = Number(opt('--rounds', quick ? '1' : '3'));
const withFused = !flag('--no-fused');
// From this order the fused reduction runs one round only: it takes minutes.
const FUSED_ONE_ROUND_FROM = 8000;


const engines = [{ name: 'simd', k: await loadKernels('release.wasm') }];
if (binary('release-relaxed.wasm').valid) engines.push({ name: 'relaxed-simd', k: await loadKernels('release-relaxed.wasm') });
console.log(`node ${process.version}, ${os.cpus()[0].model}, ${os.availableParallelism()} cores, binaries ${engines.map((e) => e.name).join(', ')}`);
console.log(`before: ${uptime()}`);

const rows = [];
for (const n of sizes) {
  const fused = {};
  if (withFused) {
    for (const e of engines) {
      const times = [];
      for (let r = 0; r < (n >= FUSED_ONE_ROUND_FROM ? 1 : rounds); r++) times.push(e.k.fusedRandom(n, uniform(n)).seconds);
      fused[e.name] = median(times);
    }
  }
  for (const b of widths) {
    const times = Object.fromEntries(engines.map((e) => [e.name, []]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? engines : [...engines].reverse();
      for (const e of order) times[e.name].push(e.k.bandRandom(n, b, uniform(n + b)).seconds);
    }
    for (const e of engines) {
      const s = median(times[e.name]);
      const f = fused[e.name];
      rows.push(`| ${n} | ${b} | ${e.name} | ${s.toFixed(3)} | ${((6 * n * n * b) / s / 1e9).toFixed(2)} | ${f === undefined ? '-' : f.toFixed(3)} | ${f === undefined ? '-' : ((4 * n ** 3) / 3 / f / 1e9).toFixed(2)} | ${f === undefined ? '-' : (s / f).toFixed(3)} |`);
    }
    console.error(`N = ${n}, b = ${b} done (${uptime()})`);
  }
}
console.log(`after: ${uptime()}`);
console.log('');
console.log('| N | b | binary | band -> tridiagonal (s) | GFlop/s (6 n^2 b) | fused tridiagonalize, dense (s) | GFlop/s (4 n^3 / 3) | band / fused |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
