// dse entropy / dse mi --approximate chebyshev --numpy-seed: the reference's chebyshev_approx=True after
// np.random.seed (fixtures/flags), with a warning; and the options that exclude it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertClose, fixturesDir } from './helpers.mjs';
import { dse, fixture, tempDir } from './cli-helpers.mjs';

const flags = JSON.parse(readFileSync(fixturesDir + 'flags/cases.json', 'utf8')).cases;

test('dse entropy --approximate chebyshev --numpy-seed 7 equals the reference after np.random.seed(7), with a warning', () => {
  const c = flags.find((k) => k.id === 'blobs-chebyshev-seed7');
  const r = dse(['entropy', fixture(c.X), '--sigma', String(c.sigma), '--approximate', 'chebyshev', '--numpy-seed', String(c.numpySeed), '--json', '--backend', 'js']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assertClose(out.dse, c.expected, c.tol, c.id);
  assert.deepEqual(out.approximate, { method: 'chebyshev', numpySeed: 7 });
  assert.match(r.stderr, /can be far from the exact value \(docs\/chebyshev\.md\)/);
});

test('dse mi --approximate chebyshev --numpy-seed 1 equals the reference DSMI (blobs)', () => {
  const c = flags.find((k) => k.id === 'blobs-dsmi-chebyshev-seed1');
  const r = dse(['mi', fixture(c.X), fixture(c.Y), '--discrete', '--sigma', String(c.sigma), '--approximate', 'chebyshev', '--numpy-seed', '1', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assertClose(JSON.parse(r.stdout).dsmi, c.expected, c.tol, c.id);
});

test('--approximate usage errors: --numpy-seed alone, an unknown method, with a cache, with another variant, a seed beyond 2^32 - 1', () => {
  const X = fixture('blobs_X.npy');
  const expectUsage = (args, pattern) => {
    const r = dse(['entropy', X, ...args]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
  };
  expectUsage(['--numpy-seed', '3'], /--numpy-seed needs --approximate chebyshev/);
  expectUsage(['--approximate', 'lanczos'], /--approximate must be one of chebyshev/);
  expectUsage(['--approximate', 'chebyshev', '--eigenvalues-cache', join(tempDir(), 'c.npz')], /cannot be used together/);
  expectUsage(['--approximate', 'chebyshev', '--variant', 'matrix-entry'], /cannot be used with --variant matrix-entry/);
  expectUsage(['--approximate', 'chebyshev', '--numpy-seed', '4294967296'], /--numpy-seed must be an integer in \[0, 2\^32 - 1\]/);
});
