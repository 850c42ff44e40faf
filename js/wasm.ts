// The one module that owns the WebAssembly side: compiles the embedded binary once, instantiates it, lays
// out and grows linear memory, copies inputs in and results out, and keeps one caller at a time inside.
import { instantiate } from '@assemblyscript/loader';
import releaseWasm from '../build/release.wasm';
import { DseError } from './errors.js';
import type { Engine } from './engine.js';
import { noConvergence } from './js-engine/index.js';
import { copyLowerToUpper, copyRows, type DenseMatrix } from './matrix.js';

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
}

const PAGE = 65536;
/** wasm32 addresses 2^32 bytes: the most memory the engine can ever have. */
export const MAX_MEMORY_BYTES = 2 ** 32;

let kernels: Kernels | null = null;
let pending: Promise<void> | null = null;
let busy = false;

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
  if (end > MAX_MEMORY_BYTES) {
    throw new DseError('E_TOO_LARGE', `${what} needs ${(end / 2 ** 30).toFixed(2)} GiB of WebAssembly memory, more than the 4 GiB a wasm32 engine can address`, 'X', end);
  }
  const have = k.memory.buffer.byteLength;
  if (end <= have) return;
  try {
    k.memory.grow(Math.ceil((end - have) / PAGE));
  } catch (e) {
    throw new DseError('E_TOO_LARGE', `${what} needs ${(end / 2 ** 30).toFixed(2)} GiB of WebAssembly memory and this runtime could not grow to it (${(e as Error).message})`, 'X', end);
  }
}

function enter(): Kernels {
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

export const wasmEngine: Engine = {
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, sigma: number): Float64Array {
    const k = enter();
    try {
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
      k.gaussianKernel(m, n, sigma);
      k.anisotropicNormalize(m, n, rowSums);
      return eigenvaluesAt(k, m, n, eig);
    } finally {
      busy = false;
    }
  },

  symmetricEigenvalues(a: DenseMatrix): Float64Array {
    const k = enter();
    try {
      const n = a.rows;
      const layout = new Layout(k.heapBase());
      const m = layout.take(n * n);
      const eig = eigenBuffers(k, layout, n);
      reserve(k, layout.end, `a ${n} x ${n} matrix`);
      copyLowerToUpper(a, new Float64Array(k.memory.buffer, m, n * n));
      return eigenvaluesAt(k, m, n, eig);
    } finally {
      busy = false;
    }
  },
};
