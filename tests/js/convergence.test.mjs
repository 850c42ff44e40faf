// A kernel whose tridiagonal form is mostly at rounding level: rows from a poor generator (a congruential step
// computed in float64, so its product is rounded past 2^53) are strongly dependent, and K (N = 2000, D = 768,
// sigma = 10) has ~1500 eigenvalues below 1e-10.
// A purely local deflation test never passes on those entries and the QL sweep stalls at l = 0; it must
// converge, with the eigenvalues of K's known bounds.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionEigenvalues } from '../../dist/index.mjs';

before(() => ready());

test('QL converges on a kernel of numerical rank << N (N = 2000, D = 768, sigma = 10, wasm)', () => {
  const n = 2000, d = 768;
  let s = 7;
  for (let k = 0; k < 1000 * 768; k++) s = (s * 1103515245 + 12345) >>> 0;
  const data = new Float32Array(n * d);
  for (let k = 0; k < data.length; k++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[k] = s / 2 ** 32;
  }
  const lambda = diffusionEigenvalues({ data, rows: n, cols: d }, { sigma: 10, backend: 'wasm' });
  assert.ok(Math.abs(lambda[0] - 1) < 1e-12, `largest eigenvalue ${lambda[0]}`);
  let tiny = 0;
  for (const l of lambda) {
    assert.ok(l > -1e-12 && l <= 1 + 1e-12, `eigenvalue ${l} outside [0, 1]`);
    if (Math.abs(l) < 1e-10) tiny++;
  }
  assert.ok(tiny > 1000, `${tiny} eigenvalues below 1e-10`);
});
