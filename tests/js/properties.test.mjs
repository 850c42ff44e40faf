// The paper's own claims about DSE (docs/numerics.md, properties), and invariances any correct implementation has.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionSpectralEntropy, diffusionEigenvalues, spectralEntropy, pythonSample } from '../../dist/index.mjs';
import { randomMatrix, uniform, assertClose } from './helpers.mjs';

before(() => ready());

const backends = ['wasm', 'js'];

/** k tight blobs far apart: n points, blob centres 100 apart on a line, spread 0.01. */
function blobs(k, n, cols, seed) {
  const next = uniform(seed);
  const data = new Float32Array(n * cols);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let j = 0; j < cols; j++) data[i * cols + j] = (j === 0 ? 100 * c : 0) + 0.01 * (next() - 0.5);
  }
  return { data, rows: n, cols };
}

for (const backend of backends) {
  test(`sigma -> 0 gives log2 N (${backend})`, () => {
    const X = randomMatrix(60, 3, 1, 10);
    assertClose(diffusionSpectralEntropy(X, { sigma: 1e-3, backend }), Math.log2(60), 1e-9, 'DSE');
  });

  test(`sigma -> infinity gives about 0 (${backend})`, () => {
    const X = randomMatrix(60, 3, 2, 1);
    const h = diffusionSpectralEntropy(X, { sigma: 1e6, backend });
    assert.ok(h >= 0 && h < 1e-6, `DSE ${h}`);
  });

  test(`DSE is non-increasing in t (${backend})`, () => {
    const X = randomMatrix(120, 5, 3, 4);
    let prev = Infinity;
    for (let t = 1; t <= 10; t++) {
      const h = diffusionSpectralEntropy(X, { sigma: 1, t, backend });
      assert.ok(h <= prev + 1e-12, `t=${t}: ${h} > ${prev}`);
      prev = h;
    }
  });

  test(`DSE grows with the number of well-separated blobs, towards log2 k (${backend})`, () => {
    let prev = -Infinity;
    for (const k of [1, 2, 4, 8]) {
      const h = diffusionSpectralEntropy(blobs(k, 64, 3, k), { sigma: 1, t: 5, backend });
      assert.ok(h > prev, `k=${k}: ${h} <= ${prev}`);
      assertClose(h, Math.log2(k), 0.01, `k=${k}`);
      prev = h;
    }
  });

  test(`unit-norm embeddings with sigma 10 give a DSE near 0: the documented pitfall (${backend})`, () => {
    const X = randomMatrix(200, 32, 5, 1);
    for (let i = 0; i < 200; i++) {
      let s = 0;
      for (let j = 0; j < 32; j++) s += X.data[i * 32 + j] ** 2;
      for (let j = 0; j < 32; j++) X.data[i * 32 + j] /= Math.sqrt(s);
    }
    const pinned = diffusionSpectralEntropy(X, { sigma: 10, backend });
    const informative = diffusionSpectralEntropy(X, { sigma: 0.3, backend });
    assert.ok(pinned < 0.5, `sigma 10: ${pinned}`);
    assert.ok(informative > 4, `sigma 0.3: ${informative}`);
  });

  test(`row order, input type and array-of-rows form do not change DSE (${backend})`, () => {
    const X = randomMatrix(50, 4, 6, 3);
    const h = diffusionSpectralEntropy(X, { sigma: 1, backend });
    const perm = pythonSample(1, 50, 50);
    const shuffled = new Float32Array(200);
    perm.forEach((r, i) => shuffled.set(X.data.subarray(r * 4, r * 4 + 4), i * 4));
    assertClose(diffusionSpectralEntropy({ data: shuffled, rows: 50, cols: 4 }, { sigma: 1, backend }), h, 1e-10, 'shuffled');
    assert.equal(diffusionSpectralEntropy({ data: Float64Array.from(X.data), rows: 50, cols: 4 }, { sigma: 1, backend }), h);
    const rows = Array.from({ length: 50 }, (_, i) => Array.from(X.data.subarray(i * 4, i * 4 + 4)));
    assert.equal(diffusionSpectralEntropy(rows, { sigma: 1, backend }), h);
  });

  test(`maxN keeps exactly the rows Python's random.sample picks (${backend})`, () => {
    const X = randomMatrix(80, 3, 7, 2);
    const keep = pythonSample(4, 80, 30);
    const sub = new Float32Array(30 * 3);
    keep.forEach((r, i) => sub.set(X.data.subarray(r * 3, r * 3 + 3), i * 3));
    const direct = diffusionSpectralEntropy({ data: sub, rows: 30, cols: 3 }, { sigma: 0.5, backend });
    assert.equal(diffusionSpectralEntropy(X, { sigma: 0.5, maxN: 30, seed: 4, backend }), direct);
    assert.notEqual(diffusionSpectralEntropy(X, { sigma: 0.5, maxN: 30, seed: 5, backend }), direct);
    assert.equal(diffusionSpectralEntropy(X, { sigma: 0.5, maxN: 80, backend }), diffusionSpectralEntropy(X, { sigma: 0.5, backend }));
  });

  test(`eigenvalues of K lie in [-1, 1], the largest is 1, and spectralEntropy reproduces DSE (${backend})`, () => {
    const X = randomMatrix(90, 6, 8, 3);
    const ev = diffusionEigenvalues(X, { sigma: 0.7, backend });
    assertClose(ev[0], 1, 1e-12, 'largest');
    for (const v of ev) assert.ok(v <= 1 + 1e-12 && v >= -1 - 1e-12, `${v}`);
    for (const t of [1, 3]) assert.equal(spectralEntropy(ev, { t }), diffusionSpectralEntropy(X, { sigma: 0.7, t, backend }));
  });
}

test('spectralEntropy follows the formula: p = |lambda|^t / sum + 2^-52', () => {
  const eps = 2 ** -52;
  const p = [0.5 + eps, 0.25 + eps, 0.25 + eps];
  const want = -p.reduce((s, q) => s + q * Math.log2(q), 0);
  assert.equal(spectralEntropy([1, -0.5, 0.5]), want);
  assertClose(spectralEntropy([1, 0.5, 0.5]), 1.5, 1e-14, 'entropy');
  assertClose(spectralEntropy(new Float64Array([1, Math.SQRT1_2, Math.SQRT1_2]), { t: 2 }), 1.5, 1e-14, 't = 2');
});

test('N = 4000 works on the WASM backend: top eigenvalue 1 and trace(K) = sum 1 / S_i', () => {
  const n = 4000;
  const d = 8;
  const X = randomMatrix(n, d, 11, 1);
  const sigma = 0.3;
  const ev = diffusionEigenvalues(X, { sigma });
  assert.equal(ev.length, n);
  assertClose(ev[0], 1, 1e-10, 'largest');
  // trace K = sum_i G_ii / S_i = sum_i 1 / S_i, computed here independently of the engine.
  let trace = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      let d2 = 0;
      for (let k = 0; k < d; k++) d2 += (X.data[i * d + k] - X.data[j * d + k]) ** 2;
      s += Math.exp(-d2 / (2 * sigma * sigma));
    }
    trace += 1 / s;
  }
  let sum = 0;
  for (const v of ev) sum += v;
  assertClose(sum, trace, 1e-9, 'trace');
  const h = spectralEntropy(ev);
  assert.ok(h > 0 && h < Math.log2(n), `DSE ${h}`);
});
