// The one module that owns the WebAssembly instance: compiles the embedded binary once, instantiates it, and
// keeps one caller at a time inside.
import { DseError, notReady, show } from '../../errors.js';
import type { Kernels } from './kernels.js';
import { wasmSimdMissing } from './simd.js';
import { embeddedBase, instantiateBinary, type BinaryName } from './binary.js';
import { defaultThreads, noThreads, resizePool, startPool, threadsOf, ThreadsLost } from './threads.js';
import threadsWasm from '../../../build/threads.wasm';
import threadsRelaxedWasm from '../../../build/threads-relaxed.wasm';

// The threaded twin (--sharedMemory --importMemory, the same sources) of each binary ready() may choose.
const THREADED: Record<BinaryName, Uint8Array> = { simd: threadsWasm, 'relaxed-simd': threadsRelaxedWasm };

let kernels: Kernels | null = null;
let binary: BinaryName | null = null;
let pending: Promise<void> | null = null;
let busy = false;
/** Why ready() left the WebAssembly backend off (no SIMD here, or no memory for it), or null. */
let unavailable: string | null = null;

/** Options of {@link ready}. */
export interface ReadyOptions {
  /**
   * A precompiled WebAssembly.Module of the engine (or its bytes), for runtimes that refuse to compile
   * WebAssembly from bytes at run time. By default the binary embedded in this package is compiled.
   */
  module?: WebAssembly.Module | BufferSource;
  /**
   * true: the base binary ('simd'), whose results are the same to the last bit in every runtime. false: the
   * relaxed-SIMD binary ('relaxed-simd', fused multiply-add) wherever the runtime validates it. Unset: the
   * relaxed one where it validates and fuses (Node >= 22, Deno, Chromium, workerd), else the base one (Node
   * 20, Bun). The two agree to about 1e-12 relative. Only the first ready() call's options count.
   */
  deterministic?: boolean;
  /**
   * Threads of the WASM backend: workers sharing its memory take row blocks of the squared distances
   * (the same bits as one thread) and, from 512 rows, of each step of the reduction (the same to
   * rounding); DSMI's and ASMI's subsets below 2048 rows each run whole on one thread (the same bits). Default: the cores the runtime reports. Where threads cannot run (no SharedArrayBuffer, a page
   * that is not cross-origin isolated, no Worker as in workerd, or with `module`), one thread;
   * backendInfo().threadsReason says why.
   */
  threads?: number;
}

// ready()'s options are checked like every function's, whether or not the engine is already up: an object
// whose module is a WebAssembly.Module or bytes (an ArrayBuffer or a view of one).
function readyOptionsProblem(opts: unknown): DseError | null {
  if (opts === null || typeof opts !== 'object') {
    return new DseError('E_ARGUMENT', `options must be an object, received ${show(opts)}`, 'options', opts);
  }
  const module = (opts as ReadyOptions).module;
  const isModule = typeof WebAssembly === 'object' && module instanceof WebAssembly.Module;
  if (module !== undefined && !isModule && !(module instanceof ArrayBuffer) && !ArrayBuffer.isView(module)) {
    return new DseError('E_ARGUMENT', `module must be a WebAssembly.Module or its bytes (an ArrayBuffer or a typed array), received ${show(module)}`, 'module', module);
  }
  return null;
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
  const refused = readyOptionsProblem(opts);
  if (refused !== null) return Promise.reject(refused);
  if (pending === null) {
    pending = (async () => {
      const threads = threadsOf(opts.threads, await defaultThreads());
      const source = opts.module ?? embeddedBase;
      // Bytes are only compiled where the SIMD probe passes; a precompiled Module (workerd, which may also
      // refuse to validate bytes) proves by existing that SIMD is there.
      unavailable = wasmSimdMissing();
      if (unavailable !== null && typeof WebAssembly === 'object' && source instanceof WebAssembly.Module) unavailable = null;
      if (unavailable !== null) return;
      try {
        // WebAssembly.instantiate itself, not @assemblyscript/loader's: the engine imports nothing, and the loader
        // reads the global Response, which in Node loads undici, whose own WebAssembly instance fails (and ends
        // the process) under the same memory limit that the fallback below is for.
        const chosen = await instantiateBinary(opts, async (module) => (await WebAssembly.instantiate(module, {})).exports);
        binary = chosen.binary;
        kernels = chosen.exports as unknown as Kernels;
      } catch (e) {
        // V8 reserves about 10 GiB of address space for any wasm32 memory (guard regions for its bounds
        // checks), whatever the declared maximum: under `ulimit -v` of about 10 GB or less, instantiation fails.
        // The JS backend needs no such reservation, so calls go there, as on a runtime without SIMD.
        if (!(e instanceof RangeError)) throw e;
        unavailable = `WebAssembly could not reserve its memory (${e.message}); a lower limit on virtual memory (ulimit -v) is the usual cause, and Node's --disable-wasm-trap-handler lifts it`;
        return;
      }
      // The pool runs the threaded twin of the binary just chosen; where it cannot start, the instance above
      // serves on one thread.
      if (threads > 1 && opts.module === undefined) {
        const started = await startPool(await WebAssembly.compile(THREADED[binary] as Uint8Array<ArrayBuffer>), threads);
        if (typeof started !== 'string') kernels = started;
      } else {
        noThreads(threads, threads > 1 ? "ready({ module }) was given a module; threads need the package's own threaded binaries" : null);
      }
    })();
    pending.catch(() => { pending = null; });
  }
  return pending;
}

/** The engine binary {@link ready} instantiated ('relaxed-simd' or 'simd'), or null before or without it. */
export function wasmBinary(): BinaryName | null {
  return binary;
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
    try {
      return fn(kernels);
    } catch (e) {
      // Workers lost in the middle of a stage that cannot be redone by blocks: the whole call again, on one
      // thread (every Engine method copies its input in first).
      if (!(e instanceof ThreadsLost)) throw e;
      return fn(kernels);
    }
  } finally {
    busy = false;
  }
}

/**
 * Sets the number of threads of the WASM backend from now on (see ReadyOptions.threads). Fewer takes effect at
 * once; more resolves when the new workers run. After a ready() that started no pool (threads: 1, or threads
 * impossible here), it resolves to false and calls keep one thread.
 *
 * @example
 * await ready();
 * await setThreads(1); // one thread: for timing, or to leave the other cores alone
 */
export async function setThreads(n: number): Promise<boolean> {
  return resizePool(threadsOf(n, 1));
}
