// Classic Shannon entropy (docs/measures.md, DSE, CSE): the reference fixtures and the binning rules as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classicShannonEntropy, DseError } from '../../dist/index.mjs';
import { cases, readNpy, assertClose } from './helpers.mjs';

const EPS = 2 ** -52;
// -sum p log2 p with p = count / N + eps, as the reference.
const entropyOfCounts = (counts) => {
  const n = counts.reduce((a, b) => a + b, 0);
  return -counts.reduce((h, c) => h + (c / n + EPS) * Math.log2(c / n + EPS), 0);
};

for (const c of cases.filter((c) => c.op === 'cse')) {
  test(`${c.id}`, () => {
    assertClose(classicShannonEntropy(readNpy(c.X), { bins: c.bins }), c.expected, c.tol, c.id);
  });
}

test('four distinct cells of two columns give 2 bits', () => {
  assertClose(classicShannonEntropy([[0, 0], [0, 1], [1, 0], [1, 1]]), entropyOfCounts([1, 1, 1, 1]), 1e-15, 'cells');
});

test('a value on an edge goes up a bin, and 1.0 falls in bin b', () => {
  // Scaled column [0, 0.5, 1] with b = 2: edges [0, 0.5], bins [1, 2, 2].
  assertClose(classicShannonEntropy([[0], [0.5], [1]], { bins: 2 }), entropyOfCounts([1, 2]), 1e-15, 'b = 2');
  // b = 4: edges [0, .25, .5, .75]; 0.75 sits on an edge and joins 1.0 in bin 4.
  assertClose(classicShannonEntropy([[0], [0.75], [1], [0.3]], { bins: 4 }), entropyOfCounts([1, 2, 1]), 1e-15, 'b = 4');
});

test('a constant column puts every row in one bin', () => {
  assertClose(classicShannonEntropy([[3, 0], [3, 1], [3, 0], [3, 1]]), entropyOfCounts([2, 2]), 1e-15, 'constant');
  assertClose(classicShannonEntropy([[5], [5], [5]]), entropyOfCounts([3]), 1e-15, 'all constant');
});

test('float32 input is scaled in float32, as numpy does on a float32 array', () => {
  const X = readNpy('digits400_X.npy');
  const wide = { data: Float64Array.from(X.data), rows: X.rows, cols: X.cols };
  // digits are small integers: float32 and float64 scaling agree, so both must equal the fixture.
  const c = cases.find((c) => c.id === 'digits400-cse-b5');
  assertClose(classicShannonEntropy(wide, { bins: 5 }), c.expected, c.tol, 'float64 copy');
});

test('bad input: bins < 1, non-integer bins, NaN, then a good call', () => {
  const X = [[0, 1], [1, 0], [0.5, 0.5]];
  for (const bins of [0, -1, 1.5, NaN, '2']) {
    assert.throws(() => classicShannonEntropy(X, { bins }), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === 'bins');
    assert.ok(Number.isFinite(classicShannonEntropy(X, { bins: 2 })));
  }
  assert.throws(() => classicShannonEntropy([[0, NaN], [1, 2]]), (e) => e instanceof DseError && e.code === 'E_NOT_FINITE');
  assert.ok(Number.isFinite(classicShannonEntropy(X)));
});
