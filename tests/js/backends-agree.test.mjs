// The WASM kernels against their pure-JS twins on shapes that reach every remainder path: odd and even N and D
// (the 2 x 4 distance tiles and the odd last feature), N past one 40-row distance cache tile, N mod 4 in
// 0..3 (the four-row and two-row passes of the reduction).
import { test, before } from 'node:test';
import { ready, diffusionEigenvalues, symmetricEigenvalues } from '../../dist/index.mjs';
import { randomMatrix, uniform, assertClose } from './helpers.mjs';

before(() => ready());

const shapes = [[2, 1], [3, 5], [4, 2], [5, 7], [6, 1], [9, 8], [17, 9], [42, 33], [87, 16], [130, 31]];

for (const [n, d] of shapes) {
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
