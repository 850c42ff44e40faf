// The experiment of README.md (this folder): an MLP on the digits, true or shuffled training labels, the
// penultimate layer followed on a held-out probe set by dseCallback. Shared by run.mjs (the demo), seeds.mjs
// (the spread over seeds) and tests/js/training-dynamics.test.mjs (the short version).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { ready, pythonSample } from '../../dist/index.mjs';
import { dseCallback } from '../../dist/tfjs/index.mjs';

const DIGITS = new URL('../../data/digits.csv.gz', import.meta.url);

/** The protocol of README.md: the full demo. */
export const FULL = { trainRows: 1297, probeRows: 500, epochs: 150, every: 1 };
/** The short version that npm test runs. */
export const SHORT = { trainRows: 600, probeRows: 300, epochs: 120, every: 20 };

/** The 1797 scans (pixels / 16) and their digits. */
export function loadDigits() {
  const rows = gunzipSync(readFileSync(DIGITS)).toString().trim().split('\n').map((l) => l.split(',').map(Number));
  return { pixels: rows.map((r) => r.slice(0, 64).map((v) => v / 16)), digits: rows.map((r) => r[64]) };
}

function mlp(seed) {
  const dense = (units, activation, k, name) => tf.layers.dense({
    units, activation, name, kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 10 + k }), biasInitializer: 'zeros',
    ...(k === 1 ? { inputShape: [64] } : {}),
  });
  const model = tf.sequential({ layers: [dense(128, 'relu', 1, 'hidden'), dense(64, 'relu', 2, 'penultimate'), dense(10, 'softmax', 3, 'output')] });
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/**
 * Trains one condition ('true' or 'shuffled' training labels) with seed `seed` and returns the tracker's
 * rows (run = condition; step = epoch; acc and loss of the epoch as columns).
 */
export async function runCondition(condition, { seed = 0, trainRows, probeRows, epochs, every, onRecord } = {}) {
  await ready();
  await tf.setBackend('cpu');
  const { pixels, digits } = loadDigits();
  const order = pythonSample(seed, pixels.length, pixels.length);
  const probe = Array.from(order.subarray(0, probeRows));
  const train = Array.from(order.subarray(probeRows, probeRows + trainRows));
  let trainLabels = train.map((r) => digits[r]);
  if (condition === 'shuffled') {
    const perm = pythonSample(seed + 1000, trainLabels.length, trainLabels.length);
    trainLabels = Array.from(perm, (k) => trainLabels[k]);
  } else if (condition !== 'true') {
    throw new Error(`condition must be 'true' or 'shuffled', received ${condition}`);
  }
  const xTrain = tf.tensor2d(train.map((r) => pixels[r]));
  const yTrain = tf.oneHot(tf.tensor1d(trainLabels, 'int32'), 10);
  const xProbe = tf.tensor2d(probe.map((r) => pixels[r]));
  const cb = dseCallback({
    layers: ['penultimate'], x: xProbe, y: probe.map((r) => digits[r]), every,
    sigma: 'auto', t: 1, reps: 5, seed: 0, nClusters: 10, run: condition, onRecord,
  });
  const model = mlp(seed);
  await model.fit(xTrain, yTrain, { epochs, batchSize: 32, shuffle: false, verbose: 0, callbacks: [cb] });
  model.dispose();
  for (const t of [xTrain, yTrain, xProbe]) t.dispose();
  return cb.tracker.rows();
}

/** First and last record of a condition, and their differences. */
export function summary(rows) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    first, last, acc: last.acc,
    dDse: last.dse - first.dse, dDsmiY: last.dsmiY - first.dsmiY, dDsmiX: last.dsmiX - first.dsmiX,
  };
}
