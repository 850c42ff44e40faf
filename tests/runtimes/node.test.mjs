// Node 20 (the system node): the packed tarball installed in a temporary project, through `import` and
// through `require`, and a simulated runtime without WebAssembly SIMD. Node 20 has no relaxed SIMD, so it
// always runs the base binary, and its ESM results are the base binary's reference for every runtime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cases } from '../js/helpers.mjs';
import { assertJsFallback, assertSameAsNode, prepared, reference, runJson } from './project.mjs';

const ref = reference();

test(`node ${process.version}: packed tarball ${prepared().tarball} installs and the reference matches the Python fixtures`, () => {
  for (const id of ['digits400-dse-t1', 'digits400-dse-t2']) {
    const c = cases.find((x) => x.id === id);
    for (const backend of ['wasm', 'js']) {
      const got = ref[backend][c.t === 1 ? 'dseT1' : 'dseT2'];
      assert.ok(Math.abs(got - c.expected) <= c.tol, `${id} (${backend}): ${got} vs ${c.expected}`);
    }
  }
  assert.deepEqual(ref.info, { backend: 'wasm', simd: true, reason: null, binary: 'simd' });
  assert.equal(ref.wasm.eigenvalues.length, 400);
  // float16 of 1, 0.5, 1/3 and -0.1, as numpy's astype(np.float16) gives them; the package installed without fflate.
  assert.deepEqual(ref.cacheRoundTrip, [1, 0.5, 0.333251953125, -0.0999755859375]);
  assert.ok(!existsSync(join(prepared().project, 'node_modules', 'fflate')), 'fflate is not installed beside the package');
});

test('node: import "dse-wasm" (ESM) gives the same results run after run', () => {
  const r = assertSameAsNode(assert, runJson(process.execPath, ['smoke-node.mjs']), ref);
  assert.ok(r.jsExact, 'same runtime, same JS backend results');
});

test('node: require("dse-wasm") (CommonJS) equals the ESM results to the last digit', () => {
  const r = assertSameAsNode(assert, runJson(process.execPath, ['smoke-node.cjs']), ref);
  assert.ok(r.jsExact);
});

test(`node ${process.version}: no relaxed SIMD, so the base binary by default and with deterministic: false`, () => {
  assert.deepEqual(runJson(process.execPath, ['smoke-node.mjs']), ref);
  assert.deepEqual(runJson(process.execPath, ['smoke-node.mjs', '{"deterministic":false}']), ref);
});

test('node without WebAssembly SIMD (simulated): ready() falls back to the JS backend and says so', () => {
  const got = runJson(process.execPath, ['--import', './no-simd-shim.mjs', 'smoke-node.mjs']);
  assert.ok(assertJsFallback(assert, got, ref).jsExact, 'the same JS backend results as with SIMD');
});
