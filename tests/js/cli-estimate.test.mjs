// dse entropy --estimate: the interval in text and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dse, dseJson, fixture } from './cli-helpers.mjs';
import { readFileSync } from 'node:fs';
import { cases } from './helpers.mjs';

const c = cases.find((c) => c.id === 'digits400-dse-t1');

test('dse entropy --estimate prints the value, its 95% interval and the products', () => {
  const r = dse(['entropy', fixture(c.X), '--sigma', String(c.sigma), '--estimate']);
  assert.equal(r.code, 0, r.stderr);
  const m = /^DSE = (\S+) bits \(95% interval \[(\S+), (\S+)\], (\d+) matvecs\)$/m.exec(r.stdout);
  assert.ok(m, r.stdout);
  const [value, lo, hi] = [m[1], m[2], m[3]].map(Number);
  assert.ok(lo <= value && value <= hi && lo <= c.expected && c.expected <= hi, r.stdout);
  assert.ok(hi - lo <= 0.02);
});

test('--json gains lower, upper, guaranteed and matvecs; --tolerance is honoured', () => {
  const out = dseJson(['entropy', fixture(c.X), '--sigma', String(c.sigma), '--estimate', '--tolerance', '0.05']);
  for (const k of ['lower', 'upper', 'guaranteed', 'matvecs']) assert.ok(k in out, k);
  assert.equal(out.guaranteed, false);
  assert.ok(out.upper - out.lower <= 0.1);
  assert.ok(out.lower <= c.expected && c.expected <= out.upper);
  const exact = dseJson(['entropy', fixture(c.X), '--sigma', String(c.sigma)]);
  assert.equal('lower' in exact, false);
});

test('a guaranteed interval says so', () => {
  const r = dse(['entropy', fixture('blobs_X.npy'), '--sigma', '10000', '--estimate']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^DSE = \S+ bits \(guaranteed interval \[\S+, \S+\], \d+ matvecs\)$/m);
});

test('--estimate with another variant is a usage error', () => {
  const r = dse(['entropy', fixture(c.X), '--estimate', '--variant', 'matrix-entry']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--estimate/);
});

test('--estimate with --approximate or --eigenvalues-cache is a usage error naming both', () => {
  for (const extra of [['--approximate', 'chebyshev'], ['--eigenvalues-cache', 'never-written.npz']]) {
    const r = dse(['entropy', fixture(c.X), '--sigma', String(c.sigma), '--estimate', ...extra]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--estimate/);
    assert.match(r.stderr, new RegExp(extra[0]));
  }
});

test('--estimate --kernel adaptive --k 10: the interval holds manylatents\' DSE; the JSON fields are the same', () => {
  const toolkit = JSON.parse(readFileSync(fixture('toolkit/cases.json'), 'utf8')).cases;
  for (const id of ['blobs-dse-adaptive-k10-a0.5-t1', 'blobs-dse-adaptive-k10-a1-t3']) {
    const tc = toolkit.find((x) => x.id === id);
    const args = ['entropy', fixture('toolkit/' + tc.X), '--estimate', '--kernel', 'adaptive', '--k', String(tc.kernel.k), '--alpha', String(tc.kernel.alpha), '--t', String(tc.t)];
    const r = dse(args);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^DSE = \S+ bits \(95% interval \[\S+, \S+\], \d+ matvecs\)$/m);
    const out = dseJson(args);
    for (const k of ['dse', 'lower', 'upper', 'guaranteed', 'matvecs']) assert.ok(k in out, k);
    assert.equal(out.kernel.type, 'adaptive');
    assert.ok(out.lower <= out.dse && out.dse <= out.upper);
    assert.ok(out.lower <= tc.expected && tc.expected <= out.upper, `${id}: ${tc.expected} in [${out.lower}, ${out.upper}]`);
  }
});

test('--estimate refuses what it does not support, naming the option: the Gaussian --alpha, --precision with adaptive', () => {
  let r = dse(['entropy', fixture(c.X), '--estimate', '--sigma', '3', '--alpha', '1']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--alpha/);
  r = dse(['entropy', fixture(c.X), '--estimate', '--kernel', 'adaptive', '--precision', 'float32']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--precision/);
});
