// The toolkit's measures beyond the fixtures: the examples in their packages' own docs, values known from
// mathematics, the choices they document, and their errors. Both backends.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ready, DseError, vendiScore, vendiScoreFromKernel, rankMe, vonNeumannEntropy, diffusionVonNeumannEntropy,
  kneePoint, renyiEntropy, intrinsicDimension, medianDistance,
} from '../../dist/index.mjs';
import { randomMatrix, uniform } from './helpers.mjs';

before(() => ready());

const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const code = (c) => (e) => e instanceof DseError && e.code === c;

// Xn Xn^T in float64 (rows scaled to unit length).
function cosine(X) {
  const { data, rows: n, cols: d } = X;
  const norms = Array.from({ length: n }, (_, i) => Math.hypot(...data.subarray(i * d, i * d + d)));
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += data[i * d + k] * data[j * d + k];
    K[i * n + j] = s / (norms[i] * norms[j]);
  }
  return { data: K, rows: n, cols: n };
}

test('kneePoint: PHATE docstring examples (8 for exp(-x / 10); 23 for its eye(10) operator)', () => {
  const x = Array.from({ length: 20 }, (_, i) => i);
  assert.equal(kneePoint(x.map((v) => Math.exp(-v / 10)), x), 8);
  const A = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 1 : 0)));
  A[0][0] = 5;
  A[3][2] = 4;
  for (const backend of ['wasm', 'js']) assert.equal(kneePoint(vonNeumannEntropy(A, { backend })), 23, backend);
});

test('kneePoint sorts x with y, and checks its arguments', () => {
  const x = Array.from({ length: 20 }, (_, i) => i);
  const y = x.map((v) => Math.exp(-v / 10));
  const order = x.map((_, i) => (i * 7) % 20);
  assert.equal(kneePoint(order.map((i) => y[i]), order.map((i) => x[i])), 8);
  assert.throws(() => kneePoint([1, 2]), code('E_SHAPE'));
  assert.throws(() => kneePoint([1, 2, 3], [0, 1]), code('E_SHAPE'));
  assert.throws(() => kneePoint([1, NaN, 3]), code('E_NOT_FINITE'));
});

for (const backend of ['wasm', 'js']) {
  test(`vendiScore: known eigenvalues, q honoured, dual = primal (${backend})`, () => {
    // K / 3 has eigenvalues 2/3, 1/3, 0.
    const X = [[1, 0], [0, 2], [3, 0]];
    close(vendiScore(X, { backend }), Math.exp(-(2 / 3) * Math.log(2 / 3) - (1 / 3) * Math.log(1 / 3)), 1e-14, 'q = 1');
    close(vendiScore(X, { q: 2, backend }), 1 / (4 / 9 + 1 / 9), 1e-14, 'q = 2');
    close(vendiScore(X, { q: 'inf', backend }), 1.5, 1e-14, 'q = inf');
    close(vendiScore([[1, 0, 0], [0, 5, 0]], { backend }), 2, 1e-14, 'D >= N');
    // D < N takes the D x D dual; it must agree with score_K on the N x N kernel. For q < 1 the N - D
    // round-off eigenvalues (~1e-17) of the N x N matrix, which the dual does not have, add ~1e-8.
    const Y = randomMatrix(60, 7, 5);
    for (const q of [1, 0.5, 2, 'inf']) {
      const want = vendiScoreFromKernel(cosine(Y), { q, backend });
      close(vendiScore(Y, { q, backend }), want, (q === 0.5 ? 1e-6 : 1e-12) * want, `q = ${q}`);
    }
    assert.throws(() => vendiScore(X, { q: -1, backend }), code('E_ARGUMENT'));
    assert.throws(() => vendiScore(X, { q: 'two', backend }), code('E_ARGUMENT'));
    assert.throws(() => vendiScore(X, { normalize: 1, backend }), code('E_ARGUMENT'));
  });

  test(`vendiScoreFromKernel: identity gives n, ones give 1, normalize divides by the diagonal (${backend})`, () => {
    close(vendiScoreFromKernel([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { backend }), 3, 1e-14, 'identity');
    close(vendiScoreFromKernel([[1, 1], [1, 1]], { q: 2, backend }), 1, 1e-14, 'ones');
    close(vendiScoreFromKernel([[4, 0], [0, 9]], { normalize: true, backend }), 2, 1e-14, 'normalize');
    assert.throws(() => vendiScoreFromKernel([[1, 0, 0], [0, 1, 0]], { backend }), code('E_SHAPE'));
  });

  test(`rankMe: identity, rank one, scale invariance, eps (${backend})`, () => {
    close(rankMe([[1, 0], [0, 1]], { eps: 0, backend }), 2, 1e-14, 'identity');
    close(rankMe([[1, 2], [2, 4], [3, 6]], { eps: 0, backend }), 1, 1e-14, 'rank one');
    const Z = randomMatrix(40, 9, 8);
    const cZ = { data: Z.data.map((v) => v * 1024), rows: 40, cols: 9 };
    close(rankMe(Z, { backend }), rankMe(cZ, { backend }), 1e-12, 'scale');
    assert.ok(rankMe(Z, { backend }) > rankMe(Z, { eps: 0, backend }), 'eps spreads p');
    assert.throws(() => rankMe(Z, { eps: -1, backend }), code('E_ARGUMENT'));
    assert.throws(() => rankMe([[0, 0], [0, 0]], { backend }), code('E_ARGUMENT'));
  });

  test(`renyiEntropy: log2 N for far-apart rows, 0 for coincident ones, every alpha (${backend})`, () => {
    const far = [[0, 0], [100, 0], [0, 100], [100, 100]];
    const near = [[0, 0], [1e-3, 0], [0, 1e-3]];
    for (const alpha of [0.5, 1, 2, 3]) close(renyiEntropy(far, { alpha, sigma: 1, backend }), 2, 1e-12, `far, alpha ${alpha}`);
    // (alpha < 1 magnifies the ~1e-15 eigenvalues that remain: sqrt(1e-15) ~ 3e-8.)
    for (const alpha of [1, 2, 3]) close(renyiEntropy(near, { alpha, sigma: 1e4, backend }), 0, 1e-9, `near, alpha ${alpha}`);
    // Non-increasing in alpha (a property of Renyi entropies).
    const X = randomMatrix(50, 4, 2);
    const h = [0.5, 1, 2, 3].map((alpha) => renyiEntropy(X, { alpha, sigma: 0.3, backend }));
    for (let i = 1; i < h.length; i++) assert.ok(h[i] <= h[i - 1] + 1e-12, `${h}`);
    assert.throws(() => renyiEntropy(X, { alpha: 0, backend }), code('E_ARGUMENT'));
    assert.throws(() => renyiEntropy(X, { sigma: -1, backend }), code('E_ARGUMENT'));
  });

  test(`vonNeumannEntropy: entry j is t = j + 1; diffusionVonNeumannEntropy's optimalT is its knee (${backend})`, () => {
    // Singular values 2 and 1: p_t = (2^t, 1) / (2^t + 1).
    const h = vonNeumannEntropy([[2, 0], [0, -1]], { tMax: 3, backend });
    for (let t = 1; t <= 3; t++) {
      const p = [2 ** t / (2 ** t + 1) + 2 ** -52, 1 / (2 ** t + 1) + 2 ** -52];
      close(h[t - 1], -p[0] * Math.log(p[0]) - p[1] * Math.log(p[1]), 1e-15, `t = ${t}`);
    }
    const X = randomMatrix(40, 3, 4);
    const { entropy, optimalT } = diffusionVonNeumannEntropy(X, { sigma: 0.2, tMax: 30, backend });
    assert.equal(entropy.length, 30);
    assert.equal(optimalT, kneePoint(entropy, Array.from(entropy, (_, i) => i)));
    assert.throws(() => vonNeumannEntropy(X, { tMax: 0, backend }), code('E_ARGUMENT'));
    assert.throws(() => diffusionVonNeumannEntropy(X, { tMax: 2, backend }), code('E_ARGUMENT'));
  });

  test(`intrinsicDimension: ~2 on a plane in 10 dimensions, duplicates refused (${backend})`, () => {
    const next = uniform(17);
    const n = 800;
    const data = new Float64Array(n * 10);
    for (let i = 0; i < n; i++) {
      const a = next();
      const b = next();
      // A plane spanned by two orthogonal directions of R^10.
      for (let k = 0; k < 10; k++) data[i * 10 + k] = a * (k % 2 === 0 ? 1 : 0) + b * (k < 5 ? 1 : -1) * (k % 2);
    }
    const X = { data, rows: n, cols: 10 };
    const twonn = intrinsicDimension(X, { backend });
    const mle = intrinsicDimension(X, { method: 'mle', backend });
    assert.ok(Math.abs(twonn - 2) < 0.2, `twonn ${twonn}`);
    assert.ok(Math.abs(mle - 2) < 0.2, `mle ${mle}`);
    // nNeighbors >= N is lowered to N - 1, as skdim does.
    const small = randomMatrix(8, 3, 1);
    assert.equal(intrinsicDimension(small, { method: 'mle', nNeighbors: 20, backend }), intrinsicDimension(small, { method: 'mle', nNeighbors: 7, backend }));
    const dup = [[0, 0], [1, 2], [3, 1], [1, 2], [5, 5]];
    for (const method of ['twonn', 'mle']) {
      assert.throws(() => intrinsicDimension(dup, { method, nNeighbors: 3, backend }), (e) => e instanceof DseError && e.code === 'E_DUPLICATE_ROWS' && /rows 1 and 3/.test(e.message));
    }
    assert.throws(() => intrinsicDimension(X, { method: 'pca', backend }), code('E_ARGUMENT'));
    assert.throws(() => intrinsicDimension(X, { discardFraction: 1, backend }), code('E_ARGUMENT'));
    assert.throws(() => intrinsicDimension(X, { method: 'mle', nNeighbors: 1, backend }), code('E_ARGUMENT'));
  });
}

test("sigma: 'auto' is the median distance in renyiEntropy and diffusionVonNeumannEntropy", () => {
  const X = randomMatrix(30, 4, 9);
  const sigma = medianDistance(X);
  assert.equal(renyiEntropy(X, { sigma: 'auto', alpha: 3 }), renyiEntropy(X, { sigma, alpha: 3 }));
  assert.deepEqual(diffusionVonNeumannEntropy(X, { sigma: 'auto', tMax: 10 }), diffusionVonNeumannEntropy(X, { sigma, tMax: 10 }));
});
