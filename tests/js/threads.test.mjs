// Threads (js/engine/wasm/threads.ts): the distance and kernel stages split by row blocks across workers give
// the same bits as one thread, on every fixture and on shapes that reach every remainder of the tiles; the
// fixtures' own tolerances hold with two threads; options are checked; the single-thread binary agrees too.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as dse from '../../dist/index.mjs';
import { cases, readNpy, randomMatrix, assertClose } from './helpers.mjs';

const { ready, setThreads, backendInfo, DseError } = dse;

before(() => ready({ threads: 2 }));

// Every fixture call the wasm backend makes, by op: [value(s) as an array, expected or null].
function run(c) {
  const X = c.X ? readNpy(c.X) : null;
  const backend = 'wasm';
  switch (c.op) {
    case 'dse': {
      const opts = { sigma: c.sigma, t: c.t, backend };
      if (c.maxN !== undefined) opts.maxN = c.maxN;
      if (c.seed !== undefined) opts.seed = c.seed;
      return [[dse.diffusionSpectralEntropy(X, opts)], c.expected];
    }
    case 'eigenvalues':
      return [Array.from(dse.diffusionEigenvalues(X, { sigma: c.sigma, backend })), null];
    case 'dse_matrix_entry':
      return [[dse.diffusionSpectralEntropy(X, { sigma: c.sigma, variant: 'matrix-entry', backend })], c.expected];
    case 'ase': {
      const opts = { sigma: c.sigma, anisotropic: c.anisotropic, backend };
      if (c.knn !== null && c.knn !== undefined) opts.knn = c.knn;
      if (c.maxN !== undefined) opts.maxN = c.maxN;
      if (c.seed !== undefined) opts.seed = c.seed;
      return [[dse.adjacencySpectralEntropy(X, opts)], c.expected];
    }
    case 'dsmi': {
      const opts = {
        discrete: c.discrete, sigma: c.sigma, t: c.t, reps: c.reps, seed: c.seed, nClusters: c.n_clusters,
        entropy: c.classic ? 'classic' : 'diffusion', bins: c.bins, backend,
      };
      return [[dse.diffusionSpectralMutualInformation(X, readNpy(c.Y), opts).value], c.expected];
    }
    case 'asmi': {
      const opts = { discrete: c.discrete, sigma: c.sigma, anisotropic: c.anisotropic, knn: c.knn, reps: c.reps, seed: c.seed, backend };
      return [[dse.adjacencySpectralMutualInformation(X, readNpy(c.Y), opts).value], c.expected];
    }
    default:
      return null;
  }
}

function sameBits(a, b, what) {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} with 2 threads, ${b[i]} with 1`);
}

test('ready({ threads: 2 }) runs two threads here', () => {
  const info = backendInfo();
  assert.equal(info.threads, 2, `threadsReason: ${info.threadsReason}`);
  assert.equal(info.threadsReason, null);
});

for (const c of cases) {
  if (c.op === 'python_sample' || c.op === 'cse') continue;
  test(`${c.id}: threads 2 and 1 give the same bits, within the fixture's tolerance`, async () => {
    await setThreads(2);
    assert.equal(backendInfo().threads, 2);
    const [two, expected] = run(c);
    await setThreads(1);
    assert.equal(backendInfo().threads, 1);
    const [one] = run(c);
    await setThreads(2);
    sameBits(two, one, c.id);
    if (expected !== null) assertClose(two[0], expected, c.tol, c.id);
  });
}

// n odd and even, around the 40-row column tiles and the 32-row threshold; d odd (the tile's leftover
// feature) and even; the tiny-sigma kernel; the kNN adjacency (distances only) and the anisotropic one.
test('shapes reaching every remainder: the same bits with 2 threads as with 1', async () => {
  const calls = [];
  for (const [n, d] of [[31, 3], [32, 5], [33, 1], [79, 7], [80, 8], [81, 2], [163, 9], [250, 16]]) {
    const X = randomMatrix(n, d, n * 31 + d, 3);
    calls.push([`dse ${n}x${d}`, () => Array.from(dse.diffusionEigenvalues(X, { sigma: 0.7 }))]);
    calls.push([`tiny sigma ${n}x${d}`, () => [dse.diffusionSpectralEntropy(X, { sigma: 1e-160, variant: 'matrix-entry' })]]);
    calls.push([`knn ${n}x${d}`, () => [dse.adjacencySpectralEntropy(X, { knn: 3 })]]);
    calls.push([`aniso ${n}x${d}`, () => [dse.adjacencySpectralEntropy(X, { sigma: 1.1, anisotropic: true })]]);
  }
  await setThreads(2);
  const two = calls.map(([, f]) => f());
  await setThreads(1);
  const one = calls.map(([, f]) => f());
  await setThreads(2);
  calls.forEach(([what], i) => sameBits(two[i], one[i], what));
});

test('the single-thread binary (ready({ threads: 1 }), another process) gives the same bits as two threads', async () => {
  const X = randomMatrix(301, 11, 5, 2);
  await setThreads(2);
  const two = Array.from(dse.diffusionEigenvalues(X, { sigma: 1.3 }));
  const script = `
    import { ready, diffusionEigenvalues, backendInfo } from ${JSON.stringify(new URL('../../dist/index.mjs', import.meta.url).href)};
    import { randomMatrix } from ${JSON.stringify(new URL('./helpers.mjs', import.meta.url).href)};
    await ready({ threads: 1 });
    if (backendInfo().threads !== 1) throw new Error('threads');
    process.stdout.write(JSON.stringify(Array.from(diffusionEigenvalues(randomMatrix(301, 11, 5, 2), { sigma: 1.3 }), (v) => [...new Uint8Array(new Float64Array([v]).buffer)])));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8', timeout: 60000 });
  const one = JSON.parse(out).map((bytes) => new Float64Array(new Uint8Array(bytes).buffer)[0]);
  sameBits(two, one, 'eigenvalues');
});

test('threads options: integers in [1, 64]; anything else is E_ARGUMENT naming threads', async () => {
  for (const bad of [0, 1.5, -2, 65, '2', NaN]) {
    await assert.rejects(setThreads(bad), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && /threads/.test(e.message), String(bad));
  }
  assert.equal(backendInfo().threads, 2);
});

// From 512 rows the reduction's steps are split too: each block's share of A22 v is summed in block order, so
// the eigenvalues depend on the number of threads by rounding only, and never on which thread ran which block.
test('the threaded reduction (n >= 512): the same bits run after run on 2 threads, within rounding of 1 thread', async () => {
  const X = randomMatrix(777, 13, 21, 3);
  await setThreads(2);
  const a = Array.from(dse.diffusionEigenvalues(X, { sigma: 1.7 }));
  const b = Array.from(dse.diffusionEigenvalues(X, { sigma: 1.7 }));
  sameBits(a, b, '2 threads, twice');
  await setThreads(1);
  const one = Array.from(dse.diffusionEigenvalues(X, { sigma: 1.7 }));
  await setThreads(2);
  // The eigenvalues of K lie in [-1, 1]; a backward-stable reduction errs by a small multiple of n eps.
  for (let i = 0; i < one.length; i++) assert.ok(Math.abs(a[i] - one[i]) <= 1e-13, `eigenvalue ${i}: ${a[i]} vs ${one[i]}`);
  const sym = randomMatrix(600, 600, 8);
  for (let i = 0; i < 600; i++) for (let j = 0; j < i; j++) sym.data[j * 600 + i] = sym.data[i * 600 + j];
  const s2 = Array.from(dse.symmetricEigenvalues(sym));
  await setThreads(1);
  const s1 = Array.from(dse.symmetricEigenvalues(sym));
  await setThreads(2);
  const scale = Math.max(...s1.map(Math.abs));
  for (let i = 0; i < s1.length; i++) assert.ok(Math.abs(s2[i] - s1[i]) <= 1e-12 * scale, `symmetric eigenvalue ${i}: ${s2[i]} vs ${s1[i]}`);
});
