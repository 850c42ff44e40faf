// Backend selection: which Engine a call runs on ('wasm' or 'js'), the default, and why.
import { badArgument } from '../errors.js';
import { DEFAULTS } from '../options.js';
import type { Engine } from './engine.js';
import { jsEngine } from './js/index.js';
import { wasmEngine } from './wasm/adapter.js';
import type { BinaryName } from './wasm/binary.js';
import { isReady, wasmBinary, wasmUnavailable } from './wasm/instance.js';

/** 'wasm': the WebAssembly backend (SIMD); 'js': the plain TypeScript twin of the same stages. */
export type BackendName = 'wasm' | 'js';

let current: BackendName = DEFAULTS.backend;

function check(name: unknown, argument: string): BackendName {
  if (name !== 'wasm' && name !== 'js') throw badArgument(argument, "'wasm' or 'js'", name);
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

/** What {@link backendInfo} reports. */
export interface BackendInfo {
  /** The backend a call without a `backend` option uses now. */
  backend: BackendName;
  /** Whether the WebAssembly backend (built with SIMD) is compiled and usable. */
  simd: boolean;
  /** Why the WebAssembly backend is off (no WebAssembly, or no SIMD), when ready() found it so; else null. */
  reason: string | null;
  /**
   * The WebAssembly engine's binary: 'relaxed-simd' (fused multiply-add) or 'simd' (the base binary, the
   * same bits everywhere; `ready({ deterministic: true })`); null while the engine is not compiled.
   */
  binary: BinaryName | null;
}

/**
 * Which backend is in use, and why. On a runtime without WebAssembly SIMD, `await ready()` leaves the
 * WebAssembly backend off and calls fall back to the pure-JS backend (the same stages; results agree to ~1e-12).
 *
 * @example
 * await ready();
 * backendInfo(); // { backend: 'wasm', simd: true, reason: null, binary: 'relaxed-simd' } on Node 22
 */
export function backendInfo(): BackendInfo {
  return { backend: effective(), simd: isReady(), reason: wasmUnavailable(), binary: wasmBinary() };
}

/** @deprecated The former name of {@link BackendInfo}; kept so that existing code compiles. */
export type EngineInfo = BackendInfo;

/** @deprecated The former name of {@link backendInfo}, kept as an alias so that existing code runs. */
export const engineInfo = backendInfo;
