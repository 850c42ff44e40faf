// dse --eigenvalues-cache: the reference's eigval_save_path semantics (first call computes and writes, later
// calls load), equal to its later-call values (fixtures/flags, op dse_cache); the reference's own files read;
// the notes on stderr; the errors. And --verbose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertClose, fixturesDir } from './helpers.mjs';
import { dse, dseJson, fixture, tempDir } from './cli-helpers.mjs';

const flags = JSON.parse(readFileSync(fixturesDir + 'flags/cases.json', 'utf8')).cases;

for (const c of flags.filter((k) => k.op === 'dse_cache')) {
  test(`${c.id}: first call writes the cache and returns the exact value, the second loads it and equals the reference's later call`, () => {
    const cache = join(tempDir(), 'sub', 'eig.npz');
    const args = ['entropy', fixture(c.X), '--sigma', String(c.sigma), '--t', String(c.t), '--eigenvalues-cache', cache, '--cache-precision', c.precision];
    const first = dse([...args, '--json']);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(existsSync(cache), 'the cache file (and its folder) was written');
    assert.match(first.stderr, new RegExp(`wrote \\d+ eigenvalues as ${c.precision} to`));
    // The first value is exact: the reference's float64 first call (its float16 first call computes in float16).
    const exact = flags.find((k) => k.id === c.id.replace('float16', 'float64')).referenceFirstCall;
    assertClose(JSON.parse(first.stdout).dse, exact, c.tol, `${c.id} first call`);
    if (c.precision === 'float16') assert.match(first.stderr, /later calls with this cache read the float16-rounded eigenvalues/);

    const second = dse([...args, '--json']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /eigenvalue cache: loaded \d+ eigenvalues from/);
    const out = JSON.parse(second.stdout);
    assertClose(out.dse, c.expected, c.tol, `${c.id} second call`);
    assert.deepEqual(out.cache, { path: cache, precision: c.precision, loaded: true });
  });

  test(`${c.id}: dse entropy reads the reference's own cache file and gives its later-call value`, () => {
    const cache = join(tempDir(), 'reference.npz');
    copyFileSync(fixturesDir + 'flags/' + c.cache, cache);
    const out = dseJson(['entropy', fixture(c.X), '--sigma', String(c.sigma), '--t', String(c.t), '--eigenvalues-cache', cache]);
    assertClose(out.dse, c.expected, c.tol, c.id);
    assert.deepEqual(readFileSync(cache), readFileSync(fixturesDir + 'flags/' + c.cache), 'a loaded cache is not rewritten');
  });
}

test('dse eigenvalues --eigenvalues-cache: written in float64, loaded back identical', () => {
  const cache = join(tempDir(), 'eig.npz');
  const args = ['eigenvalues', fixture('blobs_X.npy'), '--sigma', '4.47213595499958', '--eigenvalues-cache', cache, '--cache-precision', 'float64'];
  const first = dseJson(args);
  const second = dse([...args, '--json']);
  assert.match(second.stderr, /loaded 300 eigenvalues/);
  assert.deepEqual(JSON.parse(second.stdout).eigenvalues, first.eigenvalues);
  assert.equal(first.eigenvalues.length, 300);
});

test('dse mi --eigenvalues-cache: one member per entropy; the second call loads them all and gives the same DSMI', () => {
  const cache = join(tempDir(), 'mi.npz');
  const args = ['mi', fixture('blobs_X.npy'), fixture('blobs_y.npy'), '--sigma', '4.47213595499958', '--eigenvalues-cache', cache, '--cache-precision', 'float64'];
  const first = dse([...args, '--json']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /wrote the eigenvalues of 30 entropies \(30 new\) as float64/);
  const second = dse([...args, '--json']);
  assert.match(second.stderr, /loaded the eigenvalues of 30 entropies/);
  assert.doesNotMatch(second.stderr, /wrote/);
  const blobs = JSON.parse(readFileSync(fixturesDir + 'cases.json', 'utf8')).cases.find((k) => k.op === 'dsmi' && k.X === 'blobs_X.npy' && k.seed === 0 && k.t === 1);
  assertClose(JSON.parse(second.stdout).dsmi, blobs.expected, blobs.tol, 'DSMI from the cache');
  assert.equal(JSON.parse(second.stdout).dsmi, JSON.parse(first.stdout).dsmi);
});

test('cache errors: not an npz, no eigvals, a length that does not match the data, a bad precision, a variant without eigenvalues', () => {
  const dir = tempDir();
  const notNpz = join(dir, 'not.npz');
  writeFileSync(notNpz, 'eigenvalues 1 2 3\n');
  let r = dse(['entropy', fixture('blobs_X.npy'), '--eigenvalues-cache', notNpz]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not\.npz: not an \.npz file/);

  const noEig = join(dir, 'no.npz');
  copyFileSync(fixturesDir + 'npz/no_eigvals.npz', noEig);
  r = dse(['entropy', fixture('blobs_X.npy'), '--eigenvalues-cache', noEig]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no\.npz: the \.npz holds no array named eigvals/);

  const other = join(dir, 'digits.npz');
  copyFileSync(fixturesDir + 'flags/digits400_eig_float16.npz', other);
  r = dse(['eigenvalues', fixture('blobs_X.npy'), '--eigenvalues-cache', other]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /digits\.npz: the eigenvalue cache holds 400 eigenvalues but the data has 300 rows/);

  r = dse(['entropy', fixture('blobs_X.npy'), '--eigenvalues-cache', join(dir, 'x.npz'), '--cache-precision', 'float8']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--cache-precision must be one of float16, float32, float64/);
  r = dse(['entropy', fixture('blobs_X.npy'), '--cache-precision', 'float64']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--cache-precision needs --eigenvalues-cache/);
  r = dse(['entropy', fixture('blobs_X.npy'), '--variant', 'classic', '--eigenvalues-cache', join(dir, 'y.npz')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot be used with --variant classic/);
});

test('--verbose prints each stage with its time on stderr, and stdout stays the result', () => {
  const r = dse(['entropy', fixture('blobs_X.npy'), '--sigma', '5', '--verbose', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^dse: \[ +\d+\.\d{3} s\] read .*blobs_X\.npy \(300 x 20\): \d+\.\d{3} s$/m);
  for (const stage of ['squared distances between rows', 'Gaussian kernel and its normalisation \\(K\\)', 'Householder tridiagonalisation of K', 'implicit QL: the eigenvalues']) {
    assert.match(r.stderr, new RegExp(`${stage} \\(300 x 300, wasm\\): \\d+\\.\\d{3} s`));
  }
  assert.match(r.stderr, /entropy of \|eigenvalues\|\^t/);
  assert.equal(typeof JSON.parse(r.stdout).dse, 'number');
  const mi = dse(['mi', fixture('blobs_X.npy'), fixture('blobs_y.npy'), '--verbose', '--reps', '2']);
  assert.equal(mi.code, 0, mi.stderr);
  assert.equal((mi.stderr.match(/entropy of a cluster/g) ?? []).length, 5);
  assert.equal((mi.stderr.match(/entropy of a random subset/g) ?? []).length, 10);
  assert.doesNotMatch(dse(['entropy', fixture('blobs_X.npy')]).stderr, /\[ +\d/);
});
