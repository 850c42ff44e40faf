// tridiagonalQL (z = 0) against tridiagonalEigenvalues (dsterf's root-free QL/QR) on the same tridiagonals,
// round-robin in one process: the tridiagonal of a real DSE kernel (bench/uniform.mjs X, D = 128, sigma 10,
// reduced by the library's tridiagonalize; D = 768 too up to N = 2000) and a random one (uniform diagonal and off-diagonal).
//
//   node bench/root-free.mjs [--quick] [--wasm build/release.wasm]
//   node_modules/node24/bin/node bench/root-free.mjs --wasm build/release-relaxed.wasm
//
// Prints a markdown table of median seconds (and the largest eigenvalue difference / max |lambda|).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { uniform, uniformMatrix } from './uniform.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wi = args.indexOf('--wasm');
const file = wi >= 0 ? args[wi + 1] : new URL('../build/release.wasm', import.meta.url);
const sizes = quick ? [1000, 2000, 4000] : [1000, 2000, 4000, 8000];
const rounds = quick ? 3 : 5;

const { instance } = await WebAssembly.instantiate(readFileSync(file), { env: { abort() { throw new Error('abort'); } } });
const k = instance.exports;
const base = k.heapBase();
const align = (b) => (b + 15) & ~15;

function ensure(bytes) {
  const need = base + bytes - k.memory.buffer.byteLength;
  if (need > 0) k.memory.grow(Math.ceil(need / 65536));
}

// The tridiagonal (diag, offdiag) of K = S^-1/2 G S^-1/2 for the uniform X, as the library's one-thread path forms it.
function kernelTridiagonal(n, D) {
  const xs = base, m = align(xs + n * D * 8), rowSums = align(m + n * n * 8), diag = align(rowSums + n * 8);
  const off = align(diag + n * 8), work = align(off + n * 8);
  const wsBytes = (k.tridiagonalizeBlockedWorkspace ? Math.max(2 * n, k.tridiagonalizeBlockedWorkspace(n, 32)) : 2 * n) * 8;
  ensure(work + wsBytes - base);
  new Float64Array(k.memory.buffer, xs, n * D).set(uniformMatrix(n, D, 1));
  k.squaredDistances(xs, n, D, m);
  k.gaussianKernel(m, n, 10);
  k.anisotropicNormalize(m, n, rowSums);
  k.tridiagonalize(m, n, diag, off, work);
  return [new Float64Array(k.memory.buffer, diag, n).slice(), new Float64Array(k.memory.buffer, off, n).slice()];
}

function randomTridiagonal(n) {
  const next = uniform(7);
  const d = new Float64Array(n), e = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = next() * 2 - 1;
  for (let i = 0; i < n - 1; i++) e[i] = next() * 2 - 1;
  return [d, e];
}

// Seconds of one call on copies of (d, e) at the bottom of the heap; the eigenvalues, sorted.
function run(kind, d, e) {
  const n = d.length, diag = base, off = align(base + n * 8);
  ensure(2 * n * 8 + 32);
  new Float64Array(k.memory.buffer, diag, n).set(d);
  new Float64Array(k.memory.buffer, off, n).set(e);
  const t0 = performance.now();
  const failed = kind === 'ql' ? k.tridiagonalQL(diag, off, n, 0) : k.tridiagonalEigenvalues(diag, off, n);
  const s = (performance.now() - t0) / 1000;
  if (failed !== 0) throw new Error(`${kind} did not converge (${failed})`);
  return [s, new Float64Array(k.memory.buffer, diag, n).slice().sort()];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`${String(file).split('/').pop()}, node ${process.version}, load ${loadavg().map((v) => v.toFixed(2)).join(' ')}, median of ${rounds}`);
console.log('| tridiagonal | N | tridiagonalQL (s) | tridiagonalEigenvalues (s) | ratio | max diff / max abs |');
console.log('|---|---|---|---|---|---|');
for (const n of sizes) {
  // D = 768 (issue 13's misses) only where its kernel is quick to form.
  const kinds = [['DSE kernel D=128', () => kernelTridiagonal(n, 128)], ['random', () => randomTridiagonal(n)]];
  if (n <= 2000) kinds.splice(1, 0, ['DSE kernel D=768', () => kernelTridiagonal(n, 768)]);
  for (const [name, make] of kinds) {
    const [d, e] = make();
    const t = { ql: [], rf: [] };
    let a, b;
    for (let r = 0; r < rounds; r++) {
      let s;
      [s, a] = run('ql', d, e); t.ql.push(s);
      [s, b] = run('rf', d, e); t.rf.push(s);
    }
    let diff = 0, big = 0;
    for (let i = 0; i < n; i++) { diff = Math.max(diff, Math.abs(a[i] - b[i])); big = Math.max(big, Math.abs(a[i])); }
    const q = median(t.ql), f = median(t.rf);
    console.log(`| ${name} | ${n} | ${q.toFixed(4)} | ${f.toFixed(4)} | ${(f / q).toFixed(2)} | ${(diff / big).toExponential(1)} |`);
  }
}
