// Regression tests for the toolkit defects the fuzz suite found (issue 10, branch issue-10c), on both backends:
// each input failed (NaN, Infinity or E_NO_CONVERGENCE) before its fix. Expected values are from the
// mathematics, stated beside each.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../dist/index.mjs';

before(() => api.ready());
const BACKENDS = ['wasm', 'js'];
const throwsOn = (f, code, argument) => assert.throws(f, (e) => e instanceof api.DseError && e.code === code && e.argument === argument && e.message.includes(argument));
const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

for (const backend of BACKENDS) {
  test(`vonNeumannEntropy (${backend}): singular values whose powers overflow give PHATE's p, not NaN`, () => {
    // s = (1e200, 1e199): p = (1, 0.1^t) / (1 + 0.1^t) + 2^-52, H_t = -sum p ln p.
    const h = api.vonNeumannEntropy([[1e200, 0], [0, 1e199]], { tMax: 3, backend });
    for (let t = 1; t <= 3; t++) {
      const p = [1 / (1 + 0.1 ** t) + 2 ** -52, 0.1 ** t / (1 + 0.1 ** t) + 2 ** -52];
      close(h[t - 1], -p.reduce((s, v) => s + v * Math.log(v), 0), 1e-15, `H_${t}`);
    }
  });

  test(`vonNeumannEntropy (${backend}): the zero operator (every p = 0 / 0) is refused naming A`, () => {
    throwsOn(() => api.vonNeumannEntropy([[0, 0], [0, 0]], { tMax: 3, backend }), 'E_ARGUMENT', 'A');
  });

  test(`singularValues (${backend}): rows of subnormal off-diagonals (a near-identity P) are rescaled as dlarfg does`, () => {
    // Off-diagonals of 1e-310 perturb the singular values of I by ~1e-310: all three are 1 to rounding.
    const t = 1e-310;
    const s = api.singularValues([[1, t, 2 * t], [t, 1, 3 * t], [2 * t, 3 * t, 1]], { backend });
    for (const v of s) close(v, 1, 4e-16, 'singular value');
  });

  test(`renyiEntropy and vendiScore (${backend}): a huge finite order is normalised before powering`, () => {
    // Two rows far apart: lambda = (1/2, 1/2), H_alpha = log2(2 * 2^-alpha) / (1 - alpha) = 1 for every alpha.
    close(api.renyiEntropy([[0, 0], [100, 0]], { alpha: 2 ** 53 + 2, sigma: 1, backend }), 1, 1e-12, 'H_alpha');
    // Orthogonal rows: w = (1/2, 1/2), VS_q = exp(log(2 * 2^-q) / (1 - q)) = 2 for every q.
    close(api.vendiScore([[1, 0], [0, 1]], { q: 2 ** 53 + 2, backend }), 2, 1e-12, 'VS_q');
  });

  test(`vendiScoreFromKernel (${backend}): normalize: true on a zero diagonal (0 / 0) is refused naming K`, () => {
    throwsOn(() => api.vendiScoreFromKernel([[0, 0], [0, 0]], { normalize: true, backend }), 'E_ARGUMENT', 'K');
  });

  test(`intrinsicDimension (${backend}): equidistant neighbours are refused naming X; the F = 1 point is never fitted`, () => {
    const grid = [[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]];
    throwsOn(() => api.intrinsicDimension(grid, { method: 'twonn', backend }), 'E_ARGUMENT', 'X');
    throwsOn(() => api.intrinsicDimension(grid, { method: 'mle', nNeighbors: 2, backend }), 'E_ARGUMENT', 'X');
    // 10 rows: discardFraction 0 keeps 10 ratios, of which the largest has -log(1 - 10/10) = Infinity; the fit
    // over the other 9 is the one discardFraction 0.1 makes.
    const X = Array.from({ length: 10 }, (_, i) => [Math.cos(i * 1.3) * (1 + i / 7), Math.sin(i * 2.1) + i / 5, (i * i) % 7]);
    const d0 = api.intrinsicDimension(X, { method: 'twonn', discardFraction: 0, backend });
    assert.ok(Number.isFinite(d0));
    assert.equal(d0, api.intrinsicDimension(X, { method: 'twonn', discardFraction: 0.1, backend }));
  });

  test(`diffusionSpectralEntropy (${backend}): sigma whose square overflows, rows 1e308 apart: K = I, DSE = log2 N`, () => {
    // |x_i - x_j| / sigma >= 1e153: every off-diagonal affinity is 0, so K = I and DSE = log2 3 (up to the eps term).
    close(api.diffusionSpectralEntropy([[0], [1e308], [-1e308]], { sigma: 1e155, backend }), Math.log2(3), 1e-12, 'DSE');
  });
}

for (const backend of BACKENDS) {
  test(`toolkit (${backend}): what the fuzz suite found once its filters were removed`, () => {
    // tMax beyond the documented 2^20 is refused naming it (a RangeError allocating 2^32 float64 before).
    throwsOn(() => api.vonNeumannEntropy([[1]], { tMax: 2 ** 32, backend }), 'E_ARGUMENT', 'tMax');
    // The largest finite order: H_alpha = 1 for lambda = (1/2, 1/2), as for every alpha.
    close(api.renyiEntropy([[0, 0], [100, 0]], { alpha: Number.MAX_VALUE, sigma: 1, backend }), 1, 1e-12, 'H_MAX');
    // A row whose sum of squares overflows is normalised to (~0, 1): a single unit eigenvalue, VS = 1.
    close(api.vendiScore([[2 ** 32, 1e300]], { q: 0, backend }), 1, 1e-12, 'VS');
    // The zero kernel has no positive eigenvalue; K = [[5e-324]] has VS_2 = 1 / w = 2e323, beyond float64.
    throwsOn(() => api.vendiScoreFromKernel([[0, 0], [0, 0]], { backend }), 'E_ARGUMENT', 'K');
    throwsOn(() => api.vendiScoreFromKernel([[5e-324]], { q: 2, backend }), 'E_ARGUMENT', 'K');
    // Distance ratios do not change when X is scaled by 2^1000 or 2^-1000 (exact): nor may the dimension.
    const X = Array.from({ length: 12 }, (_, i) => [Math.cos(i * 1.3) * (1 + i / 7), Math.sin(i * 2.1) + i / 5, (i * i) % 7]);
    for (const method of ['twonn', 'mle']) {
      const d = api.intrinsicDimension(X, { method, backend });
      for (const e of [1000, -1000]) assert.equal(api.intrinsicDimension(X.map((r) => r.map((v) => v * 2 ** e)), { method, backend }), d);
    }
  });
}

for (const backend of BACKENDS) {
  test(`linear algebra (${backend}): a value beyond the float64 range is refused naming A, never Infinity`, () => {
    // [[1e308, 1e308], [1e308, 1e308]] has eigenvalues 2e308 and 0, singular values 2e308 and 0.
    const A = [[1e308, 1e308], [1e308, 1e308]];
    throwsOn(() => api.generalEigenvalues(A, { backend }), 'E_ARGUMENT', 'A');
    throwsOn(() => api.symmetricEigenvalues(A, { backend }), 'E_ARGUMENT', 'A');
    throwsOn(() => api.singularValues(A, { backend }), 'E_ARGUMENT', 'A');
    // Rows of norm 1e308 with normalize: false: X X^T overflows (E_NO_CONVERGENCE from the solver before).
    throwsOn(() => api.vendiScore([[1e308, 0], [0, 1], [1, 1]], { normalize: false, backend }), 'E_ARGUMENT', 'X');
    // Below the overflow the values come back: 2^1000 [[2, 1], [1, 2]] has eigenvalues 2^1000 (3, 1).
    const w = api.symmetricEigenvalues([[2 * 2 ** 1000, 2 ** 1000], [2 ** 1000, 2 * 2 ** 1000]], { backend });
    close(w[0] / 2 ** 1000, 3, 1e-15, 'lambda_1');
    close(w[1] / 2 ** 1000, 1, 1e-15, 'lambda_2');
  });
}

test('medianDistance: rows more than 1.3e154 apart are measured scaled, as hypot does', () => {
  // Distances 1e200, 1e200, 2e200: the median is 1e200.
  close(api.medianDistance([[0], [1e200], [-1e200]]), 1e200, 1e185, 'median');
  close(api.medianDistance([[0, 3e200], [4e200, 0]]), 5e200, 1e186, 'median');
  // A median above the largest float64 is refused, naming X.
  throwsOn(() => api.medianDistance([[1e308], [-1e308]]), 'E_ARGUMENT', 'X');
  for (const backend of BACKENDS) {
    assert.ok(Number.isFinite(api.diffusionSpectralEntropy([[0], [1e200], [-1e200]], { sigma: 'auto', backend })));
  }
});
