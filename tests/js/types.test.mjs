// The published declarations type-check for an ESM consumer (import) and a CommonJS one (require), resolved
// through the package's own "exports" as a user's TypeScript would resolve them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('tsc accepts tests/types/*-consumer.*ts against dist/ declarations', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const r = spawnSync(process.execPath, [root + 'node_modules/typescript/bin/tsc', '-p', root + 'tests/types'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

// tf.js's own declarations do not pass a strict check (TS2304 'Long', TS2420 in tfjs-layers), so this one skips
// library checks: the consumer's use of dse-wasm/tfjs is still checked against its declarations.
test('tsc accepts tests/types/tfjs-consumer.mts (dse-wasm/tfjs with @tensorflow/tfjs)', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const r = spawnSync(process.execPath, [root + 'node_modules/typescript/bin/tsc', '-p', root + 'tests/types/tsconfig.tfjs.json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
