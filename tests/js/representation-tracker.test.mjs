// createRepresentationTracker: each record's measures equal the reference's numbers for the same data
// (tests/fixtures, from dse-dsmi 1.1), the clusters of X are computed once, rows and JSONL round-trip.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { ready, createRepresentationTracker, DseError } from '../../dist/index.mjs';
import { readNpy, cases, assertClose } from './helpers.mjs';

const X = readNpy('digits400_X.npy');
const y = readNpy('digits400_y.npy');
const dseCase = cases.find((c) => c.id === 'digits400-dse-t1');
const miCase = cases.find((c) => c.id === 'digits400-dsmi-labels-seed0');
const vecCase = cases.find((c) => c.id === 'vec-dsmi-vectors');

before(async () => {
  await ready();
  await tf.setBackend('cpu');
});

test('a record holds the reference DSE and DSMI(Z; Y), and the extra columns', () => {
  const tracker = createRepresentationTracker({ sigma: 20, labels: y.data, run: 'digits', reps: 5, seed: 0 });
  const row = tracker.record(3, 'pixels', X, { loss: 0.5, acc: 0.9 });
  assertClose(row.dse, dseCase.expected, dseCase.tol, 'dse');
  assertClose(row.dsmiY, miCase.expected, miCase.tol, 'dsmiY');
  assert.equal(row.dsmiX, null, 'no inputs, no DSMI(Z; X)');
  assert.deepEqual({ run: row.run, step: row.step, name: row.name, n: row.n, sigma: row.sigma, loss: row.loss, acc: row.acc },
    { run: 'digits', step: 3, name: 'pixels', n: 400, sigma: 20, loss: 0.5, acc: 0.9 });
  assert.ok(row.seconds >= 0);
  const again = createRepresentationTracker({ kernel: { type: 'gaussian', sigma: 20 }, labels: tf.tensor1d(Int32Array.from(y.data), 'int32') });
  assertClose(again.record(0, 'pixels', tf.tensor2d(Float32Array.from(X.data), [400, 64])).dse, dseCase.expected, dseCase.tol, 'kernel option, tf.js tensors');
});

test('DSMI(Z; X) over the spectral clusters of X, computed once', () => {
  const Z = readNpy(vecCase.X);
  const R = readNpy(vecCase.Y);
  const tracker = createRepresentationTracker({ sigma: vecCase.sigma, inputs: R, nClusters: vecCase.n_clusters, reps: 5, seed: 0 });
  assert.equal(tracker.inputClusters(), null, 'not before the first record');
  const first = tracker.record(0, 'z', Z);
  const clusters = tracker.inputClusters();
  assert.equal(clusters.length, Z.rows);
  assert.equal(new Set(clusters).size, vecCase.n_clusters);
  assertClose(first.dsmiX, vecCase.expected, vecCase.tol, 'DSMI(Z; clusters of X)');
  const second = tracker.record(1, 'z', Z);
  assert.equal(tracker.inputClusters(), clusters, 'the same clusters, not recomputed');
  assert.equal(second.dsmiX, first.dsmiX);
});

test("sigma 'auto' is the median pairwise distance, so a rescaled Z gives the same measures", () => {
  const tracker = createRepresentationTracker({ sigma: 'auto', labels: y.data });
  const a = tracker.record(0, 'z', X);
  const scaled = { data: Float64Array.from(X.data, (v) => v * 8), rows: X.rows, cols: X.cols };
  const b = tracker.record(1, 'z', scaled);
  assert.equal(b.sigma, a.sigma * 8, 'the median distance scales with Z (times 8 is exact)');
  assertClose(b.dse, a.dse, 1e-9, 'DSE invariant to scale');
  assertClose(b.dsmiY, a.dsmiY, 1e-9, 'DSMI invariant to scale');
  const three = createRepresentationTracker({ sigma: 'auto' }).record(0, 'z', [[0, 0], [3, 4], [6, 8]]);
  assert.equal(three.sigma, 5, 'distances 5, 5, 10: median 5');
});

test('rows() and toJSONL() give every record in order', () => {
  const tracker = createRepresentationTracker({ sigma: 20 });
  assert.equal(tracker.toJSONL(), '');
  const sub = { data: X.data.subarray(0, 100 * 64), rows: 100, cols: 64 };
  tracker.record(0, 'a', sub);
  tracker.record(0, 'b', sub);
  tracker.record(1, 'a', sub);
  const rows = tracker.rows();
  assert.deepEqual(rows.map((r) => [r.step, r.name]), [[0, 'a'], [0, 'b'], [1, 'a']]);
  const lines = tracker.toJSONL().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines, rows);
  rows.pop();
  assert.equal(tracker.rows().length, 3, 'rows() is a copy');
});

test('mismatched shapes and bad options are DseErrors naming the argument', () => {
  const tracker = createRepresentationTracker({ labels: y.data });
  assert.throws(() => tracker.record(0, 'z', { data: X.data.subarray(0, 640), rows: 10, cols: 64 }), (e) => e instanceof DseError && e.code === 'E_SHAPE' && /Z has 10 rows but labels has 400/.test(e.message));
  assert.throws(() => createRepresentationTracker({ sigma: -1 }), (e) => e.code === 'E_ARGUMENT' && e.argument === 'sigma');
  assert.throws(() => createRepresentationTracker({ kernel: { type: 'laplacian', sigma: 1 } }), (e) => e.code === 'E_ARGUMENT' && e.argument === 'kernel');
  assert.throws(() => createRepresentationTracker({ labels: [0, 1.5] }), (e) => e.code === 'E_ARGUMENT' && /labels\[1\] is 1.5/.test(e.message));
  assert.throws(() => tracker.record('one', 'z', X), (e) => e.code === 'E_ARGUMENT' && e.argument === 'step');
});
