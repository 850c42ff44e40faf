// The two-stage reduction (js/engine/reduction.ts: band-reduce.ts, LAPACK dsytrd_sy2sb, then
// band-tridiagonalize.ts, dsytrd_sb2st) through the public calls. It runs only from TWO_STAGE_FROM on; the
// package's sources are bundled here with reduction.ts's test hooks beside them, so that small problems take it:
// the hard symmetric matrices within 1e-13 ||A|| of numpy.linalg.eigvalsh (tests/fixtures/hard-matrices.json),
// the DSE fixtures within their tolerance, random matrices of orders across band boundaries (the band is 8
// below WIDE_BAND_FROM: orders below, at and past one and several bands) equal to the fused reduction to 1e-12 ||A||, on both
// backends, with 1 and 2 threads; the pool's split of stage 1 gives the bits of one thread; a DSMI class the
// two stages take is never a whole-subset task (which runs the fused reduction); a worker lost during stage 1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cases, readNpy, assertClose, randomSymmetric, randomMatrix, importSources } from './helpers.mjs';
import { assertSymmetricHard } from './hard-matrices.mjs';

let lib;
let dir;

const bundled = (into) => importSources(into, {
  'js/index.ts': '*',
  'js/engine/reduction.ts': ['setTwoStageReductionFrom', 'reductionBand', 'WIDE_BAND_FROM', 'twoStageReduction', 'TWO_STAGE_FROM', 'BASE_TWO_STAGE_FROM', 'JS_TWO_STAGE_FROM'],
  'js/engine/wasm/threads.ts': ['crashWorkerDuringNextCall'],
});

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dse-two-stage-'));
  lib = await bundled(dir);
  // A pool of 2 from the start (setThreads can only resize a pool ready() made).
  await lib.ready({ threads: 2 });
});

after(() => {
  lib?.setTwoStageReductionFrom(null);
  rmSync(dir, { recursive: true, force: true });
});

// fn() with the two-stage reduction from order `from` on (Infinity: never).
function withTwoStageFrom(from, fn) {
  lib.setTwoStageReductionFrom(from);
  try {
    return fn();
  } finally {
    lib.setTwoStageReductionFrom(null);
  }
}

const eigenvaluesFrom = (from, a, backend) => withTwoStageFrom(from, () => lib.symmetricEigenvalues(a, { backend }));

const ORDERS = [3, 4, 5, 8, 9, 15, 16, 17, 18, 19, 33, 34, 49, 66, 97, 130, 259];

test('the band is 8 wide below WIDE_BAND_FROM (the orders below cross its boundaries), 16 from there', () => {
  assert.ok(ORDERS.every((n) => n < lib.WIDE_BAND_FROM));
  assert.equal(lib.reductionBand(259), 8);
  assert.equal(lib.reductionBand(lib.WIDE_BAND_FROM - 1), 8);
  assert.equal(lib.reductionBand(lib.WIDE_BAND_FROM), 16);
  assert.equal(lib.reductionBand(5), 4);
});

test('the crossovers: relaxed-SIMD binary from TWO_STAGE_FROM, base from BASE_TWO_STAGE_FROM, JS from JS_TWO_STAGE_FROM; the test hook moves all', () => {
  assert.ok(lib.TWO_STAGE_FROM < lib.BASE_TWO_STAGE_FROM && lib.BASE_TWO_STAGE_FROM <= lib.JS_TWO_STAGE_FROM);
  const at = (n) => [lib.twoStageReduction(n), lib.twoStageReduction(n, 'base'), lib.twoStageReduction(n, 'js')];
  assert.deepEqual(at(lib.TWO_STAGE_FROM - 1), [false, false, false]);
  assert.deepEqual(at(lib.TWO_STAGE_FROM), [true, false, false]);
  assert.deepEqual(at(lib.BASE_TWO_STAGE_FROM), [true, true, lib.BASE_TWO_STAGE_FROM >= lib.JS_TWO_STAGE_FROM]);
  assert.deepEqual(at(lib.JS_TWO_STAGE_FROM), [true, true, true]);
  withTwoStageFrom(100, () => assert.deepEqual(at(100), [true, true, true]));
  assert.deepEqual(at(100), [false, false, false]);
});

test('the WASM backend takes its own binary\'s crossover: between the two, the base binary reduces in one pass, the relaxed one in two stages', () => {
  const n = lib.TWO_STAGE_FROM + 50;
  assert.ok(n < lib.BASE_TWO_STAGE_FROM);
  const a = randomSymmetric(n, 29);
  const fused = Array.from(eigenvaluesFrom(Infinity, a, 'wasm'));
  const twoStage = Array.from(eigenvaluesFrom(0, a, 'wasm'));
  assert.ok(fused.some((x, i) => x !== twoStage[i]), 'the two reductions gave the same bits: the check below could not tell them apart');
  const chosen = Array.from(lib.symmetricEigenvalues(a, { backend: 'wasm' }));
  assert.deepEqual(chosen, lib.backendInfo().binary === 'relaxed-simd' ? twoStage : fused);
});

for (const threads of [1, 2]) {
  for (const backend of ['wasm', 'js']) {
    const label = `${backend}, ${threads} thread${threads > 1 ? 's' : ''}`;

    test(`two-stage: hard symmetric matrices within 1e-13 ||A|| of numpy eigvalsh (${label})`, async () => {
      await lib.setThreads(threads);
      assert.equal(lib.backendInfo().threads, threads);
      assertSymmetricHard(assert, (a) => eigenvaluesFrom(0, a, backend));
    });

    test(`two-stage equals fused to 1e-12 ||A|| on random matrices of orders ${ORDERS.join(', ')} (${label})`, async () => {
      await lib.setThreads(threads);
      assert.equal(lib.backendInfo().threads, threads);
      for (const n of ORDERS) {
        const a = randomSymmetric(n, 11 * n + 3);
        const fused = eigenvaluesFrom(Infinity, a, backend);
        const twoStage = eigenvaluesFrom(0, a, backend);
        const norm = Math.max(...fused.map(Math.abs));
        for (let i = 0; i < n; i++) assertClose(twoStage[i], fused[i], 1e-12 * norm, `order ${n}, eigenvalue ${i}`);
      }
    });

    test(`a crossover of 100: orders below run fused (the same bits), above in two stages, within 1e-12 ||A|| (${label})`, async () => {
      await lib.setThreads(threads);
      const below = randomSymmetric(97, 5);
      assert.deepEqual(Array.from(eigenvaluesFrom(100, below, backend)), Array.from(eigenvaluesFrom(Infinity, below, backend)));
      const above = randomSymmetric(130, 6);
      const fused = eigenvaluesFrom(Infinity, above, backend);
      const twoStage = eigenvaluesFrom(100, above, backend);
      // The two stages really ran: their sums are in another order, so some eigenvalue differs in some bit.
      assert.ok(fused.some((x, i) => x !== twoStage[i]), 'the two-stage reduction gave the fused bits: did it run?');
      const norm = Math.max(...fused.map(Math.abs));
      for (let i = 0; i < fused.length; i++) assertClose(twoStage[i], fused[i], 1e-12 * norm, `eigenvalue ${i}`);
    });
  }

  test(`two-stage: the DSE fixtures within their tolerance, wasm and js agree to 1e-10 (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
    await lib.setThreads(threads);
    assert.equal(lib.backendInfo().threads, threads);
    withTwoStageFrom(0, () => {
      for (const c of cases.filter((c) => c.op === 'dse')) {
        const X = readNpy(c.X);
        const opts = { sigma: c.sigma, t: c.t };
        if (c.maxN !== undefined) opts.maxN = c.maxN;
        if (c.seed !== undefined) opts.seed = c.seed;
        const w = lib.diffusionSpectralEntropy(X, { ...opts, backend: 'wasm' });
        assertClose(w, c.expected, c.tol, `${c.id} (wasm)`);
        assertClose(lib.diffusionSpectralEntropy(X, { ...opts, backend: 'js' }), w, 1e-10, `${c.id} (js)`);
      }
    });
  });
}

test('two-stage, orders 600 and 777 (stage 1 split across the pool): 2 threads give the bits of 1, on every run', async () => {
  for (const n of [600, 777]) {
    const a = randomSymmetric(n, n + 1);
    await lib.setThreads(1);
    const one = Array.from(eigenvaluesFrom(0, a, 'wasm'));
    await lib.setThreads(2);
    assert.equal(lib.backendInfo().threads, 2);
    // Blocks are claimed by whichever thread comes first; the bits must not depend on it.
    for (let r = 0; r < 3; r++) assert.deepEqual(Array.from(eigenvaluesFrom(0, a, 'wasm')), one, `order ${n}, run ${r}`);
    const fused = eigenvaluesFrom(Infinity, a, 'wasm');
    const norm = Math.max(...fused.map(Math.abs));
    for (let i = 0; i < n; i++) assertClose(one[i], fused[i], 1e-12 * norm, `order ${n}, eigenvalue ${i}`);
  }
});

test('DSMI with the two stages from 300 rows: 2 threads give the bits of 1 (a class they take is not a fused whole task)', async () => {
  // Classes of 150 rows (labels 0-2: whole tasks, fused, on 2 threads; fused on 1), 300 and 450 rows (3, 4: the
  // two stages on both).
  const n = 1200;
  const X = randomMatrix(n, 6, 9, 2);
  const Y = Int32Array.from({ length: n }, (_, i) => (i % 8 < 3 ? i % 8 : 3 + (i % 2)));
  const o = { sigma: 2, discrete: true };
  const run = () => withTwoStageFrom(300, () => lib.diffusionSpectralMutualInformation(X, Y, o));
  await lib.setThreads(2);
  const two = run();
  await lib.setThreads(1);
  const one = run();
  await lib.setThreads(2);
  assert.ok(Object.is(two.value, one.value), `value ${two.value} with 2 threads, ${one.value} with 1`);
  two.classes.forEach((c, i) => assert.ok(Object.is(c.entropy, one.classes[i].entropy), `class ${c.label}`));
  assert.ok(new Set(two.classes.map((c) => c.entropy)).size > 1);
});

// A worker lost in stage 1 on 2 threads. The first panel's band product block only reads the matrix and writes
// its own buffer, so the blocks the lost worker held are redone here and the call keeps the two-thread bits
// (which are the one-thread bits); a lookahead sweep block ('band update': a panel's update, then the next
// panel's product) writes its rows in place, so the call starts again on one thread. Either way the result is
// the one-thread result, and later calls run on one thread with backendInfo() saying why.
for (const stage of ['band product', 'band update']) {
  test(`a worker that dies during the two-stage reduction's ${stage}: the call completes with the one-thread bits, then one thread`, async () => {
    const hooked = mkdtempSync(join(tmpdir(), 'dse-two-stage-crash-'));
    try {
      const own = await bundled(hooked);
      await own.ready({ threads: 2 });
      own.setTwoStageReductionFrom(0);
      const a = randomSymmetric(600, 13);
      await own.setThreads(1);
      const oneThread = Array.from(own.symmetricEigenvalues(a));
      await own.setThreads(2);
      let got = null;
      // Under load the main thread may take every block before the worker wakes: a few calls are allowed.
      for (let attempt = 0; attempt < 5 && own.backendInfo().threads === 2; attempt++) {
        own.crashWorkerDuringNextCall(1, stage);
        got = Array.from(own.symmetricEigenvalues(a));
      }
      assert.equal(own.backendInfo().threads, 1);
      assert.match(own.backendInfo().threadsReason, /worker .*(stopped|failed|exited)/);
      assert.deepEqual(got, oneThread);
      own.setTwoStageReductionFrom(null);
    } finally {
      rmSync(hooked, { recursive: true, force: true });
    }
  });
}
