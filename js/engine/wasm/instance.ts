// The one module that owns the WebAssembly instance: compiles the embedded binary once, instantiates it, and
// keeps one caller at a time inside.
import { instantiate } from '@assemblyscript/loader';
import releaseWasm from '../../../build/release.wasm';
import { notReady } from '../../errors.js';
import type { Kernels } from './kernels.js';
import { wasmSimdMissing } from './simd.js';

let kernels: Kernels | null = null;
let pending: Promise<void> | null = null;
let busy = false;
/** Why ready() left the WebAssembly backend off (no SIMD here), or null. */
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
 * Compiles and instantiates the WebAssembly backend, once. Idempotent: later calls return the same promise.
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

/** True once {@link ready} has resolved. */
export function isReady(): boolean {
  return kernels !== null;
}

/**
 * Why the WebAssembly backend is off after {@link ready} (for example "this runtime's WebAssembly has no
 * SIMD"), or null when it is on or ready() has not finished. Calls without a `backend` then use 'js'.
 */
export function wasmUnavailable(): string | null {
  return unavailable;
}

/** Runs fn with the kernels, one caller at a time; E_NOT_READY before ready() or when re-entered. */
export function withKernels<T>(fn: (k: Kernels) => T): T {
  if (kernels === null) throw notReady(unavailable ?? 'not-ready');
  if (busy) throw notReady('busy');
  busy = true;
  try {
    return fn(kernels);
  } finally {
    busy = false;
  }
}
