// The eigenvalue cache (.npz): numpy's own files read back as numpy reads them (scripts/npz-fixture.py), the
// reference's cache files (fixtures/flags), our files round-tripped with numpy's float16 rounding, and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readEigenvalueCache, writeEigenvalueCache, readNpz, spectralEntropy, DseError } from '../../dist/index.mjs';
import { assertClose, fixturesDir } from './helpers.mjs';

const npz = JSON.parse(readFileSync(fixturesDir + 'npz/npz.json', 'utf8'));
const input = Float64Array.from(npz.input);
const expectedValues = (entry) => entry.values.map(Number);
const flags = JSON.parse(readFileSync(fixturesDir + 'flags/cases.json', 'utf8')).cases;

for (const entry of npz.files) {
  test(`reads numpy's ${entry.file} (${entry.writer}, ${entry.precision}) as numpy reads it, exactly`, () => {
    assert.deepEqual(Array.from(readEigenvalueCache(readFileSync(fixturesDir + 'npz/' + entry.file))), expectedValues(entry));
  });

  test(`writes ${entry.precision} values numpy would store (${entry.precision === 'float16' ? 'ties to even, subnormals, overflow' : 'rounded as astype'})`, () => {
    const bytes = writeEigenvalueCache(input, { precision: entry.precision });
    assert.deepEqual(Array.from(readEigenvalueCache(bytes)), expectedValues(entry));
    if (entry.bits) {
      // The member is stored, so the .npy sits in the zip verbatim: its float16 words equal numpy's astype bits.
      const at = bytes.findIndex((b, i) => b === 0x93 && bytes[i + 1] === 0x4e && bytes[i + 2] === 0x55);
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const body = at + 10 + view.getUint16(at + 8, true);
      assert.deepEqual(Array.from(input, (_, i) => view.getUint16(body + 2 * i, true)), entry.bits);
    }
  });
}

test('our .npz is a zip of one stored eigvals.npy, like np.savez writes', () => {
  const bytes = writeEigenvalueCache(new Float64Array([1, 0.5, -0.25]), { precision: 'float64' });
  assert.deepEqual(Array.from(bytes.subarray(0, 4)), [0x50, 0x4b, 0x03, 0x04]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  assert.equal(view.getUint16(8, true), 0, 'compression method 0 (stored)');
  const nameLength = view.getUint16(26, true);
  assert.equal(new TextDecoder().decode(bytes.subarray(30, 30 + nameLength)), 'eigvals.npy');
  // The member's time and date, as in numpy's own file (zipfile's default, 1980-01-01 00:00): the same arrays
  // give the same bytes whenever they are written.
  const numpys = readFileSync(fixturesDir + 'npz/savez_float64.npz');
  assert.deepEqual(Array.from(bytes.subarray(10, 14)), Array.from(numpys.subarray(10, 14)));
});

for (const c of flags.filter((k) => k.op === 'dse_cache')) {
  test(`${c.id}: the reference's cache file gives its later-call entropy ${c.expected}`, () => {
    const eigenvalues = readEigenvalueCache(readFileSync(fixturesDir + 'flags/' + c.cache), { length: c.id.startsWith('digits') ? 400 : 300 });
    assertClose(spectralEntropy(eigenvalues, { t: c.t }), c.expected, c.tol, c.id);
  });
}

test('a float16 cache decodes exactly: writing the reference float16 values back gives the same bytes of values', () => {
  const reference = readEigenvalueCache(readFileSync(fixturesDir + 'flags/digits400_eig_float16.npz'));
  assert.deepEqual(Array.from(readEigenvalueCache(writeEigenvalueCache(reference))), Array.from(reference));
});

test('a cache with an integer member beside eigvals reads its eigvals; readNpz refuses the integer member', () => {
  const bytes = readFileSync(fixturesDir + 'npz/with_labels.npz');
  assert.deepEqual(Array.from(readEigenvalueCache(bytes)), npz.withLabels);
  assert.deepEqual(Array.from(readEigenvalueCache(new Uint8Array(bytes).buffer)), npz.withLabels, 'an ArrayBuffer works too');
  assert.throws(() => readNpz(bytes), (e) => e instanceof DseError && e.code === 'E_FORMAT' && /labels\.npy must hold float16, float32 or float64/.test(e.message));
});

test('errors: not an npz, an npz without eigvals, a length that does not match, a bad precision', () => {
  const code = (c) => (e) => e instanceof DseError && e.code === c;
  assert.throws(() => readEigenvalueCache(new TextEncoder().encode('eigenvalues,1,2,3')), code('E_FORMAT'));
  assert.throws(() => readEigenvalueCache(readFileSync(fixturesDir + 'digits400_X.npy')), code('E_FORMAT'));
  assert.throws(() => readEigenvalueCache(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])), code('E_FORMAT'));
  assert.throws(() => readEigenvalueCache(readFileSync(fixturesDir + 'npz/no_eigvals.npz')), (e) => code('E_FORMAT')(e) && /no array named eigvals/.test(e.message));
  assert.throws(() => readEigenvalueCache(readFileSync(fixturesDir + 'flags/blobs_eig_float64.npz'), { length: 400 }), (e) => code('E_SHAPE')(e) && /300 eigenvalues but the data has 400 rows/.test(e.message));
  assert.throws(() => writeEigenvalueCache([1], { precision: 'float8' }), (e) => code('E_ARGUMENT')(e) && e.argument === 'precision');
});

test('DSMI eigenvalueCache: filled on the first call, used on the second (same value), refused when a member does not fit', async () => {
  const { ready, diffusionSpectralMutualInformation } = await import('../../dist/index.mjs');
  const { readNpy } = await import('./helpers.mjs');
  await ready();
  const X = readNpy('blobs_X.npy');
  const y = readNpy('blobs_y.npy').data;
  const cache = new Map();
  const first = diffusionSpectralMutualInformation(X, y, { sigma: 4.47213595499958, eigenvalueCache: cache }).value;
  assert.equal(cache.size, 5 * 6);
  assert.equal(cache.get('eigvals_0').length, 60);
  // A cache whose values all say "one eigenvalue of 1" changes the value: it is read, not recomputed.
  const fake = new Map([...cache].map(([k, v]) => [k, Float64Array.from(v, (_, i) => (i === 0 ? 1 : 0))]));
  assert.notEqual(diffusionSpectralMutualInformation(X, y, { sigma: 4.47213595499958, eigenvalueCache: fake }).value, first);
  assert.equal(diffusionSpectralMutualInformation(X, y, { sigma: 4.47213595499958, eigenvalueCache: cache }).value, first);
  cache.set('eigvals_3', new Float64Array(7));
  assert.throws(() => diffusionSpectralMutualInformation(X, y, { sigma: 4.47213595499958, eigenvalueCache: cache }), (e) => e instanceof DseError && e.code === 'E_SHAPE' && /eigvals_3 holds 7 eigenvalues/.test(e.message));
  assert.throws(() => diffusionSpectralMutualInformation(X, y, { eigenvalueCache: cache, entropy: 'classic' }), (e) => e instanceof DseError && e.argument === 'eigenvalueCache');
});

test('our float16 cache of K\'s eigenvalues holds exactly the values of the reference\'s float16 file, both backends', async () => {
  const { ready, diffusionEigenvalues } = await import('../../dist/index.mjs');
  const { readNpy } = await import('./helpers.mjs');
  await ready();
  for (const c of flags.filter((k) => k.op === 'dse_cache' && k.precision === 'float16')) {
    const reference = readEigenvalueCache(readFileSync(fixturesDir + 'flags/' + c.cache));
    for (const backend of ['wasm', 'js']) {
      // Ascending, the order of the reference's eigvalsh and of what `dse --eigenvalues-cache` writes.
      const ours = readEigenvalueCache(writeEigenvalueCache(diffusionEigenvalues(readNpy(c.X), { sigma: c.sigma, backend }).sort()));
      assert.deepEqual(Array.from(ours), Array.from(reference), `${c.id} (${backend})`);
    }
  }
});
