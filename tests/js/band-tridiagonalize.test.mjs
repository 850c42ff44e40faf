// Stage 2 of the two-stage reduction (assembly/band-tridiagonalize.ts, LAPACK dsytrd_sb2st): a symmetric band
// matrix of half-width b to tridiagonal form by bulge chasing. Checked against the fused reduction
// (tridiagonalize.ts + QL, itself held to numpy by tests/js/hard-matrices.test.mjs) on the same matrix, for
// orders around the band's multiples and half-widths 1 .. 64; against numpy's eigvalsh directly for the hard
// matrices taken whole (b = n - 1); by the invariance of the Frobenius norm under the orthogonal similarity;
// and the JS twin (js/engine/js/band-tridiagonalize.ts) against the base binary, bit for bit. Entries past
// the band are NaN on entry (and the lower triangle too): the kernel must zero before it reads the bulge's
// room and never read beyond it, or the NaN spreads into every eigenvalue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniform, importSources } from './helpers.mjs';
import { hard, build } from './hard-matrices.mjs';
import { binary, loadKernels, randomBand } from '../../bench/band-kernels.mjs';

const WIDTHS = [1, 2, 3, 8, 16, 32, 64];
const orders = (b) => [...new Set([1, 2, 3, b, b + 1, 2 * b, 2 * b + 1, 3 * b + 2, 100, 257, 600])];

let wasm;
let relaxed = null;
let twin;
let dir;

before(async () => {
  wasm = await loadKernels('release.wasm');
  if (binary('release-relaxed.wasm').valid) relaxed = await loadKernels('release-relaxed.wasm');
  dir = mkdtempSync(join(tmpdir(), 'dse-band-'));
  twin = await importSources(dir, { 'js/engine/js/band-tridiagonalize.ts': '*' }, 'twin');
});

after(() => rmSync(dir, { recursive: true, force: true }));

// The band matrix as the kernel receives it: its upper band, NaN past the band and in the lower triangle.
function withGarbage(a, n, b) {
  const g = Float64Array.from(a);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j < i || j > i + b) g[i * n + j] = NaN;
  }
  return g;
}

// a (dense symmetric) cut to its band of half-width b.
function banded(a, n, b) {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) out[i * n + j] = a[i * n + j];
  }
  return out;
}

function twinBand(a, n, b) {
  const copy = Float64Array.from(a);
  const diag = new Float64Array(n);
  const offdiag = new Float64Array(n);
  twin.bandToTridiagonal(copy, n, b, diag, offdiag, new Float64Array(twin.bandToTridiagonalWorkspace(n, b)));
  return { diag, offdiag };
}

function assertEigenvaluesClose(got, want, tol, what) {
  assert.equal(got.length, want.length, what);
  const scale = Math.max(0, ...want.map(Math.abs));
  let err = 0;
  for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(got[i] - want[i]));
  if (scale === 0) assert.equal(err, 0, what);
  else assert.ok(err <= tol * scale, `${what}: max error ${(err / scale).toExponential(2)} max|lambda| > ${tol}`);
}

// The hard matrix's entries by 2^e, e bringing its largest |entry| near 1 when it lies outside [2^-500, 2^500]
// (js/linalg/power-of-two-scale.ts, which symmetricEigenvalues applies before any engine runs), and e.
function scaledHard(c) {
  const a = Float64Array.from(build(c).flat());
  let maxAbs = 0;
  for (const x of a) maxAbs = Math.max(maxAbs, Math.abs(x));
  const e = maxAbs === 0 || (maxAbs >= 2 ** -500 && maxAbs <= 2 ** 500) ? 0 : -Math.round(Math.log2(maxAbs));
  const half = Math.trunc(e / 2);
  for (let i = 0; i < a.length; i++) a[i] = a[i] * 2 ** half * 2 ** (e - half);
  return { a, n: Math.round(Math.sqrt(a.length)), e };
}

const scaledBack = (values, e) => values.map((x) => x * 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2)));

function frobenius2(a) {
  let s = 0;
  for (const x of a) s += x * x;
  return s;
}

test('bandToTridiagonalWorkspace is 3 min(max(b, 1), max(n - 1, 1)) in both engines', () => {
  for (const [n, b] of [[1, 1], [1, 8], [2, 8], [10, 3], [10, 9], [10, 40], [600, 64], [5, 0]]) {
    const want = 3 * Math.min(Math.max(b, 1), Math.max(n - 1, 1));
    assert.equal(wasm.workspace(n, b), want, `n ${n}, b ${b} (wasm)`);
    assert.equal(twin.bandToTridiagonalWorkspace(n, b), want, `n ${n}, b ${b} (js)`);
  }
});

for (const b of WIDTHS) {
  test(`half-width ${b}: the eigenvalues of the fused reduction to 1e-12 max|lambda|, ||T||_F = ||A||_F to 1e-12, the JS twin bit for bit`, () => {
    for (const n of orders(b)) {
      const a = randomBand(n, b, uniform(1000 * b + n));
      const what = `n ${n}, b ${b}`;
      const t = wasm.band(withGarbage(a, n, b), n, b);
      for (let i = 0; i < n; i++) assert.ok(Number.isFinite(t.diag[i]) && Number.isFinite(t.offdiag[i]), `${what}: entry ${i} not finite`);
      assert.equal(t.offdiag[n - 1], 0, `${what}: offdiag[n-1]`);
      assertEigenvaluesClose(wasm.eigenvalues(t), wasm.eigenvalues(wasm.fused(a, n)), 1e-12, what);
      let ssq = 0;
      for (let i = 0; i < n; i++) ssq += t.diag[i] ** 2 + 2 * t.offdiag[i] ** 2;
      const f2 = frobenius2(a);
      assert.ok(Math.abs(ssq - f2) <= 1e-12 * f2, `${what}: ||T||_F^2 ${ssq} against ||A||_F^2 ${f2}`);
      const j = twinBand(withGarbage(a, n, b), n, b);
      assert.deepEqual(Array.from(j.diag), Array.from(t.diag), `${what}: JS twin diag`);
      assert.deepEqual(Array.from(j.offdiag), Array.from(t.offdiag), `${what}: JS twin offdiag`);
      if (relaxed) assertEigenvaluesClose(relaxed.eigenvalues(relaxed.band(withGarbage(a, n, b), n, b)), wasm.eigenvalues(t), 1e-12, `${what}, relaxed binary`);
    }
  });
}

test('b = 1 copies the diagonal and superdiagonal; b = 0 and b >= n - 1 are taken as 1 and n - 1', () => {
  const n = 7;
  const a = randomBand(n, 1, uniform(3));
  const t = wasm.band(withGarbage(a, n, 1), n, 1);
  for (let i = 0; i < n; i++) {
    assert.equal(t.diag[i], a[i * n + i]);
    assert.equal(t.offdiag[i], i + 1 < n ? a[i * n + i + 1] : 0);
  }
  const zero = wasm.band(withGarbage(a, n, 1), n, 0);
  assert.deepEqual(Array.from(zero.diag), Array.from(t.diag));
  assert.deepEqual(Array.from(zero.offdiag), Array.from(t.offdiag));
  const dense = randomBand(n, n, uniform(4));
  const wide = wasm.band(dense, n, 100);
  const exact = wasm.band(dense, n, n - 1);
  assert.deepEqual(Array.from(wide.diag), Array.from(exact.diag));
  assert.deepEqual(Array.from(wide.offdiag), Array.from(exact.offdiag));
});

test('the hard symmetric matrices taken whole (b = n - 1), scaled by 2^e as symmetricEigenvalues does: numpy eigvalsh to 1e-13 max|lambda|', () => {
  for (const c of hard.symmetric) {
    const { a, n, e } = scaledHard(c);
    if (n === 0) continue;
    for (const engine of ['wasm', 'js']) {
      const t = engine === 'wasm' ? wasm.band(a, n, n - 1) : twinBand(a, n, n - 1);
      assertEigenvaluesClose(scaledBack(wasm.eigenvalues(t), e), [...c.eigenvalues].sort((x, y) => x - y), 1e-13, `${c.name} (${engine})`);
    }
  }
});

test('the hard symmetric matrices cut to half-widths 1, 2, 3, 8: the fused reduction of the same band to 1e-12 max|lambda|', () => {
  for (const c of hard.symmetric) {
    const { a: whole, n } = scaledHard(c);
    if (n === 0) continue;
    for (const b of [1, 2, 3, 8]) {
      const a = banded(whole, n, b);
      const t = wasm.band(withGarbage(a, n, b), n, b);
      assertEigenvaluesClose(wasm.eigenvalues(t), wasm.eigenvalues(wasm.fused(a, n)), 1e-12, `${c.name}, b ${b}`);
      const j = twinBand(withGarbage(a, n, b), n, b);
      assert.deepEqual(Array.from(j.diag), Array.from(t.diag), `${c.name}, b ${b}: JS twin`);
    }
  }
});
