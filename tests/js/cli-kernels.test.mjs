// The command line's kernel flags (--kernel, --k, --alpha) and `dse score`: their numbers are the toolkit
// fixtures' (manylatents' own values), and `dse score --measures all` prints every measure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dse, dseJson, fixture, tempDir } from './cli-helpers.mjs';
import { assertClose } from './helpers.mjs';

const toolkit = JSON.parse(readFileSync(fixture('toolkit/cases.json'), 'utf8')).cases;
const one = (id) => toolkit.find((c) => c.id === id);

test('dse entropy --kernel adaptive --k --alpha gives manylatents\' DSE', () => {
  const c = one('uniform-dse-adaptive-k10-a0.5-t3');
  for (const backend of ['wasm', 'js']) {
    const r = dseJson(['entropy', fixture('toolkit/' + c.X), '--kernel', 'adaptive', '--k', '10', '--alpha', '0.5', '--t', '3', '--backend', backend]);
    assertClose(r.dse, c.expectedLowestIndexTies, c.tol, c.id);
    assert.deepEqual(r.kernel, { type: 'adaptive', k: 10, alpha: 0.5 });
    assert.equal(r.sigma, null);
  }
  const text = dse(['entropy', fixture('toolkit/' + c.X), '--kernel', 'adaptive', '--k', '10', '--alpha', '0.5', '--t', '3']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /kernel {3}adaptive kNN, k 10, alpha 0\.5, t 3/);
});

test('dse entropy --alpha on the Gaussian kernel; without it the reference\'s number, unchanged', () => {
  const c = one('blobs-dse-gaussian-a1-t3');
  const r = dseJson(['entropy', fixture('toolkit/' + c.X), '--sigma', String(c.kernel.sigma), '--alpha', '1', '--t', '3']);
  assertClose(r.dse, c.expected, c.tol, c.id);
  const ref = one('blobs-dse-gaussian-a0-t3');
  const plain = dseJson(['entropy', fixture('toolkit/' + ref.X), '--sigma', String(ref.kernel.sigma), '--t', '3']);
  const explicit = dseJson(['entropy', fixture('toolkit/' + ref.X), '--sigma', String(ref.kernel.sigma), '--t', '3', '--kernel', 'gaussian', '--alpha', '0']);
  assert.equal(explicit.dse, plain.dse);
  assertClose(plain.dse, ref.crossCheck.value, ref.tol, 'dse_dsmi');
});

test('dse mi takes the kernel flags', () => {
  const r = dseJson(['mi', fixture('toolkit/blobs_X.npy'), fixture('toolkit/blobs_y.npy'), '--kernel', 'adaptive', '--k', '10']);
  assert.deepEqual(r.kernel, { type: 'adaptive', k: 10, alpha: 1 });
  assert.ok(Number.isFinite(r.dsmi));
});

test('kernel flags that do not belong together are usage errors', () => {
  const bad = (args, re) => {
    const r = dse(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, re);
  };
  const X = fixture('toolkit/blobs_X.npy');
  bad(['entropy', X, '--kernel', 'adaptive', '--sigma', '3'], /--sigma is the Gaussian kernel's/);
  bad(['entropy', X, '--k', '5'], /--k is the adaptive kernel's/);
  bad(['entropy', X, '--kernel', 'laplace'], /--kernel must be one of gaussian, adaptive/);
  bad(['entropy', X, '--alpha', '-1'], /--alpha must be a number >= 0/);
  bad(['score', X, '--measures', 'dse,nope'], /unknown measure "nope"/);
});

test('dse score --measures all prints every measure, each the toolkit fixture\'s value; --json gives one object', () => {
  const all = dse(['score', fixture('digits400_X.npy'), '--measures', 'all']);
  assert.equal(all.code, 0, all.stderr);
  const names = all.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/)[0]);
  assert.deepEqual(names, ['dse', 'count', 'vne', 'vne-t', 'renyi2', 'vendi', 'rankme', 'twonn', 'mle']);

  // The same digits at sigma 20, the toolkit fixtures' bandwidth: every number is its peer package's.
  for (const backend of ['wasm', 'js']) {
    const r = dseJson(['score', fixture('toolkit/digits400_X.npy'), '--sigma', '20', '--backend', backend]);
    assert.deepEqual(Object.keys(r).slice(0, names.length), names, 'in the registry order');
    assertClose(r.dse, one('digits400-dse-gaussian-a0-t1').expected, 1e-6, 'dse');
    assert.equal(r.count, one('digits400-count-gaussian-a0-t100').expected);
    const vne = one('digits400-vne');
    assert.equal(r['vne-t'], vne.knee);
    assertClose(r.vne, vne.expected[vne.knee - 1], vne.tol, 'vne at the knee t');
    assertClose(r.renyi2, one('digits400-renyi-a2').expected, 1e-9, 'renyi2');
    for (const [name, id] of [['vendi', 'digits400-vendi-x'], ['rankme', 'digits400-rankme-eps1e-07'], ['twonn', 'digits400-id-twonn'], ['mle', 'digits400-id-mle']]) {
      const c = one(id);
      assertClose(r[name], c.expected, c.rtol * Math.abs(c.expected), name);
    }
  }

  const c = one('blobs-count-adaptive-k15-a1-t100');
  const d = one('blobs-dse-adaptive-k15-a1-t1');
  const r = dseJson(['score', fixture('toolkit/blobs_X.npy'), '--measures', 'count,dse', '--kernel', 'adaptive']);
  assert.deepEqual(Object.keys(r).slice(0, 2), ['dse', 'count']);
  assert.equal(r.count, c.expected);
  assertClose(r.dse, d.expectedLowestIndexTies, d.tol, d.id);
});

test('dse score: a measure that refuses the data (duplicate rows for twonn and mle) is n/a with its error; the others are computed', () => {
  const dir = tempDir();
  const file = join(dir, 'dup.csv');
  writeFileSync(file, '0,0\n0,0\n1,1\n2,3\n4,1\n5,5\n');
  const text = dse(['score', file, '--sigma', '1']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /twonn +n\/a .*duplicate rows.*E_DUPLICATE_ROWS/);
  const r = dseJson(['score', file, '--sigma', '1']);
  assert.equal(r.twonn, null);
  assert.equal(r.mle, null);
  assert.match(r.errors.twonn, /duplicate rows/);
  assert.ok(Number.isFinite(r.dse) && Number.isFinite(r.vendi));
});

test('dse report shows the toolkit table and the chosen kernel', () => {
  const out = join(tempDir(), 'report.html');
  const r = dse(['report', fixture('toolkit/blobs_X.npy'), '--kernel', 'adaptive', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<table class="toolkit">/);
  assert.match(html, /adaptive kNN \(manylatents\), k 15, alpha 1/);
  assert.match(html, new RegExp(`<th>count</th><td>${one('blobs-count-adaptive-k15-a1-t100').expected}</td>`));
  for (const name of ['vne', 'renyi2', 'vendi', 'rankme', 'twonn', 'mle']) assert.match(html, new RegExp(`<th>${name}</th>`));
  assert.match(html, /von Neumann entropy of P\^t \(adaptive kNN, k 15, alpha 1\); PHATE's t = \d+/);
  assert.match(html, /knee: t = \d+/);
});
