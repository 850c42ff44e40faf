// Adjacency spectral entropy (docs/measures.md, ASE) and the general eigenvalue solver behind it, on both backends.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ready, adjacencySpectralEntropy, generalEigenvalues, symmetricEigenvalues, diffusionSpectralEntropy, pythonSample, DseError,
} from '../../dist/index.mjs';
import { cases, readNpy, randomMatrix, uniform, assertClose } from './helpers.mjs';

before(() => ready());

const backends = ['wasm', 'js'];

function aseOptions(c, backend) {
  const opts = { sigma: c.sigma, anisotropic: c.anisotropic, backend };
  if (c.knn !== null && c.knn !== undefined) opts.knn = c.knn;
  if (c.maxN !== undefined) opts.maxN = c.maxN;
  if (c.seed !== undefined) opts.seed = c.seed;
  return opts;
}

for (const backend of backends) {
  for (const c of cases.filter((c) => c.op === 'ase')) {
    test(`${c.id} (${backend})`, () => {
      assertClose(adjacencySpectralEntropy(readNpy(c.X), aseOptions(c, backend)), c.expected, c.tol, c.id);
    });
  }
}

test('the ase fixtures include every adjacency kind', () => {
  const ase = cases.filter((c) => c.op === 'ase');
  assert.ok(ase.some((c) => c.knn) && ase.some((c) => c.anisotropic) && ase.some((c) => !c.knn && !c.anisotropic));
});

// Matches computed eigenvalues to expected ones (each used once) within tol.
function assertSpectrum(got, want, tol, what) {
  assert.equal(got.real.length, want.length, what);
  const used = new Array(want.length).fill(false);
  for (const [x, y] of want) {
    const k = used.findIndex((u, k) => !u && Math.abs(got.real[k] - x) <= tol && Math.abs(got.imag[k] - y) <= tol);
    assert.ok(k >= 0, `${what}: no eigenvalue near ${x} + ${y}i in ${Array.from(got.real, (r, k) => `${r} + ${got.imag[k]}i`).join(', ')}`);
    used[k] = true;
  }
}

function randomSquare(n, seed) {
  const next = uniform(seed);
  return { data: Float64Array.from({ length: n * n }, () => next() * 2 - 1), rows: n, cols: n };
}

for (const backend of backends) {
  test(`generalEigenvalues of known matrices (${backend})`, () => {
    const t = 0.7;
    const rotation = generalEigenvalues([[Math.cos(t), -Math.sin(t)], [Math.sin(t), Math.cos(t)]], { backend });
    assert.deepEqual(Array.from(rotation.imag.map(Math.sign)), [1, -1], 'conjugate pair, positive first');
    assertSpectrum(rotation, [[Math.cos(t), Math.sin(t)], [Math.cos(t), -Math.sin(t)]], 1e-15, 'rotation');

    const triangular = generalEigenvalues([[1, 5, -3], [0, -2, 7], [0, 0, 3]], { backend });
    assert.deepEqual(Array.from(triangular.real), [3, 1, -2], 'sorted by descending real part');
    assert.deepEqual(Array.from(triangular.imag), [0, 0, 0]);

    // Companion matrix of (x - 1)(x - 2)(x - 3)(x^2 + 1).
    const companion = [[6, -12, 12, -11, 6], [1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0]];
    assertSpectrum(generalEigenvalues(companion, { backend }), [[1, 0], [2, 0], [3, 0], [0, 1], [0, -1]], 1e-10, 'companion');

    // A general (not Hessenberg) matrix: block-diagonal D mixed by P = I + e_0 e_3^T.
    const D = [[2, -3, 0, 0], [3, 2, 0, 0], [0, 0, -1, 0], [0, 0, 0, 4]];
    const B = D.map((row) => row.slice());
    for (let j = 0; j < 4; j++) B[0][j] += D[3][j];
    for (let i = 0; i < 4; i++) B[i][3] -= B[i][0];
    assertSpectrum(generalEigenvalues(B, { backend }), [[2, 3], [2, -3], [-1, 0], [4, 0]], 1e-13, 'mixed blocks');

    // Cube roots of unity: the cyclic permutation needs dlahqr's exceptional shifts.
    const s = Math.sqrt(3) / 2;
    assertSpectrum(generalEigenvalues([[0, 0, 1], [1, 0, 0], [0, 1, 0]], { backend }), [[1, 0], [-0.5, s], [-0.5, -s]], 1e-14, 'cyclic');

    assertSpectrum(generalEigenvalues([[-7]], { backend }), [[-7, 0]], 0, '1 x 1');
  });

  test(`generalEigenvalues equals symmetricEigenvalues on symmetric input (${backend})`, () => {
    const n = 60;
    const a = randomSquare(n, 11);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[i * n + j] = a.data[j * n + i];
    const general = generalEigenvalues(a, { backend });
    const symmetric = symmetricEigenvalues(a, { backend });
    for (let k = 0; k < n; k++) {
      assertClose(general.imag[k], 0, 0, `imag[${k}]`);
      assertClose(general.real[k], symmetric[k], 1e-12, `lambda[${k}]`);
    }
  });

  test(`generalEigenvalues of a random matrix keep trace(A) and trace(A^2) (${backend})`, () => {
    const n = 80;
    const a = randomSquare(n, 5);
    let tr = 0;
    let tr2 = 0;
    for (let i = 0; i < n; i++) {
      tr += a.data[i * n + i];
      for (let j = 0; j < n; j++) tr2 += a.data[i * n + j] * a.data[j * n + i];
    }
    const { real, imag } = generalEigenvalues(a, { backend });
    let sum = 0;
    let sumSq = 0;
    let sumIm = 0;
    let complex = 0;
    for (let k = 0; k < n; k++) {
      sum += real[k];
      sumIm += imag[k];
      sumSq += real[k] * real[k] - imag[k] * imag[k];
      if (imag[k] !== 0) complex++;
    }
    assert.ok(complex > 0, 'a random real matrix has complex eigenvalues');
    assertClose(sum, tr, 1e-11, 'sum of eigenvalues');
    assertClose(sumIm, 0, 1e-12, 'conjugate pairs');
    assertClose(sumSq, tr2, 1e-10, 'sum of squared eigenvalues');
  });
}

test('wasm and js agree on generalEigenvalues of random matrices', () => {
  for (const [n, seed] of [[7, 1], [33, 2], [120, 3]]) {
    const a = randomSquare(n, seed);
    const w = generalEigenvalues(a, { backend: 'wasm' });
    const j = generalEigenvalues(a, { backend: 'js' });
    for (let k = 0; k < n; k++) {
      assertClose(w.real[k], j.real[k], 1e-11, `n ${n} real[${k}]`);
      assertClose(w.imag[k], j.imag[k], 1e-11, `n ${n} imag[${k}]`);
    }
  }
});

test('wasm and js agree on adjacencySpectralEntropy of random data', () => {
  for (const [rows, cols, seed] of [[60, 5, 1], [150, 12, 2]]) {
    const X = randomMatrix(rows, cols, seed);
    for (const opts of [{ sigma: 0.5 }, { sigma: 0.5, anisotropic: true }, { knn: 1 }]) {
      const w = adjacencySpectralEntropy(X, { ...opts, backend: 'wasm' });
      const j = adjacencySpectralEntropy(X, { ...opts, backend: 'js' });
      assertClose(w, j, 1e-12, `${rows} x ${cols} ${JSON.stringify(opts)}`);
    }
    // A kNN adjacency has repeated rows, hence a defective eigenvalue 0 whose computed moduli are rounding
    // noise of order eps^(1/m) (m its Jordan block size): the entropy is reproducible only to about 1e-4, the
    // fixtures' tolerance, in the reference as here.
    for (const knn of [3, 5, rows - 1]) {
      const w = adjacencySpectralEntropy(X, { knn, backend: 'wasm' });
      const j = adjacencySpectralEntropy(X, { knn, backend: 'js' });
      assertClose(w, j, 1e-4, `${rows} x ${cols} knn ${knn}`);
    }
  }
});

test('wasm and js agree on the well-conditioned eigenvalues of kNN adjacency matrices', () => {
  // The eigenvalues away from 0 are simple and well-conditioned: they agree to rounding.
  const n = 100;
  const X = randomMatrix(n, 6, 4);
  const A = new Float64Array(n * n);
  const d = (i, j) => Math.hypot(...Array.from({ length: 6 }, (_, c) => X.data[i * 6 + c] - X.data[j * 6 + c]));
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: n }, (_, j) => d(i, j));
    const r = [...row].sort((a, b) => a - b)[4];
    for (let j = 0; j < n; j++) A[i * n + j] = row[j] <= r ? 1 : 0;
  }
  const large = ({ real, imag }) => Array.from(real, (x, k) => [x, imag[k]]).filter(([x, y]) => Math.hypot(x, y) > 0.05);
  const w = large(generalEigenvalues({ data: A, rows: n, cols: n }, { backend: 'wasm' }));
  const j = large(generalEigenvalues({ data: A, rows: n, cols: n }, { backend: 'js' }));
  assert.ok(w.length > n / 2, `${w.length} eigenvalues above 0.05`);
  assert.equal(w.length, j.length);
  for (let k = 0; k < w.length; k++) {
    assertClose(w[k][0], j[k][0], 1e-9, `real[${k}]`);
    assertClose(w[k][1], j[k][1], 1e-9, `imag[${k}]`);
  }
});

for (const backend of backends) {
  test(`adjacencySpectralEntropy properties (${backend})`, () => {
    const X = randomMatrix(90, 6, 9);
    // A = K: ASE is DSE at t = 1.
    assertClose(adjacencySpectralEntropy(X, { sigma: 0.7, anisotropic: true, backend }),
      diffusionSpectralEntropy(X, { sigma: 0.7, t: 1, backend }), 1e-12, 'anisotropic = DSE');
    // knn = 1 links each point to itself only: A = I (symmetric), all |lambda| = 1, ASE = log2 N up to eps.
    assertClose(adjacencySpectralEntropy(X, { knn: 1, backend }), Math.log2(90), 1e-12, 'knn = 1');
    // knn = N - 1 of N: A is all ones but for each row's farthest point. Its entropy is below log2 N.
    const far = adjacencySpectralEntropy(X, { knn: 89, backend });
    assert.ok(far > 0 && far < Math.log2(90), `knn = N - 1 gives ${far}`);
    // maxN: the entropy of the Python-compatible sample of rows.
    const rows = pythonSample(3, 90, 40);
    const sub = { data: new Float32Array(40 * 6), rows: 40, cols: 6 };
    rows.forEach((r, k) => sub.data.set(X.data.subarray(r * 6, r * 6 + 6), k * 6));
    for (const knn of [undefined, 4]) {
      assertClose(adjacencySpectralEntropy(X, { maxN: 40, seed: 3, knn, backend }),
        adjacencySpectralEntropy(sub, { knn, backend }), 0, `maxN with knn ${knn}`);
    }
  });

  test(`adjacency bad input is refused, and the next call works (${backend})`, () => {
    const X = randomMatrix(30, 4, 3);
    const good = () => assert.ok(Number.isFinite(adjacencySpectralEntropy(X, { knn: 5, backend })));
    const refuses = (fn, code, argument, value) => {
      assert.throws(fn, (e) => e instanceof DseError && e.code === code && e.argument === argument &&
        (value === undefined || Object.is(e.value, value)) && (value === undefined || e.message.includes(String(value))));
      good();
    };
    refuses(() => adjacencySpectralEntropy(X, { knn: 30, backend }), 'E_ARGUMENT', 'knn', 30);
    refuses(() => adjacencySpectralEntropy(X, { knn: 31, backend }), 'E_ARGUMENT', 'knn', 31);
    refuses(() => adjacencySpectralEntropy(X, { knn: 0, backend }), 'E_ARGUMENT', 'knn', 0);
    refuses(() => adjacencySpectralEntropy(X, { knn: 2.5, backend }), 'E_ARGUMENT', 'knn', 2.5);
    refuses(() => adjacencySpectralEntropy(X, { knn: 20, maxN: 20, backend }), 'E_ARGUMENT', 'knn', 20);
    refuses(() => adjacencySpectralEntropy(X, { anisotropic: 'yes', backend }), 'E_ARGUMENT', 'anisotropic');
    refuses(() => adjacencySpectralEntropy(X, { sigma: -1, backend }), 'E_ARGUMENT', 'sigma', -1);
    const bad = { data: Float32Array.from(X.data), rows: 30, cols: 4 };
    bad.data[17] = NaN;
    refuses(() => adjacencySpectralEntropy(bad, { knn: 5, backend }), 'E_NOT_FINITE', 'X');
    refuses(() => generalEigenvalues({ data: new Float64Array(6), rows: 2, cols: 3 }, { backend }), 'E_SHAPE', 'A');
    refuses(() => generalEigenvalues([[1, NaN], [0, 1]], { backend }), 'E_NOT_FINITE', 'A');
    refuses(() => generalEigenvalues([[1, Infinity], [0, 1]], { backend }), 'E_NOT_FINITE', 'A');
  });
}

test('knn: true is the reference\'s use_knn=True with its k = 10; knn: false the Gaussian adjacency', () => {
  const X = randomMatrix(40, 3, 21);
  for (const backend of ['wasm', 'js']) {
    assert.equal(adjacencySpectralEntropy(X, { knn: true, backend }), adjacencySpectralEntropy(X, { knn: 10, backend }));
    assert.equal(adjacencySpectralEntropy(X, { knn: false, sigma: 2, backend }), adjacencySpectralEntropy(X, { sigma: 2, backend }));
  }
});
