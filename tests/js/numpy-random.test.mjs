// numpy's legacy RandomState (SPEC section 10) against draws numpy 1.24 made (scripts/numpy-random-fixture.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NumpyRandomState, DseError, pythonSample } from '../../dist/index.mjs';
import { fixturesDir } from './helpers.mjs';

const { cases } = JSON.parse(readFileSync(fixturesDir + 'numpy-random.json', 'utf8'));

// randn goes through log and sqrt, which may differ from the C library's by an ulp; uniforms are exact.
function assertNear(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const tol = 4 * Number.EPSILON * Math.max(1, Math.abs(expected[i]));
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `${what}[${i}]: ${actual[i]} vs numpy ${expected[i]}`);
  }
}

for (const c of cases) {
  test(`np.random.seed(${c.seed}): random_sample equals numpy's bit for bit`, () => {
    const rs = new NumpyRandomState(c.seed);
    assert.deepEqual(Array.from({ length: 10 }, () => rs.randomSample()), c.randomSample10);
  });

  test(`np.random.seed(${c.seed}): randn(7) then randn(3, 4) carries the cached gaussian over`, () => {
    const rs = new NumpyRandomState(c.seed);
    assertNear(rs.randn(7, 1), c.randn7, 'randn(7)');
    assertNear(rs.randn(3, 4), c.thenRandn3x4, 'randn(3, 4)');
  });

  test(`np.random.seed(${c.seed}): randn(700, 3) row-major across a twist, every sign as numpy's`, () => {
    const z = new NumpyRandomState(c.seed).randn(700, 3);
    assertNear(z.subarray(2097), c.randn700x3Last, 'last row');
    assert.equal(Array.from(z, (v) => (v > 0 ? '+' : '-')).join(''), c.randn700x3Signs);
  });
}

test('numpy seeds outside [0, 2^32 - 1] are refused, naming numpySeed', () => {
  for (const bad of [-1, 2 ** 32, 1.5, NaN, '3']) {
    assert.throws(() => new NumpyRandomState(bad), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === 'numpySeed');
  }
});

test('Python random on the shared twister still gives its fixture sample', () => {
  assert.deepEqual(Array.from(pythonSample(0, 10, 3)), [6, 9, 0]);
});
