// The Gram-form squared distances (assembly/distance.ts squaredDistancesGram, the Gaussian kernel's only):
// against a double-double reference within the documented bound 2 gamma_(D+1) / (1/64 - 3 gamma_(D+1)) + u on
// random data of several D and scales (the fallback takes over where s_i + s_j leaves [2^-900, 2^1020]);
// near-duplicate and duplicate rows equal to the exact form bit for bit (0 for duplicates); integer data (the
// digits) bit-identical to exact differences; WASM against its JS twin and split rows against one call, bit
// for bit; one against two threads through the package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as dse from '../../dist/index.mjs';
import { importSources, readNpy, releaseExports, uniform } from './helpers.mjs';
import { findBinary, loudSkip } from '../runtimes/project.mjs';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('../../', import.meta.url));
const u = 2 ** -53;
let twin;
let k;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gram-'));
  twin = await importSources(dir, { 'js/engine/js/distance.ts': '*' }, 'twins');
  rmSync(dir, { recursive: true, force: true });
  k = await releaseExports();
});

// Runs the WASM kernel `how` ('exact', 'gram', or a row split [i0, ...] of squaredDistanceGramRows) on x.
function wasm(how, x, n, d) {
  const base = k.heapBase();
  const out = base + n * d * 8;
  const norms = out + n * n * 8;
  const need = norms + n * 8 + 16 - k.memory.buffer.byteLength;
  if (need > 0) k.memory.grow(Math.ceil(need / 65536));
  new Float64Array(k.memory.buffer, base, n * d).set(x);
  new Float64Array(k.memory.buffer, out, n * n).fill(NaN);
  if (how === 'exact') k.squaredDistances(base, n, d, out);
  else if (how === 'gram') k.squaredDistancesGram(base, n, d, out, norms);
  else {
    k.rowSquaredNorms(base, n, d, norms);
    const cuts = [...how, n];
    for (let c = 0; c + 1 < cuts.length; c++) k.squaredDistanceGramRows(base, n, d, out, norms, cuts[c], cuts[c + 1]);
  }
  return new Float64Array(k.memory.buffer, out, n * n).slice();
}

function js(how, x, n, d) {
  const out = new Float64Array(n * n).fill(NaN);
  if (how === 'exact') twin.squaredDistances(x, n, d, out);
  else twin.squaredDistancesGram(x, n, d, out, new Float64Array(n));
  return out;
}

// Double-double |x_i - x_j|^2 (Dekker's two-product, Knuth's two-sum): about 2^-100 relative.
function twoSum(a, b) {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}
function split(a) {
  const c = 134217729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}
function twoProduct(a, b) {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}
function reference(x, d, i, j) {
  let hi = 0, lo = 0;
  for (let c = 0; c < d; c++) {
    const [e, f] = twoSum(x[i * d + c], -x[j * d + c]);
    const [p, q] = twoProduct(e, e);
    const [s, r] = twoSum(hi, p);
    hi = s;
    lo += r + q + 2 * e * f;
  }
  return hi + lo;
}

function randomRows(n, d, scale, seed) {
  const next = uniform(seed);
  return Float64Array.from({ length: n * d }, () => (next() - 0.5) * scale);
}

const bound = (d) => {
  const g = ((d + 1) * u) / (1 - (d + 1) * u);
  return (2 * g) / (1 / 64 - 3 * g) + u;
};

function upperEntries(n, fn) {
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) fn(i, j, i * n + j);
}

test('every entry is within the documented bound of a double-double reference, or the exact entry itself', () => {
  const n = 45;
  for (const d of [1, 2, 3, 7, 64, 768]) {
    for (const scale of [1e-150, 1e-20, 1, 1e20, 1e150]) {
      const x = randomRows(n, d, scale, 7 + d);
      const g = wasm('gram', x, n, d);
      const e = wasm('exact', x, n, d);
      let kept = 0;
      upperEntries(n, (i, j, q) => {
        if (i === j) return assert.equal(g[q], 0);
        if (Object.is(g[q], e[q])) return;
        kept++;
        const r = reference(x, d, i, j);
        assert.ok(Math.abs(g[q] - r) <= bound(d) * r, `D ${d} scale ${scale} (${i}, ${j}): ${g[q]} against ${r}, relative ${Math.abs(g[q] - r) / r} > ${bound(d)}`);
      });
      // The Gram form ran somewhere, except where s_i + s_j < 2^-900 (scale 1e-150) sends every entry back.
      if (scale !== 1e-150 && d > 1) assert.ok(kept > 0, `D ${d} scale ${scale}: no entry differs from the exact form`);
    }
  }
});

test('beyond 2^1020 and below 2^-900 the fallback takes over: the exact entries, bit for bit', () => {
  const n = 45;
  for (const [d, scale] of [[768, 1e-150], [64, 1e-140], [768, 1e153], [768, 1e154], [7, 1e160], [3, 1e200]]) {
    const x = randomRows(n, d, scale, 3);
    const g = wasm('gram', x, n, d);
    const e = wasm('exact', x, n, d);
    upperEntries(n, (i, j, q) => assert.ok(Object.is(g[q], e[q]), `D ${d} scale ${scale} (${i}, ${j}): ${g[q]}, exact ${e[q]}`));
    const gj = js('gram', x, n, d);
    const ej = js('exact', x, n, d);
    upperEntries(n, (i, j, q) => assert.ok(Object.is(gj[q], ej[q]), `JS D ${d} scale ${scale} (${i}, ${j})`));
  }
  // Entries of an infinite row (0) or a NaN row (2) too.
  const x = randomRows(10, 4, 1, 5);
  x[3] = Infinity;
  x[9] = NaN;
  for (const run of [wasm, js]) {
    const g = run('gram', x, 10, 4);
    const e = run('exact', x, 10, 4);
    upperEntries(10, (i, j, q) => {
      if ([i, j].some((r) => r === 0 || r === 2)) assert.ok(Object.is(g[q], e[q]), `(${i}, ${j}): ${g[q]}, exact ${e[q]}`);
    });
  }
});

test('near-duplicate rows fall back to the exact entries bit for bit, and duplicates give exactly 0', () => {
  for (const d of [3, 64, 768]) {
    const n = 90;
    const base = randomRows(n / 3, d, 10, 11 + d);
    const noise = randomRows(n / 3, d, 2e-9, 12 + d);
    const x = new Float64Array(n * d);
    // Rows 3r, 3r + 1, 3r + 2: a row, the same row plus noise of 1e-9, the row again.
    for (let r = 0; r < n / 3; r++) {
      for (let c = 0; c < d; c++) {
        const v = base[r * d + c];
        x[3 * r * d + c] = v;
        x[(3 * r + 1) * d + c] = v + noise[r * d + c];
        x[(3 * r + 2) * d + c] = v;
      }
    }
    for (const [run, what] of [[wasm, 'WASM'], [js, 'JS']]) {
      const g = run('gram', x, n, d);
      const e = run('exact', x, n, d);
      upperEntries(n, (i, j, q) => {
        if (Math.floor(i / 3) !== Math.floor(j / 3)) return;
        assert.ok(Object.is(g[q], e[q]), `${what} D ${d} (${i}, ${j}): ${g[q]}, exact ${e[q]}`);
        if (i % 3 === 0 && j === i + 2) assert.ok(Object.is(g[q], 0), `${what} duplicates (${i}, ${j}): ${g[q]}`);
      });
    }
  }
});

test('integer data (the digits, small random integers) are bit-identical to exact differences', () => {
  const digits = readNpy('digits400_X.npy');
  const cases = [[Float64Array.from(digits.data), digits.rows, digits.cols]];
  for (const d of [1, 5, 33]) {
    const next = uniform(d);
    cases.push([Float64Array.from({ length: 60 * d }, () => Math.floor(next() * 2001) - 1000), 60, d]);
  }
  for (const [x, n, d] of cases) {
    for (const [run, what] of [[wasm, 'WASM'], [js, 'JS']]) {
      const g = run('gram', x, n, d);
      const e = run('exact', x, n, d);
      upperEntries(n, (i, j, q) => assert.ok(Object.is(g[q], e[q]), `${what} n ${n} D ${d} (${i}, ${j}): ${g[q]}, exact ${e[q]}`));
    }
  }
});

test('the base binary and its JS twin give the same bits; so do split rows and one call', () => {
  for (const [n, d] of [[83, 1], [83, 7], [130, 64], [50, 768]]) {
    const x = randomRows(n, d, 3, n + d);
    const w = wasm('gram', x, n, d);
    const j = js('gram', x, n, d);
    const s = wasm([0, 18, 40, 42, 80], x, n, d);
    upperEntries(n, (a, b, q) => {
      assert.ok(Object.is(w[q], j[q]), `n ${n} D ${d} (${a}, ${b}): WASM ${w[q]}, JS ${j[q]}`);
      assert.ok(Object.is(w[q], s[q]), `n ${n} D ${d} (${a}, ${b}): one call ${w[q]}, split ${s[q]}`);
    });
  }
});

// The environment for a child test run of its own (without the parent runner's NODE_TEST_CONTEXT, which would
// make the child report to it instead of printing TAP).
function childEnv() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

test('the relaxed binary (2 x 6 tiles) gives the same bits over split rows as in one call, where it runs', async (t) => {
  const bytes = readFileSync(join(root, 'build/release-relaxed.wasm'));
  if (!WebAssembly.validate(bytes)) {
    // This engine (Node 20) has no relaxed SIMD: run this one test under Node 24 (the node24 devDependency).
    const node24 = findBinary('node24');
    if (node24.missing) return t.skip(loudSkip(`relaxed-SIMD Gram tiles: ${node24.missing}`));
    const r = spawnSync(node24.path, ['--test', '--test-reporter=tap', '--test-name-pattern', 'the relaxed binary', fileURLToPath(import.meta.url)], { encoding: 'utf8', cwd: root, env: childEnv() });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /# pass 1\b/, r.stdout);
    return;
  }
  const { instance } = await WebAssembly.instantiate(bytes, { env: { abort() { throw new Error('abort'); } } });
  const base = k;
  k = instance.exports;
  try {
    for (const [n, d] of [[83, 7], [130, 64], [50, 768]]) {
      const x = randomRows(n, d, 3, n + d);
      const w = wasm('gram', x, n, d);
      const s = wasm([0, 18, 40, 42, 80], x, n, d);
      upperEntries(n, (a, b, q) => assert.ok(Object.is(w[q], s[q]), `n ${n} D ${d} (${a}, ${b}): one call ${w[q]}, split ${s[q]}`));
      upperEntries(n, (a, b, q) => {
        if (a !== b) assert.ok(Math.abs(w[q] - reference(x, d, a, b)) <= bound(d) * reference(x, d, a, b), `relaxed n ${n} D ${d} (${a}, ${b})`);
      });
    }
  } finally {
    k = base;
  }
});

test('one and two threads give the same bits for the Gaussian kernel', async () => {
  await dse.ready({ threads: 2 });
  assert.equal(dse.backendInfo().threads, 2, dse.backendInfo().threadsReason ?? '');
  const x = { data: Float32Array.from(randomRows(300, 40, 1, 9)), rows: 300, cols: 40 };
  const two = dse.diffusionEigenvalues(x, { sigma: 2, backend: 'wasm' });
  await dse.setThreads(1);
  const one = dse.diffusionEigenvalues(x, { sigma: 2, backend: 'wasm' });
  assert.deepEqual(Array.from(two), Array.from(one));
});

after(async () => {
  await dse.setThreads(1);
});
