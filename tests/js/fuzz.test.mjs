// Property-based tests (fast-check) over every public function of the package, on both backends. For random
// shapes (1..60 rows, 1..40 columns), every numeric typed-array kind, and hostile values (NaN, +-Infinity, -0,
// subnormals, 1e308, wrong lengths, ragged rows, strings, null, objects, functions, BigInts, huge and tiny
// sigma and t, bad seeds), each call either returns a finite result of its documented shape or throws a
// DseError with a code the README documents and a message naming the argument; right after it, a fixed
// valid call returns its value bit for bit.
//
// npm test runs FUZZ_RUNS (default 300) runs per function and backend from the fixed seed FUZZ_SEED
// (default 20261201); `npm run fuzz` runs many more (FUZZ_RUNS=5000 unless set) from a random seed, printed first. A failure
// prints the seed and path: replay it with FUZZ_SEED=<seed> FUZZ_PATH=<path> node --test tests/js/fuzz.test.mjs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeSync } from 'node:fs';
import fc from 'fast-check';
import * as api from '../../dist/index.mjs';
import {
  backend as anyBackend, buildLabels, choice, withGood, buildMatrix, junk, labelsSpec, largestMagnitude, matrixSpec, options,
  positive, reps, scalar, seed as anySeed, sigma as anySigma,
} from './fuzz-arbitraries.mjs';
import { randomMatrix } from './helpers.mjs';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? 20261201 : Number(process.env.FUZZ_SEED);
const PATH = process.env.FUZZ_PATH;
const { DseError } = api;

// The codes the README's Errors section documents.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const errorsSection = readme.slice(readme.indexOf('### Errors'), readme.indexOf('## The `dse` command line'));
const DOCUMENTED = new Set(errorsSection.match(/^\| `(E_[A-Z_]+)`/gm).map((s) => s.slice(3, -1)));
// Codes no call of at most 60 rows may give after ready(): not E_TOO_LARGE (a 4 GiB problem), not
// E_NOT_READY, not E_NO_CONVERGENCE on a finite matrix.
const INPUT_CODES = ['E_NOT_FINITE', 'E_SHAPE', 'E_ARGUMENT'];

before(() => api.ready());

/** Rows of a matrix argument as the library reads them (for bounds), or 0. */
function rowsOf(m) {
  if (m !== null && typeof m === 'object' && 'data' in m) return m.rows;
  return m?.length ?? 0;
}

function isDescending(v) {
  for (let i = 1; i < v.length; i++) if (!(v[i - 1] >= v[i])) return false;
  return true;
}

function finiteArray(v, Type, length) {
  assert.ok(v instanceof Type, `a ${Type.name}`);
  assert.equal(v.length, length);
  for (let i = 0; i < v.length; i++) assert.ok(Number.isFinite(v[i]), `element ${i} is ${v[i]}`);
}

function entropyIn(h, bound) {
  assert.equal(typeof h, 'number');
  assert.ok(Number.isFinite(h), `entropy ${h}`);
  assert.ok(h >= -1e-12 && h <= bound + 1e-9, `entropy ${h} outside [0, ${bound}]`);
}

function sameBits(a, b) {
  if (typeof a === 'number') return Object.is(a, b);
  if (ArrayBuffer.isView(a)) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  if (Array.isArray(a)) return a.length === b.length && a.every((v, i) => sameBits(v, b[i]));
  if (a !== null && typeof a === 'object') return Object.keys(a).every((k) => sameBits(a[k], b[k]));
  return Object.is(a, b);
}

function checkThrown(e, codes, Class = DseError) {
  if (!(e instanceof Class)) throw new Error(`threw ${e?.constructor?.name ?? typeof e} instead of a DseError: ${e?.message ?? e}`, { cause: e });
  assert.ok(DOCUMENTED.has(e.code), `code ${e.code} is not in the README's Errors section`);
  assert.ok(codes.includes(e.code), `code ${e.code} not expected here: ${e.message}`);
  assert.ok(typeof e.argument === 'string' && e.argument.length > 0, `no argument named: ${e.message}`);
  const root = /^[A-Za-z]+/.exec(e.argument)?.[0] ?? e.argument;
  assert.ok(e.message.includes(root), `message "${e.message}" does not name its argument ${e.argument}`);
}

const usable = (b) => (b === 'wasm' || b === 'js' ? b : 'wasm');
const small = randomMatrix(12, 3, 99, 2);
const smallLabels = Int32Array.from({ length: 12 }, (_, i) => i % 3);
const sym = [[2, 1, 0], [1, 3, 1], [0, 1, 4]];
const gen = [[1, 2, 3], [4, 5, 6], [7, 8, 10]];


/**
 * One property per public function: `args` generates its arguments, `call` makes the call, `check` checks a
 * result, `codes` are the codes it may throw, `fixed` a valid call whose value must not change, `keep`
 * filters out inputs that belong to another branch's cases (each filter says which).
 */
const FUNCTIONS = {
  diffusionEigenvalues: {
    args: (b) => fc.tuple(matrixSpec(), options({ sigma: anySigma, backend: b })),
    call: ([X, o]) => api.diffusionEigenvalues(X, o),
    check: (r, [X]) => { finiteArray(r, Float64Array, rowsOf(X)); assert.ok(isDescending(r)); },
    fixed: (b) => api.diffusionEigenvalues(small, { sigma: 1, backend: b }),
  },
  diffusionSpectralEntropy: {
    args: (b) => fc.tuple(matrixSpec(), options({
      sigma: anySigma, t: scalar(fc.double({ min: 0.1, max: 20, noNaN: true })), maxN: scalar(fc.integer({ min: 2, max: 70 })),
      seed: anySeed, variant: choice(['eigen', 'matrix-entry', undefined], ['classic', 'Eigen', 0]), backend: b,
    })),
    call: ([X, o]) => api.diffusionSpectralEntropy(X, o),
    check: (h, [X, o]) => {
      const n = Math.min(rowsOf(X), o?.maxN ?? 10000);
      entropyIn(h, (o?.variant === 'matrix-entry' ? 2 : 1) * Math.log2(n));
    },
    fixed: (b) => api.diffusionSpectralEntropy(small, { sigma: 1, t: 2, backend: b }),
  },
  diffusionEigenvalueCount: {
    args: (b) => fc.tuple(matrixSpec(), options({
      kernel: choice(
        [undefined, { type: 'gaussian', sigma: 1 }, { type: 'gaussian', sigma: 'auto', alpha: 0.5 }, { type: 'adaptive' }, { type: 'adaptive', k: 3, alpha: 0 }],
        [{ type: 'laplace' }, { type: 'adaptive', k: 0 }, { type: 'gaussian', alpha: -1 }, { type: 'adaptive', sigma: 1 }, 'adaptive', null],
      ),
      t: scalar(fc.double({ min: 0.1, max: 200, noNaN: true })), floor: scalar(fc.double({ min: 1e-12, max: 0.5, noNaN: true })),
      maxN: scalar(fc.integer({ min: 2, max: 70 })), backend: b,
    })),
    call: ([X, o]) => api.diffusionEigenvalueCount(X, o),
    check: (c, [X, o]) => {
      assert.ok(Number.isInteger(c) && c >= 0 && c <= Math.min(rowsOf(X), o?.maxN ?? 10000), `count ${c}`);
    },
    fixed: (b) => api.diffusionEigenvalueCount(small, { kernel: { type: 'adaptive', k: 4 }, t: 10, backend: b }),
  },
  diffusionSpectralEntropyEstimate: {
    args: (b) => fc.tuple(matrixSpec(), options({
      sigma: anySigma, t: scalar(fc.double({ min: 0.1, max: 8, noNaN: true })), tolerance: scalar(fc.double({ min: 1e-3, max: 1, noNaN: true })),
      maxMatvecs: scalar(fc.integer({ min: 1, max: 400 })), seed: anySeed,
      precision: choice(['float64', 'float32', 'matrix-free', undefined], ['float16', 0]), backend: b,
    })),
    call: ([X, o]) => api.diffusionSpectralEntropyEstimate(X, o),
    check: (r, [X]) => {
      for (const k of ['value', 'lower', 'upper', 'matvecs', 'deflated', 'probes']) assert.ok(Number.isFinite(r[k]), `${k} = ${r[k]}`);
      assert.ok(r.lower <= r.value && r.value <= r.upper, `${r.value} in [${r.lower}, ${r.upper}]`);
      assert.ok(r.value > -1e-6 && r.value <= Math.log2(rowsOf(X)) + 1e-6, `value ${r.value}`);
    },
    fixed: (b) => {
      const { value, lower, upper, matvecs } = api.diffusionSpectralEntropyEstimate(small, { sigma: 1, backend: b });
      return { value, lower, upper, matvecs };
    },
  },
  symmetricEigenvalues: {
    args: (b) => fc.tuple(matrixSpec({ square: true, symmetric: true }), options({ backend: b })),
    call: ([A, o]) => api.symmetricEigenvalues(A, o),
    check: (r, [A]) => { finiteArray(r, Float64Array, rowsOf(A)); assert.ok(isDescending(r)); },
    codes: [...INPUT_CODES, 'E_NOT_SYMMETRIC'],
    fixed: (b) => api.symmetricEigenvalues(sym, { backend: b }),
  },
  generalEigenvalues: {
    args: (b) => fc.tuple(matrixSpec({ square: true }), options({ backend: b })),
    call: ([A, o]) => api.generalEigenvalues(A, o),
    check: (r, [A]) => {
      finiteArray(r.real, Float64Array, rowsOf(A));
      finiteArray(r.imag, Float64Array, rowsOf(A));
      assert.ok(isDescending(r.real));
    },
    fixed: (b) => api.generalEigenvalues(gen, { backend: b }),
  },
  adjacencySpectralEntropy: {
    args: (b) => fc.tuple(matrixSpec(), options({
      sigma: anySigma, anisotropic: scalar(fc.boolean()), knn: scalar(fc.integer({ min: 1, max: 12 })),
      maxN: scalar(fc.integer({ min: 2, max: 70 })), seed: anySeed, backend: b,
    })),
    call: ([X, o]) => api.adjacencySpectralEntropy(X, o),
    check: (h, [X, o]) => entropyIn(h, Math.log2(Math.min(rowsOf(X), o?.maxN ?? 10000))),
    fixed: (b) => api.adjacencySpectralEntropy(small, { knn: 4, backend: b }),
  },
  classicShannonEntropy: {
    args: () => fc.tuple(matrixSpec(), options({ bins: scalar(fc.integer({ min: 1, max: 6 })) })),
    call: ([X, o]) => api.classicShannonEntropy(X, o),
    check: (h, [X]) => entropyIn(h, Math.log2(rowsOf(X))),
    fixed: () => api.classicShannonEntropy(small, { bins: 3 }),
  },
  spectralClustering: {
    args: (b) => fc.tuple(matrixSpec({ maxCols: 6 }), options({
      nClusters: scalar(fc.integer({ min: 1, max: 6 })), nNeighbors: scalar(fc.integer({ min: 1, max: 12 })), backend: b,
    })),
    call: ([Y, o]) => api.spectralClustering(Y, o),
    check: (r, [Y, o]) => {
      finiteArray(r, Int32Array, rowsOf(Y));
      const k = o?.nClusters ?? 10;
      assert.ok(r.every((c) => c >= 0 && c < k), `labels outside 0..${k - 1}`);
    },
    fixed: (b) => api.spectralClustering(small, { nClusters: 3, nNeighbors: 4, backend: b }),
  },
  diffusionSpectralMutualInformation: {
    args: (b) => fc.tuple(matrixSpec({ maxCols: 8 }), labelsSpec(), options({
      sigma: anySigma, t: scalar(fc.double({ min: 0.1, max: 20, noNaN: true })), reps,
      seed: anySeed, nClusters: scalar(fc.integer({ min: 1, max: 6 })), discrete: scalar(fc.boolean()),
      entropy: choice(['diffusion', 'matrix-entry', 'classic', undefined], ['shannon', 1]),
      bins: scalar(fc.integer({ min: 1, max: 4 })), backend: b, onProgress: choice([undefined, () => {}], [3, 'log']),
    })),
    build: ([X, y, o]) => { const m = buildMatrix(X); return [m, buildLabels(y, rowsOf(m)), o]; },
    call: ([X, Y, o]) => api.diffusionSpectralMutualInformation(X, Y, o),
    check: (r, [X]) => checkMutualInformation(r, rowsOf(X)),
    fixed: (b) => api.diffusionSpectralMutualInformation(small, smallLabels, { sigma: 1, reps: 2, backend: b }),
  },
  adjacencySpectralMutualInformation: {
    args: (b) => fc.tuple(matrixSpec({ maxCols: 8 }), labelsSpec(), options({
      sigma: anySigma, anisotropic: scalar(fc.boolean()), knn: scalar(fc.integer({ min: 1, max: 12 })),
      reps, seed: anySeed, nClusters: scalar(fc.integer({ min: 1, max: 6 })),
      discrete: scalar(fc.boolean()), backend: b,
    })),
    build: ([X, y, o]) => { const m = buildMatrix(X); return [m, buildLabels(y, rowsOf(m)), o]; },
    call: ([X, Y, o]) => api.adjacencySpectralMutualInformation(X, Y, o),
    check: (r, [X]) => checkMutualInformation(r, rowsOf(X)),
    fixed: (b) => api.adjacencySpectralMutualInformation(small, smallLabels, { knn: 3, reps: 2, backend: b }),
  },
  spectralEntropy: {
    args: () => fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 60 }) },
        { weight: 2, arbitrary: fc.array(fc.oneof(fc.double(), fc.constantFrom(0, 1e-200, 1e200)), { minLength: 1, maxLength: 60 }).map((a) => Float64Array.from(a)) },
        { weight: 1, arbitrary: fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk), { maxLength: 5 }) },
        { weight: 1, arbitrary: junk },
      ),
      options({ t: scalar(fc.double({ min: 0.1, max: 20, noNaN: true })) }),
    ),
    call: ([e, o]) => api.spectralEntropy(e, o),
    check: (h, [e]) => entropyIn(h, Math.log2(e.length)),
    fixed: () => api.spectralEntropy(new Float64Array([1, 0.5, 0.25, 0.125]), { t: 2 }),
  },
  pythonSample: {
    args: () => fc.tuple(anySeed, scalar(fc.integer({ min: 0, max: 2 ** 31 - 1 })), scalar(fc.integer({ min: 0, max: 2000 }))),
    call: ([s, n, k]) => api.pythonSample(s, n, k),
    check: (r, [, n, k]) => {
      finiteArray(r, Int32Array, k + 0); // -0 is the integer 0
      assert.equal(new Set(r).size, k + 0, 'distinct');
      assert.ok(r.every((v) => v >= 0 && v < n));
    },
    fixed: () => api.pythonSample(0, 10, 3),
  },
  setDefaultBackend: {
    args: () => fc.tuple(fc.oneof(fc.constantFrom('wasm', 'js'), junk)),
    call: ([name]) => { try { return api.setDefaultBackend(name); } finally { assert.ok(['wasm', 'js'].includes(api.defaultBackend())); api.setDefaultBackend('wasm'); } },
    check: (r) => assert.equal(r, undefined),
    fixed: () => api.diffusionSpectralEntropy(small, { sigma: 1 }),
  },
  defaultBackend: {
    args: () => fc.array(junk, { maxLength: 2 }),
    call: (a) => api.defaultBackend(...a),
    check: (r) => assert.equal(r, 'wasm'),
    fixed: () => api.defaultBackend(),
  },
  medianDistance: {
    args: () => fc.tuple(matrixSpec(), options({ seed: anySeed })),
    call: ([X, o]) => api.medianDistance(X, o),
    check: (d) => assert.ok(Number.isFinite(d) && d >= 0, `median distance ${d}`),
    fixed: () => api.medianDistance(small),
  },
  subsample: {
    args: () => fc.tuple(matrixSpec(), options({ maxN: scalar(fc.integer({ min: 2, max: 70 })), seed: anySeed })),
    call: ([X, o]) => api.subsample(X, o),
    check: (m, [X, o]) => {
      assert.equal(m.rows, Math.min(rowsOf(X), o?.maxN ?? 10000));
      assert.equal(m.data.length, m.rows * m.cols);
    },
    fixed: () => api.subsample(small, { maxN: 5, seed: 3 }).data,
  },
  kernelDiagnosis: {
    args: (b) => fc.tuple(matrixSpec(), options({ sigma: anySigma, maxN: scalar(fc.integer({ min: 2, max: 70 })), seed: anySeed, backend: b })),
    call: ([X, o]) => api.kernelDiagnosis(X, o),
    check: (r) => assert.ok(r === null || (['constant', 'identity'].includes(r.kind) && typeof r.message === 'string')),
    fixed: (b) => api.kernelDiagnosis(small, { sigma: 1000, backend: b }),
  },
  checkOption: {
    args: () => fc.tuple(fc.oneof(fc.constantFrom('sigma', 't', 'maxN', 'seed', 'reps', 'bins', 'nNeighbors'), junk), fc.oneof(scalar(fc.double({ min: 0.05, max: 100, noNaN: true })), fc.constant('auto'))),
    call: ([name, value]) => api.checkOption(name, value),
    check: (r) => assert.ok(r === 'auto' || Number.isFinite(r), `checked ${String(r)}`),
    fixed: () => api.checkOption('sigma', 2.5),
  },
  // The spectral toolkit (issue 12a, merged into main at the end of issue 10b). Its results are checked for
  // finiteness and shape only.
  singularValues: {
    args: (b) => fc.tuple(matrixSpec(), options({ backend: b })),
    call: ([A, o]) => api.singularValues(A, o),
    check: (r, [A]) => { assert.ok(r instanceof Float64Array); allFinite(r); assert.ok(isDescending(r) && r.every((v) => v >= 0)); },
    fixed: (b) => api.singularValues(gen, { backend: b }),
  },
  vonNeumannEntropy: {
    args: (b) => fc.tuple(matrixSpec({ square: true, symmetric: true }), options({ tMax: scalar(fc.integer({ min: 1, max: 30 }), [2 ** 53, -1, 0, 0.5, 1e300]), backend: b })),
    call: ([A, o]) => api.vonNeumannEntropy(A, o),
    check: (r) => { assert.ok(r instanceof Float64Array); allFinite(r); },
    codes: [...INPUT_CODES, 'E_NOT_SYMMETRIC'],
    fixed: (b) => api.vonNeumannEntropy(sym, { tMax: 5, backend: b }),
  },
  diffusionVonNeumannEntropy: {
    args: (b) => fc.tuple(matrixSpec(), options({ sigma: anySigma, seed: anySeed, tMax: scalar(fc.integer({ min: 1, max: 30 }), [2 ** 53, -1, 0, 0.5, 1e300]), backend: b })),
    call: ([X, o]) => api.diffusionVonNeumannEntropy(X, o),
    check: (r) => allFinite(r),
    fixed: (b) => api.diffusionVonNeumannEntropy(small, { sigma: 1, tMax: 5, backend: b }),
  },
  renyiEntropy: {
    args: (b) => fc.tuple(matrixSpec(), options({ alpha: scalar(fc.double({ min: 0, max: 5, noNaN: true })), sigma: anySigma, seed: anySeed, backend: b })),
    call: ([X, o]) => api.renyiEntropy(X, o),
    check: (h) => allFinite(h),
    fixed: (b) => api.renyiEntropy(small, { alpha: 2, sigma: 1, backend: b }),
  },
  vendiScore: {
    args: (b) => fc.tuple(matrixSpec(), options({ q: scalar(fc.constantFrom(0, 0.5, 1, 2, Infinity)), normalize: scalar(fc.boolean()), backend: b })),
    call: ([X, o]) => api.vendiScore(X, o),
    check: (v) => allFinite(v),
    fixed: (b) => api.vendiScore(small, { backend: b }),
  },
  vendiScoreFromKernel: {
    args: (b) => fc.tuple(matrixSpec({ square: true, symmetric: true }), options({ q: scalar(fc.constantFrom(0, 0.5, 1, 2, Infinity)), normalize: scalar(fc.boolean()), backend: b })),
    call: ([K, o]) => api.vendiScoreFromKernel(K, o),
    check: (v) => allFinite(v),
    codes: [...INPUT_CODES, 'E_NOT_SYMMETRIC'],
    fixed: (b) => api.vendiScoreFromKernel(sym, { backend: b }),
  },
  rankMe: {
    args: (b) => fc.tuple(matrixSpec(), options({ eps: scalar(fc.double({ min: 1e-12, max: 1e-3, noNaN: true })), backend: b })),
    call: ([Z, o]) => api.rankMe(Z, o),
    check: (v) => allFinite(v),
    fixed: (b) => api.rankMe(small, { backend: b }),
  },
  intrinsicDimension: {
    args: (b) => fc.tuple(matrixSpec(), options({
      method: choice(['twonn', 'mle', undefined], ['pca', 1]), discardFraction: scalar(fc.double({ min: 0, max: 0.5, noNaN: true })),
      nNeighbors: scalar(fc.integer({ min: 2, max: 12 })), backend: b,
    })),
    call: ([X, o]) => api.intrinsicDimension(X, o),
    check: (v) => allFinite(v),
    codes: [...INPUT_CODES, 'E_DUPLICATE_ROWS'],
    fixed: (b) => api.intrinsicDimension(small, { backend: b }),
  },
  kneePoint: {
    args: () => fc.tuple(
      fc.oneof(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 0, maxLength: 60 }), fc.array(fc.oneof(fc.double(), junk), { maxLength: 6 }), junk),
      fc.oneof(fc.constant(undefined), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 60 }), junk),
    ),
    call: ([y, x]) => api.kneePoint(y, x),
    check: (v) => allFinite(v),
    fixed: () => api.kneePoint(Array.from({ length: 20 }, (_, i) => Math.exp(-i / 10))),
  },
  // issue 14's tracker: made with hostile options, then given one hostile matrix to record.
  createRepresentationTracker: {
    args: (b) => fc.tuple(matrixSpec({ maxRows: 30, maxCols: 8 }), options({ sigma: anySigma, backend: b })),
    call: ([X, o]) => api.createRepresentationTracker(o).record(0, 'hidden', X),
    check: (r) => assert.ok(Number.isFinite(r.dse), `dse ${r.dse}`),
    fixed: (b) => api.createRepresentationTracker({ sigma: 1, backend: b }).record(0, 'hidden', small).dse,
  },
  // issue 15's eigenvalue cache and numpy RandomState.
  NumpyRandomState: {
    args: () => fc.tuple(fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), junk), scalar(fc.integer({ min: 1, max: 6 })), scalar(fc.integer({ min: 1, max: 6 }))),
    call: ([seed, r, c]) => new api.NumpyRandomState(seed).randn(r, c),
    check: (m, [, r, c]) => finiteArray(m, Float64Array, r * c + 0),
    fixed: () => new api.NumpyRandomState(0).randn(2, 3),
  },
  writeEigenvalueCache: {
    args: () => fc.tuple(fc.oneof(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 60 }), fc.array(fc.oneof(fc.double(), junk), { maxLength: 5 }), junk),
      options({ precision: choice(['float16', 'float32', 'float64', undefined], ['float8', 16]) })),
    call: ([e, o]) => api.writeEigenvalueCache(e, o),
    check: (b) => assert.ok(b instanceof Uint8Array && b.length > 0),
    fixed: () => api.writeEigenvalueCache([1, 0.5, 0.25], { precision: 'float64' }),
  },
  readEigenvalueCache: {
    args: () => fc.tuple(fc.oneof(
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 40 }).map((e) => api.writeEigenvalueCache(e, { precision: 'float64' })),
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 40 }).chain((e) => fc.integer({ min: 0, max: 200 }).map((k) => { const b = api.writeEigenvalueCache(e, { precision: 'float32' }).slice(); b[k % b.length] ^= 0x5a; return b; })),
      fc.uint8Array({ maxLength: 200 }), junk,
    ), options({ length: scalar(fc.integer({ min: 0, max: 40 })) })),
    call: ([b, o]) => api.readEigenvalueCache(b, o),
    check: (r) => { assert.ok(r instanceof Float64Array); allFinite(r); },
    codes: [...INPUT_CODES, 'E_FORMAT'],
    fixed: () => api.readEigenvalueCache(api.writeEigenvalueCache([1, 0.5, 0.25], { precision: 'float64' })),
  },
  writeNpz: {
    args: () => fc.tuple(fc.oneof(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 20 }).map((e) => new Map([['a', e]])), junk),
      choice(['float16', 'float32', 'float64', undefined], ['float8', 16])),
    call: ([m, p]) => api.writeNpz(m, p),
    check: (b) => assert.ok(b instanceof Uint8Array && b.length > 0),
    fixed: () => api.writeNpz(new Map([['a', [1, 2]]]), 'float64'),
  },
  readNpz: {
    args: () => fc.tuple(fc.oneof(
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 20 }).map((e) => api.writeNpz(new Map([['a', e]]), 'float64')),
      fc.uint8Array({ maxLength: 200 }), junk,
    )),
    call: ([b]) => api.readNpz(b),
    check: (m) => { assert.ok(m instanceof Map); for (const v of m.values()) assert.ok(v instanceof Float64Array); },
    codes: [...INPUT_CODES, 'E_FORMAT'],
    fixed: () => Array.from(api.readNpz(api.writeNpz(new Map([['a', [1, 2]]]), 'float64')).get('a')),
  },
  backendInfo: {
    args: () => fc.array(junk, { maxLength: 2 }),
    call: (a) => api.backendInfo(...a),
    check: (r) => { assert.deepEqual(r, api.backendInfo()); assert.equal(r.backend, 'wasm'); assert.equal(r.simd, true); assert.equal(r.reason, null); },
    fixed: () => api.backendInfo(),
  },
  engineInfo: {
    args: () => fc.array(junk, { maxLength: 2 }),
    call: (a) => api.engineInfo(...a),
    check: (r) => { assert.deepEqual(r, api.backendInfo()); assert.equal(r.backend, 'wasm'); assert.equal(r.simd, true); assert.equal(r.reason, null); },
    fixed: () => api.engineInfo(),
  },
  isReady: {
    args: () => fc.array(junk, { maxLength: 2 }),
    call: (a) => api.isReady(...a),
    check: (r) => assert.equal(r, true),
    fixed: () => api.isReady(),
  },
};


/** Every number in a result (a number, a typed array, an array or an object of them) is finite. */
function allFinite(r) {
  if (typeof r === 'number') assert.ok(Number.isFinite(r), `result ${r}`);
  else if (ArrayBuffer.isView(r) || Array.isArray(r)) for (const v of r) allFinite(v);
  else if (r !== null && typeof r === 'object') for (const v of Object.values(r)) allFinite(v);
}

function checkMutualInformation(r, n) {
  assert.ok(Number.isFinite(r.value), `value ${r.value}`);
  finiteArray(r.clusters, Int32Array, n);
  let sum = 0;
  for (const c of r.classes) {
    for (const k of ['size', 'entropy', 'randomEntropy', 'term']) assert.ok(Number.isFinite(c[k]), `${k} ${c[k]}`);
    sum += c.term;
  }
  assert.equal(r.classes.reduce((s, c) => s + c.size, 0), n);
  assert.ok(Math.abs(sum - r.value) <= 1e-12 * Math.max(1, Math.abs(r.value)), 'terms add up to value');
}



const params = (runs) => ({ seed: SEED, numRuns: runs, path: PATH, endOnFailure: process.env.FUZZ_SHRINK === "0" });

// fc.check's report, with the error of the (shrunk) counterexample and how to replay it.
function report(details, name) {
  if (!details.failed) return;
  const e = details.errorInstance;
  throw new Error(`${name}: property failed after ${details.numRuns} runs\n`
    + `counterexample: ${fc.stringify(details.counterexample).slice(0, 4000)}\n`
    + `error: ${e instanceof Error ? e.stack : String(e)}\n`
    + `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} FUZZ_RUNS=${RUNS} node --test tests/js/fuzz.test.mjs`);
}

test('every exported function has a fuzz property (DseError, a class, and ready and setThreads, async, apart)', () => {
  const exported = Object.keys(api).filter((k) => typeof api[k] === 'function' && k !== 'DseError' && k !== 'ready' && k !== 'setThreads');
  assert.ok(exported.length >= 20, `${exported.length} functions`);
  assert.deepEqual(exported.sort(), Object.keys(FUNCTIONS).sort());
});

for (const [name, f] of Object.entries(FUNCTIONS)) {
  const backends = f.args.length === 1 ? ['wasm', 'js'] : [null];
  for (const b of backends) {
    const label = b === null ? name : `${name} (${b})`;
    test(`fuzz ${label}: a finite result of the documented shape, or a documented DseError; then the fixed call is unchanged`, {}, () => {
      const backendArb = b === null ? anyBackend : withGood(fc.oneof({ weight: 9, arbitrary: fc.constant(b) }, { weight: 1, arbitrary: anyBackend }), fc.constant(b));
      const fixedBackend = b ?? 'wasm';
      const began = performance.now();
      const outcomes = {};
      if (process.env.FUZZ_LOG) writeSync(2, `start ${label}\n`);
      const baseline = f.fixed(fixedBackend);
      const codes = f.codes ?? INPUT_CODES;
      const build = f.build ?? ((args) => (args.length > 0 && typeof args[0] === 'object' && args[0] !== null && 'valueSeed' in args[0] ? [buildMatrix(args[0]), ...args.slice(1)] : args));
      report(fc.check(fc.property(f.args(backendArb), (spec) => {
        const args = build(spec);
        fc.pre(f.keep === undefined || f.keep(args));
        let result;
        let thrown = null;
        const start = performance.now();
        if (process.env.FUZZ_LOG === 'all') writeSync(2, `${label} ${fc.stringify(spec).slice(0, 3000)}\n`);
        try {
          result = f.call(args);
        } catch (e) {
          thrown = e;
        }
        // FUZZ_LOG=ms: print the inputs of every call slower than that, to find what makes a run long.
        const ms = performance.now() - start;
        if (process.env.FUZZ_LOG && ms > Number(process.env.FUZZ_LOG)) writeSync(2, `${label} ${Math.round(ms)} ms ${fc.stringify(spec).slice(0, 3000)}\n`);
        if (thrown === null) f.check(result, args);
        else checkThrown(thrown, codes);
        outcomes[thrown === null ? 'returned' : thrown.code] = (outcomes[thrown === null ? 'returned' : thrown.code] ?? 0) + 1;
        const again = f.fixed(fixedBackend);
        assert.ok(sameBits(again, baseline), 'the fixed call changed after this input');
      }), params(RUNS)), label);
      if (process.env.FUZZ_LOG) writeSync(2, `end ${label} ${Math.round(performance.now() - began)} ms ${JSON.stringify(outcomes)}\n`);
    });
  }
}

test('fuzz ready: options of any kind, in a fresh instance of the package, resolve or reject with a DseError', async () => {
  let instance = 0;
  report(await fc.check(fc.asyncProperty(fc.oneof(junk, fc.record({ module: junk }, { requiredKeys: [] })), async (opts) => {
    const fresh = await import(`../../dist/index.mjs?fuzz-ready=${instance++}`);
    try {
      await fresh.ready(opts);
    } catch (e) {
      checkThrown(e, ['E_ARGUMENT'], fresh.DseError);
    }
    // Whatever ready made of those options, a good ready() then works and computes as the shared instance does.
    await fresh.ready();
    assert.equal(fresh.diffusionSpectralEntropy(small, { sigma: 1 }), api.diffusionSpectralEntropy(small, { sigma: 1 }));
  }), params(Math.max(5, Math.round(RUNS / 5)))), 'ready');
});

test('fuzz setThreads: any value resolves to a boolean or rejects with E_ARGUMENT; results do not change', async () => {
  await api.ready();
  const threads = api.backendInfo().threads;
  const baseline = api.diffusionSpectralEntropy(small, { sigma: 1 });
  // Up to 4 threads among the valid counts: each one more is a worker to start.
  const counts = fc.oneof(junk, fc.integer({ min: -2, max: 4 }), fc.constantFrom(65, 2 ** 31, 1.5, Number.NaN));
  report(await fc.check(fc.asyncProperty(counts, async (n) => {
    try {
      assert.equal(typeof (await api.setThreads(n)), 'boolean');
    } catch (e) {
      checkThrown(e, ['E_ARGUMENT'], api.DseError);
    }
    assert.equal(api.diffusionSpectralEntropy(small, { sigma: 1 }), baseline);
  }), params(Math.max(5, Math.round(RUNS / 5)))), 'setThreads');
  await api.setThreads(threads);
});
