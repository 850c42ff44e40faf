// DSMI and CSMI (docs/measures.md, DSMI): every reference fixture on both backends, the forms Y may take, the
// paper's shuffled-label claim (docs/numerics.md, properties), and every bad input followed by a good call.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, diffusionSpectralMutualInformation as dsmi, diffusionSpectralEntropy, DseError } from '../../dist/index.mjs';
import { cases, readNpy, randomMatrix, assertClose, uniform } from './helpers.mjs';
import { adjustedRandIndex } from './cluster-helpers.mjs';

before(() => ready());

test('the per-class terms: one per label, ascending, sizes adding up to N and terms to the value', () => {
  for (const c of cases.filter((c) => c.op === 'dsmi' && c.discrete && !c.classic)) {
    const X = readNpy(c.X);
    const y = readNpy(c.Y);
    const { value, classes } = dsmi(X, y, optionsOf(c, 'wasm'));
    assert.deepEqual(classes.map((k) => k.label), [...new Set(y.data)].sort((a, b) => a - b));
    assert.equal(classes.reduce((s, k) => s + k.size, 0), X.rows);
    assertClose(classes.reduce((s, k) => s + k.term, 0), value, 1e-14, c.id);
    for (const k of classes) assertClose(k.term, (k.size / X.rows) * (k.randomEntropy - k.entropy), 1e-15, `${c.id} class ${k.label}`);
    assert.equal(classes[0].entropy, diffusionSpectralEntropy({ data: X.data.filter((_, i) => y.data[Math.floor(i / X.cols)] === classes[0].label), rows: classes[0].size, cols: X.cols }, { sigma: c.sigma, t: c.t }));
  }
});

function optionsOf(c, backend) {
  return {
    discrete: c.discrete, sigma: c.sigma, t: c.t, reps: c.reps, seed: c.seed, nClusters: c.n_clusters,
    entropy: c.classic ? 'classic' : 'diffusion', bins: c.bins, backend,
  };
}

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'dsmi')) {
    test(`${c.id} (${backend})`, () => {
      const { value, clusters } = dsmi(readNpy(c.X), readNpy(c.Y), optionsOf(c, backend));
      assertClose(value, c.expected, c.tol, c.id);
      assert.equal(clusters.length, readNpy(c.X).rows);
      if (c.reference_clusters) {
        const ari = adjustedRandIndex(clusters, c.reference_clusters);
        assert.ok(ari >= 0.95, `${c.id}: adjusted Rand index ${ari} < 0.95`);
      }
    });
  }
}

test('continuous scalar Y is binned into labels 1..nClusters', () => {
  const c = cases.find((c) => c.id === 'blobs-dsmi-scalar');
  const { clusters } = dsmi(readNpy(c.X), readNpy(c.Y), optionsOf(c, 'wasm'));
  const labels = new Set(clusters);
  assert.ok([...labels].every((l) => l >= 1 && l <= 10));
  assert.ok(labels.has(1) && labels.has(10), 'the minimum falls in bin 1 and the maximum in bin 10');
});

test('Y as Int32Array, number[], number[][], { data, rows, cols } and precomputed clusters all agree', () => {
  const c = cases.find((c) => c.id === 'blobs-dsmi-labels-seed0');
  const X = readNpy(c.X);
  const y = readNpy(c.Y).data;
  const opts = { sigma: c.sigma };
  const forms = [y, Array.from(y), Array.from(y, (v) => [v]), { data: y, rows: y.length, cols: 1 }];
  for (const Y of forms) assertClose(dsmi(X, Y, opts).value, c.expected, c.tol, 'inferred discrete');
  assertClose(dsmi(X, null, { ...opts, clusters: y }).value, c.expected, c.tol, 'clusters');
  // Integers given as floats are labels too; discrete: false makes them a continuous scalar instead.
  const floats = Float64Array.from(y);
  assertClose(dsmi(X, floats, opts).value, c.expected, c.tol, 'float labels');
  assert.notEqual(dsmi(X, floats, { ...opts, discrete: false, nClusters: 2 }).value, dsmi(X, floats, opts).value);
});

test('matrix-entry DSMI: wasm and js agree', () => {
  const c = cases.find((c) => c.id === 'blobs-dsmi-labels-seed0');
  const X = readNpy(c.X);
  const Y = readNpy(c.Y);
  const a = dsmi(X, Y, { sigma: c.sigma, entropy: 'matrix-entry', backend: 'wasm' }).value;
  const b = dsmi(X, Y, { sigma: c.sigma, entropy: 'matrix-entry', backend: 'js' }).value;
  assertClose(a, b, 1e-9, 'matrix-entry');
  assert.ok(Number.isFinite(a));
});

test('onProgress reports 1 + reps entropies per cluster, increasing to 1', () => {
  const c = cases.find((c) => c.id === 'digits400-dsmi-labels-seed0');
  const seen = [];
  dsmi(readNpy(c.X), readNpy(c.Y), { sigma: c.sigma, reps: 3, onProgress: (f, stage) => seen.push([f, stage]) });
  const classes = new Set(readNpy(c.Y).data).size;
  assert.equal(seen.length, classes * 4);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] > seen[i - 1][0]);
  assert.equal(seen.at(-1)[0], 1);
  assert.deepEqual(seen.slice(0, 4).map((s) => s[1]), ['conditional', 'marginal', 'marginal', 'marginal']);
});

test('several-column Y: onProgress reports the clustering first; precomputed clusters reproduce the value', () => {
  const c = cases.find((c) => c.id === 'vec-dsmi-vectors');
  const X = readNpy(c.X);
  const seen = [];
  const first = dsmi(X, readNpy(c.Y), { ...optionsOf(c, 'wasm'), onProgress: (f, stage) => seen.push([f, stage]) });
  assert.deepEqual(seen[0], [0, 'clusters']);
  assert.equal(seen.at(-1)[0], 1);
  const again = dsmi(X, null, { ...optionsOf(c, 'wasm'), clusters: first.clusters });
  assert.equal(again.value, first.value);
  assert.deepEqual(again.clusters, first.clusters);
});

test('the paper: DSMI on Gaussian blobs falls to about 0 as labels are shuffled', () => {
  const c = cases.find((c) => c.id === 'blobs-dsmi-labels-seed0');
  const X = readNpy(c.X);
  const y = readNpy(c.Y).data;
  const next = uniform(7);
  const values = [];
  for (const fraction of [0, 0.5, 1]) {
    const labels = Int32Array.from(y);
    const rows = [];
    for (let i = 0; i < labels.length; i++) if (fraction === 1 || next() < fraction) rows.push(i);
    const picked = rows.map((i) => labels[i]);
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [picked[i], picked[j]] = [picked[j], picked[i]];
    }
    rows.forEach((i, k) => { labels[i] = picked[k]; });
    values.push(dsmi(X, labels, { sigma: c.sigma }).value);
  }
  assert.ok(values[0] > 0.9, `unshuffled ${values[0]}`);
  assert.ok(values[1] < values[0] - 0.2, `half shuffled ${values[1]}`);
  assert.ok(Math.abs(values[2]) < 0.05, `fully shuffled ${values[2]}`);
});

test('a class of one row contributes ~0, as the reference (entropy of one point ~ -3e-16)', () => {
  const X = randomMatrix(40, 3, 5);
  for (const backend of ['wasm', 'js']) {
    for (const entropy of ['diffusion', 'matrix-entry', 'classic']) {
      // Every row its own class: each term is (1/N) (H(one row) - H(one row)) = 0.
      const { value, clusters } = dsmi(X, Int32Array.from({ length: 40 }, (_, i) => i), { sigma: 0.5, entropy, backend });
      assert.equal(new Set(clusters).size, 40);
      assert.ok(Math.abs(value) < 1e-14, `${entropy} ${backend}: ${value}`);
    }
    // One singleton beside two classes: finite, and the singleton's own term adds nothing.
    const labels = Int32Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    labels[39] = 7;
    const withSingleton = dsmi(X, labels, { sigma: 0.5, backend }).value;
    assert.ok(Number.isFinite(withSingleton));
  }
});

test('bad input throws a DseError naming the argument; a good call follows each', () => {
  const X = randomMatrix(30, 4, 9);
  const y = new Int32Array(30).map((_, i) => i % 3);
  const good = () => assert.ok(Number.isFinite(dsmi(X, y, { sigma: 1 }).value));
  const bad = [
    [() => dsmi(X, y.subarray(0, 29)), 'E_SHAPE', 'Y.rows'],
    [() => dsmi(X, [1, 2, NaN, ...Array(27).fill(0)]), 'E_NOT_FINITE', 'Y'],
    [() => dsmi(X, { data: new Float64Array(60).fill(NaN), rows: 30, cols: 2 }), 'E_NOT_FINITE', 'Y'],
    // Compared with the rows only where it is used (issue 10, case 1): a continuous Y is binned into nClusters.
    [() => dsmi(X, Float64Array.from(y, (v, i) => v + i / 100), { nClusters: 31 }), 'E_ARGUMENT', 'nClusters'],
    [() => dsmi(X, y, { nClusters: 0 }), 'E_ARGUMENT', 'nClusters'],
    [() => dsmi(X, y, { entropy: 'classic', bins: 0 }), 'E_ARGUMENT', 'bins'],
    [() => dsmi(X, y, { reps: 0 }), 'E_ARGUMENT', 'reps'],
    [() => dsmi(X, y, { reps: 2.5 }), 'E_ARGUMENT', 'reps'],
    [() => dsmi(X, null, { clusters: new Int32Array(29) }), 'E_SHAPE', 'clusters'],
    [() => dsmi(X, null, { clusters: Array(30).fill(0.5) }), 'E_ARGUMENT', 'clusters'],
    [() => dsmi(X, y, { discrete: 'yes' }), 'E_ARGUMENT', 'discrete'],
    [() => dsmi(X, { data: new Int32Array(60), rows: 30, cols: 2 }, { discrete: true }), 'E_SHAPE', 'Y.cols'],
    [() => dsmi(X, Array(30).fill(0.5), { discrete: true }), 'E_ARGUMENT', 'Y'],
    [() => dsmi(X, y, { entropy: 'shannon' }), 'E_ARGUMENT', 'entropy'],
    [() => dsmi(X, y, { seed: -1 }), 'E_ARGUMENT', 'seed'],
    [() => dsmi(X, y, { onProgress: 3 }), 'E_ARGUMENT', 'onProgress'],
    [() => dsmi(X, y, { sigma: 0 }), 'E_ARGUMENT', 'sigma'],
    [() => dsmi(X, 'labels'), 'E_SHAPE', 'Y'],
  ];
  for (const [call, code, argument] of bad) {
    assert.throws(call, (e) => e instanceof DseError && e.code === code && e.argument === argument, `${code} ${argument}`);
    good();
  }
});
