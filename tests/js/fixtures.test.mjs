// Every reference fixture this package covers, on both backends, within the fixture's own tolerance.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionSpectralEntropy, diffusionEigenvalues, pythonSample } from '../../dist/index.mjs';
import { cases, readNpy, assertClose } from './helpers.mjs';

before(() => ready());

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'dse')) {
    test(`${c.id} (${backend})`, () => {
      const X = readNpy(c.X);
      const opts = { sigma: c.sigma, t: c.t, backend };
      if (c.maxN !== undefined) opts.maxN = c.maxN;
      if (c.seed !== undefined) opts.seed = c.seed;
      assertClose(diffusionSpectralEntropy(X, opts), c.expected, c.tol, c.id);
    });
  }
  for (const c of cases.filter((c) => c.op === 'eigenvalues')) {
    test(`${c.id} (${backend})`, () => {
      const got = diffusionEigenvalues(readNpy(c.X), { sigma: c.sigma, backend });
      const want = [...c.expected].sort((a, b) => b - a);
      assert.equal(got.length, want.length);
      for (let i = 0; i < want.length; i++) assertClose(got[i], want[i], c.tol, `${c.id}[${i}]`);
    });
  }
}

test('python-random-sample vectors', () => {
  const c = cases.find((c) => c.op === 'python_sample');
  assert.ok(c.vectors.length > 0);
  for (const v of c.vectors) {
    assert.deepEqual(Array.from(pythonSample(v.seed, v.n, v.k)), v.sample, `seed ${v.seed}, n ${v.n}, k ${v.k}`);
  }
});
