// Adjacency spectral mutual information (docs/measures.md, ASE and DSMI) against the reference fixtures, both
// backends: anisotropic, Gaussian and kNN adjacencies.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as dse from '../../dist/index.mjs';
import { cases, readNpy, randomMatrix, assertClose } from './helpers.mjs';

const { ready, adjacencySpectralMutualInformation: asmi, DseError } = dse;

before(() => ready());

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'asmi')) {
    test(`${c.id} (${backend})`, () => {
      const opts = { discrete: c.discrete, sigma: c.sigma, anisotropic: c.anisotropic, knn: c.knn, reps: c.reps, seed: c.seed, backend };
      assertClose(asmi(readNpy(c.X), readNpy(c.Y), opts).value, c.expected, c.tol, c.id);
    });
  }
}

test('ASMI bad input: knn >= rows, knn < 1, anisotropic not boolean, reps < 1; a good call follows each', () => {
  const X = randomMatrix(20, 3, 4);
  const y = new Int32Array(20).map((_, i) => i % 2);
  const good = () => assert.ok(Number.isFinite(asmi(X, y, { anisotropic: true, sigma: 1 }).value));
  const bad = [
    [() => asmi(X, y, { knn: 20 }), 'knn'],
    [() => asmi(X, y, { knn: 0 }), 'knn'],
    [() => asmi(X, y, { anisotropic: 'yes' }), 'anisotropic'],
    [() => asmi(X, y, { anisotropic: true, reps: 0 }), 'reps'],
  ];
  for (const [call, argument] of bad) {
    assert.throws(call, (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === argument, argument);
    good();
  }
});
