// The blocked reduction (tridiagonalize-blocked.ts, LAPACK dsytrd) against numpy and against the fused one.
// It runs only from js/engine/reduction.ts's crossover on; the package's sources are bundled here with that
// module's test hook beside them, so that small problems take the blocked path: the hard symmetric matrices
// within 1e-13 ||A|| of numpy.linalg.eigvalsh (tests/fixtures/hard-matrices.json), the DSE fixtures within
// their tolerance, and random matrices of orders across panel boundaries (the panel is 32 reflectors: orders
// below, at and past one and several panels, every n mod 4) equal to the fused reduction to 1e-13 ||A||,
// on both backends, with 1 and 2 threads (from order 512 the pool splits the blocked reduction too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cases, readNpy, assertClose, randomSymmetric, importSources } from './helpers.mjs';
import { assertSymmetricHard } from './hard-matrices.mjs';

let lib;
let dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dse-blocked-'));
  lib = await importSources(dir, { 'js/index.ts': '*', 'js/engine/reduction.ts': ['setBlockedReductionFrom', 'REDUCTION_PANEL'] });
  // A pool of 2 from the start (setThreads can only resize a pool ready() made).
  await lib.ready({ threads: 2 });
});

after(() => {
  lib?.setBlockedReductionFrom(null);
  rmSync(dir, { recursive: true, force: true });
});

// Eigenvalues with the blocked reduction from order `from` on (null: the package's crossover).
function eigenvaluesFrom(from, a, backend) {
  lib.setBlockedReductionFrom(from);
  try {
    return lib.symmetricEigenvalues(a, { backend });
  } finally {
    lib.setBlockedReductionFrom(null);
  }
}

const ORDERS = [3, 4, 5, 31, 32, 33, 34, 35, 66, 97, 130, 259];

for (const threads of [1, 2]) {
  for (const backend of ['wasm', 'js']) {
    const label = `${backend}, ${threads} thread${threads > 1 ? 's' : ''}`;

    test(`blocked: hard symmetric matrices within 1e-13 ||A|| of numpy eigvalsh (${label})`, async () => {
      await lib.setThreads(threads);
      assert.equal(lib.backendInfo().threads, threads);
      assertSymmetricHard(assert, (a) => eigenvaluesFrom(0, a, backend));
    });

    test(`blocked equals fused to 1e-13 ||A|| on random matrices of orders ${ORDERS.join(', ')} (${label})`, async () => {
      await lib.setThreads(threads);
      assert.equal(lib.backendInfo().threads, threads);
      for (const n of ORDERS) {
        const a = randomSymmetric(n, 7 * n + 1);
        const fused = eigenvaluesFrom(Infinity, a, backend);
        const blocked = eigenvaluesFrom(0, a, backend);
        const norm = Math.max(...fused.map(Math.abs));
        for (let i = 0; i < n; i++) assertClose(blocked[i], fused[i], 1e-13 * norm, `order ${n}, eigenvalue ${i}`);
      }
    });

    test(`a crossover of 100: orders below run fused (the same bits), above blocked, both within 1e-13 ||A|| (${label})`, async () => {
      await lib.setThreads(threads);
      assert.equal(lib.backendInfo().threads, threads);
      const below = randomSymmetric(97, 5);
      assert.deepEqual(Array.from(eigenvaluesFrom(100, below, backend)), Array.from(eigenvaluesFrom(Infinity, below, backend)));
      const above = randomSymmetric(130, 6);
      const fused = eigenvaluesFrom(Infinity, above, backend);
      const blocked = eigenvaluesFrom(100, above, backend);
      // The blocked path really ran: its sums are in another order, so some eigenvalue differs in some bit.
      assert.ok(fused.some((x, i) => x !== blocked[i]), 'the blocked reduction gave the fused bits: did it run?');
      const norm = Math.max(...fused.map(Math.abs));
      for (let i = 0; i < fused.length; i++) assertClose(blocked[i], fused[i], 1e-13 * norm, `eigenvalue ${i}`);
    });
  }

  test(`blocked, orders 520 and 601 (split across the pool with 2 threads): within 1e-13 ||A|| of fused, the same bits on every run (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
    await lib.setThreads(threads);
    assert.equal(lib.backendInfo().threads, threads);
    for (const n of [520, 601]) {
      const a = randomSymmetric(n, n);
      const fused = eigenvaluesFrom(Infinity, a, 'wasm');
      const blocked = eigenvaluesFrom(0, a, 'wasm');
      const norm = Math.max(...fused.map(Math.abs));
      for (let i = 0; i < n; i++) assertClose(blocked[i], fused[i], 1e-13 * norm, `order ${n}, eigenvalue ${i}`);
      // Blocks are claimed by whichever thread comes first; the bits must not depend on it.
      for (let r = 0; r < 3; r++) assert.deepEqual(Array.from(eigenvaluesFrom(0, a, 'wasm')), Array.from(blocked), `order ${n}, run ${r}`);
    }
  });

  test(`blocked: the DSE fixtures within their tolerance, wasm and js agree to 1e-10 (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
    await lib.setThreads(threads);
    assert.equal(lib.backendInfo().threads, threads);
    lib.setBlockedReductionFrom(0);
    try {
      for (const c of cases.filter((c) => c.op === 'dse')) {
        const X = readNpy(c.X);
        const opts = { sigma: c.sigma, t: c.t };
        if (c.maxN !== undefined) opts.maxN = c.maxN;
        if (c.seed !== undefined) opts.seed = c.seed;
        const w = lib.diffusionSpectralEntropy(X, { ...opts, backend: 'wasm' });
        assertClose(w, c.expected, c.tol, `${c.id} (wasm)`);
        assertClose(lib.diffusionSpectralEntropy(X, { ...opts, backend: 'js' }), w, 1e-10, `${c.id} (js)`);
      }
    } finally {
      lib.setBlockedReductionFrom(null);
    }
  });
}

// A worker lost in the middle of the blocked reduction on 2 threads. A block of a step's product only reads the
// matrix, so the blocks the lost worker held are redone here and the call keeps the two-thread bits; a block of
// a panel update writes its rows in place, so the call starts again on one thread and gives the one-thread
// bits. Either way later calls run on one thread, and backendInfo() says why.
for (const [stage, keeps] of [['panel product', 'two-thread'], ['panel update', 'one-thread']]) {
  test(`a worker that dies during a blocked ${stage}: the call completes with the ${keeps} bits, then one thread`, async () => {
    const hooked = mkdtempSync(join(tmpdir(), 'dse-blocked-crash-'));
    try {
      const own = await importSources(hooked, {
        'js/index.ts': '*',
        'js/engine/reduction.ts': ['setBlockedReductionFrom'],
        'js/engine/wasm/threads.ts': ['crashWorkerDuringNextCall'],
      });
      await own.ready({ threads: 2 });
      own.setBlockedReductionFrom(0);
      const a = randomSymmetric(600, 11);
      await own.setThreads(1);
      const oneThread = Array.from(own.symmetricEigenvalues(a));
      await own.setThreads(2);
      const twoThreads = Array.from(own.symmetricEigenvalues(a));
      let got = null;
      // Under load the main thread may take every block before the worker wakes: a few calls are allowed.
      for (let attempt = 0; attempt < 5 && own.backendInfo().threads === 2; attempt++) {
        own.crashWorkerDuringNextCall(1, stage);
        got = Array.from(own.symmetricEigenvalues(a));
      }
      assert.equal(own.backendInfo().threads, 1);
      assert.match(own.backendInfo().threadsReason, /worker .*(stopped|failed|exited)/);
      assert.deepEqual(got, keeps === 'one-thread' ? oneThread : twoThreads);
      own.setBlockedReductionFrom(null);
    } finally {
      rmSync(hooked, { recursive: true, force: true });
    }
  });
}
