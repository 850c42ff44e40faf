// Issue 10, cases 2 to 6: matrices, bandwidths, eigenvalues and diffusion times at the ends of the float64
// range, on both backends. Expected values come from numpy (tests/fixtures/hard-matrices.json, made by
// scripts/make-hard-matrices.py) or from mathematics (K = I when every off-diagonal affinity underflows).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ready, DseError, generalEigenvalues, symmetricEigenvalues, diffusionEigenvalues, diffusionSpectralEntropy,
  adjacencySpectralEntropy, spectralEntropy,
} from '../../dist/index.mjs';
import { hard, build, matchMultisets } from './hard-matrices.mjs';

const EPS = 2 ** -52;
const xlog = (p) => -p * Math.log2(p);
/** -sum p log2 p over p = w / sum(w) + eps: SPEC section 2, step 3, for exactly known weights w. */
function entropyOf(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.reduce((h, w) => h + xlog(w / total + EPS), 0);
}
const named = (list, name) => {
  const c = list.find((c) => c.name === name);
  assert.ok(c, `no fixture "${name}"`);
  return c;
};

before(() => ready());

for (const backend of ['wasm', 'js']) {
  test(`case 2: generalEigenvalues of tiny and huge matrices matches numpy relative to the norm (${backend})`, () => {
    for (const name of ['[[1,2,3],[4,5,6],[7,8,10]] x 1e-300', '[[1,2,3],[4,5,6],[7,8,10]] x 1e+300', 'random 10 x 1e-290', 'random 10 x 1e-300']) {
      const c = named(hard.general, name);
      const { real, imag } = generalEigenvalues(build(c), { backend });
      const err = Math.max(...matchMultisets(c.real, c.imag, real, imag));
      assert.ok(err <= 1e-14 * c.frobenius, `${name}: error ${err / c.frobenius} of ||A||_F`);
    }
    // the numbers: real parts / 1e-300 are 16.707, 0.198, -0.906 (numpy), not 14.8, 1, 0.2
    const { real } = generalEigenvalues([[1, 2, 3], [4, 5, 6], [7, 8, 10]].map((r) => r.map((v) => v * 1e-300)), { backend });
    assert.deepEqual(Array.from(real, (v) => Math.round((v / 1e-300) * 1000) / 1000), [16.707, 0.198, -0.906]);
  });

  test(`case 3: symmetricEigenvalues of subnormal matrices (${backend})`, () => {
    assert.deepEqual(Array.from(symmetricEigenvalues([[1e-310]], { backend })), [1e-310]);
    assert.deepEqual(Array.from(symmetricEigenvalues([[1e-310, 0], [0, 2e-310]], { backend })), [2e-310, 1e-310]);
    assert.deepEqual(Array.from(symmetricEigenvalues([[5e-324]], { backend })), [5e-324]);
    for (const name of ['random 20 x 1e-310', 'random 20 x 1e-300', 'random 20 x 4e+306']) {
      const c = named(hard.symmetric, name);
      const got = symmetricEigenvalues(build(c), { backend });
      const norm = Math.max(...c.eigenvalues.map(Math.abs));
      const err = Math.max(...c.eigenvalues.map((v, i) => Math.abs(got[i] - v)));
      assert.ok(err <= 1e-13 * norm, `${name}: error ${err / norm} of ||A||`);
    }
  });

  test(`case 4: sigma so small that every off-diagonal affinity underflows gives K = I (${backend})`, () => {
    const X = [[0, 0], [0, 1], [5, 5]];
    const identity = entropyOf([1, 1, 1]); // log2 3 up to the eps term
    // P = I: three entries 1/3 + eps, six entries eps
    const identityEntries = 3 * xlog(1 / 3 + EPS) + 6 * xlog(EPS);
    for (const sigma of [1e-150, 5.2e-155, 1e-200, 1e-300, 5e-324]) {
      assert.deepEqual(Array.from(diffusionEigenvalues(X, { sigma, backend })), [1, 1, 1], `sigma ${sigma}`);
      assert.ok(Math.abs(diffusionSpectralEntropy(X, { sigma, backend }) - identity) <= 1e-15, `sigma ${sigma}`);
      assert.ok(Math.abs(diffusionSpectralEntropy(X, { sigma, backend, variant: 'matrix-entry' }) - identityEntries) <= 1e-15, `sigma ${sigma}`);
      assert.ok(Math.abs(adjacencySpectralEntropy(X, { sigma, backend }) - identity) <= 1e-15, `sigma ${sigma}`);
    }
    // duplicate rows keep their affinity exp(0) = 1 at any sigma: K has the block [[1/2, 1/2], [1/2, 1/2]]
    const twice = [[0, 0], [0, 0], [5, 5]];
    // (its eigenvalue 0 comes out as ~1e-16, which moves H by ~1e-14, as at any moderate sigma)
    assert.ok(Math.abs(diffusionSpectralEntropy(twice, { sigma: 1e-300, backend }) - entropyOf([1, 1, 0])) <= 1e-13);
    assert.equal(diffusionSpectralEntropy(twice, { sigma: 1e-300, backend }), diffusionSpectralEntropy(twice, { sigma: 1e-3, backend }));
  });

  test(`case 6: diffusionSpectralEntropy at t = 1e20 tends to the top eigenvalue's share (${backend})`, () => {
    // the top eigenvalue (1) is unique, every other (|lambda| / 1)^1e20 is 0: p = (1 + eps, eps, eps)
    const h = diffusionSpectralEntropy([[0, 0], [0, 1], [5, 5]], { sigma: 1, t: 1e20, backend });
    assert.ok(Math.abs(h - entropyOf([1, 0, 0])) <= 1e-20, `${h}`);
  });
}

test('case 5: spectralEntropy does not overflow or underflow in |lambda|^t', () => {
  const half = entropyOf([1, 1]); // 1 bit up to the eps term
  assert.ok(Math.abs(spectralEntropy([1e200, 1e200], { t: 2 }) - half) <= 1e-15);
  assert.ok(Math.abs(spectralEntropy([1e-200, 1e-200], { t: 2 }) - half) <= 1e-15);
  assert.ok(Math.abs(spectralEntropy([-1e-300, 1e-300], { t: 3 }) - half) <= 1e-15);
  assert.ok(Math.abs(spectralEntropy([2, 1], { t: 2000 }) - entropyOf([1, 0])) <= 1e-20);
  assert.ok(Math.abs(spectralEntropy([2, 2, 1], { t: 1e20 }) - entropyOf([1, 1, 0])) <= 1e-15);
  // the scale of the eigenvalues never matters: lambda and 2^k lambda give the same p, bit for bit
  const e = [0.9, 0.5, 0.25, 0.125];
  for (const t of [1, 2, 7.5]) {
    assert.equal(spectralEntropy(e.map((v) => v * 2 ** 600), { t }), spectralEntropy(e, { t }));
    assert.equal(spectralEntropy(e.map((v) => v * 2 ** -600), { t }), spectralEntropy(e, { t }));
  }
  // all zero is still refused
  assert.throws(() => spectralEntropy([0, 0], { t: 2 }), (err) => err instanceof DseError && err.code === 'E_ARGUMENT');
});
