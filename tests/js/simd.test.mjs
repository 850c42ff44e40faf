// The release engine really is SIMD code, and it is the engine the bundles carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import binaryen from 'binaryen';

const root = new URL('../../', import.meta.url);
const release = readFileSync(new URL('build/release.wasm', root));

test('build/release.wasm uses v128 instructions in its hot kernels', () => {
  const module = binaryen.readBinary(release);
  module.setFeatures(binaryen.Features.All);
  const text = module.emitText();
  module.dispose();
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
