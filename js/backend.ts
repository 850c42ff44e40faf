import { DseError, show } from './errors.js';
import type { Engine } from './engine.js';
import { jsEngine } from './js-engine/index.js';
import { isReady, wasmBinary, wasmEngine, wasmUnavailable } from './wasm.js';
import type { BinaryName } from './engine/wasm/binary.js';

/** 'wasm': the WebAssembly engine (SIMD); 'js': the plain TypeScript twin of the same stages. */
export type BackendName = 'wasm' | 'js';

let current: BackendName = 'wasm';

function check(name: unknown, argument: string): BackendName {
  if (name !== 'wasm' && name !== 'js') {
    throw new DseError('E_ARGUMENT', `${argument} must be 'wasm' or 'js', received ${show(name)}`, argument, name);
  }
  return name;
}

/**
 * Sets the backend used when a call does not name one.
 *
 * @example
 * setDefaultBackend('js'); // no WebAssembly needed from here on
 */
export function setDefaultBackend(name: BackendName): void {
  current = check(name, 'name');
}

/** The backend used when a call does not name one ('wasm' unless changed). */
export function defaultBackend(): BackendName {
  return current;
}

// The backend of a call without a `backend` option: the default, unless ready() found no SIMD here.
function effective(): BackendName {
  return current === 'wasm' && wasmUnavailable() !== null ? 'js' : current;
}

/** The engine for a call's `backend` option. */
export function engineFor(backend: unknown): Engine {
  const name = backend === undefined ? effective() : check(backend, 'backend');
  return name === 'wasm' ? wasmEngine : jsEngine;
}

/** What {@link engineInfo} reports. */
export interface EngineInfo {
  /** The backend a call without a `backend` option uses now. */
  backend: BackendName;
  /** Whether the WebAssembly engine (built with SIMD) is compiled and usable. */
  simd: boolean;
  /** Why the WebAssembly engine is off (no WebAssembly, or no SIMD), when ready() found it so; else null. */
  reason: string | null;
  /**
   * The WebAssembly engine's binary: 'relaxed-simd' (fused multiply-add) or 'simd' (the base binary, the
   * same bits everywhere; `ready({ deterministic: true })`); null while the engine is not compiled.
   */
  binary: BinaryName | null;
}

/**
 * Which backend is in use, and why. On a runtime without WebAssembly SIMD, `await ready()` leaves the
 * WebAssembly engine off and calls fall back to the pure-JS backend (the same stages; results agree to ~1e-12).
 *
 * @example
 * await ready();
 * engineInfo(); // { backend: 'wasm', simd: true, reason: null, binary: 'relaxed-simd' } on Node 22
 */
export function engineInfo(): EngineInfo {
  return { backend: effective(), simd: isReady(), reason: wasmUnavailable(), binary: wasmBinary() };
}
