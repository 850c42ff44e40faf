// backendInfo(): which backend calls without a `backend` option use. (The fallback where WebAssembly has no
// SIMD is tested in real runtimes by tests/runtimes/, with a shim that removes SIMD before the import.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready, backendInfo, engineInfo, setDefaultBackend, diffusionSpectralEntropy } from '../../dist/index.mjs';

test('backendInfo reports the WebAssembly backend with SIMD after ready(), and follows setDefaultBackend', async () => {
  await ready();
  assert.deepEqual(engineInfo(), backendInfo(), 'engineInfo, the former name, is an alias');
  // Node 20 has no relaxed SIMD: the base binary.
  assert.deepEqual(backendInfo(), { backend: 'wasm', simd: true, reason: null, binary: 'simd' });
  setDefaultBackend('js');
  try {
    assert.deepEqual(backendInfo(), { backend: 'js', simd: true, reason: null, binary: 'simd' });
    const X = [[0, 0], [0, 1], [5, 5]];
    assert.equal(diffusionSpectralEntropy(X, { sigma: 1 }), diffusionSpectralEntropy(X, { sigma: 1, backend: 'js' }));
  } finally {
    setDefaultBackend('wasm');
  }
});
