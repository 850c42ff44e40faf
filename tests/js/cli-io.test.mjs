// The readers in js/io (through the CLI bundle, as the command uses them), and the progress bar.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ready, parseNpy, encodeNpy, parseMatrix, parseDelimited, sniffFormat, formatOfName, InputError,
  Progress,
} from '../../dist/cli.mjs';
import { readNpy, fixturesDir } from './helpers.mjs';
import { npyBytes } from './cli-helpers.mjs';

before(() => ready());

test('.npy: every supported dtype, either byte order, 1-D and N-D shapes', () => {
  const values = [0, 1, 2, 3, 4, 5];
  const kinds = [
    ['<f4', Float32Array], ['<f8', Float64Array], ['|i1', Int8Array], ['|u1', Uint8Array], ['<i2', Int16Array],
    ['<u2', Uint16Array], ['<i4', Int32Array], ['<u4', Uint32Array],
  ];
  for (const [descr, Type] of kinds) {
    const m = parseNpy(npyBytes(descr, [3, 2], Type.from(values)), 'x.npy');
    assert.ok(m.data instanceof Type, descr);
    assert.deepEqual([m.rows, m.cols, Array.from(m.data)], [3, 2, values], descr);
  }
  const i8 = parseNpy(npyBytes('<i8', [2, 3], BigInt64Array.from([-1n, 2n, 3n, 4n, 5n, 2n ** 53n])), 'x.npy');
  assert.deepEqual(Array.from(i8.data), [-1, 2, 3, 4, 5, 2 ** 53]);
  assert.throws(() => parseNpy(npyBytes('<i8', [1, 1], BigInt64Array.from([2n ** 53n + 1n])), 'big.npy'), /big\.npy: int64 value at index 0 is beyond/);
  const u8 = parseNpy(npyBytes('<u8', [2], BigUint64Array.from([7n, 9n])), 'x.npy');
  assert.deepEqual([u8.rows, u8.cols, Array.from(u8.data)], [2, 1, [7, 9]]);

  const big = new DataView(new ArrayBuffer(16));
  big.setFloat64(0, 1.5, false);
  big.setFloat64(8, -2.25, false);
  assert.deepEqual(Array.from(parseNpy(npyBytes('>f8', [2], new Uint8Array(big.buffer)), 'x.npy').data), [1.5, -2.25]);

  const cube = parseNpy(npyBytes('<f4', [2, 2, 3], new Float32Array(12).map((_, i) => i)), 'x.npy');
  assert.deepEqual([cube.rows, cube.cols, cube.data[11]], [2, 6, 11]);
});

test('.npy: the fixtures read as the test helper reads them; encodeNpy round-trips', () => {
  const fromCli = parseNpy(readFileSync(fixturesDir + 'blobs_X.npy'), 'blobs_X.npy');
  const want = readNpy('blobs_X.npy');
  assert.deepEqual([fromCli.rows, fromCli.cols], [want.rows, want.cols]);
  assert.deepEqual(Array.from(fromCli.data), Array.from(want.data));
  const values = new Float64Array([1, -0.5, Math.PI, 1e-300, 7]);
  const back = parseNpy(encodeNpy(values), 'e.npy');
  assert.deepEqual(Array.from(back.data), Array.from(values));
  const labels = parseNpy(encodeNpy(new Int32Array([3, 1, 2, 0, 1, 3]), [2, 3]), 'l.npy');
  assert.ok(labels.data instanceof Int32Array);
  assert.deepEqual([labels.rows, labels.cols, Array.from(labels.data)], [2, 3, [3, 1, 2, 0, 1, 3]]);
  assert.equal((encodeNpy(values).indexOf(10) + 1) % 64, 0, 'data starts on a 64-byte boundary');
});

test('.npy: version 2.0 headers', () => {
  const v1 = npyBytes('<f4', [2, 2], new Float32Array([1, 2, 3, 4]));
  const headerLength = v1.readUInt16LE(8);
  const v2 = Buffer.concat([v1.subarray(0, 8), Buffer.alloc(4), v1.subarray(10)]);
  v2[6] = 2;
  v2.writeUInt32LE(headerLength, 8);
  assert.deepEqual(Array.from(parseNpy(v2, 'v2.npy').data), [1, 2, 3, 4]);
  v2[6] = 9;
  assert.throws(() => parseNpy(v2, 'v9.npy'), /v9\.npy: unknown \.npy format version 9/);
});

test('delimited text: header detection, quotes, comments, whitespace, CRLF', () => {
  const withHeader = parseDelimited('"x","y"\r\n1,2\r\n3.5,-4e-1\r\n', ',', 'a.csv');
  assert.deepEqual(withHeader.header, ['x', 'y']);
  assert.deepEqual([withHeader.rows, withHeader.cols, Array.from(withHeader.data)], [2, 2, [1, 2, 3.5, -0.4]]);
  const noHeader = parseDelimited('# comment\n\n1 2  3\n 4\t5 6\n', ' ', 'a.txt');
  assert.equal(noHeader.header, null);
  assert.deepEqual(Array.from(noHeader.data), [1, 2, 3, 4, 5, 6]);
  assert.throws(() => parseDelimited('1,2\n0x10,2\n', ',', 'hex.csv'), /hex\.csv: line 2, field 1 is "0x10", not a number/);
  assert.throws(() => parseDelimited('a,b\nc,d\n', ',', 'words.csv'), /words\.csv: line 2, field 1 is "c", not a number/);
});

test('format from the name, or sniffed from the bytes', () => {
  assert.equal(formatOfName('a/b/X.NPY'), 'npy');
  assert.equal(formatOfName('digits.csv.gz'), 'csv');
  assert.equal(formatOfName('x.ndjson'), 'jsonl');
  assert.equal(formatOfName('x.parquet'), null);
  const enc = (s) => new TextEncoder().encode(s);
  assert.equal(sniffFormat(npyBytes('<f4', [1], new Float32Array(1))), 'npy');
  assert.equal(sniffFormat(enc('[[1, 2], [3, 4]]')), 'json');
  assert.equal(sniffFormat(enc('[1, 2, 3]')), 'json');
  assert.equal(sniffFormat(enc('[1, 2]\n[3, 4]\n')), 'jsonl');
  assert.equal(sniffFormat(enc('a\tb\n1\t2\n')), 'tsv');
  assert.equal(sniffFormat(enc('1,2\n')), 'csv');
  assert.equal(sniffFormat(enc('1 2\n')), 'txt');
  const column = parseMatrix(enc('[1, 2, 3]'), 'labels');
  assert.deepEqual([column.rows, column.cols], [3, 1]);
  const e = (() => { try { parseMatrix(enc('1,2\n3,4\n'), 'x.csv', {}); return null; } catch (err) { return err; } })();
  assert.equal(e, null);
  try {
    parseMatrix(new Uint8Array([1, 2, 3, 4]), 'x.f32');
    assert.fail('no shape');
  } catch (err) {
    assert.ok(err instanceof InputError);
    assert.equal(err.file, 'x.f32');
    assert.match(err.problem, /give its shape/);
  }
});

test('the progress bar draws only on a terminal, after a second unless the work is known to be long', () => {
  const written = [];
  const stream = (isTTY) => ({ isTTY, columns: 80, write: (s) => written.push(s) });
  let clock = 0;
  const quiet = new Progress(stream(false), true, () => clock);
  quiet.update(0.5, 'work');
  quiet.done();
  assert.deepEqual(written, []);
  const patient = new Progress(stream(true), false, () => clock);
  patient.update(0.1, 'work');
  assert.deepEqual(written, [], 'nothing before a second');
  clock = 1500;
  patient.update(0.5, 'halfway');
  assert.match(written[0], /\[#{15}\.{15}\]  50% halfway/);
  patient.done();
  assert.equal(written[1], '\r\x1b[K');
  new Progress(stream(true), true, () => clock).update(1, 'eager');
  assert.match(written[2], /100% eager/);
});
