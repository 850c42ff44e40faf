// singularValues against numpy (LAPACK gesdd) and against the exact values (mpmath at 60 digits) of the same
// float64 matrices: tests/fixtures/svd, written by scripts/make-svd-fixtures.py.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ready, singularValues, DseError } from '../../dist/index.mjs';
import { fixturesDir, readNpy, randomMatrix } from './helpers.mjs';

const { cases } = JSON.parse(readFileSync(fixturesDir + 'svd/cases.json', 'utf8'));
// Cases whose every value, however small, both numpy and the exact values agree on to ~1e-15 relative: the
// bidiagonal QR must keep that (a Gram-matrix or absolute-accuracy method loses the small ones).
const relative = { 'graded-bidiagonal': 1e-13, 'graded-columns': 1e-13 };

before(() => ready());

for (const backend of ['wasm', 'js']) {
  for (const c of cases) {
    test(`${c.id} (${backend}): ${c.what}`, () => {
      const A = readNpy('svd/' + c.A);
      const got = singularValues(A, { backend });
      assert.equal(got.length, c.exact.length);
      const smax = c.exact[0];
      for (let i = 0; i < got.length; i++) {
        if (i > 0) assert.ok(got[i] <= got[i - 1], 'descending');
        assert.ok(Math.abs(got[i] - c.exact[i]) <= 1e-14 * smax, `${c.id}[${i}]: ${got[i]} vs exact ${c.exact[i]}`);
        assert.ok(Math.abs(got[i] - c.numpy[i]) <= 1e-14 * smax, `${c.id}[${i}]: ${got[i]} vs numpy ${c.numpy[i]}`);
        if (relative[c.id] !== undefined) {
          const rel = Math.abs(got[i] - c.exact[i]) / c.exact[i];
          assert.ok(rel <= relative[c.id], `${c.id}[${i}]: relative error ${rel} > ${relative[c.id]}`);
        }
        if (c.exact[i] === 0) assert.equal(got[i], 0, `${c.id}[${i}] exactly 0`);
      }
    });
  }
}

test('a wide matrix and its transpose have the same singular values', () => {
  const A = randomMatrix(7, 19, 3);
  const T = { data: new Float32Array(19 * 7), rows: 19, cols: 7 };
  for (let i = 0; i < 7; i++) for (let j = 0; j < 19; j++) T.data[j * 7 + i] = A.data[i * 19 + j];
  assert.deepEqual(singularValues(A, { backend: 'js' }), singularValues(T, { backend: 'js' }));
});

test('the backends agree to 1e-13 relative on a 300 x 120 matrix', () => {
  const A = randomMatrix(300, 120, 11);
  const w = singularValues(A, { backend: 'wasm' });
  const j = singularValues(A, { backend: 'js' });
  for (let i = 0; i < w.length; i++) assert.ok(Math.abs(w[i] - j[i]) <= 1e-13 * w[0], `${i}: ${w[i]} vs ${j[i]}`);
});

test('arguments are checked', () => {
  assert.throws(() => singularValues([[1, NaN]]), (e) => e instanceof DseError && e.code === 'E_NOT_FINITE');
  assert.throws(() => singularValues({ data: [1, 2, 3], rows: 2, cols: 2 }), (e) => e instanceof DseError && e.code === 'E_SHAPE');
  assert.throws(() => singularValues([[1]], { backend: 'gpu' }), (e) => e instanceof DseError && e.code === 'E_ARGUMENT');
  assert.deepEqual(Array.from(singularValues([[-2]])), [2]);
});
