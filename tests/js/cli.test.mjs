// The `dse` command line, spawned as users run it: fixture numbers from the .npy files, every input format,
// --json, warnings, and the main job (npm start).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { cases, readNpy, assertClose, randomMatrix } from './helpers.mjs';
import { dse, dseJson, fixture, root, tempDir } from './cli-helpers.mjs';
import { parseNpy } from '../../dist/cli.mjs';

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'dse')) {
    test(`dse entropy reproduces ${c.id} (${backend})`, () => {
      const args = ['entropy', fixture(c.X), '--sigma', String(c.sigma), '--t', String(c.t), '--backend', backend];
      if (c.maxN !== undefined) args.push('--max-n', String(c.maxN));
      if (c.seed !== undefined) args.push('--seed', String(c.seed));
      const out = dseJson(args);
      assertClose(out.dse, c.expected, c.tol, c.id);
      assert.equal(out.backend, backend);
    });
  }
}

test('dse entropy prints the value in text by default', () => {
  const c = cases.find((c) => c.id === 'digits400-dse-t2');
  const r = dse(['entropy', fixture(c.X), '--sigma', String(c.sigma), '--t', '2']);
  assert.equal(r.code, 0, r.stderr);
  const m = /^DSE = (\S+) bits$/m.exec(r.stdout);
  assert.ok(m, r.stdout);
  assertClose(Number(m[1]), c.expected, c.tol, c.id);
  assert.match(r.stdout, /400 rows x 64 columns/);
  assert.equal(r.stderr, '', 'nothing on stderr when it is not a terminal');
});

test('dse eigenvalues reproduces small-eigenvalues: text, --json and --out F.npy', () => {
  const c = cases.find((c) => c.op === 'eigenvalues');
  const want = [...c.expected].sort((a, b) => b - a);
  const check = (got, how) => {
    assert.equal(got.length, want.length, how);
    for (let i = 0; i < want.length; i++) assertClose(got[i], want[i], c.tol, `${how}[${i}]`);
  };
  const text = dse(['eigenvalues', fixture(c.X), '--sigma', String(c.sigma)]);
  assert.equal(text.code, 0, text.stderr);
  check(text.stdout.trim().split('\n').map(Number), 'text');
  check(dseJson(['eigenvalues', fixture(c.X), '--sigma', String(c.sigma), '--backend', 'js']).eigenvalues, 'json (js)');
  const out = join(tempDir(), 'eig.npy');
  const r = dse(['eigenvalues', fixture(c.X), '--sigma', String(c.sigma), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote 40 eigenvalues/);
  const npy = parseNpy(readFileSync(out), out);
  assert.ok(npy.data instanceof Float64Array);
  check(npy.data, '.npy');
});

test('--json of entropy has the documented fields', () => {
  const out = dseJson(['entropy', fixture('uniform_X.npy'), '--sigma', '1', '--t', '2']);
  for (const key of ['dse', 'n', 'dims', 'sigma', 't', 'backend', 'seconds']) assert.ok(key in out, key);
  assert.equal(typeof out.dse, 'number');
  assert.equal(out.n, readNpy('uniform_X.npy').rows);
  assert.equal(out.dims, readNpy('uniform_X.npy').cols);
  assert.equal(out.sigma, 1);
  assert.equal(out.t, 2);
  assert.equal(out.backend, 'wasm');
  assert.ok(out.seconds >= 0);
  assert.deepEqual(out.warnings, []);
});

test('every input format gives the same DSE as the .npy', () => {
  const X = readNpy('blobs_X.npy');
  const rows = [];
  for (let i = 0; i < X.rows; i++) rows.push(Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)));
  const dir = tempDir();
  const header = rows[0].map((_, j) => `feature_${j}`);
  const files = {
    'X.csv': [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n',
    'X.tsv': rows.map((r) => r.join('\t')).join('\r\n'),
    'X.txt': '# np.savetxt style\n' + rows.map((r) => r.join(' ')).join('\n'),
    'X.json': JSON.stringify(rows),
    'X.jsonl': rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    'X.f32': Buffer.from(X.data.buffer, X.data.byteOffset, X.data.byteLength),
  };
  files['X.csv.gz'] = gzipSync(files['X.csv']);
  files['X.npy.gz'] = gzipSync(readFileSync(fixture('blobs_X.npy')));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const args = ['--sigma', '4.47213595499958'];
  const want = dseJson(['entropy', fixture('blobs_X.npy'), ...args]).dse;
  for (const name of Object.keys(files)) {
    const extra = name === 'X.f32' ? ['--rows', String(X.rows), '--cols', String(X.cols)] : [];
    assertClose(dseJson(['entropy', join(dir, name), ...args, ...extra]).dse, want, 1e-12, name);
  }
  assertClose(dseJson(['entropy', join(dir, 'X.f32'), ...args, '--cols', String(X.cols)]).dse, want, 1e-12, 'f32 with --cols only');
  // Standard input: sniffed, or named with --format.
  for (const [name, format] of [['X.csv', null], ['X.tsv', null], ['X.json', null], ['X.jsonl', null], ['X.csv.gz', null], ['X.npy.gz', null], ['X.f32', 'f32']]) {
    const extra = format ? ['--format', format, '--rows', String(X.rows)] : [];
    const input = readFileSync(join(dir, name));
    const out = dseJson(['entropy', '-', ...args, ...extra], { input });
    assertClose(out.dse, want, 1e-12, `${name} on standard input`);
    assert.equal(out.file, 'standard input');
  }
});

test('integer .npy dtypes are read as numbers', () => {
  const dir = tempDir();
  const X = readNpy('digits400_X.npy'); // pixel values 0..16
  const ints = Int16Array.from(X.data);
  assert.ok(ints.every((v, i) => v === X.data[i]), 'the fixture holds integers');
  const header = `{'descr': '<i2', 'fortran_order': False, 'shape': (${X.rows}, ${X.cols}), }`;
  const pad = ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const head = Buffer.alloc(10 + header.length + pad.length);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head.writeUInt16LE(header.length + pad.length, 8);
  head.write(header + pad, 10, 'latin1');
  writeFileSync(join(dir, 'X.npy'), Buffer.concat([head, Buffer.from(ints.buffer)]));
  const c = cases.find((c) => c.id === 'digits400-dse-t1');
  assertClose(dseJson(['entropy', join(dir, 'X.npy'), '--sigma', String(c.sigma)]).dse, c.expected, c.tol, 'int16 digits');
});

function unitNormRows(rows, cols, seed) {
  const m = randomMatrix(rows, cols, seed);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += m.data[i * cols + j] ** 2;
    for (let j = 0; j < cols; j++) m.data[i * cols + j] /= Math.sqrt(s);
  }
  return m;
}

test('a warning when K is close to constant (unit-norm rows, sigma 10) or close to the identity', () => {
  const m = unitNormRows(200, 32, 7);
  const dir = tempDir();
  const file = join(dir, 'unit.f32');
  writeFileSync(file, Buffer.from(m.data.buffer));
  const flat = dse(['entropy', file, '--cols', '32']);
  assert.equal(flat.code, 0, flat.stderr);
  assert.match(flat.stderr, /warning: .*unit\.f32: K is close to constant at sigma 10/);
  assert.match(flat.stderr, /--sigma auto/);
  const sharp = dseJson(['entropy', file, '--cols', '32', '--sigma', '0.01']);
  assert.equal(sharp.warnings.length, 1);
  assert.match(sharp.warnings[0], /close to the identity/);
  assert.ok(sharp.dse > 0.95 * Math.log2(200));
  const fine = dse(['entropy', file, '--cols', '32', '--sigma', 'auto']);
  assert.equal(fine.code, 0);
  assert.equal(fine.stderr, '', 'no warning at the median distance');
});

test('--sigma auto is the median distance between distinct rows', () => {
  const X = readNpy('small_X.npy');
  const d = [];
  for (let i = 0; i < X.rows; i++) {
    for (let j = i + 1; j < X.rows; j++) {
      let s = 0;
      for (let k = 0; k < X.cols; k++) s += (X.data[i * X.cols + k] - X.data[j * X.cols + k]) ** 2;
      d.push(Math.sqrt(s));
    }
  }
  d.sort((a, b) => a - b);
  const median = d.length % 2 ? d[(d.length - 1) / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  const out = dseJson(['entropy', fixture('small_X.npy'), '--sigma', 'auto']);
  assertClose(out.sigma, median, 1e-12, 'median distance');
  assert.equal(out.sigmaAuto, true);
  assertClose(out.dse, dseJson(['entropy', fixture('small_X.npy'), '--sigma', String(out.sigma)]).dse, 1e-12, 'same DSE');
});

test('npm start prints DSE of the digits for several sigma and t, and DSMI with labels', () => {
  const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /digits: 1797 scans of 64 pixels/);
  const table = r.stdout.split('\n').filter((l) => /^ {2}(10|20|\d+\.\d+ \(median\)) +\d/.test(l));
  assert.equal(table.length, 3, r.stdout);
  for (const line of table) {
    const [h1, h2, h5] = line.trim().split(/\s+/).filter((w) => /^\d+\.\d{6}$/.test(w)).map(Number);
    assert.ok(h1 >= h2 && h2 >= h5, `DSE does not grow with t: ${line}`);
    assert.ok(h1 <= Math.log2(1797), line);
  }
  const totals = [...r.stdout.matchAll(/DSMI = (\S+)\n {4}per digit: (.*)/g)];
  assert.equal(totals.length, 2);
  for (const [, total, perDigit] of totals) {
    const terms = perDigit.split(', ').map((s) => Number(s.split(': ')[1]));
    assert.equal(terms.length, 10);
    assertClose(terms.reduce((a, b) => a + b, 0), Number(total), 6e-4, 'per-digit terms add up to DSMI');
    assert.ok(Number(total) > 0.1, 'pixels carry information about the digit');
  }
});
