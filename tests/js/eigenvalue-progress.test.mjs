// diffusionEigenvalues({ onProgress }): one report as each of the four stages ends, fractions rising to 1,
// the same eigenvalues to the last bit as without it; on both backends.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionEigenvalues, DseError } from '../../dist/index.mjs';
import { readNpy } from './helpers.mjs';

before(() => ready());

for (const backend of ['wasm', 'js']) {
  test(`${backend}: distances, kernel, tridiagonalize, ql reported in order; results unchanged`, () => {
    const X = readNpy('blobs_X.npy');
    const seen = [];
    const withProgress = diffusionEigenvalues(X, { sigma: 4, backend, onProgress: (f, stage) => seen.push([f, stage]) });
    assert.deepEqual(seen.map((s) => s[1]), ['distances', 'kernel', 'tridiagonalize', 'ql']);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] > seen[i - 1][0], 'fractions rise');
    assert.ok(seen[0][0] > 0);
    assert.equal(seen[3][0], 1);
    assert.deepEqual(withProgress, diffusionEigenvalues(X, { sigma: 4, backend }));
  });
}

test('onProgress must be a function', () => {
  assert.throws(() => diffusionEigenvalues(readNpy('blobs_X.npy'), { onProgress: 3 }), (e) => e instanceof DseError && e.argument === 'onProgress');
});
