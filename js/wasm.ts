// The one module that owns the WebAssembly side: compiles the embedded binary once, instantiates it, lays
// out and grows linear memory, copies inputs in and results out, and keeps one caller at a time inside.
import { instantiate } from '@assemblyscript/loader';
import releaseWasm from '../build/release.wasm';
import { DseError } from './errors.js';
import { assertFits, type DiffusionOperator, type Engine, type KernelStorage } from './engine.js';
import { noConvergence } from './js-engine/index.js';
import { traceAndFrobenius } from './js-engine/block-product.js';
import { copyLowerToUpper, copyRows, type DenseMatrix } from './matrix.js';
import { checkKnnFits, isNumpySymmetric, moduliInto, qrNoConvergence, type AdjacencyOptions } from './adjacency-spectrum.js';
import { wasmSimdMissing } from './simd.js';

/** The kernels assembly/index.ts exports. Pointers are byte offsets into `memory`. */
export interface Kernels {
  memory: WebAssembly.Memory;
  heapBase(): number;
  squaredDistances(x: number, n: number, d: number, out: number): void;
  gaussianKernel(m: number, n: number, sigma: number): void;
  anisotropicNormalize(m: number, n: number, rowSums: number): void;
  tridiagonalize(a: number, n: number, diag: number, offdiag: number, work: number): void;
  /** Float64 values of workspace tridiagonalize needs for order n. */
  tridiagonalizeWorkspace(n: number): number;
  tridiagonalQL(diag: number, offdiag: number, n: number, z: number): number;
  hessenberg(a: number, n: number, work: number): void;
  hessenbergQR(h: number, n: number, wr: number, wi: number): number;
  knnAdjacency(m: number, n: number, k: number, work: number): void;
  matrixEntryEntropy(k: number, n: number, rowSums: number): number;
  symmetricEigenvectors(a: number, n: number, diag: number, offdiag: number): number;
  nearestNeighbors(x: number, n: number, d: number, k: number, out: number, work: number): void;
  symmetricBlockProduct(k: number, n: number, x: number, b: number, y: number): void;
  symmetricBlockProduct32(k: number, n: number, x: number, b: number, y: number): void;
  toFloat32InPlace(m: number, n: number): void;
  gaussianRowSums(x: number, n: number, d: number, scale: number, out: number, tile: number): void;
  gaussianBlockProduct(x: number, n: number, d: number, scale: number, s: number, xb: number, b: number, yb: number, tile: number): number;
  /** Float64 values of the tile workspace the matrix-free products need. */
  gaussianProductTile(): number;
}

const PAGE = 65536;

let kernels: Kernels | null = null;
let pending: Promise<void> | null = null;
let busy = false;
/** Why ready() left the WebAssembly engine off (no SIMD here), or null. */
let unavailable: string | null = null;

/** Options of {@link ready}. */
export interface ReadyOptions {
  /**
   * A precompiled WebAssembly.Module of the engine (or its bytes), for runtimes that refuse to compile
   * WebAssembly from bytes at run time. By default the binary embedded in this package is compiled.
   */
  module?: WebAssembly.Module | BufferSource;
}

/**
 * Compiles and instantiates the WebAssembly engine, once. Idempotent: later calls return the same promise.
 * After it resolves, every numeric function is synchronous.
 *
 * @example
 * await ready();
 * diffusionSpectralEntropy({ data, rows: 100, cols: 8 });
 */
export function ready(opts: ReadyOptions = {}): Promise<void> {
  if (pending === null) {
    pending = (async () => {
      const source = opts.module ?? releaseWasm;
      // Bytes are only compiled where the SIMD probe passes; a precompiled Module (workerd, which may also
      // refuse to validate bytes) proves by existing that SIMD is there.
      unavailable = wasmSimdMissing();
      if (unavailable !== null && typeof WebAssembly === 'object' && source instanceof WebAssembly.Module) unavailable = null;
      if (unavailable !== null) return;
      const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
      const { exports } = await instantiate<Record<string, unknown>>(module, {});
      kernels = exports as unknown as Kernels;
    })();
    pending.catch(() => { pending = null; });
  }
  return pending;
}

/** Bytes of WebAssembly linear memory the engine holds now (it only grows); 0 before {@link ready}. */
export function memoryBytes(): number {
  return kernels === null ? 0 : kernels.memory.buffer.byteLength;
}

/** True once {@link ready} has resolved. */
export function isReady(): boolean {
  return kernels !== null;
}

/**
 * Why the WebAssembly engine is off after {@link ready} (for example "this runtime's WebAssembly has no
 * SIMD"), or null when it is on or ready() has not finished. Calls without a `backend` then use 'js'.
 */
export function wasmUnavailable(): string | null {
  return unavailable;
}

/** Byte offsets of the buffers of one call, laid out from the heap base, 16-byte aligned. */
class Layout {
  end: number;
  constructor(base: number) {
    this.end = base;
  }
  take(float64s: number): number {
    const at = this.end;
    this.end = Math.ceil((at + float64s * 8) / 16) * 16;
    return at;
  }
}

// Grows memory to hold `end` bytes, refusing before any allocation what 4 GiB cannot hold.
function reserve(k: Kernels, end: number, what: string): void {
  assertFits(end, what);
  const have = k.memory.buffer.byteLength;
  if (end <= have) return;
  try {
    k.memory.grow(Math.ceil((end - have) / PAGE));
  } catch (e) {
    throw new DseError('E_TOO_LARGE', `${what} needs ${(end / 2 ** 30).toFixed(2)} GiB of WebAssembly memory and this runtime could not grow to it (${(e as Error).message})`, 'X', end);
  }
}

function enter(): Kernels {
  if (kernels === null && unavailable !== null) {
    throw new DseError('E_NOT_READY', `the WebAssembly engine cannot run: ${unavailable}; use { backend: 'js' } or no backend option`, 'backend', 'wasm');
  }
  if (kernels === null) {
    throw new DseError('E_NOT_READY', `the WebAssembly engine is not ready: call \`await ready()\` once first, or pass { backend: 'js' }`, 'backend', 'wasm');
  }
  if (busy) throw new DseError('E_NOT_READY', 'the WebAssembly engine is already in use by an enclosing call', 'backend', 'wasm');
  busy = true;
  return kernels;
}

interface EigenBuffers {
  diag: number;
  offdiag: number;
  work: number;
}

function eigenBuffers(k: Kernels, layout: Layout, n: number): EigenBuffers {
  return { diag: layout.take(n), offdiag: layout.take(n), work: layout.take(k.tridiagonalizeWorkspace(n)) };
}

// Eigenvalues of the symmetric matrix whose upper triangle is at `m`.
function eigenvaluesAt(k: Kernels, m: number, n: number, b: EigenBuffers): Float64Array {
  k.tridiagonalize(m, n, b.diag, b.offdiag, b.work);
  const failed = k.tridiagonalQL(b.diag, b.offdiag, n, 0);
  if (failed !== 0) throw noConvergence(failed - 1, n);
  return new Float64Array(k.memory.buffer, b.diag, n).slice();
}

// Lays out an n x n matrix m and the eigenvalue buffers.
function squareMatrixAt(k: Kernels, n: number): { m: number; eig: EigenBuffers } {
  const layout = new Layout(k.heapBase());
  const m = layout.take(n * n);
  const eig = eigenBuffers(k, layout, n);
  reserve(k, layout.end, `a ${n} x ${n} matrix`);
  return { m, eig };
}

// Lays out the buffers of an N x N kernel over the rows of x (all, or those in `rows`): m (N x N), rowSums (N)
// and the eigenvalue buffers; fills the upper triangle of m with the squared distances between rows.
function squaredDistancesAt(k: Kernels, x: DenseMatrix, rows: Int32Array | null): { n: number; m: number; rowSums: number; eig: EigenBuffers } {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const layout = new Layout(k.heapBase());
  const xs = layout.take(n * d);
  const m = layout.take(n * n);
  const rowSums = layout.take(n);
  const eig = eigenBuffers(k, layout, n);
  reserve(k, layout.end, `N = ${n} rows of ${d} features`);
  copyRows(x, rows, new Float64Array(k.memory.buffer, xs, n * d));
  k.squaredDistances(xs, n, d, m);
  return { n, m, rowSums, eig };
}

// Eigenvalues of the general matrix at `m` (destroyed), with b.diag and b.offdiag holding the real and
// imaginary parts and b.work the Hessenberg workspace; copied out.
function generalEigenvaluesAt(k: Kernels, m: number, n: number, b: EigenBuffers): { real: Float64Array; imag: Float64Array } {
  k.hessenberg(m, n, b.work);
  const failed = k.hessenbergQR(m, n, b.diag, b.offdiag);
  if (failed !== 0) throw qrNoConvergence(failed - 1, n);
  return { real: new Float64Array(k.memory.buffer, b.diag, n).slice(), imag: new Float64Array(k.memory.buffer, b.offdiag, n).slice() };
}

// K never stored: O(N (D + maxBlock)) memory; two passes over X (row sums, then ||K||_F^2 from a product of a
// zero vector), then one per product. Holds the engine (busy) until release().
function matrixFreeOperator(x: DenseMatrix, rows: Int32Array | null, sigma: number, maxBlock: number): DiffusionOperator {
  const k = enter();
  let released = false;
  try {
    const n = rows === null ? x.rows : rows.length;
    const d = x.cols;
    const layout = new Layout(k.heapBase());
    const xs = layout.take(n * d);
    const s = layout.take(n);
    const xb = layout.take(n * maxBlock);
    const yb = layout.take(n * maxBlock);
    const tile = layout.take(k.gaussianProductTile());
    reserve(k, layout.end, `N = ${n} rows of ${d} features`);
    copyRows(x, rows, new Float64Array(k.memory.buffer, xs, n * d));
    const scale = -1 / (2 * sigma * sigma);
    k.gaussianRowSums(xs, n, d, scale, s, tile);
    const sv = new Float64Array(k.memory.buffer, s, n);
    let trace = 0;
    for (let i = 0; i < n; i++) {
      sv[i] = 1 / Math.sqrt(sv[i]);
      trace += sv[i] * sv[i];
    }
    const inverseSqrtRowSums = sv.slice();
    new Float64Array(k.memory.buffer, xb, n).fill(0);
    const frobeniusSquared = k.gaussianBlockProduct(xs, n, d, scale, s, xb, 1, yb, tile);
    return {
      n, precision: 'matrix-free', inverseSqrtRowSums, trace, frobeniusSquared, maxBlock,
      storedTrace: trace, storedFrobeniusSquared: frobeniusSquared,
      multiply(xv: Float64Array, yv: Float64Array, b: number): void {
        if (released) throw new DseError('E_NOT_READY', 'this diffusion operator was released', 'operator', 'released');
        new Float64Array(k.memory.buffer, xb, n * b).set(xv.subarray(0, n * b));
        k.gaussianBlockProduct(xs, n, d, scale, s, xb, b, yb, tile);
        yv.set(new Float64Array(k.memory.buffer, yb, n * b));
      },
      release(): void {
        if (!released) busy = false;
        released = true;
      },
    };
  } catch (e) {
    busy = false;
    throw e;
  }
}

export const wasmEngine: Engine = {
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, sigma: number): Float64Array {
    const k = enter();
    try {
      const { n, m, rowSums, eig } = squaredDistancesAt(k, x, rows);
      k.gaussianKernel(m, n, sigma);
      k.anisotropicNormalize(m, n, rowSums);
      return eigenvaluesAt(k, m, n, eig);
    } finally {
      busy = false;
    }
  },

  diffusionMatrixEntryEntropy(x: DenseMatrix, rows: Int32Array | null, sigma: number): number {
    const k = enter();
    try {
      const { n, m, rowSums } = squaredDistancesAt(k, x, rows);
      k.gaussianKernel(m, n, sigma);
      k.anisotropicNormalize(m, n, rowSums);
      return k.matrixEntryEntropy(m, n, rowSums);
    } finally {
      busy = false;
    }
  },

  symmetricEigenvectors(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
    const k = enter();
    try {
      const layout = new Layout(k.heapBase());
      const m = layout.take(n * n);
      const diag = layout.take(n);
      const offdiag = layout.take(n);
      reserve(k, layout.end, `a ${n} x ${n} eigenvector problem`);
      new Float64Array(k.memory.buffer, m, n * n).set(a.subarray(0, n * n));
      const failed = k.symmetricEigenvectors(m, n, diag, offdiag);
      if (failed !== 0) throw noConvergence(failed - 1, n);
      return {
        values: new Float64Array(k.memory.buffer, diag, n).slice(),
        vectors: new Float64Array(k.memory.buffer, m, n * n).slice(),
      };
    } finally {
      busy = false;
    }
  },

  nearestNeighbors(y: DenseMatrix, kNear: number): Int32Array {
    const k = enter();
    try {
      const { rows: n, cols: d } = y;
      const layout = new Layout(k.heapBase());
      const xs = layout.take(n * d);
      const out = layout.take(Math.ceil((n * kNear) / 2));
      const work = layout.take(kNear);
      reserve(k, layout.end, `N = ${n} rows of ${d} features`);
      copyRows(y, null, new Float64Array(k.memory.buffer, xs, n * d));
      k.nearestNeighbors(xs, n, d, kNear, out, work);
      return new Int32Array(k.memory.buffer, out, n * kNear).slice();
    } finally {
      busy = false;
    }
  },

  symmetricEigenvalues(a: DenseMatrix): Float64Array {
    const k = enter();
    try {
      const n = a.rows;
      const { m, eig } = squareMatrixAt(k, n);
      copyLowerToUpper(a, new Float64Array(k.memory.buffer, m, n * n));
      return eigenvaluesAt(k, m, n, eig);
    } finally {
      busy = false;
    }
  },

  adjacencyEigenvalueModuli(x: DenseMatrix, rows: Int32Array | null, { sigma, anisotropic, knn }: AdjacencyOptions): Float64Array {
    const n = rows === null ? x.rows : rows.length;
    if (knn !== null) checkKnnFits(knn, n);
    const k = enter();
    try {
      const { m, rowSums, eig } = squaredDistancesAt(k, x, rows);
      if (knn !== null) {
        k.knnAdjacency(m, n, knn, rowSums);
        if (!isNumpySymmetric(new Float64Array(k.memory.buffer, m, n * n), n)) {
          const { real, imag } = generalEigenvaluesAt(k, m, n, eig);
          return moduliInto(real, imag);
        }
      } else {
        k.gaussianKernel(m, n, sigma);
        if (anisotropic) k.anisotropicNormalize(m, n, rowSums);
      }
      return eigenvaluesAt(k, m, n, eig).map(Math.abs);
    } finally {
      busy = false;
    }
  },

  // Holds the engine (busy) from here until release(): K stays in linear memory between products.
  diffusionOperator(x: DenseMatrix, rows: Int32Array | null, sigma: number, precision: KernelStorage, maxBlock: number): DiffusionOperator {
    if (precision === 'matrix-free') return matrixFreeOperator(x, rows, sigma, maxBlock);
    const k = enter();
    let released = false;
    try {
      const n = rows === null ? x.rows : rows.length;
      const d = x.cols;
      const layout = new Layout(k.heapBase());
      const xs = layout.take(n * d);
      const m = layout.take(n * n);
      const rowSums = layout.take(n);
      const xb = layout.take(n * maxBlock);
      const yb = layout.take(n * maxBlock);
      reserve(k, layout.end, `N = ${n} rows of ${d} features`);
      copyRows(x, rows, new Float64Array(k.memory.buffer, xs, n * d));
      k.squaredDistances(xs, n, d, m);
      k.gaussianKernel(m, n, sigma);
      k.anisotropicNormalize(m, n, rowSums);
      const { trace, frobeniusSquared } = traceAndFrobenius(new Float64Array(k.memory.buffer, m, n * n), n);
      const inverseSqrtRowSums = new Float64Array(k.memory.buffer, rowSums, n).slice();
      let stored = { trace, frobeniusSquared };
      if (precision === 'float32') {
        k.toFloat32InPlace(m, n);
        stored = traceAndFrobenius(new Float32Array(k.memory.buffer, m, n * n), n);
      }
      const product = precision === 'float32' ? k.symmetricBlockProduct32 : k.symmetricBlockProduct;
      return {
        n, precision, inverseSqrtRowSums, trace, frobeniusSquared, maxBlock,
        storedTrace: stored.trace, storedFrobeniusSquared: stored.frobeniusSquared,
        multiply(xv: Float64Array, yv: Float64Array, b: number): void {
          if (released) throw new DseError('E_NOT_READY', 'this diffusion operator was released', 'operator', 'released');
          new Float64Array(k.memory.buffer, xb, n * b).set(xv.subarray(0, n * b));
          product(m, n, xb, b, yb);
          yv.set(new Float64Array(k.memory.buffer, yb, n * b));
        },
        release(): void {
          if (!released) busy = false;
          released = true;
        },
      };
    } catch (e) {
      busy = false;
      throw e;
    }
  },

  generalEigenvalues(a: DenseMatrix): { real: Float64Array; imag: Float64Array } {
    const k = enter();
    try {
      const n = a.rows;
      const { m, eig } = squareMatrixAt(k, n);
      new Float64Array(k.memory.buffer, m, n * n).set(a.data);
      return generalEigenvaluesAt(k, m, n, eig);
    } finally {
      busy = false;
    }
  },
};
