// The release engine really is SIMD code, and it is the engine the bundles carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const release = readFileSync(new URL('build/release.wasm', root));

// asc writes the text form of the same compilation beside the binary (asconfig.json's textFile); the export
// lists of the two are compared first, so the text cannot be of another build.
const text = readFileSync(new URL('build/release.wat', root), 'utf8');

test('build/release.wat is the text of build/release.wasm', () => {
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(release)).map((e) => e.name).sort();
  const inText = [...text.matchAll(/\(export "([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(inText, exported);
  assert.ok(release.length > 1000);
});

test('build/release.wasm uses v128 instructions in its hot kernels', () => {
  const simd = text.match(/\b(f64x2|f32x4|i32x4|v128)\.[a-z_]+/g) ?? [];
  assert.ok(simd.length >= 20, `only ${simd.length} SIMD instructions`);
  for (const op of ['f64x2.mul', 'f64x2.add', 'f64x2.sub', 'v128.load', 'v128.store']) {
    assert.ok(simd.includes(op), `no ${op}`);
  }
});

test('the ESM and CommonJS bundles embed exactly build/release.wasm', () => {
  const b64 = release.toString('base64');
  for (const bundle of ['dist/index.mjs', 'dist/cjs/index.js']) {
    assert.ok(readFileSync(new URL(bundle, root), 'utf8').includes(b64), `${bundle} does not embed the release binary`);
  }
});
