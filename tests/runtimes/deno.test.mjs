// Deno (the npm package `deno`): the same smoke test, ESM and CommonJS, resolving dse-wasm from the
// temporary project's node_modules as Deno does when a package.json is present. Deno's V8 fuses relaxed SIMD
// on this CPU (x86-64 with FMA), so by default it runs the relaxed-SIMD binary and equals Node 22's results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertJsFallback, assertSameAsNode, findBinary, loudSkip, reference, runJson } from './project.mjs';

const deno = findBinary('deno');
const skip = deno.missing ? loudSkip(deno.missing) : false;
const version = deno.version?.split('\n')[0] ?? '';

test(`${version}: import "dse-wasm" equals Node 22 (relaxed-SIMD binary)`, { skip }, () => {
  assertSameAsNode(assert, runJson(deno.path, ['run', '--allow-read', 'smoke-node.mjs']), reference('relaxed-simd'));
});

test(`${version}: require("dse-wasm") equals Node 22 (relaxed-SIMD binary)`, { skip }, () => {
  assertSameAsNode(assert, runJson(deno.path, ['run', '--allow-read', 'smoke-node.cjs']), reference('relaxed-simd'));
});

test(`${version}: ready({ deterministic: true }) equals Node 20 (base binary)`, { skip }, () => {
  assertSameAsNode(assert, runJson(deno.path, ['run', '--allow-read', 'smoke-node.mjs', '{"deterministic":true}']), reference());
});

test(`${version}: without WebAssembly SIMD (simulated) falls back to JS`, { skip }, () => {
  assertJsFallback(assert, runJson(deno.path, ['run', '--allow-read', '--preload', './no-simd-shim.mjs', 'smoke-node.mjs']), reference());
});
