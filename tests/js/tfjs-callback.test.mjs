// dse-wasm/tfjs: dseCallback records the named layers before training and every `every` epochs, with the
// epoch's logs, and its numbers are the tracker's for the activations the model itself computes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { ready, createRepresentationTracker, DseError } from '../../dist/index.mjs';
import { dseCallback } from '../../dist/tfjs/index.mjs';
import { uniform } from './helpers.mjs';

before(async () => {
  await ready();
  await tf.setBackend('cpu');
});

function data(rows, seed) {
  const u = uniform(seed);
  const x = Array.from({ length: rows }, () => Array.from({ length: 8 }, () => u()));
  const y = x.map((r) => (r[0] + r[1] > 1 ? 1 : 0) + (r[2] > 0.5 ? 2 : 0));
  return { x, y };
}

function model() {
  const init = (seed) => tf.initializers.glorotUniform({ seed });
  const m = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [8], units: 16, activation: 'relu', name: 'a', kernelInitializer: init(1) }),
    tf.layers.dense({ units: 6, activation: 'tanh', name: 'b', kernelInitializer: init(2) }),
    tf.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: init(3) }),
  ] });
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

test('records at step 0 and every 2 epochs, both layers, logs as columns, equal to the tracker on the activations', async () => {
  const train = data(120, 1);
  const probe = data(60, 2);
  const xProbe = tf.tensor2d(probe.x);
  const seen = [];
  const cb = dseCallback({ layers: ['a', 'b'], x: xProbe, y: probe.y, every: 2, sigma: 'auto', nClusters: 4, onRecord: (r) => seen.push(r) });
  const m = model();
  const xs = tf.tensor2d(train.x);
  const ys = tf.oneHot(tf.tensor1d(train.y, 'int32'), 4);
  await m.fit(xs, ys, { epochs: 4, batchSize: 30, shuffle: false, verbose: 0, callbacks: [cb] });
  const rows = cb.tracker.rows();
  assert.deepEqual(rows.map((r) => [r.step, r.name]), [[0, 'a'], [0, 'b'], [2, 'a'], [2, 'b'], [4, 'a'], [4, 'b']]);
  assert.deepEqual(seen, rows, 'onRecord saw every row');
  assert.equal(rows[0].loss, undefined, 'no logs before training');
  for (const r of rows.slice(2)) assert.ok(typeof r.loss === 'number' && typeof r.acc === 'number', 'loss and acc of the epoch');
  for (const r of rows) assert.equal(r.n, 60);

  // The last record of layer b equals the tracker's measures of b's activations after training.
  const sub = tf.model({ inputs: m.inputs, outputs: m.getLayer('b').output });
  const z = sub.predict(xProbe);
  const check = createRepresentationTracker({ sigma: 'auto', nClusters: 4, labels: probe.y, inputs: probe.x }).record(4, 'b', z);
  const last = rows[5];
  for (const k of ['dse', 'dsmiY', 'dsmiX', 'sigma']) assert.equal(last[k], check[k], k);
  // And the layer-a record is not layer b's.
  assert.notEqual(rows[4].dse, last.dse);
  z.dispose();
  for (const t of [xProbe, xs, ys]) t.dispose();
});

test('sample: a fixed subset of the probe rows; one-hot y; bad options', async () => {
  const probe = data(80, 3);
  const cb = dseCallback({ layers: ['b'], x: tf.tensor2d(probe.x), y: tf.oneHot(tf.tensor1d(probe.y, 'int32'), 4), sample: 50, dsmiX: false });
  const m = model();
  const train = data(60, 4);
  await m.fit(tf.tensor2d(train.x), tf.oneHot(tf.tensor1d(train.y, 'int32'), 4), { epochs: 1, verbose: 0, callbacks: [cb] });
  const rows = cb.tracker.rows();
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => r.n === 50 && r.dsmiX === null && typeof r.dsmiY === 'number'));
  assert.throws(() => dseCallback({ layers: [], x: tf.zeros([4, 8]) }), (e) => e instanceof DseError && e.argument === 'layers');
  assert.throws(() => dseCallback({ layers: ['a'], x: tf.zeros([4, 8]), every: 0 }), (e) => e instanceof DseError && e.argument === 'every');
  assert.throws(() => dseCallback({ layers: ['a'], x: tf.zeros([4, 8]), sample: 9 }), (e) => e instanceof DseError && e.argument === 'sample');
  assert.throws(() => dseCallback({ layers: ['a'], x: tf.zeros([4, 8]), y: [0, 1] }), (e) => e instanceof DseError && e.code === 'E_SHAPE');
});
