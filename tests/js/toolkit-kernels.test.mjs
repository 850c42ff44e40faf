// The toolkit fixtures of manylatents' kernels (tests/fixtures/toolkit/, from manylatents' own source): DSE on the
// Gaussian kernel with density normalisation alpha and on the adaptive kNN kernel, and the eigenvalue count, on
// both backends within each case's tolerance. Tie-sensitive cases (integer data, equidistant k-th neighbours) are
// held to expectedLowestIndexTies at tolLowestIndexTies (ties go to the lowest row index) and to the sklearn value
// at the case's wider tol.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ready, diffusionSpectralEntropy, diffusionEigenvalues, diffusionEigenvalueCount, adjacencySpectralEntropy,
  diffusionSpectralMutualInformation, diffusionVonNeumannEntropy, kernelDiagnosis, checkOption, DseError,
} from '../../dist/index.mjs';
import { readNpy, fixturesDir, randomMatrix, assertClose } from './helpers.mjs';

const toolkit = JSON.parse(readFileSync(fixturesDir + 'toolkit/cases.json', 'utf8')).cases;
const data = new Map();
const X = (name) => data.get(name) ?? data.set(name, readNpy('toolkit/' + name)).get(name);

before(() => ready());

for (const backend of ['wasm', 'js']) {
  for (const c of toolkit.filter((c) => c.op === 'dse_kernel')) {
    test(`${c.id} (${backend})`, () => {
      const got = diffusionSpectralEntropy(X(c.X), { kernel: c.kernel, t: c.t, maxN: 1e9, backend });
      assertClose(got, c.expected, c.tol, c.id);
      if (c.expectedLowestIndexTies !== undefined) {
        assertClose(got, c.expectedLowestIndexTies, c.tolLowestIndexTies ?? c.tol, `${c.id} (lowest-index ties)`);
      }
    });
  }
  for (const c of toolkit.filter((c) => c.op === 'eigenvalue_count')) {
    test(`${c.id} (${backend})`, () => {
      const got = diffusionEigenvalueCount(X(c.X), { kernel: c.kernel, t: c.tHigh, floor: c.numericalFloor, maxN: 1e9, backend });
      assert.equal(got, c.expected, c.id);
    });
  }
}

test('the toolkit fixtures hold the cases these tests expect', () => {
  assert.equal(toolkit.filter((c) => c.op === 'dse_kernel').length, 42);
  assert.equal(toolkit.filter((c) => c.op === 'eigenvalue_count').length, 24);
  assert.ok(toolkit.some((c) => c.tieSensitive && Math.abs(c.expectedLowestIndexTies - c.expectedHighestIndexTies) > 1e-4));
});

test('alpha = 0 is the reference K bit for bit: kernel { gaussian, sigma } equals the sigma shorthand', () => {
  const Y = randomMatrix(60, 7, 3, 4);
  for (const backend of ['wasm', 'js']) {
    const a = diffusionEigenvalues(Y, { sigma: 1.5, backend });
    const b = diffusionEigenvalues(Y, { kernel: { type: 'gaussian', sigma: 1.5, alpha: 0 }, backend });
    assert.deepEqual(Array.from(b), Array.from(a));
    assert.equal(diffusionSpectralEntropy(Y, { kernel: { type: 'gaussian', sigma: 1.5 }, t: 2, backend }), diffusionSpectralEntropy(Y, { sigma: 1.5, t: 2, backend }));
    assert.equal(diffusionSpectralEntropy(Y, { kernel: { type: 'gaussian' }, backend }), diffusionSpectralEntropy(Y, { backend }));
  }
});

test('diffusionVonNeumannEntropy takes kernel: the Gaussian one at alpha 0 is the sigma shorthand; alpha and adaptive agree across backends', () => {
  const Y = randomMatrix(40, 4, 9, 2);
  const a = diffusionVonNeumannEntropy(Y, { sigma: 0.8, tMax: 20 });
  const b = diffusionVonNeumannEntropy(Y, { kernel: { type: 'gaussian', sigma: 0.8 }, tMax: 20 });
  assert.deepEqual(Array.from(b.entropy), Array.from(a.entropy));
  for (const kernel of [{ type: 'gaussian', sigma: 0.8, alpha: 1 }, { type: 'adaptive', k: 5 }]) {
    const w = diffusionVonNeumannEntropy(Y, { kernel, tMax: 20, backend: 'wasm' });
    const j = diffusionVonNeumannEntropy(Y, { kernel, tMax: 20, backend: 'js' });
    for (let i = 0; i < 20; i++) assertClose(w.entropy[i], j.entropy[i], 1e-10, `entropy[${i}]`);
    assert.notEqual(w.entropy[0], a.entropy[0]);
  }
});

test('the two backends agree on the adaptive kernel and alpha, over every measure that takes a kernel', () => {
  const Y = randomMatrix(45, 5, 11, 3);
  const labels = Array.from({ length: 45 }, (_, i) => i % 3);
  for (const kernel of [{ type: 'adaptive', k: 6, alpha: 0.5 }, { type: 'gaussian', sigma: 'auto', alpha: 1 }]) {
    const a = diffusionEigenvalues(Y, { kernel, backend: 'wasm' });
    const b = diffusionEigenvalues(Y, { kernel, backend: 'js' });
    for (let i = 0; i < a.length; i++) assertClose(a[i], b[i], 1e-12, `eigenvalue ${i}`);
    assert.ok(Math.abs(a[0] - 1) < 1e-12, 'the top eigenvalue of a diffusion operator is 1');
    for (const opts of [{ anisotropic: false }, { anisotropic: true }]) {
      assertClose(adjacencySpectralEntropy(Y, { ...opts, kernel, backend: 'wasm' }), adjacencySpectralEntropy(Y, { ...opts, kernel, backend: 'js' }), 1e-10, 'ASE');
    }
    assertClose(diffusionSpectralEntropy(Y, { kernel, variant: 'matrix-entry', backend: 'wasm' }), diffusionSpectralEntropy(Y, { kernel, variant: 'matrix-entry', backend: 'js' }), 1e-10, 'matrix-entry');
    assertClose(diffusionSpectralMutualInformation(Y, labels, { kernel, backend: 'wasm' }).value, diffusionSpectralMutualInformation(Y, labels, { kernel, backend: 'js' }).value, 1e-10, 'DSMI');
  }
  // ASE with anisotropic: true on a kernel is DSE at t = 1 on the same kernel.
  const kernel = { type: 'adaptive', k: 6, alpha: 1 };
  assertClose(adjacencySpectralEntropy(Y, { kernel, anisotropic: true }), diffusionSpectralEntropy(Y, { kernel }), 1e-10, 'ASE = DSE');
});

test('the adaptive kernel clamps k to rows - 1, as manylatents compute_knn does', () => {
  const Y = randomMatrix(8, 3, 5);
  assert.equal(diffusionSpectralEntropy(Y, { kernel: { type: 'adaptive', k: 50 } }), diffusionSpectralEntropy(Y, { kernel: { type: 'adaptive', k: 7 } }));
  // A cluster of one row (DSMI) has K = [1] on either kernel.
  const labels = [0, 0, 0, 0, 0, 0, 0, 1];
  for (const backend of ['wasm', 'js']) {
    const mi = diffusionSpectralMutualInformation(Y, labels, { kernel: { type: 'adaptive', k: 3 }, discrete: true, nClusters: 2, backend });
    assert.ok(Math.abs(mi.classes[1].entropy) < 1e-12, `one-row cluster entropy ${mi.classes[1].entropy}`);
  }
});

test('kernel options are checked, naming the option and quoting the value', () => {
  const Y = randomMatrix(10, 2, 1);
  const bad = (opts, re) => assert.throws(() => diffusionSpectralEntropy(Y, opts), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && re.test(e.message));
  bad({ sigma: 2, kernel: { type: 'gaussian' } }, /sigma or kernel, not both/);
  bad({ kernel: { type: 'laplacian' } }, /kernel\.type must be 'gaussian' or 'adaptive', received "laplacian"/);
  bad({ kernel: { type: 'gaussian', alpha: -1 } }, /alpha must be a finite number >= 0, received -1/);
  bad({ kernel: { type: 'adaptive', k: 0 } }, /k must be an integer >= 1, received 0/);
  bad({ kernel: { type: 'adaptive', sigma: 3 } }, /kernel must be/);
  bad({ kernel: 'adaptive' }, /kernel must be an object/);
  assert.throws(() => diffusionEigenvalueCount(Y, { floor: 0 }), /floor must be a finite number > 0, received 0/);
  assert.deepEqual(checkOption('kernel', { type: 'adaptive' }), { type: 'adaptive', k: 15, alpha: 1 });
  assert.deepEqual(checkOption('kernel', undefined), { type: 'gaussian', sigma: 10, alpha: 0 });
  assert.equal(kernelDiagnosis(Y, { kernel: { type: 'adaptive' } }), null);
});

test('DSE is not scale invariant with a global sigma; the adaptive kernel is', () => {
  const Y = X('blobs_X.npy');
  // c = 8 scales float32 data exactly.
  const scaled = { data: Y.data.map((v) => v * 8), rows: Y.rows, cols: Y.cols };
  const fixed = [diffusionSpectralEntropy(Y), diffusionSpectralEntropy(scaled)];
  assert.ok(Math.abs(fixed[0] - fixed[1]) > 0.5, `sigma 10: ${fixed}`);
  const kernel = { type: 'adaptive' };
  assertClose(diffusionSpectralEntropy(scaled, { kernel }), diffusionSpectralEntropy(Y, { kernel }), 1e-12, 'adaptive, X vs 8 X');
});
