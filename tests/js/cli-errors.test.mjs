// Every bad input or bad command line exits with code 2 and a message naming the file (or option) and the
// problem; nothing is printed on standard output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dse, fixture, npyBytes, tempDir } from './cli-helpers.mjs';

const dir = tempDir();
const put = (name, content) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function expectExit2(args, pattern, opts) {
  const r = dse(args, opts);
  assert.equal(r.code, 2, `dse ${args.join(' ')} exited ${r.code}; stderr: ${r.stderr}`);
  assert.match(r.stderr, pattern);
  assert.equal(r.stdout, '');
}

const f32 = (values) => new Float32Array(values);
const badFiles = [
  ['missing file', () => join(dir, 'nope.npy'), /nope\.npy: no such file/],
  ['a directory', () => { mkdirSync(join(dir, 'adir.npy'), { recursive: true }); return join(dir, 'adir.npy'); }, /adir\.npy: is a directory/],
  ['Fortran order', () => put('fortran.npy', npyBytes('<f4', [3, 2], f32([1, 2, 3, 4, 5, 6]), true)), /fortran\.npy: Fortran order .* not supported/],
  ['object array', () => put('object.npy', npyBytes('|O', [2], new Uint8Array(16))), /object\.npy: dtype '\|O': object arrays .* not supported/],
  ['boolean array', () => put('bool.npy', npyBytes('|b1', [2, 2], new Uint8Array(4))), /bool\.npy: dtype '\|b1': boolean arrays are not supported/],
  ['float16', () => put('half.npy', npyBytes('<f2', [2, 2], new Uint16Array(4))), /half\.npy: dtype '<f2' is not supported/],
  ['complex', () => put('complex.npy', npyBytes('<c16', [2, 1], new Float64Array(4))), /complex\.npy: dtype '<c16': complex arrays are not supported/],
  ['string array', () => put('str.npy', npyBytes('<U3', [2], new Uint32Array(6))), /str\.npy: dtype '<U3': string arrays are not supported/],
  ['truncated .npy', () => put('short.npy', npyBytes('<f8', [10, 3], new Float64Array(7))), /short\.npy: truncated: shape \(10, 3\)/],
  ['scalar .npy', () => put('scalar.npy', npyBytes('<f8', [], new Float64Array(1))), /scalar\.npy: holds a scalar/],
  ['not a .npy', () => put('text.npy', 'hello'), /text\.npy: not a \.npy file/],
  ['NaN in a .npy', () => put('nan.npy', npyBytes('<f4', [3, 2], f32([1, 2, NaN, 4, 5, 6]))), /nan\.npy: row 1, column 0 \(counting from 0\) is NaN/],
  ['one row', () => put('one.npy', npyBytes('<f4', [1, 3], f32([1, 2, 3]))), /one\.npy: X must have at least 2 rows, received 1/],
  ['no columns', () => put('nocols.npy', npyBytes('<f4', [4, 0], f32([]))), /nocols\.npy: X must have at least 1 column/],
  ['CSV with text in a data row', () => put('words.csv', 'a,b\n1,2\n3,x\n'), /words\.csv: line 3, field 2 is "x", not a number/],
  ['CSV with ragged rows', () => put('ragged.csv', '1,2,3\n4,5\n'), /ragged\.csv: line 2 has 2 fields but line 1 has 3/],
  ['CSV with NaN', () => put('nan.csv', '1,2\nnan,4\n'), /nan\.csv: line 2, field 1 is nan: every value must be a finite number/],
  ['CSV with an empty field', () => put('hole.csv', '1,2\n3,\n5,6\n'), /hole\.csv: line 2, field 2 is "", not a number/],
  ['empty CSV', () => put('empty.csv', ''), /empty\.csv: is empty/],
  ['header only', () => put('header.csv', 'a,b\n'), /header\.csv: has a header line but no rows/],
  ['TSV header of another width', () => put('head.tsv', 'a\tb\tc\n1\t2\n3\t4\n'), /head\.tsv: the header has 3 fields but line 2 has 2/],
  ['invalid JSON', () => put('bad.json', '[[1, 2], [3, 4'), /bad\.json: is not valid JSON/],
  ['JSON object', () => put('object.json', '{"a": 1}'), /object\.json: must hold an array of rows, found an object/],
  ['JSON ragged', () => put('ragged.json', '[[1, 2], [3]]'), /ragged\.json: element \[1\] has 1 values but element \[0\] has 2/],
  ['JSON null', () => put('null.json', '[[1, 2], [3, null]]'), /null\.json: element \[1\]\[1\] is null \(a missing value\?\), not a number/],
  ['JSON Lines bad line', () => put('bad.jsonl', '[1, 2]\n[3, 4\n'), /bad\.jsonl: line 2 is not valid JSON/],
  ['raw float32 without a shape', () => put('raw.f32', Buffer.from(f32([1, 2, 3, 4]).buffer)), /raw\.f32: raw float32 data has no header: give its shape with --rows and --cols/],
  ['binary in a CSV', () => put('binary.csv', Buffer.from([0xff, 0xfe, 0x00, 0x81])), /binary\.csv: is not UTF-8 text/],
];
for (const [name, make, pattern] of badFiles) {
  test(`bad input exits 2: ${name}`, () => expectExit2(['entropy', make()], pattern));
}

test('bad input exits 2: raw float32 whose length does not match --rows and --cols', () => {
  const file = put('len.f32', Buffer.from(f32([1, 2, 3, 4, 5, 6]).buffer));
  expectExit2(['entropy', file, '--rows', '4', '--cols', '2'], /len\.f32: has 24 bytes, but --rows 4 --cols 2 of float32 need 32/);
  expectExit2(['entropy', file, '--rows', '4'], /len\.f32: has 6 float32 values, which --rows 4 does not divide/);
});

test('bad input exits 2: the same problems on standard input', () => {
  expectExit2(['entropy', '-'], /standard input: is empty/, { input: '' });
  expectExit2(['entropy', '-'], /standard input: line 2, field 2 is "b", not a number/, { input: '1,2\n3,b\n' });
  expectExit2(['entropy', '-'], /standard input: Fortran order/, { input: npyBytes('<f4', [2, 2], f32([1, 2, 3, 4]), true) });
  expectExit2(['entropy', '-', '--format', 'f32'], /standard input: raw float32 data has no header/, { input: Buffer.from(f32([1, 2]).buffer) });
});

test('bad labels for the report exit 2', () => {
  const out = join(dir, 'r.html');
  const X = fixture('blobs_X.npy');
  expectExit2(['report', X, put('short-labels.json', '[0, 1, 2]'), '--out', out], /short-labels\.json: has 3 labels but .*blobs_X\.npy has 300 rows/);
  expectExit2(['report', X, fixture('blobs_X.npy'), '--out', out], /blobs_X\.npy: has 20 columns; labels must be one column/);
  const halves = JSON.stringify(Array.from({ length: 300 }, (_, i) => i / 2));
  expectExit2(['report', X, put('halves.json', halves), '--out', out], /halves\.json: row 1 \(counting from 0\) is 0\.5, not an integer class label/);
});

const usage = [
  [[], /usage:/],
  [['frobnicate'], /unknown command "frobnicate"/],
  [['entropy'], /dse entropy: missing <X>/],
  [['entropy', fixture('small_X.npy'), 'extra'], /unexpected argument "extra"/],
  [['entropy', fixture('small_X.npy'), '--bogus'], /dse entropy: unknown option --bogus/],
  [['entropy', fixture('small_X.npy'), '-x'], /dse entropy: unknown option -x/],
  [['entropy', fixture('small_X.npy'), '--sigma'], /--sigma needs a value/],
  [['entropy', fixture('small_X.npy'), '--sigma', '-1'], /--sigma must be a number > 0, received "-1"/],
  [['entropy', fixture('small_X.npy'), '--sigma', 'wide'], /--sigma must be a number > 0 or 'auto', received "wide"/],
  [['entropy', fixture('small_X.npy'), '--sigma', '0'], /--sigma must be a number > 0/],
  [['entropy', fixture('small_X.npy'), '--t', '0'], /--t must be a number > 0, received "0"/],
  [['entropy', fixture('small_X.npy'), '--max-n', '1'], /--max-n must be an integer >= 2, received "1"/],
  [['entropy', fixture('small_X.npy'), '--max-n', '2.5'], /--max-n must be an integer >= 2/],
  [['entropy', fixture('small_X.npy'), '--seed', '-3'], /--seed must be an integer >= 0/],
  [['entropy', fixture('small_X.npy'), '--bins', '0'], /--bins must be an integer >= 1/],
  [['entropy', fixture('small_X.npy'), '--variant', 'spectral'], /--variant must be one of eigen, matrix-entry, classic; received "spectral"/],
  [['entropy', fixture('small_X.npy'), '--backend', 'gpu'], /--backend must be one of wasm, js; received "gpu"/],
  [['entropy', fixture('small_X.npy'), '--format', 'xlsx'], /--format must be one of npy, csv/],
  [['entropy', fixture('small_X.npy'), '--json=yes'], /--json takes no value/],
  [['entropy', fixture('small_X.npy'), '--sigma', '1', '--sigma', '2'], /--sigma is given twice/],
  [['entropy', fixture('small_X.npy'), '--rows', '0'], /--rows must be an integer >= 1/],
  [['mi', fixture('small_X.npy')], /dse mi: missing <Y>/],
  [['mi', '-', '-'], /only one of <X> and <Y> can be standard input/],
  [['mi', fixture('blobs_X.npy'), fixture('blobs_y.npy'), '--discrete', '--continuous'], /--discrete and --continuous exclude each other/],
  [['eigenvalues', fixture('small_X.npy'), '--t', '2'], /dse eigenvalues: unknown option --t/],
  [['report', fixture('small_X.npy')], /dse report: --out F.html is required/],
  [['report', '-', '-', '--out', 'x.html'], /only one of <X> and <labels> can be standard input/],
];
for (const [args, pattern] of usage) {
  test(`usage error exits 2: dse ${args.map((a) => a.replace(/.*\//, '')).join(' ')}`, () => expectExit2(args, pattern));
}

test('--help prints the usage and exits 0', () => {
  const r = dse(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /dse entropy <X>/);
  assert.match(r.stdout, /--sigma auto/);
  assert.equal(dse(['report', '--help']).code, 0);
});

test('an output file that cannot be written exits 2 naming it', () => {
  const r = dse(['eigenvalues', fixture('small_X.npy'), '--sigma', '2', '--out', join(dir, 'no/such/dir/e.npy')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no\/such\/dir\/e\.npy: cannot be written/);
});
