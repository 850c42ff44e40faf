// Matrix-entry diffusion entropy (docs/measures.md, DSE): fixtures on both backends, backends against each other,
// and the limits of P = diag(1 / rowsum K) K.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionSpectralEntropy, DseError } from '../../dist/index.mjs';
import { cases, readNpy, randomMatrix, assertClose } from './helpers.mjs';

before(() => ready());

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'dse_matrix_entry')) {
    test(`${c.id} (${backend})`, () => {
      assertClose(diffusionSpectralEntropy(readNpy(c.X), { sigma: c.sigma, variant: 'matrix-entry', backend }), c.expected, c.tol, c.id);
    });
  }
  test(`matrix-entry limits: log2 N as sigma -> 0, 2 log2 N as sigma -> infinity (${backend})`, () => {
    const X = randomMatrix(64, 5, 11, 10);
    assertClose(diffusionSpectralEntropy(X, { sigma: 1e-3, variant: 'matrix-entry', backend }), 6, 1e-9, 'sigma -> 0');
    assertClose(diffusionSpectralEntropy(X, { sigma: 1e6, variant: 'matrix-entry', backend }), 12, 1e-6, 'sigma -> inf');
  });
}

test('matrix-entry: wasm and js agree, also on a maxN subsample', () => {
  const X = randomMatrix(150, 7, 3, 4);
  for (const opts of [{ sigma: 1.5 }, { sigma: 3, maxN: 90, seed: 2 }]) {
    const a = diffusionSpectralEntropy(X, { ...opts, variant: 'matrix-entry', backend: 'wasm' });
    const b = diffusionSpectralEntropy(X, { ...opts, variant: 'matrix-entry', backend: 'js' });
    assertClose(a, b, 1e-10, JSON.stringify(opts));
  }
});

test('bad variant, then a good call', () => {
  const X = randomMatrix(10, 3, 1);
  for (const variant of ['matrix', 1, null]) {
    assert.throws(() => diffusionSpectralEntropy(X, { variant }), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === 'variant');
    assert.ok(diffusionSpectralEntropy(X, { variant: 'eigen' }) >= 0);
  }
});
