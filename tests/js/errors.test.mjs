// Every documented error: typed (DseError with a code), naming the argument and the value received, and the
// engine keeps working after each one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  ready, DseError, diffusionSpectralEntropy, diffusionEigenvalues, symmetricEigenvalues, spectralEntropy,
  pythonSample, setDefaultBackend, defaultBackend,
} from '../../dist/index.mjs';
import { randomMatrix } from './helpers.mjs';

before(() => ready());

const good = randomMatrix(12, 3, 99, 2);

/** Asserts fn throws a DseError with this code whose message contains every fragment. */
function throwsDse(fn, code, ...fragments) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof DseError, `not a DseError: ${e}`);
    assert.equal(e.code, code, e.message);
    for (const f of fragments) assert.ok(e.message.includes(f), `message "${e.message}" lacks "${f}"`);
    return true;
  });
}

/** After an error, the same engine must still answer, and answer the same as before. */
function stillWorks(backend) {
  const h = diffusionSpectralEntropy(good, { sigma: 1, backend });
  assert.equal(h, diffusionSpectralEntropy(good, { sigma: 1, backend: backend === 'wasm' ? 'wasm' : 'js' }));
  assert.ok(h > 0 && h < Math.log2(12));
}

const nan = Float32Array.from(good.data);
nan[7] = NaN;
const inf = Float64Array.from(good.data);
inf[30] = -Infinity;

const cases = [
  ['NaN in X', () => ({ data: nan, rows: 12, cols: 3 }), {}, 'E_NOT_FINITE', 'NaN', 'row 2, column 1'],
  ['Infinity in X', () => ({ data: inf, rows: 12, cols: 3 }), {}, 'E_NOT_FINITE', '-Infinity', 'row 10'],
  ['NaN in an array of rows', () => [[0, 1], [NaN, 2]], {}, 'E_NOT_FINITE', 'NaN'],
  ['a string in an array of rows', () => [[0, 1], ['a', 2]], {}, 'E_NOT_FINITE', '"a"'],
  ['rows < 2', () => ({ data: new Float32Array(3), rows: 1, cols: 3 }), {}, 'E_SHAPE', 'at least 2 rows', 'received 1'],
  ['cols < 1', () => ({ data: new Float32Array(0), rows: 5, cols: 0 }), {}, 'E_SHAPE', 'at least 1 column', 'received 0'],
  ['length != rows * cols', () => ({ data: new Float32Array(10), rows: 4, cols: 3 }), {}, 'E_SHAPE', 'length 10', '4 * 3 = 12'],
  ['ragged rows', () => [[1, 2], [3]], {}, 'E_SHAPE', 'X[1] has 1 values'],
  ['rows not an integer', () => ({ data: new Float32Array(6), rows: 2.5, cols: 2 }), {}, 'E_SHAPE', 'X.rows', '2.5'],
  ['not a matrix', () => 42, {}, 'E_SHAPE', 'X must be', '42'],
  ['empty array', () => [], {}, 'E_SHAPE', 'at least 2 rows', 'received 0'],
  ['sigma = 0', () => good, { sigma: 0 }, 'E_ARGUMENT', 'sigma', 'received 0'],
  ['sigma < 0', () => good, { sigma: -1 }, 'E_ARGUMENT', 'sigma', 'received -1'],
  ['sigma NaN', () => good, { sigma: NaN }, 'E_ARGUMENT', 'sigma', 'NaN'],
  ['sigma Infinity', () => good, { sigma: Infinity }, 'E_ARGUMENT', 'sigma', 'Infinity'],
  ['sigma a string', () => good, { sigma: '10' }, 'E_ARGUMENT', 'sigma', '"10"'],
  ['t = 0', () => good, { t: 0 }, 'E_ARGUMENT', 't must be', 'received 0'],
  ['t Infinity', () => good, { t: Infinity }, 'E_ARGUMENT', 't must be', 'Infinity'],
  ['maxN < 2', () => good, { maxN: 1 }, 'E_ARGUMENT', 'maxN', 'received 1'],
  ['maxN not an integer', () => good, { maxN: 5.5 }, 'E_ARGUMENT', 'maxN', '5.5'],
  ['seed negative', () => good, { seed: -1 }, 'E_ARGUMENT', 'seed', 'received -1'],
  ['seed not an integer', () => good, { seed: 0.5 }, 'E_ARGUMENT', 'seed', '0.5'],
  ['unknown backend', () => good, { backend: 'gpu' }, 'E_ARGUMENT', 'backend', '"gpu"'],
  ['too large for 4 GiB', () => ({ data: new Float32Array(30000), rows: 30000, cols: 1 }), { maxN: 30000 }, 'E_TOO_LARGE', '4 GiB'],
];

for (const backend of ['wasm', 'js']) {
  for (const [what, X, opts, code, ...fragments] of cases) {
    test(`${what} (${backend}): ${code}, then a good call`, () => {
      const o = { backend, ...opts };
      throwsDse(() => diffusionSpectralEntropy(X(), o), code, ...fragments);
      stillWorks(backend);
    });
  }

  test(`symmetricEigenvalues refuses non-square and non-symmetric matrices (${backend})`, () => {
    throwsDse(() => symmetricEigenvalues({ data: new Float64Array(6), rows: 2, cols: 3 }, { backend }), 'E_SHAPE', 'square', '2 x 3');
    throwsDse(() => symmetricEigenvalues([[1, 2], [3, 4]], { backend }), 'E_NOT_SYMMETRIC', 'A[0][1] = 2', 'A[1][0] = 3');
    throwsDse(() => symmetricEigenvalues([[1, NaN], [NaN, 4]], { backend }), 'E_NOT_FINITE', 'NaN');
    stillWorks(backend);
    // Within numpy.allclose's tolerance it is symmetric, and the lower triangle is used as LAPACK does.
    const lowerOnly = symmetricEigenvalues([[2, 1 + 1e-9], [1, 2]], { backend });
    assert.deepEqual(Array.from(lowerOnly), Array.from(symmetricEigenvalues([[2, 1], [1, 2]], { backend })));
  });

  test(`symmetricEigenvalues survives entries near the ends of the float64 range (${backend})`, () => {
    for (const s of [1e300, 1e-300]) {
      const ev = symmetricEigenvalues([[s, s], [s, -s]], { backend });
      assert.ok(Math.abs(ev[0] / (Math.SQRT2 * s) - 1) < 1e-15, `${ev[0]}`);
      assert.ok(Math.abs(ev[1] / (-Math.SQRT2 * s) - 1) < 1e-15, `${ev[1]}`);
    }
  });

  test(`diffusionEigenvalues refuses bad input too (${backend})`, () => {
    throwsDse(() => diffusionEigenvalues({ data: nan, rows: 12, cols: 3 }, { backend }), 'E_NOT_FINITE', 'NaN');
    throwsDse(() => diffusionEigenvalues(good, { sigma: -2, backend }), 'E_ARGUMENT', 'sigma');
    throwsDse(() => diffusionEigenvalues({ data: new Float32Array(30000), rows: 30000, cols: 1 }, { backend: 'wasm' }), 'E_TOO_LARGE', 'N = 30000');
    stillWorks(backend);
  });
}

test('errors carry the argument and the value received', () => {
  try {
    diffusionSpectralEntropy(good, { sigma: -3 });
    assert.fail('no error');
  } catch (e) {
    assert.equal(e.name, 'DseError');
    assert.equal(e.argument, 'sigma');
    assert.equal(e.value, -3);
  }
});

test('spectralEntropy, pythonSample and setDefaultBackend validate their arguments', () => {
  throwsDse(() => spectralEntropy([]), 'E_SHAPE', 'non-empty');
  throwsDse(() => spectralEntropy([1, NaN]), 'E_NOT_FINITE', 'eigenvalues[1]');
  throwsDse(() => spectralEntropy([0, 0]), 'E_ARGUMENT', 'all be zero');
  throwsDse(() => spectralEntropy([1, 0.5], { t: -1 }), 'E_ARGUMENT', 't must be');
  throwsDse(() => pythonSample(-1, 10, 3), 'E_ARGUMENT', 'seed');
  throwsDse(() => pythonSample(0, 10, 11), 'E_ARGUMENT', 'k must be', '11');
  throwsDse(() => pythonSample(0, 2.5, 1), 'E_ARGUMENT', 'n must be');
  throwsDse(() => setDefaultBackend('cuda'), 'E_ARGUMENT', '"cuda"');
  assert.equal(defaultBackend(), 'wasm');
  setDefaultBackend('js');
  assert.equal(defaultBackend(), 'js');
  assert.equal(diffusionSpectralEntropy(good, { sigma: 1 }), diffusionSpectralEntropy(good, { sigma: 1, backend: 'js' }));
  setDefaultBackend('wasm');
  assert.equal(defaultBackend(), 'wasm');
});

test('the WASM backend before ready() is a clear error, and the JS backend needs no ready()', () => {
  const dist = fileURLToPath(new URL('../../dist/index.mjs', import.meta.url));
  const script = `
    const m = await import(${JSON.stringify(dist)});
    const X = [[0, 0], [1, 1], [2, 0]];
    try { m.diffusionSpectralEntropy(X); console.log('no error'); }
    catch (e) { console.log(e.code + ': ' + e.message); }
    console.log('js', m.diffusionSpectralEntropy(X, { backend: 'js' }) > 0);
    await Promise.all([m.ready(), m.ready()]);
    console.log('wasm', m.isReady(), m.diffusionSpectralEntropy(X) === m.diffusionSpectralEntropy(X, { backend: 'js' }) ? 'same' : 'differs');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^E_NOT_READY: .*await ready\(\)/);
  assert.equal(lines[1], 'js true');
  assert.match(lines[2], /^wasm true (same|differs)$/);
});
