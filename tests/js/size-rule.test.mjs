// Issue 10, case 7: both backends refuse exactly the same problems with E_TOO_LARGE, before allocating. The
// rule (js/engine/memory-plan.ts): the float64 buffers of the WebAssembly layout, each rounded up to 16 bytes,
// must fit in 2^32 - 2^16 bytes. For X of N rows and d columns: 8 (N d + N^2 + 7 N) rounded, so N = 23166
// (d = 1) is the largest kernel that fits and N = 23167 the smallest refused.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ready, DseError, diffusionSpectralEntropy, diffusionEigenvalues, adjacencySpectralEntropy,
  spectralClustering, renyiEntropy, diffusionVonNeumannEntropy,
} from '../../dist/index.mjs';

before(() => ready());

const rows = (n, d = 1) => ({ data: new Float32Array(n * d), rows: n, cols: d });
const calls = [
  ['adjacency, Gaussian, N = 70000', (backend) => adjacencySpectralEntropy(rows(70000), { maxN: 1e6, backend })],
  ['adjacency, Gaussian, N = 30000', (backend) => adjacencySpectralEntropy(rows(30000), { maxN: 1e6, backend })],
  ['adjacency, anisotropic, N = 23167', (backend) => adjacencySpectralEntropy(rows(23167), { maxN: 1e6, anisotropic: true, backend })],
  ['adjacency, kNN, N = 70000', (backend) => adjacencySpectralEntropy(rows(70000), { maxN: 1e6, knn: 5, backend })],
  ['DSE, N = 23167', (backend) => diffusionSpectralEntropy(rows(23167), { maxN: 1e6, backend })],
  ['DSE matrix-entry, N = 70000', (backend) => diffusionSpectralEntropy(rows(70000), { maxN: 1e6, variant: 'matrix-entry', backend })],
  ['eigenvalues, N = 23167', (backend) => diffusionEigenvalues(rows(23167), { backend })],
  ['Renyi entropy (the full kernel matrix), N = 23167', (backend) => renyiEntropy(rows(23167), { alpha: 3, backend })],
  ['von Neumann entropy of P, N = 23167', (backend) => diffusionVonNeumannEntropy(rows(23167), { backend })],
  ['kNN search, 70000 x 16000 neighbours', (backend) => spectralClustering(rows(70000), { nNeighbors: 16000, nClusters: 2, backend })],
];

for (const [name, call] of calls) {
  test(`E_TOO_LARGE, the same on both backends: ${name}`, () => {
    const messages = ['wasm', 'js'].map((backend) => {
      const before = process.memoryUsage().rss;
      try {
        call(backend);
      } catch (e) {
        assert.ok(e instanceof DseError, `${backend}: not a DseError: ${e}`);
        assert.equal(e.code, 'E_TOO_LARGE', `${backend}: ${e.message}`);
        assert.match(e.message, /4 GiB/);
        // refused before the N x N allocation (several GiB): RSS grew by no more than a few copies of the input
        assert.ok(process.memoryUsage().rss - before < 256 * 2 ** 20, `${backend}: RSS grew before the refusal`);
        return e.message;
      }
      assert.fail(`${backend}: accepted`);
    });
    assert.equal(messages[0], messages[1]);
  });
}
