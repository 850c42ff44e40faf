// Spectral clustering (docs/clustering.md): the reference clusters of vec-dsmi-vectors by adjusted Rand index,
// well-separated blobs recovered exactly, backends in agreement, bad input.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, spectralClustering, DseError } from '../../dist/index.mjs';
import { cases, readNpy } from './helpers.mjs';
import { adjustedRandIndex, blobs } from './cluster-helpers.mjs';

before(() => ready());

const vec = cases.find((c) => c.id === 'vec-dsmi-vectors');

for (const backend of ['wasm', 'js']) {
  test(`vec_R: adjusted Rand index >= 0.95 against scikit-learn's clusters (${backend})`, () => {
    const labels = spectralClustering(readNpy(vec.Y), { nClusters: vec.n_clusters, backend });
    assert.equal(labels.length, vec.reference_clusters.length);
    assert.deepEqual([...new Set(labels)].sort(), [0, 1, 2, 3]);
    const ari = adjustedRandIndex(labels, vec.reference_clusters);
    assert.ok(ari >= 0.95, `adjusted Rand index ${ari}`);
  });

  test(`five separated blobs in 6 dimensions are recovered exactly (${backend})`, () => {
    const { X, labels: truth } = blobs(30, 5, 6, 42, 0.5, 20);
    const labels = spectralClustering(X, { nClusters: 5, backend });
    assert.equal(adjustedRandIndex(labels, truth), 1);
  });
}

test('above 300 rows (Chebyshev subspace iteration instead of the dense solver) blobs are still recovered, on both backends', () => {
  const { X, labels: truth } = blobs(75, 6, 5, 8, 1, 15);
  for (const backend of ['wasm', 'js']) {
    const labels = spectralClustering(X, { nClusters: 6, backend });
    assert.equal(adjustedRandIndex(labels, truth), 1, backend);
  }
});

test('nNeighbors = 1 (every row isolated once self-loops are left out) still labels every row', () => {
  const { X } = blobs(10, 2, 3, 5);
  const labels = spectralClustering(X, { nClusters: 2, nNeighbors: 1 });
  assert.equal(labels.length, 20);
  assert.ok(labels.every((l) => l === 0 || l === 1));
});

test('wasm and js give the same partition', () => {
  const { X } = blobs(40, 3, 4, 3, 3, 6);
  const a = spectralClustering(X, { nClusters: 6, backend: 'wasm' });
  const b = spectralClustering(X, { nClusters: 6, backend: 'js' });
  assert.ok(adjustedRandIndex(a, b) > 0.99, `ARI ${adjustedRandIndex(a, b)}`);
});

test('bad input throws a DseError naming the argument; a good call follows each', () => {
  const { X } = blobs(10, 2, 3, 1);
  const good = () => assert.equal(spectralClustering(X, { nClusters: 2 }).length, 20);
  const bad = [
    [() => spectralClustering(X, { nClusters: 21 }), 'E_ARGUMENT', 'nClusters'],
    [() => spectralClustering(X, { nClusters: 0 }), 'E_ARGUMENT', 'nClusters'],
    [() => spectralClustering(X, { nNeighbors: 21 }), 'E_ARGUMENT', 'nNeighbors'],
    [() => spectralClustering(X, { nNeighbors: 0 }), 'E_ARGUMENT', 'nNeighbors'],
    [() => spectralClustering({ data: [0, NaN, 1, 2], rows: 2, cols: 2 }, { nClusters: 1 }), 'E_NOT_FINITE', 'Y'],
    [() => spectralClustering(X, { backend: 'gpu' }), 'E_ARGUMENT', 'backend'],
  ];
  for (const [call, code, argument] of bad) {
    assert.throws(call, (e) => e instanceof DseError && e.code === code && e.argument === argument, `${code} ${argument}`);
    good();
  }
});
