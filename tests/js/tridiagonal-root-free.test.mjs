// The root-free QL/QR (assembly/tridiagonal-root-free.ts, LAPACK dsterf) and its JS twin: against
// mathematics (tridiag(-1, 2, -1)'s 2 - 2 cos(k pi / (n + 1)), diagonal and split matrices, graded and
// near-overflow or subnormal entries, trace and Frobenius norm), against tridiagonalQL on random and
// Wilkinson matrices (within 1e-13 of the largest |eigenvalue|), and WASM against the twin bit for bit.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSources, releaseExports, uniform } from './helpers.mjs';

let twin;
let k;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'root-free-'));
  twin = await importSources(dir, {
    'js/engine/js/tridiagonal-root-free.ts': ['tridiagonalEigenvalues'], 'js/engine/js/tridiagonal-ql.ts': ['tridiagonalQL'],
  }, 'twins');
  rmSync(dir, { recursive: true, force: true });
  k = await releaseExports();
});

// Runs a kernel on copies of (d, e) in linear memory; returns [code, eigenvalues in the order left].
function wasm(name, d, e) {
  const n = d.length;
  const base = k.heapBase();
  const off = base + ((n * 8 + 15) & ~15);
  const need = off + n * 8 + 16 - k.memory.buffer.byteLength;
  if (need > 0) k.memory.grow(Math.ceil(need / 65536));
  new Float64Array(k.memory.buffer, base, n).set(d);
  new Float64Array(k.memory.buffer, off, n).set(e);
  const code = name === 'ql' ? k.tridiagonalQL(base, off, n, 0) : k.tridiagonalEigenvalues(base, off, n);
  return [code, new Float64Array(k.memory.buffer, base, n).slice()];
}

// The root-free eigenvalues of (d, e) on both backends: asserts success and identical bits; sorted ascending.
function eigenvalues(d, e) {
  const [code, w] = wasm('rf', d, e);
  const jd = Float64Array.from(d), je = Float64Array.from(e);
  const jcode = twin.tridiagonalEigenvalues(jd, je, d.length);
  assert.equal(code, 0, 'WASM converged');
  assert.equal(jcode, 0, 'JS converged');
  assert.deepEqual(Array.from(jd, (v) => Object.is(v, -0) ? 0 : v), Array.from(w, (v) => Object.is(v, -0) ? 0 : v), 'WASM and JS give the same bits');
  return w.sort();
}

function qlEigenvalues(d, e) {
  const [code, w] = wasm('ql', d, e);
  assert.equal(code, 0);
  return w.sort();
}

const maxAbs = (v) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

function assertNear(actual, expected, tol, what) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `${what}: eigenvalue ${i} ${actual[i]} vs ${expected[i]} (tol ${tol})`);
  }
}

// tridiag(-1, 2, -1) times `scale`, and its eigenvalues scale (2 - 2 cos(k pi / (n + 1))), ascending.
function secondDifference(n, scale) {
  const d = new Float64Array(n).fill(2 * scale);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = -scale;
  const exact = Float64Array.from({ length: n }, (_, i) => scale * (2 - 2 * Math.cos(((i + 1) * Math.PI) / (n + 1)))).sort();
  return { d, e, exact };
}

test('orders 0, 1 and 2', () => {
  assert.equal(k.tridiagonalEigenvalues(k.heapBase(), k.heapBase(), 0), 0);
  assert.equal(twin.tridiagonalEigenvalues(new Float64Array(0), new Float64Array(0), 0), 0);
  assert.deepEqual(Array.from(eigenvalues([-3.5], [0])), [-3.5]);
  assertNear(eigenvalues([2, 2], [1, 0]), [1, 3], 4 * 2 ** -52, '[[2, 1], [1, 2]]');
  assertNear(eigenvalues([0, 0], [1, 0]), [-1, 1], 2 ** -52, '[[0, 1], [1, 0]]');
  assertNear(eigenvalues([1, 4], [0, 0]), [1, 4], 0, 'diagonal 2 x 2');
});

test('tridiag(-1, 2, -1): 2 - 2 cos(k pi / (n + 1)) within 1e-13 of the largest', () => {
  for (const n of [3, 4, 10, 57, 200, 1000]) {
    const { d, e, exact } = secondDifference(n, 1);
    assertNear(eigenvalues(d, e), exact, 1e-13 * 4, `order ${n}`);
  }
});

test('near overflow and subnormal: the scaled block keeps every digit (tridiag(-1, 2, -1) times 1e300, 4e307 and 1e-310)', () => {
  for (const scale of [1e300, 4e307, 1e-310, 5e-320]) {
    const { d, e, exact } = secondDifference(40, scale);
    const got = eigenvalues(d, e);
    // Subnormal entries hold fewer digits: their own rounding (half a spacing, 2^-1075) on top.
    const tol = 1e-13 * maxAbs(exact) + 8 * 2 ** -1074;
    assertNear(got, exact, tol, `scale ${scale}`);
    assert.ok(got.every(Number.isFinite));
  }
});

test('graded diagonal 2^-500 .. 2^500: every eigenvalue to relative accuracy', () => {
  // d_i = 2^(-500 + 100 i), e_i = 2^-30 sqrt(d_i d_i+1): each eigenvalue moves from d_i by about
  // e_i^2 / d_i+1 = 2^-60 d_i.
  const n = 11;
  const d = Float64Array.from({ length: n }, (_, i) => 2 ** (-500 + 100 * i));
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = Math.sqrt(d[i] * d[i + 1]) * 2 ** -30;
  for (const [dd, ee] of [[d, e], [d.slice().reverse(), Float64Array.from([...e.slice(0, n - 1)].reverse().concat([0]))]]) {
    const got = eigenvalues(dd, ee);
    const exact = d.slice().sort();
    for (let i = 0; i < n; i++) assert.ok(Math.abs(got[i] - exact[i]) <= 1e-14 * exact[i], `eigenvalue ${i}: ${got[i]} vs ${exact[i]}`);
  }
});

test('zero off-diagonals split the matrix: a diagonal one gives its diagonal exactly, split blocks their own eigenvalues', () => {
  const next = uniform(3);
  const d = Float64Array.from({ length: 30 }, () => next() * 10 - 5);
  assert.deepEqual(Array.from(eigenvalues(d, new Float64Array(30))), Array.from(d.slice().sort()));
  // Blocks tridiag(-1, 2, -1) of orders 5, 1, 7 and 3 side by side.
  const orders = [5, 1, 7, 3];
  const dd = [], ee = [], exact = [];
  for (const n of orders) {
    const b = secondDifference(n, 1);
    dd.push(...b.d);
    ee.push(...b.e.slice(0, n - 1), 0);
    exact.push(...b.exact);
  }
  assertNear(eigenvalues(dd, ee), Float64Array.from(exact).sort(), 4e-15 * 4, 'split blocks');
});

test('Wilkinson W21+ and random tridiagonals of many orders: tridiagonalQL within 1e-13 of the largest, trace and Frobenius norm kept', () => {
  const problems = [];
  const w = Float64Array.from({ length: 21 }, (_, i) => Math.abs(10 - i));
  const we = new Float64Array(21).fill(1);
  we[20] = 0;
  problems.push([w, we]);
  const next = uniform(11);
  for (const n of [...Array.from({ length: 40 }, (_, i) => i + 2), 64, 127, 500, 1500]) {
    const d = Float64Array.from({ length: n }, () => next() * 2 - 1);
    const e = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? next() * 2 - 1 : 0));
    problems.push([d, e]);
  }
  for (const [d, e] of problems) {
    const n = d.length;
    const got = eigenvalues(d, e);
    const ql = qlEigenvalues(d, e);
    const big = maxAbs(ql);
    assertNear(got, ql, 1e-13 * big, `order ${n}`);
    let trace = 0, frob = 0, sum = 0, squares = 0;
    for (let i = 0; i < n; i++) {
      trace += d[i];
      frob += d[i] * d[i] + (i < n - 1 ? 2 * e[i] * e[i] : 0);
      sum += got[i];
      squares += got[i] * got[i];
    }
    assert.ok(Math.abs(sum - trace) <= 1e-13 * n * big, `trace at order ${n}`);
    assert.ok(Math.abs(squares - frob) <= 1e-13 * n * big * big, `Frobenius norm at order ${n}`);
  }
  // W21+'s two largest eigenvalues agree to about 1e-14 (Wilkinson, The Algebraic Eigenvalue Problem, 5.45).
  const top = eigenvalues(w, we);
  assert.ok(top[20] - top[19] < 1e-12 && top[20] > 10.74 && top[20] < 10.75);
});

test('a NaN entry returns an error code, and never hangs', () => {
  for (const [d, e] of [[[1, NaN, 2], [0.5, 0.5, 0]], [[1, 3, 2], [NaN, 0.5, 0]], [[1, 3, 2], [0.5, Infinity, 0]]]) {
    assert.ok(wasm('rf', d, e)[0] > 0);
    assert.ok(twin.tridiagonalEigenvalues(Float64Array.from(d), Float64Array.from(e), 3) > 0);
  }
});
