// Bun (the npm package `bun`; its binary, not Node): the same smoke test, ESM and CommonJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertJsFallback, assertSameAsNode, findBinary, loudSkip, reference, runJson } from './project.mjs';

const bun = findBinary('bun');
const skip = bun.missing ? loudSkip(bun.missing) : false;

test(`bun ${bun.version ?? ''}: import "dse-wasm" equals Node`, { skip }, () => {
  assertSameAsNode(assert, runJson(bun.path, ['smoke-node.mjs']), reference());
});

test(`bun ${bun.version ?? ''}: require("dse-wasm") equals Node`, { skip }, () => {
  assertSameAsNode(assert, runJson(bun.path, ['smoke-node.cjs']), reference());
});

test(`bun ${bun.version ?? ''}: without WebAssembly SIMD (simulated) falls back to JS`, { skip }, () => {
  assertJsFallback(assert, runJson(bun.path, ['--preload', './no-simd-shim.mjs', 'smoke-node.mjs']), reference());
});
