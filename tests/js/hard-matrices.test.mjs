// Hard eigenvalue problems (issue 10) against numpy's answers, stored once by scripts/make-hard-matrices.py in
// tests/fixtures/hard-matrices.json, on both backends. Symmetric: every eigenvalue within 1e-13 ||A||_2 of
// numpy.linalg.eigvalsh. General: matched with numpy.linalg.eigvals as multisets, each within
// 10 n eps ||A||_F cond(lambda) (a backward-stable solver's first-order error, cond from numpy's own left and
// right eigenvectors); for defective and ill-conditioned matrices with known eigenvalues (Jordan blocks,
// companion matrices, Clement) within 10 times numpy's own error against them; and the eigenvalues sum to the
// trace within 10 n eps ||A||_F, a quantity that stays well conditioned when the eigenvalues are not.
// No finite matrix may end in E_NO_CONVERGENCE.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, symmetricEigenvalues, generalEigenvalues } from '../../dist/index.mjs';
import { hard, build, matchMultisets, assertSymmetricHard } from './hard-matrices.mjs';

const EPS = 2 ** -52;

before(() => ready());

for (const backend of ['wasm', 'js']) {
  test(`symmetric hard matrices within 1e-13 ||A|| of numpy eigvalsh (${backend})`, () => {
    assertSymmetricHard(assert, (a) => symmetricEigenvalues(a, { backend }));
  });

  test(`general hard matrices within the numpy-comparable bound of numpy eigvals (${backend})`, () => {
    for (const c of hard.general) {
      const a = build(c);
      const n = c.n;
      const { real, imag } = generalEigenvalues(a, { backend });
      assert.equal(real.length, n, c.name);
      const unit = n * EPS * c.frobenius;
      let trace = 0;
      for (let i = 0; i < n; i++) trace += a[i][i];
      const sum = real.reduce((s, v) => s + v, 0);
      assert.ok(Math.abs(sum - trace) <= 10 * unit + Math.abs(trace) * EPS * n, `${c.name}: eigenvalues sum to ${sum}, trace ${trace}`);
      assert.ok(Math.abs(imag.reduce((s, v) => s + v, 0)) <= 10 * unit, `${c.name}: imaginary parts do not cancel`);
      if (c.exactReal) {
        const err = Math.max(0, ...matchMultisets(c.exactReal, c.exactImag, real, imag));
        const bound = Math.max(10 * c.numpyExactError, 10 * unit);
        assert.ok(err <= bound, `${c.name}: error ${err} against the exact eigenvalues, bound ${bound} (numpy's own ${c.numpyExactError})`);
      }
      const d = matchMultisets(c.real, c.imag, real, imag);
      for (let i = 0; i < n; i++) {
        const bound = 10 * unit * c.cond[i];
        assert.ok(d[i] <= bound, `${c.name}: eigenvalue ${c.real[i]} + ${c.imag[i]}i off by ${d[i]}, bound ${bound}`);
      }
    }
  });
}
