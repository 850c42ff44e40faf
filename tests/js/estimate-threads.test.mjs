// The estimate on the worker pool (js/engine/wasm/threads.ts): K is built by the threaded distance and kernel
// job and every block product (K stored in float64 or float32, or matrix-free) is split by row blocks that
// depend on N alone (js/engine/product-blocks.ts), so two threads give the bits of one; a worker lost during
// a product leaves its blocks to the main thread, with the same bits.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ready, setThreads, backendInfo, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate } from '../../dist/index.mjs';
import { randomMatrix, importSources } from './helpers.mjs';


before(() => ready({ threads: 2 }));

// 1100 rows: past the 1024 from which the products are split into blocks.
const X = randomMatrix(1100, 12, 5);
const SIGMA = 0.6;

function fields(e) {
  return [e.value, e.lower, e.upper, e.matvecs, e.probes, e.deflated];
}

test('two threads give the bits of one, for K in float64, float32 and matrix-free', async () => {
  assert.equal(backendInfo().threads, 2, `threadsReason: ${backendInfo().threadsReason}`);
  const exact = diffusionSpectralEntropy(X, { sigma: SIGMA });
  for (const precision of ['float64', 'float32', 'matrix-free']) {
    await setThreads(2);
    const two = diffusionSpectralEntropyEstimate(X, { sigma: SIGMA, precision });
    await setThreads(1);
    assert.equal(backendInfo().threads, 1);
    const one = diffusionSpectralEntropyEstimate(X, { sigma: SIGMA, precision });
    const [a, b] = [fields(two), fields(one)];
    for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${precision}, field ${i}: ${a[i]} on 2 threads, ${b[i]} on 1`);
    assert.equal(two.guaranteed, false, 'the probes (and so the products) ran');
    assert.ok(two.lower <= exact && exact <= two.upper, `${precision}: exact ${exact} in [${two.lower}, ${two.upper}]`);
  }
  await setThreads(2);
});

test('the split products agree with the pure-JS twin (the same blocks, another order inside them)', () => {
  for (const precision of ['float64', 'matrix-free']) {
    const wasm = diffusionSpectralEntropyEstimate(X, { sigma: SIGMA, precision });
    const js = diffusionSpectralEntropyEstimate(X, { sigma: SIGMA, precision, backend: 'js' });
    assert.equal(js.matvecs, wasm.matvecs, precision);
    assert.ok(Math.abs(js.value - wasm.value) <= 1e-9, `${precision}: ${js.value} vs ${wasm.value}`);
  }
});

test('a worker that dies during a block product: the estimate completes with the same bits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dse-estimate-threads-'));
  try {
    const lib = await importSources(dir, { 'js/index.ts': '*', 'js/engine/wasm/threads.ts': ['crashWorkerDuringNextCall'] });
    await lib.ready({ threads: 2 });
    const expected = fields(lib.diffusionSpectralEntropyEstimate(X, { sigma: SIGMA }));
    // Under load the main thread may take every block of a product before the worker claims one: a few tries.
    for (let attempt = 0; attempt < 5 && lib.backendInfo().threads === 2; attempt++) {
      lib.crashWorkerDuringNextCall(1, 'product');
      assert.deepEqual(fields(lib.diffusionSpectralEntropyEstimate(X, { sigma: SIGMA })), expected, 'the estimate with a lost worker');
    }
    assert.equal(lib.backendInfo().threads, 1);
    assert.match(lib.backendInfo().threadsReason, /worker .*(stopped|failed|exited)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
