// What the benchmarks call, bundled by bench/run.mjs into bench/.build/stages.mjs: each stage of the DSE
// pipeline on its own, for the WASM kernels and their pure-JS twins, over the same buffers, plus the public
// API. The WASM stages run on a second instance of the very Module the public API uses.
import releaseWasm from '../build/release.wasm';
import { ready, memoryBytes, type Kernels } from '../js/wasm.js';
import { squaredDistances } from '../js/js-engine/distance.js';
import { anisotropicNormalize, gaussianKernel } from '../js/js-engine/kernel.js';
import { tridiagonalize } from '../js/js-engine/tridiagonalize.js';
import { tridiagonalQL } from '../js/js-engine/tridiagonal-ql.js';

export * as api from '../js/index.js';
export { memoryBytes };

/** One stage per method; each restores its own input first (a copy of O(N^2) at most), so it can repeat. */
export interface Stages {
  distances(): void;
  kernel(): void;
  tridiagonalize(): void;
  ql(): void;
}

let kernels: Kernels | null = null;

/** Compiles the engine once and shares the Module between the public API and the stage kernels. */
export async function init(): Promise<void> {
  const module = await WebAssembly.compile(releaseWasm);
  await ready({ module });
  const instance = await WebAssembly.instantiate(module, { env: { abort() { throw new Error('abort'); } } });
  kernels = instance.exports as unknown as Kernels;
}

// The buffers of one N x D workload in the stage instance's memory: x, the N x N matrix, and saved copies of
// the later stages' inputs (D2 for the kernel, K for the reduction, T for QL), computed once.
function wasmStages(x: Float32Array, n: number, d: number, sigma: number): Stages {
  const k = kernels!;
  let end = (k.heapBase() + 15) & ~15;
  const take = (float64s: number) => {
    const at = end;
    end += Math.ceil(float64s / 2) * 16;
    return at;
  };
  const xs = take(n * d), m = take(n * n), savedD2 = take(n * n), savedK = take(n * n), rowSums = take(n);
  const diag = take(n), off = take(n), work = take(k.tridiagonalizeWorkspace(n)), savedDiag = take(n), savedOff = take(n);
  const have = k.memory.buffer.byteLength;
  if (end > have) k.memory.grow(Math.ceil((end - have) / 65536));
  new Float64Array(k.memory.buffer).set(x, xs / 8);
  const copy = (from: number, to: number, count: number) => {
    new Float64Array(k.memory.buffer).copyWithin(to / 8, from / 8, from / 8 + count);
  };
  k.squaredDistances(xs, n, d, m);
  copy(m, savedD2, n * n);
  k.gaussianKernel(m, n, sigma);
  k.anisotropicNormalize(m, n, rowSums);
  copy(m, savedK, n * n);
  k.tridiagonalize(m, n, diag, off, work);
  copy(diag, savedDiag, n);
  copy(off, savedOff, n);
  return {
    distances: () => k.squaredDistances(xs, n, d, m),
    kernel: () => {
      copy(savedD2, m, n * n);
      k.gaussianKernel(m, n, sigma);
      k.anisotropicNormalize(m, n, rowSums);
    },
    tridiagonalize: () => {
      copy(savedK, m, n * n);
      k.tridiagonalize(m, n, diag, off, work);
    },
    ql: () => {
      copy(savedDiag, diag, n);
      copy(savedOff, off, n);
      if (k.tridiagonalQL(diag, off, n, 0) !== 0) throw new Error('QL did not converge');
    },
  };
}

function jsStages(x: Float32Array, n: number, d: number, sigma: number): Stages {
  const xs = Float64Array.from(x);
  const m = new Float64Array(n * n);
  const rowSums = new Float64Array(n);
  const diag = new Float64Array(n), off = new Float64Array(n), work = new Float64Array(4 * n);
  squaredDistances(xs, n, d, m);
  const d2 = m.slice();
  gaussianKernel(m, n, sigma);
  anisotropicNormalize(m, n, rowSums);
  const kMatrix = m.slice();
  tridiagonalize(m, n, diag, off, work);
  const t = [diag.slice(), off.slice()];
  return {
    distances: () => squaredDistances(xs, n, d, m),
    kernel: () => {
      m.set(d2);
      gaussianKernel(m, n, sigma);
      anisotropicNormalize(m, n, rowSums);
    },
    tridiagonalize: () => {
      m.set(kMatrix);
      tridiagonalize(m, n, diag, off, work);
    },
    ql: () => {
      diag.set(t[0]);
      off.set(t[1]);
      if (tridiagonalQL(diag, off, n, null) !== 0) throw new Error('QL did not converge');
    },
  };
}

/** Stages of one backend over X (N x D, float32, row-major). */
export function stages(backend: 'wasm' | 'js', x: Float32Array, n: number, d: number, sigma: number): Stages {
  return backend === 'wasm' ? wasmStages(x, n, d, sigma) : jsStages(x, n, d, sigma);
}

/** K of X as a full symmetric array of rows (what ml-matrix takes), from the JS stages. */
export function kernelRows(x: Float32Array, n: number, d: number, sigma: number): number[][] {
  const xs = Float64Array.from(x);
  const m = new Float64Array(n * n);
  squaredDistances(xs, n, d, m);
  gaussianKernel(m, n, sigma);
  anisotropicNormalize(m, n, new Float64Array(n));
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = new Array<number>(n);
    for (let j = 0; j < n; j++) r[j] = j >= i ? m[i * n + j] : m[j * n + i];
    rows.push(r);
  }
  return rows;
}
