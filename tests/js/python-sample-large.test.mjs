// Issue 10, case 9: random.sample with more members than a JS Set holds (2^24), bit for bit with CPython
// (tests/fixtures/python-sample-large.json, made by scripts/make-python-sample-large.py), and the stated bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pythonSample, DseError } from '../../dist/index.mjs';
import { fixturesDir } from './helpers.mjs';

test('pythonSample(0, 2^31 - 1, 2e7) equals CPython random.sample', () => {
  const want = JSON.parse(readFileSync(fixturesDir + 'python-sample-large.json', 'utf8'));
  const got = pythonSample(want.seed, want.n, want.k);
  assert.equal(got.length, want.k);
  assert.deepEqual(Array.from(got.subarray(0, 10)), want.first);
  assert.deepEqual(Array.from(got.subarray(-10)), want.last);
  const bytes = new Uint8Array(got.buffer, got.byteOffset, got.byteLength); // little-endian int32, as Python packed them
  assert.equal(createHash('sha256').update(bytes).digest('hex'), want.sha256);
});

test('k above 2^25 is refused with E_ARGUMENT naming k, before drawing', () => {
  assert.throws(() => pythonSample(0, 2 ** 31 - 1, 2 ** 25 + 1), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === 'k' && /2\^25/.test(e.message));
});
