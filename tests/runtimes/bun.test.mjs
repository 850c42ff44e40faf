// Bun (the npm package `bun`; its binary, not Node): the same smoke test, ESM and CommonJS. JavaScriptCore
// validates relaxed SIMD but does not fuse f64x2.relaxed_madd, so Bun runs the base binary by default
// (bench/NOTES.md: the relaxed one gains nothing there) and the relaxed one only when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertBinariesAgree, assertJsFallback, assertSameAsNode, findBinary, loudSkip, reference, runJson } from './project.mjs';

const bun = findBinary('bun');
const skip = bun.missing ? loudSkip(bun.missing) : false;

test(`bun ${bun.version ?? ''}: import "dse-wasm" equals Node`, { skip }, () => {
  assertSameAsNode(assert, runJson(bun.path, ['smoke-node.mjs']), reference());
});

test(`bun ${bun.version ?? ''}: require("dse-wasm") equals Node`, { skip }, () => {
  assertSameAsNode(assert, runJson(bun.path, ['smoke-node.cjs']), reference());
});

test(`bun ${bun.version ?? ''}: deterministic: false loads the relaxed-SIMD binary, which agrees with the base one`, { skip }, () => {
  const got = runJson(bun.path, ['smoke-node.mjs', '{"deterministic":false}']);
  assert.equal(got.info.binary, 'relaxed-simd');
  assertBinariesAgree(assert, got, reference());
});

test(`bun ${bun.version ?? ''}: without WebAssembly SIMD (simulated) falls back to JS`, { skip }, () => {
  assertJsFallback(assert, runJson(bun.path, ['--preload', './no-simd-shim.mjs', 'smoke-node.mjs']), reference());
});
