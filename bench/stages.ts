// What the benchmarks call, bundled by bench/run.mjs into bench/.build/stages.mjs: each stage of the DSE
// pipeline on its own, for the WASM kernels and their pure-JS twins, over the same buffers, plus the public
// API. The WASM stages run on a second instance of the very Module the public API uses.
import releaseWasm from '../build/release.wasm';
import { ready, withKernels } from '../js/engine/wasm/instance.js';
import type { Kernels } from '../js/engine/wasm/kernels.js';
import { Layout, reserve } from '../js/engine/wasm/memory.js';
import { squaredDistances } from '../js/engine/js/distance.js';
import { anisotropicNormalize, gaussianKernel } from '../js/engine/js/kernel.js';
import { tridiagonalize } from '../js/engine/js/tridiagonalize.js';
import { tridiagonalEigenvalues } from '../js/engine/js/tridiagonal-root-free.js';

export * as api from '../js/index.js';
export { setSubsetTaskRows } from '../js/engine/wasm/adapter.js';

/** Bytes of linear memory the public API's WASM instance holds now (it only grows). */
export function memoryBytes(): number {
  return withKernels((k) => k.memory.buffer.byteLength);
}

/** Offsets of the buffers of one DSE pipeline (x, K, row sums, diagonal, off-diagonal, workspace), laid out by the library's Layout. */
export interface PipelineBuffers {
  xs: number;
  m: number;
  rowSums: number;
  diag: number;
  off: number;
  work: number;
  layout: Layout;
}

/** Lays out an N x D pipeline in k's memory as the WASM backend does; `finish` grows memory for the buffers taken so far. */
export function pipelineBuffers(k: Kernels, n: number, d: number): PipelineBuffers {
  const layout = new Layout(k.heapBase());
  const xs = layout.take(n * d), m = layout.take(n * n), rowSums = layout.take(n);
  const diag = layout.take(n), off = layout.take(n);
  // Builds older than the fused reduction (bench/compare.mjs times them too) export no workspace size: 4n.
  const work = layout.take(typeof k.tridiagonalizeWorkspace === 'function' ? k.tridiagonalizeWorkspace(n) : 4 * n);
  return { xs, m, rowSums, diag, off, work, layout };
}

/** Grows k's memory to hold everything `layout` took. */
export function grow(k: Kernels, layout: Layout): void {
  reserve(k, layout.end, 'a benchmark');
}

/** One stage per method; each restores its own input first (a copy of O(N^2) at most), so it can repeat. */
export interface Stages {
  distances(): void;
  kernel(): void;
  tridiagonalize(): void;
  /** The eigenvalues of T, as the library finds them (tridiagonalEigenvalues, dsterf's root-free QL/QR). */
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
  const { xs, m, rowSums, diag, off, work, layout } = pipelineBuffers(k, n, d);
  const savedD2 = layout.take(n * n), savedK = layout.take(n * n), savedDiag = layout.take(n), savedOff = layout.take(n);
  grow(k, layout);
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
      if (k.tridiagonalEigenvalues(diag, off, n) !== 0) throw new Error('QL/QR did not converge');
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
      if (tridiagonalEigenvalues(diag, off, n) !== 0) throw new Error('QL/QR did not converge');
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
