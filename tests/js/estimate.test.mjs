// diffusionSpectralEntropyEstimate and method: 'estimate': arguments, the guaranteed path, the budget, progress.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, DseError, diffusionSpectralEntropy, diffusionSpectralEntropyEstimate } from '../../dist/index.mjs';
import { cases, readNpy } from './helpers.mjs';
import { problem } from './estimate-problems.mjs';

before(() => ready());

const blobs = readNpy('blobs_X.npy');

test('a bandwidth far above the distances: K is nearly rank one, the interval is guaranteed and holds', () => {
  // Paper's property (SPEC section 8): sigma -> infinity, K -> 11^T / N, DSE -> 0.
  for (const sigma of [1e3, 1e4]) {
    const exact = diffusionSpectralEntropy(blobs, { sigma });
    const e = diffusionSpectralEntropyEstimate(blobs, { sigma });
    assert.equal(e.guaranteed, true);
    assert.equal(e.probes, 0);
    assert.ok(e.lower <= exact && exact <= e.upper, `${exact} in [${e.lower}, ${e.upper}]`);
    assert.ok(e.upper - e.lower <= 0.02);
  }
});

test('a tiny bandwidth: K is nearly the identity, DSE near log2 N, inside the interval', () => {
  const exact = diffusionSpectralEntropy(blobs, { sigma: 0.05 });
  const e = diffusionSpectralEntropyEstimate(blobs, { sigma: 0.05 });
  assert.ok(Math.abs(exact - Math.log2(blobs.rows)) < 0.01);
  assert.ok(e.lower <= exact && exact <= e.upper, `${exact} in [${e.lower}, ${e.upper}]`);
});

test('the half-width meets the tolerance, and a tighter tolerance costs more products', () => {
  const c = cases.find((c) => c.id === 'digits400-dse-t1');
  const X = readNpy(c.X);
  const loose = diffusionSpectralEntropyEstimate(X, { sigma: c.sigma, tolerance: 0.05 });
  const tight = diffusionSpectralEntropyEstimate(X, { sigma: c.sigma, tolerance: 0.005 });
  assert.ok((loose.upper - loose.lower) / 2 <= 0.05);
  assert.ok((tight.upper - tight.lower) / 2 <= 0.005);
  assert.ok(tight.matvecs > loose.matvecs);
  for (const e of [loose, tight]) assert.ok(e.lower <= c.expected && c.expected <= e.upper);
});

test('maxMatvecs caps the products; the interval is then wider than the tolerance but still returned', () => {
  const c = cases.find((c) => c.id === 'digits400-dse-t1');
  const X = readNpy(c.X);
  const e = diffusionSpectralEntropyEstimate(X, { sigma: c.sigma, tolerance: 1e-5, maxMatvecs: 600 });
  assert.ok(e.matvecs <= 600 + 16 * 121, `${e.matvecs}`);
  assert.ok((e.upper - e.lower) / 2 > 1e-5);
  assert.ok(e.lower <= e.value && e.value <= e.upper);
});

test('float32 storage: same value to well inside the tolerance, interval widened for the rounding', () => {
  const p = problem(3, 200, 300);
  const exact = diffusionSpectralEntropy(p.X, { sigma: p.sigma, t: p.t });
  const a = diffusionSpectralEntropyEstimate(p.X, { sigma: p.sigma, t: p.t });
  const b = diffusionSpectralEntropyEstimate(p.X, { sigma: p.sigma, t: p.t, precision: 'float32' });
  assert.ok(Math.abs(a.value - b.value) < 1e-4, `${a.value} vs ${b.value}`);
  assert.ok(b.upper - b.lower > a.upper - a.lower || a.guaranteed !== b.guaranteed);
  assert.ok(b.lower <= exact && exact <= b.upper);
});

test("method: 'estimate' returns the estimate's value, and honours maxN like the exact path", () => {
  const c = cases.find((c) => c.id === 'sub-dse-maxN200-seed0');
  const X = readNpy(c.X);
  const v = diffusionSpectralEntropy(X, { sigma: c.sigma, maxN: c.maxN, seed: c.seed, method: 'estimate' });
  assert.ok(Math.abs(v - c.expected) < 0.02, `${v} vs ${c.expected}`);
  const b = cases.find((c) => c.id === 'blobs-dse-t1');
  const e = diffusionSpectralEntropyEstimate(blobs, { sigma: b.sigma });
  assert.equal(diffusionSpectralEntropy(blobs, { sigma: b.sigma, method: 'estimate' }), e.value);
});

test('onProgress sees the probes grow and the interval it ends with', () => {
  const c = cases.find((c) => c.id === 'digits400-dse-t1');
  const seen = [];
  const e = diffusionSpectralEntropyEstimate(readNpy(c.X), { sigma: c.sigma, onProgress: (p) => seen.push(p) });
  assert.ok(seen.length >= 2);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i].matvecs > seen[i - 1].matvecs);
  const last = seen[seen.length - 1];
  assert.equal(last.value, e.value);
  assert.equal(last.lower, e.lower);
});

test('onProgress reports during the run: the deflation bounds first (no probes), then probes a block at a time, each with its interval', () => {
  const c = cases.find((c) => c.id === 'digits400-dse-t1');
  const X = readNpy(c.X);
  const seen = [];
  const e = diffusionSpectralEntropyEstimate(X, { sigma: c.sigma, onProgress: (p) => seen.push({ ...p }) });
  assert.equal(e.guaranteed, false);
  assert.equal(seen[0].probes, 0, 'the deflation is reported before the first probe');
  assert.ok(seen[0].deflated >= 1);
  const probing = seen.filter((p) => p.probes > 0);
  assert.ok(probing.length >= 2, `${probing.length} reports with probes`);
  for (let i = 0; i < probing.length; i++) {
    assert.equal(probing[i].probes % 16, 0, 'a block of 16 probes at a time');
    if (i > 0 && probing[i].deflated === probing[i - 1].deflated) assert.ok(probing[i].probes > probing[i - 1].probes);
  }
  for (const p of seen) {
    for (const k of ['value', 'lower', 'upper']) assert.ok(Number.isFinite(p[k]), k);
    assert.ok(p.lower <= p.value && p.value <= p.upper, `${p.value} in [${p.lower}, ${p.upper}]`);
    assert.ok(p.lower >= 0 && p.upper <= Math.log2(X.rows) + 1e-6);
  }
  // The deflation's bounds are wider than the tolerance (else the run would have stopped there), and they hold.
  assert.ok(seen[0].upper - seen[0].lower > 2 * 0.01);
  assert.ok(seen[0].lower <= c.expected && c.expected <= seen[0].upper);
  const last = seen[seen.length - 1];
  assert.deepEqual([last.value, last.lower, last.upper, last.probes, last.matvecs], [e.value, e.lower, e.upper, e.probes, e.matvecs]);
});

test('the same seed gives the same estimate; another seed another one', () => {
  const a = diffusionSpectralEntropyEstimate(blobs, { sigma: 4.47, seed: 5 });
  const b = diffusionSpectralEntropyEstimate(blobs, { sigma: 4.47, seed: 5 });
  const c = diffusionSpectralEntropyEstimate(blobs, { sigma: 4.47, seed: 6 });
  assert.equal(a.value, b.value);
  assert.notEqual(a.value, c.value);
});

test('arguments are checked: DseError E_ARGUMENT naming the option', () => {
  const bad = [
    [{ tolerance: 0 }, 'tolerance'], [{ tolerance: -1 }, 'tolerance'], [{ confidence: 1 }, 'confidence'],
    [{ confidence: 0 }, 'confidence'], [{ maxMatvecs: 0 }, 'maxMatvecs'], [{ precision: 'float16' }, 'precision'],
    [{ onProgress: 3 }, 'onProgress'], [{ sigma: -1 }, 'sigma'], [{ t: 0 }, 't'], [{ seed: -1 }, 'seed'],
  ];
  for (const [opts, name] of bad) {
    assert.throws(() => diffusionSpectralEntropyEstimate(blobs, opts), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === name, JSON.stringify(opts));
  }
  assert.throws(() => diffusionSpectralEntropy(blobs, { method: 'chebyshev' }), (e) => e instanceof DseError && e.argument === 'method');
  assert.throws(() => diffusionSpectralEntropy(blobs, { method: 'estimate', variant: 'matrix-entry' }), (e) => e instanceof DseError && e.argument === 'variant');
});

test('the WASM engine is free again after an estimate, even one that threw', () => {
  assert.throws(() => diffusionSpectralEntropyEstimate(blobs, { onProgress: () => { throw new Error('stop'); } }), /stop/);
  assert.ok(Number.isFinite(diffusionSpectralEntropy(blobs, { sigma: 4.47 })));
});

test("precision 'matrix-free' (K never stored) gives the stored-float64 estimate, on both backends", () => {
  for (const i of [5, 6]) {
    const p = problem(i, 130, 200);
    const exact = diffusionSpectralEntropy(p.X, { sigma: p.sigma, t: p.t });
    for (const backend of ['wasm', 'js']) {
      const stored = diffusionSpectralEntropyEstimate(p.X, { sigma: p.sigma, t: p.t, backend });
      const free = diffusionSpectralEntropyEstimate(p.X, { sigma: p.sigma, t: p.t, backend, precision: 'matrix-free' });
      assert.equal(free.matvecs, stored.matvecs, `${p.name} ${backend}`);
      assert.ok(Math.abs(free.value - stored.value) < 1e-9, `${p.name} ${backend}: ${free.value} vs ${stored.value}`);
      assert.ok(free.lower <= exact && exact <= free.upper, `${p.name} ${backend}`);
    }
  }
});

test("sigma: 'auto' is the median pairwise distance, as for the exact path", async () => {
  const { medianDistance } = await import('../../dist/index.mjs');
  const auto = diffusionSpectralEntropyEstimate(blobs, { sigma: 'auto' });
  const given = diffusionSpectralEntropyEstimate(blobs, { sigma: medianDistance(blobs) });
  assert.equal(auto.value, given.value);
  const exact = diffusionSpectralEntropy(blobs, { sigma: 'auto' });
  assert.ok(auto.lower <= exact && exact <= auto.upper);
});

test("method: 'estimate' with approximate: 'chebyshev' is E_ARGUMENT naming method", () => {
  assert.throws(() => diffusionSpectralEntropy(blobs, { sigma: 10, method: 'estimate', approximate: 'chebyshev' }),
    (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === 'method' && /chebyshev/.test(e.message));
});
