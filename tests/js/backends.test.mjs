// The WASM backend and its pure-JS twin compute the same stages; they must agree on any input, including the
// shapes that reach every remainder path of the WASM kernels: odd and even N and D (the 2 x 4 distance tiles
// and the odd last feature), N past one 40-row distance cache tile, N mod 4 in 0..3 (the four-row and two-row
// passes of the reduction).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionEigenvalues, diffusionSpectralEntropy, symmetricEigenvalues, adjacencySpectralEntropy } from '../../dist/index.mjs';
import { randomMatrix, randomSymmetric, uniform, assertClose } from './helpers.mjs';

before(() => ready());

const shapes = [
  [2, 1, 0.5], [3, 5, 1], [4, 2, 0.1], [7, 3, 2], [16, 16, 3], [17, 1, 0.2], [33, 2, 0.3],
  [64, 100, 4], [101, 7, 1], [150, 33, 2.5], [211, 4, 0.4], [300, 20, 1.5],
];

for (const [rows, cols, sigma] of shapes) {
  test(`wasm and js agree on ${rows} x ${cols}, sigma ${sigma}`, () => {
    const X = randomMatrix(rows, cols, rows * 1000 + cols, 2);
    const a = diffusionEigenvalues(X, { sigma, backend: 'wasm' });
    const b = diffusionEigenvalues(X, { sigma, backend: 'js' });
    assert.equal(a.length, rows);
    for (let i = 0; i < rows; i++) assertClose(a[i], b[i], 1e-12, `eigenvalue ${i}`);
    assertClose(a[0], 1, 1e-12, 'largest eigenvalue');
    for (const t of [1, 2, 3.5]) {
      assertClose(diffusionSpectralEntropy(X, { sigma, t, backend: 'wasm' }), diffusionSpectralEntropy(X, { sigma, t, backend: 'js' }), 1e-10, `DSE t=${t}`);
    }
  });
}

for (const n of [1, 2, 3, 5, 10, 31, 64, 129]) {
  test(`symmetricEigenvalues: backends agree and preserve trace and Frobenius norm, n = ${n}`, () => {
    const A = randomSymmetric(n, n);
    const a = symmetricEigenvalues(A, { backend: 'wasm' });
    const b = symmetricEigenvalues(A, { backend: 'js' });
    let trace = 0;
    let frob = 0;
    for (let i = 0; i < n; i++) trace += A.data[i * n + i];
    for (const v of A.data) frob += v * v;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      assertClose(a[i], b[i], 1e-12, `eigenvalue ${i}`);
      if (i > 0) assert.ok(a[i] <= a[i - 1], 'descending');
      sum += a[i];
      sq += a[i] * a[i];
    }
    assertClose(sum, trace, 1e-11, 'trace');
    assertClose(sq, frob, 1e-10, 'Frobenius norm');
  });
}

test('symmetricEigenvalues of known matrices', () => {
  for (const backend of ['wasm', 'js']) {
    assert.deepEqual(Array.from(symmetricEigenvalues([[2, 1], [1, 2]], { backend }), (v) => Math.round(v * 1e12) / 1e12), [3, 1]);
    assert.deepEqual(Array.from(symmetricEigenvalues([[5]], { backend })), [5]);
    // Second-difference matrix: eigenvalues 2 - 2 cos(k pi / (n + 1)).
    const n = 40;
    const T = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)));
    const got = symmetricEigenvalues(T, { backend });
    for (let k = 1; k <= n; k++) assertClose(got[k - 1], 2 - 2 * Math.cos(((n + 1 - k) * Math.PI) / (n + 1)), 1e-13, `k=${k}`);
  }
});

const remainderShapes = [[2, 1], [3, 5], [4, 2], [5, 7], [6, 1], [9, 8], [17, 9], [42, 33], [87, 16], [130, 31]];

for (const [n, d] of remainderShapes) {
  test(`diffusionEigenvalues: wasm equals js, N = ${n}, D = ${d}`, () => {
    const X = randomMatrix(n, d, 1000 + n, 3);
    const a = diffusionEigenvalues(X, { sigma: 1, backend: 'wasm' });
    const b = diffusionEigenvalues(X, { sigma: 1, backend: 'js' });
    for (let i = 0; i < n; i++) assertClose(a[i], b[i], 1e-13, `eigenvalue ${i}`);
  });

  test(`symmetricEigenvalues: wasm equals js, N = ${n}`, () => {
    const next = uniform(n);
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = data[j * n + i] = next() - 0.5;
    const a = symmetricEigenvalues({ data, rows: n, cols: n }, { backend: 'wasm' });
    const b = symmetricEigenvalues({ data, rows: n, cols: n }, { backend: 'js' });
    for (let i = 0; i < n; i++) assertClose(a[i], b[i], 1e-12, `eigenvalue ${i}`);
  });
}

test('both backends refuse the same problems, before allocating, on every path (E_TOO_LARGE)', () => {
  // N = 30000: the N x N kernel alone needs 7.2 GB, more than a wasm32 backend's 4 GiB.
  const X = { data: new Float32Array(30000), rows: 30000, cols: 1 };
  for (const backend of ['wasm', 'js']) {
    const calls = {
      diffusionEigenvalues: () => diffusionEigenvalues(X, { backend }),
      DSE: () => diffusionSpectralEntropy(X, { maxN: 30000, backend }),
      'matrix-entry DSE': () => diffusionSpectralEntropy(X, { maxN: 30000, variant: 'matrix-entry', backend }),
      ASE: () => adjacencySpectralEntropy(X, { maxN: 30000, backend }),
      'kNN ASE': () => adjacencySpectralEntropy(X, { maxN: 30000, knn: 10, backend }),
    };
    for (const [name, call] of Object.entries(calls)) {
      assert.throws(call, (e) => e.code === 'E_TOO_LARGE' && /N = 30000 rows of 1 features/.test(e.message), `${name}, ${backend}`);
    }
  }
});
