// The DSMI and ASMI class loops on the worker pool (issue 13): every subset below 2048 rows (a class, a random
// draw of its size) is one thread's whole task, so 2 threads give the bits of 1; progress stays in order; a
// class of 2048 rows or more splits each step of its reduction instead (equal to rounding). The fixtures'
// DSMI and ASMI with 2 and 1 threads are in threads.test.mjs; the crash of a worker holding a task in
// threads-lifecycle.test.mjs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as dse from '../../dist/index.mjs';
import { cases, readNpy, randomMatrix } from './helpers.mjs';

const { ready, setThreads, backendInfo } = dse;

before(() => ready({ threads: 2 }));

// Labels 0..k-1 drawn with uneven weights (a class of a few rows among larger ones), from a small LCG.
function labels(n, k, seed) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Int32Array.from({ length: n }, () => Math.floor(k * next() ** 2));
}

async function onThreads(t, fn) {
  await setThreads(t);
  assert.equal(backendInfo().threads, t, backendInfo().threadsReason ?? '');
  try {
    return fn();
  } finally {
    await setThreads(2);
  }
}

function sameTerms(two, one, what) {
  assert.ok(Object.is(two.value, one.value), `${what}: value ${two.value} with 2 threads, ${one.value} with 1`);
  assert.equal(two.classes.length, one.classes.length, what);
  two.classes.forEach((c, i) => {
    for (const key of ['entropy', 'randomEntropy', 'term']) assert.ok(Object.is(c[key], one.classes[i][key]), `${what}: class ${c.label} ${key}`);
  });
}

const shapes = [
  // n, d, classes, label seed, options
  [300, 5, 4, 1, { sigma: 2 }],
  [457, 17, 7, 2, { sigma: 1.5, reps: 3, seed: 4 }],
  [640, 3, 12, 3, { sigma: 0.7, t: 3 }],
  [200, 9, 3, 4, { kernel: { type: 'adaptive', k: 6 } }],
  [260, 6, 5, 5, { kernel: { type: 'gaussian', sigma: 3, alpha: 0.5 } }],
];

for (const [n, d, k, seed, opts] of shapes) {
  test(`DSMI on random labelled data (N = ${n}, D = ${d}, ${k} classes, ${JSON.stringify(opts)}): 2 threads give the bits of 1`, async () => {
    const X = randomMatrix(n, d, seed, 2);
    const Y = labels(n, k, seed);
    const o = { ...opts, discrete: true };
    const two = dse.diffusionSpectralMutualInformation(X, Y, o);
    const one = await onThreads(1, () => dse.diffusionSpectralMutualInformation(X, Y, o));
    sameTerms(two, one, `N = ${n}`);
    // Not a vacuous equality: the terms differ by class.
    assert.ok(new Set(two.classes.map((c) => c.term)).size > 1);
  });
}

test('ASMI (the kernel adjacency G and the anisotropic K) on random labelled data: 2 threads give the bits of 1', async () => {
  const X = randomMatrix(350, 7, 11, 2);
  const Y = labels(350, 6, 11);
  for (const anisotropic of [false, true]) {
    const o = { discrete: true, sigma: 2, anisotropic, reps: 2 };
    const two = dse.adjacencySpectralMutualInformation(X, Y, o);
    const one = await onThreads(1, () => dse.adjacencySpectralMutualInformation(X, Y, o));
    sameTerms(two, one, `anisotropic ${anisotropic}`);
  }
});

test('DSMI and ASMI with 2 threads equal the JS backend to rounding', () => {
  const X = randomMatrix(240, 6, 12, 2);
  const Y = labels(240, 5, 12);
  for (const fn of [dse.diffusionSpectralMutualInformation, dse.adjacencySpectralMutualInformation]) {
    const wasm = fn(X, Y, { discrete: true, sigma: 2 });
    const js = fn(X, Y, { discrete: true, sigma: 2, backend: 'js' });
    assert.ok(Math.abs(wasm.value - js.value) <= 1e-12, `${fn.name}: ${wasm.value} / ${js.value}`);
  }
});

test('a class of 2048 rows or more splits its reduction instead: within rounding of 1 thread', async () => {
  const n = 2500;
  const X = randomMatrix(n, 4, 13, 2);
  // Class 0 holds 2100 rows, classes 1..4 the rest.
  const Y = Int32Array.from({ length: n }, (_, i) => (i < 2100 ? 0 : 1 + (i % 4)));
  const o = { discrete: true, sigma: 1, reps: 1 };
  const two = dse.diffusionSpectralMutualInformation(X, Y, o);
  const one = await onThreads(1, () => dse.diffusionSpectralMutualInformation(X, Y, o));
  two.classes.forEach((c, i) => {
    const other = one.classes[i];
    if (c.size < 2048) assert.ok(Object.is(c.entropy, other.entropy), `class ${c.label}`);
    else assert.ok(Math.abs(c.entropy - other.entropy) <= 1e-12 * Math.abs(other.entropy), `class ${c.label}: ${c.entropy} / ${other.entropy}`);
  });
  assert.ok(Math.abs(two.value - one.value) <= 1e-12);
});

test('onProgress with 2 threads: 1 + reps entropies per class, in order, increasing to 1, the same reports as 1 thread', async () => {
  const c = cases.find((c) => c.id === 'digits400-dsmi-labels-seed0');
  const X = readNpy(c.X);
  const Y = readNpy(c.Y);
  const run = () => {
    const seen = [];
    dse.diffusionSpectralMutualInformation(X, Y, { sigma: c.sigma, reps: 3, onProgress: (f, stage) => seen.push([f, stage]) });
    return seen;
  };
  const two = run();
  const one = await onThreads(1, run);
  const classes = new Set(Y.data).size;
  assert.equal(two.length, classes * 4);
  for (let i = 1; i < two.length; i++) assert.ok(two[i][0] > two[i - 1][0]);
  assert.equal(two.at(-1)[0], 1);
  assert.deepEqual(two, one);
});

test('onProgress may call the library (it runs between the engine calls, not inside them)', () => {
  const X = randomMatrix(120, 4, 14, 2);
  const Y = labels(120, 3, 14);
  let inner = 0;
  dse.diffusionSpectralMutualInformation(X, Y, {
    discrete: true, sigma: 2, onProgress: () => { inner += dse.diffusionSpectralEntropy(X, { sigma: 2 }) > 0 ? 1 : 0; },
  });
  assert.equal(inner, 3 * 6);
});
