import { DseError, show } from './errors.js';
import type { Engine } from './engine.js';
import { jsEngine } from './js-engine/index.js';
import { wasmEngine } from './wasm.js';

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

/** The engine for a call's `backend` option. */
export function engineFor(backend: unknown): Engine {
  const name = backend === undefined ? current : check(backend, 'backend');
  return name === 'wasm' ? wasmEngine : jsEngine;
}
