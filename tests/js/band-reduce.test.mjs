// Stage 1 of the two-stage reduction (assembly/band-reduce.ts, LAPACK dsytrd_sy2sb; its twin
// js/engine/js/band-reduce.ts): B = Q^T A Q of half-width b. Checked by mathematics, not by its own output:
// (1) the eigenvalues of the band part alone (entries of a[r][r..r+b], mirrored, zeros elsewhere) equal A's
// (both through the fused reduction and QL) to 1e-12 max |lambda|; (2) ||B||_F = ||A||_F to 1e-12 (an
// orthogonal similarity); (3) the WASM kernel and the JS twin agree to rounding (their sums differ in order:
// the kernel's dot products run in two SIMD lanes); (4) on the pool, 2 threads give the same bits as 1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomSymmetric, importSources } from './helpers.mjs';
import { hard, build } from './hard-matrices.mjs';

let lib;
let dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dse-band-'));
  lib = await importSources(dir, {
    'js/index.ts': '*',
    'js/engine/wasm/instance.ts': ['withKernels'],
    'js/engine/wasm/memory.ts': ['reserve'],
    'js/engine/wasm/band-reduce.ts': ['reduceToBandOnThreads', 'bandScratch'],
    'js/engine/js/band-reduce.ts': ['reduceToBand as reduceToBandJs', 'reduceToBandWorkspace as reduceToBandWorkspaceJs'],
  });
  await lib.ready({ threads: 2 });
});

after(() => rmSync(dir, { recursive: true, force: true }));

// The n x n row-major matrix after the WASM reduction: 'kernel' (reduceToBand) or 'pool' (reduceToBandOnThreads).
function wasmBand(data, n, b, how) {
  return lib.withKernels((k) => {
    const a = Math.ceil(k.heapBase() / 16) * 16;
    const work = a + Math.ceil((n * n * 8) / 16) * 16;
    const parts = work + Math.ceil((k.reduceToBandWorkspace(n, b) * 8) / 16) * 16;
    lib.reserve(k, parts + lib.bandScratch(n, b) * 8 + 16, 'test');
    new Float64Array(k.memory.buffer, a, n * n).set(data);
    if (how === 'kernel') k.reduceToBand(a, n, b, work);
    else lib.reduceToBandOnThreads(k, a, n, b, work, parts);
    return new Float64Array(k.memory.buffer, a, n * n).slice();
  });
}

function jsBand(data, n, b) {
  const a = Float64Array.from(data);
  lib.reduceToBandJs(a, n, b, new Float64Array(lib.reduceToBandWorkspaceJs(n, b)));
  return a;
}

// The symmetric matrix of the band part of the reduced upper triangle, zeros outside the band.
function bandPart(a, n, b) {
  const data = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = r; c <= Math.min(r + b, n - 1); c++) data[r * n + c] = data[c * n + r] = a[r * n + c];
  }
  return { data, rows: n, cols: n };
}

function frobenius(m) {
  let s = 0;
  for (const x of m.data) s += x * x;
  return Math.sqrt(s);
}

// (1) and (2) for one reduced matrix.
function assertBand(reduced, A, b, what) {
  const n = A.rows;
  const B = bandPart(reduced, n, b);
  const want = lib.symmetricEigenvalues(A, { backend: 'wasm' });
  const got = lib.symmetricEigenvalues(B, { backend: 'wasm' });
  const norm = Math.max(...want.map(Math.abs));
  let err = 0;
  for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(got[i] - want[i]));
  assert.ok(norm === 0 ? err === 0 : err <= 1e-12 * norm, `${what}: eigenvalues of the band off by ${err / norm} max |lambda|`);
  const fa = frobenius(A);
  const fb = frobenius(B);
  assert.ok(Math.abs(fb - fa) <= 1e-12 * fa, `${what}: ||B||_F = ${fb}, ||A||_F = ${fa}`);
}

const WIDTHS = [1, 2, 4, 16, 32];
const orders = (b) => [...new Set([1, 2, 3, b, b + 1, 2 * b + 3, 100, 257])];

test('reduceToBand (WASM kernel, JS twin): the band alone has A\'s eigenvalues and A\'s Frobenius norm', () => {
  for (const b of WIDTHS) {
    for (const n of orders(b)) {
      const A = randomSymmetric(n, 31 * n + b);
      assertBand(wasmBand(A.data, n, b, 'kernel'), A, b, `wasm, n = ${n}, b = ${b}`);
      assertBand(jsBand(A.data, n, b), A, b, `js, n = ${n}, b = ${b}`);
    }
  }
});

test('reduceToBand: the entries outside the band are not B\'s (the check above sees the band only)', () => {
  // Sanity of the check: the unreduced matrix's band part has other eigenvalues, so (1) can fail.
  const n = 40, b = 4;
  const A = randomSymmetric(n, 5);
  assert.throws(() => assertBand(A.data, A, b, 'unreduced'), /eigenvalues of the band/);
});

test('reduceToBand on the hard symmetric matrices (scaled by a power of two to max |a| in [1/2, 1), as the public calls scale)', () => {
  for (const c of hard.symmetric) {
    const rows = build(c);
    const n = rows.length;
    if (n === 0) continue;
    let max = 0;
    for (const row of rows) for (const x of row) max = Math.max(max, Math.abs(x));
    // 2^-e in two exact factors (2^1030 alone overflows).
    const e = max === 0 ? 0 : Math.floor(Math.log2(max)) + 1;
    const h = Math.trunc(e / 2);
    const A = { data: Float64Array.from(rows.flat(), (x) => (x * 2 ** -h) * 2 ** (h - e)), rows: n, cols: n };
    for (const b of [2, 4, 16]) {
      assertBand(wasmBand(A.data, n, b, 'kernel'), A, b, `${c.name}, wasm, b = ${b}`);
      assertBand(jsBand(A.data, n, b), A, b, `${c.name}, js, b = ${b}`);
    }
  }
});

test('reduceToBand: the JS twin has the bits of the base WASM binary (to 1e-13 ||A||_F against the relaxed one)', () => {
  const base = lib.backendInfo().binary === 'simd';
  for (const b of WIDTHS) {
    for (const n of orders(b)) {
      const A = randomSymmetric(n, 17 * n + b);
      const w = wasmBand(A.data, n, b, 'kernel');
      const j = jsBand(A.data, n, b);
      const tol = 1e-13 * frobenius(A);
      for (let r = 0; r < n; r++) {
        for (let c = r; c < n; c++) {
          const what = `n = ${n}, b = ${b}, a[${r}][${c}]: wasm ${w[r * n + c]}, js ${j[r * n + c]}`;
          if (base) assert.ok(Object.is(w[r * n + c], j[r * n + c]), what);
          else if (c <= r + b) assert.ok(Math.abs(w[r * n + c] - j[r * n + c]) <= tol, what);
        }
      }
    }
  }
});

test('reduceToBandOnThreads: 2 threads give the bits of 1, and the band of the kernel to rounding', async () => {
  // 161 = 2 * 16 + 129: the first lookahead sweep has 129 rows (8 blocks), the next 113 (one block); 203 and 5:
  // a band not a multiple of 4 and a last short panel.
  for (const [n, b] of [[300, 16], [517, 32], [390, 4], [161, 16], [203, 5]]) {
    const A = randomSymmetric(n, n + b);
    await lib.setThreads(1);
    assert.equal(lib.backendInfo().threads, 1);
    const one = wasmBand(A.data, n, b, 'pool');
    await lib.setThreads(2);
    assert.equal(lib.backendInfo().threads, 2);
    const two = wasmBand(A.data, n, b, 'pool');
    for (let i = 0; i < n * n; i++) assert.ok(Object.is(one[i], two[i]), `n = ${n}, b = ${b}, entry ${i}: ${two[i]} with 2 threads, ${one[i]} with 1`);
    assertBand(two, A, b, `pool, n = ${n}, b = ${b}`);
  }
});
