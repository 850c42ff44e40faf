// The adaptive kernel's sparse K (assembly/sparse-adaptive-kernel.ts and its JS twin), which the estimate
// multiplies: every entry equal, bit for bit, to the dense K of the exact path (engine.diffusionKernel) on the
// toolkit's adaptive fixtures (digits400 is integer data, full of equidistant neighbours: the ties must break
// as the exact path breaks them), duplicate rows, odd D and tiny N; and its products equal the dense K's.
// The engines are internal, so they are bundled here from js/ with esbuild.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSources, readNpy, randomMatrix } from './helpers.mjs';

let lib;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparse-kernel-'));
  lib = await importSources(dir, {
    'js/engine/wasm/adapter.ts': ['wasmEngine'], 'js/engine/js/index.ts': ['jsEngine'], 'js/engine/wasm/instance.ts': ['ready'],
    'js/kernel.ts': ['adaptive'], 'js/matrix.ts': ['toMatrix'],
  }, 'engines');
  rmSync(dir, { recursive: true, force: true });
  await lib.ready();
});

// The n x n matrix the sparse operator multiplies, column block by column block (products with unit vectors
// add exact zeros to one entry, so they read K's entries exactly).
function sparseDense(engine, X, kernel) {
  return engine.withDiffusionOperator(X, null, kernel, 'float64', 16, (op) => {
    assert.equal(op.signed, true);
    const n = op.n;
    const full = new Float64Array(n * n);
    for (let c0 = 0; c0 < n; c0 += 16) {
      const b = Math.min(16, n - c0);
      const x = new Float64Array(n * b);
      const y = new Float64Array(n * b);
      for (let c = 0; c < b; c++) x[(c0 + c) * b + c] = 1;
      op.multiply(x, y, b);
      for (let i = 0; i < n; i++) for (let c = 0; c < b; c++) full[i * n + c0 + c] = y[i * b + c];
    }
    return { full, op };
  });
}

function problems() {
  const dup = randomMatrix(70, 5, 7, 2);
  for (let c = 0; c < 5; c++) { dup.data[10 * 5 + c] = dup.data[3 * 5 + c]; dup.data[40 * 5 + c] = dup.data[3 * 5 + c]; }
  return [
    ['digits400 k 10 alpha 1', readNpy('toolkit/digits400_X.npy'), 10, 1],
    ['digits400 k 15 alpha 0.5', readNpy('toolkit/digits400_X.npy'), 15, 0.5],
    ['blobs k 15 alpha 1', readNpy('toolkit/blobs_X.npy'), 15, 1],
    ['uniform k 10 alpha 0', readNpy('toolkit/uniform_X.npy'), 10, 0],
    ['integer grid, D 3 (ties everywhere), k 6', { data: Float64Array.from({ length: 150 * 3 }, (_, i) => (i * 7) % 5), rows: 150, cols: 3 }, 6, 1],
    ['duplicate rows, D 5, k 4', dup, 4, 1],
    ['N 131, D 9, k 15', randomMatrix(131, 9, 11, 3), 15, 1],
    // float64 entries (not widened float32): sums of squares that round, where the dense path's two
    // distance kernels (distance.ts: tile2x4 and squaredDistance) give different bits.
    ['float64 N 150, D 33, k 15', { data: Float64Array.from({ length: 150 * 33 }, (_, i) => Math.sin(i * 1.618) * Math.exp(Math.cos(i))), rows: 150, cols: 33 }, 15, 1],
    ['float64 N 97, D 64, k 15', { data: Float64Array.from({ length: 97 * 64 }, (_, i) => Math.sin(i * 0.7071) * (1 + (i % 13))), rows: 97, cols: 64 }, 15, 1],
    ['N 3, k clamped to 2', randomMatrix(3, 2, 5, 1), 15, 1],
  ];
}

for (const backend of ['wasm', 'js']) {
  test(`sparse K equals the exact path's dense adaptive K, bit for bit (${backend})`, () => {
    const engine = backend === 'wasm' ? lib.wasmEngine : lib.jsEngine;
    for (const [name, X0, k, alpha] of problems()) {
      const X = lib.toMatrix(X0, 'X');
      const kernel = lib.adaptive(k, alpha);
      const dense = engine.diffusionKernel(X, null, kernel);
      const { full, op } = sparseDense(engine, X, kernel);
      const n = X.rows;
      let nonzero = 0;
      for (let i = 0; i < n * n; i++) {
        if (full[i] !== dense[i]) assert.fail(`${name}: K[${Math.floor(i / n)}, ${i % n}] sparse ${full[i]} vs dense ${dense[i]}`);
        if (dense[i] !== 0) nonzero++;
      }
      // At most the diagonal and 2 k edges per row: O(N k) memory.
      assert.ok(nonzero <= n * (2 * Math.min(k, n - 1) + 1), name);
      let trace = 0;
      let frob = 0;
      for (let i = 0; i < n; i++) { trace += dense[i * n + i]; for (let j = 0; j < n; j++) frob += dense[i * n + j] ** 2; }
      assert.ok(Math.abs(op.trace - trace) <= 1e-12 * trace, `${name}: trace`);
      assert.ok(Math.abs(op.frobeniusSquared - frob) <= 1e-12 * frob, `${name}: Frobenius`);
    }
  });
}

test('block products of the sparse K: the dense K times the block, on both backends, for b = 16, 5 and 1', () => {
  const X = lib.toMatrix(readNpy('toolkit/blobs_X.npy'), 'X');
  const kernel = lib.adaptive(15, 1);
  const n = X.rows;
  const dense = lib.jsEngine.diffusionKernel(X, null, kernel);
  for (const b of [16, 5, 1]) {
    const x = Float64Array.from({ length: n * b }, (_, i) => Math.sin(i * 0.37));
    const want = new Float64Array(n * b);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let c = 0; c < b; c++) want[i * b + c] += dense[i * n + j] * x[j * b + c];
    for (const engine of [lib.wasmEngine, lib.jsEngine]) {
      const y = engine.withDiffusionOperator(X, null, kernel, 'float64', 16, (op) => {
        const out = new Float64Array(n * b);
        op.multiply(x, out, b);
        return out;
      });
      for (let i = 0; i < n * b; i++) assert.ok(Math.abs(y[i] - want[i]) <= 1e-13, `b ${b}: ${y[i]} vs ${want[i]}`);
    }
  }
});
