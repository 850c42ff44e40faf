// The toolkit's measures against their Python packages (tests/fixtures/toolkit, copied from the shared
// fixtures: vendi-score, PHATE's vne.py, scikit-dimension, RankMe and matrix Renyi by their formulas), on
// both backends, each case within its own tolerance. The kernel cases (dse_kernel with alpha > 0 or the
// adaptive kernel, eigenvalue_count) belong to the kernel descriptions and are tested with them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ready, diffusionSpectralEntropy, vendiScore, vendiScoreFromKernel, rankMe, vonNeumannEntropy, diffusionVonNeumannEntropy, kneePoint,
  renyiEntropy, intrinsicDimension,
} from '../../dist/index.mjs';
import { fixturesDir, readNpy } from './helpers.mjs';

const cases = JSON.parse(readFileSync(fixturesDir + 'toolkit/cases.json', 'utf8')).cases;
const load = (name) => readNpy('toolkit/' + name);

before(() => ready());

function within(got, c, expected = c.expected, what = c.id) {
  const bound = c.tol !== undefined ? c.tol : c.rtol * Math.abs(expected);
  assert.ok(Math.abs(got - expected) <= bound, `${what}: ${got} differs from ${expected} by ${Math.abs(got - expected)} > ${bound}`);
}

// K = Xn Xn^T in float64, rows of X scaled to unit length (the fixtures' cosine kernel).
function cosineKernel(X) {
  const { data, rows: n, cols: d } = X;
  const xn = Float64Array.from(data);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += xn[i * d + j] ** 2;
    for (let j = 0; j < d; j++) xn[i * d + j] /= Math.sqrt(s);
  }
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += xn[i * d + k] * xn[j * d + k];
      K[i * n + j] = s;
    }
  }
  return { data: K, rows: n, cols: n };
}

// P = diag(1 / row sums of G) G, G_ij = exp(-d_ij^2 / (2 sigma^2)), built here independently of the library.
function diffusionOperator(X, sigma) {
  const { data, rows: n, cols: d } = X;
  const P = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (data[i * d + k] - data[j * d + k]) ** 2;
      P[i * n + j] = Math.exp(-s / (2 * sigma * sigma));
      total += P[i * n + j];
    }
    for (let j = 0; j < n; j++) P[i * n + j] /= total;
  }
  return { data: P, rows: n, cols: n };
}

const ops = ['vendi_x', 'vendi_k', 'rankme', 'vne', 'renyi', 'intrinsic_dimension'];
const worst = {};

test('every non-kernel op of the toolkit fixtures is covered', () => {
  const seen = new Set(cases.map((c) => c.op));
  for (const op of seen) assert.ok(ops.includes(op) || op === 'dse_kernel' || op === 'eigenvalue_count', op);
  for (const op of ops) assert.ok(cases.some((c) => c.op === op), op);
});

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => ops.includes(c.op))) {
    test(`${c.id} (${backend})`, () => {
      const X = load(c.X);
      let got;
      if (c.op === 'vendi_x') got = vendiScore(X, { q: c.q, normalize: c.normalize, backend });
      else if (c.op === 'vendi_k') got = vendiScoreFromKernel(cosineKernel(X), { q: c.q, backend });
      else if (c.op === 'rankme') got = rankMe(X, { eps: c.eps, backend });
      else if (c.op === 'renyi') got = renyiEntropy(X, { alpha: c.alpha, sigma: c.sigma, backend });
      else if (c.op === 'intrinsic_dimension') {
        got = intrinsicDimension(X, { method: c.method, discardFraction: c.discardFraction, nNeighbors: c.nNeighbors, backend });
      }
      if (c.op === 'vne') {
        const h = vonNeumannEntropy(diffusionOperator(X, c.sigma), { tMax: c.tMax, backend });
        const curve = diffusionVonNeumannEntropy(X, { sigma: c.sigma, tMax: c.tMax, backend });
        assert.equal(h.length, c.expected.length);
        let err = 0;
        for (let j = 0; j < h.length; j++) {
          within(h[j], c, c.expected[j], `${c.id}[${j}]`);
          within(curve.entropy[j], c, c.expected[j], `${c.id} diffusionVonNeumannEntropy[${j}]`);
          err = Math.max(err, Math.abs(h[j] - c.expected[j]), Math.abs(curve.entropy[j] - c.expected[j]));
        }
        assert.equal(kneePoint(c.expected, c.expected.map((_, i) => i)), c.knee, 'knee of the expected curve');
        assert.equal(curve.optimalT, c.knee, 'optimalT');
        worst[`${c.op} ${backend}`] = Math.max(worst[`${c.op} ${backend}`] ?? 0, err);
        return;
      }
      within(got, c);
      const err = Math.abs(got - c.expected) / (c.tol !== undefined ? 1 : Math.abs(c.expected));
      worst[`${c.op} ${backend}`] = Math.max(worst[`${c.op} ${backend}`] ?? 0, err);
    });
  }
}

// The Gaussian kernel with alpha = 0 is exactly the reference's K: today's DSE must give manylatents' numbers.
for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'dse_kernel' && c.kernel.type === 'gaussian' && c.kernel.alpha === 0)) {
    test(`${c.id} (${backend}, alpha = 0 as diffusionSpectralEntropy)`, () => {
      const got = diffusionSpectralEntropy(load(c.X), { sigma: c.kernel.sigma, t: c.t, backend });
      within(got, c);
      worst[`dse_kernel alpha0 ${backend}`] = Math.max(worst[`dse_kernel alpha0 ${backend}`] ?? 0, Math.abs(got - c.expected));
    });
  }
}

test('worst errors per fixture group', () => {
  // Absolute for tol cases (vne, renyi), relative for rtol cases.
  console.log(JSON.stringify(worst));
});
