// sigma: 'auto' (the median pairwise distance) and kernelDiagnosis, public since the CLI stopped computing them
// itself. Expected values come from their definitions, computed here by brute force.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ready, medianDistance, kernelDiagnosis, diffusionEigenvalues, diffusionSpectralEntropy, subsample, pythonSample,
  diffusionSpectralMutualInformation, adjacencySpectralEntropy, DEFAULTS,
} from '../../dist/index.mjs';
import { randomMatrix } from './helpers.mjs';

before(() => ready());

// numpy.median of the distances between distinct rows listed in `rows`.
function bruteMedian(x, rows) {
  const d = [];
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      let s = 0;
      for (let c = 0; c < x.cols; c++) s += (x.data[rows[a] * x.cols + c] - x.data[rows[b] * x.cols + c]) ** 2;
      d.push(Math.sqrt(s));
    }
  }
  d.sort((p, q) => p - q);
  const mid = d.length >> 1;
  return d.length % 2 === 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
}

test('medianDistance matches numpy.median of the pairwise distances', () => {
  assert.equal(medianDistance({ data: new Float64Array([0, 0, 3, 4, 6, 8]), rows: 3, cols: 2 }), 5);
  // Four points on a line: distances 1, 2, 3, 1, 2, 1 -> median of [1, 1, 1, 2, 2, 3] = 1.5.
  assert.equal(medianDistance({ data: new Float32Array([0, 1, 2, 3]), rows: 4, cols: 1 }, { seed: 0 }), 1.5);
});

test('medianDistance above 2000 rows takes the pairs of the 2000 rows of Python\'s sample', () => {
  const x = randomMatrix(2100, 3, 7);
  for (const seed of [0, 5]) {
    assert.equal(medianDistance(x, { seed }), bruteMedian(x, pythonSample(seed, 2100, DEFAULTS.medianSampleRows)));
  }
});

test("sigma: 'auto' is the median distance of the rows the measure uses", () => {
  const x = randomMatrix(120, 4, 3, 10);
  const median = bruteMedian(x, Array.from({ length: 120 }, (_, i) => i));
  for (const backend of ['wasm', 'js']) {
    assert.equal(diffusionSpectralEntropy(x, { sigma: 'auto', backend }), diffusionSpectralEntropy(x, { sigma: median, backend }));
    assert.deepEqual(diffusionEigenvalues(x, { sigma: 'auto', backend }), diffusionEigenvalues(x, { sigma: median, backend }));
    assert.equal(adjacencySpectralEntropy(x, { sigma: 'auto', backend }), adjacencySpectralEntropy(x, { sigma: median, backend }));
  }
  // Above maxN, the median of the subsample, with the subsample's seed.
  const used = subsample(x, { maxN: 50, seed: 2 });
  assert.equal(used.rows, 50);
  const sampled = bruteMedian(x, pythonSample(2, 120, 50));
  assert.equal(diffusionSpectralEntropy(x, { sigma: 'auto', maxN: 50, seed: 2 }), diffusionSpectralEntropy(used, { sigma: sampled }));
  const labels = Int32Array.from({ length: 120 }, (_, i) => i % 3);
  assert.equal(
    diffusionSpectralMutualInformation(x, labels, { sigma: 'auto' }).value,
    diffusionSpectralMutualInformation(x, labels, { sigma: median }).value,
  );
});

test('kernelDiagnosis: a sigma far above the distances gives a near-constant K, far below a near-identity K', () => {
  const x = randomMatrix(60, 3, 11);
  for (const backend of ['wasm', 'js']) {
    const constant = kernelDiagnosis(x, { sigma: 1e4, backend });
    assert.equal(constant.kind, 'constant');
    assert.match(constant.message, /close to constant at sigma 10000/);
    assert.equal(kernelDiagnosis(x, { sigma: 1e-4, backend }).kind, 'identity');
    assert.equal(kernelDiagnosis(x, { sigma: 'auto', backend }), null);
  }
});

test('kernelDiagnosis judges trace K = sum of the eigenvalues it is given', () => {
  const x = randomMatrix(100, 2, 1);
  const flat = new Float64Array(100).fill(0.0005);
  flat[0] = 1; // trace 1.0495 < 1.1
  assert.equal(kernelDiagnosis(x, { sigma: 10, eigenvalues: flat }).kind, 'constant');
  assert.equal(kernelDiagnosis(x, { sigma: 0.01, eigenvalues: new Float64Array(100).fill(0.95) }).kind, 'identity');
  const fine = Float64Array.from({ length: 100 }, (_, i) => 0.9 ** i); // trace ~10: neither
  assert.equal(kernelDiagnosis(x, { sigma: 1, eigenvalues: fine }), null);
  const e = diffusionEigenvalues(x, { sigma: 1e4 });
  assert.deepEqual(kernelDiagnosis(x, { sigma: 1e4, eigenvalues: e }), kernelDiagnosis(x, { sigma: 1e4 }));
});
