// NumPy's .npy format (numpy.lib.format, versions 1.0, 2.0 and 3.0): the magic "\x93NUMPY", two version bytes,
// a header length (uint16 in 1.0, uint32 after), a Python dict literal {'descr', 'fortran_order', 'shape'},
// then the array's bytes. We read C-order float and integer arrays and write float64 and int32 ones.
import { InputError } from './input-error.js';
import type { DenseMatrix, NumericArray } from '../matrix.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

type Reader = (view: DataView, offset: number, little: boolean) => number;

// dtype kind + item size -> the typed array we keep the values in and how to read one.
const DTYPES: Record<string, { make: (n: number) => NumericArray; read: Reader }> = {
  f4: { make: (n) => new Float32Array(n), read: (v, o, l) => v.getFloat32(o, l) },
  f8: { make: (n) => new Float64Array(n), read: (v, o, l) => v.getFloat64(o, l) },
  i1: { make: (n) => new Int8Array(n), read: (v, o) => v.getInt8(o) },
  u1: { make: (n) => new Uint8Array(n), read: (v, o) => v.getUint8(o) },
  i2: { make: (n) => new Int16Array(n), read: (v, o, l) => v.getInt16(o, l) },
  u2: { make: (n) => new Uint16Array(n), read: (v, o, l) => v.getUint16(o, l) },
  i4: { make: (n) => new Int32Array(n), read: (v, o, l) => v.getInt32(o, l) },
  u4: { make: (n) => new Uint32Array(n), read: (v, o, l) => v.getUint32(o, l) },
  // 64-bit integers become float64, exactly as long as they stay within +-2^53 (checked below).
  i8: { make: (n) => new Float64Array(n), read: (v, o, l) => Number(v.getBigInt64(o, l)) },
  u8: { make: (n) => new Float64Array(n), read: (v, o, l) => Number(v.getBigUint64(o, l)) },
};

const KIND_NAMES: Record<string, string> = {
  O: 'object arrays (saved with allow_pickle) are not supported: convert to a numeric dtype first',
  b: 'boolean arrays are not supported: convert to float32 or an integer dtype',
  c: 'complex arrays are not supported',
  U: 'string arrays are not supported',
  S: 'byte-string arrays are not supported',
  M: 'datetime arrays are not supported',
  m: 'timedelta arrays are not supported',
  V: 'structured or void arrays are not supported',
};

function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** True when the bytes start with the .npy magic string. */
export function looksLikeNpy(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && isNpy(bytes);
}

/**
 * Parses a .npy file: float32, float64 and (u)int8..64 dtypes, either byte order, C order. A 1-D array is
 * one column; an N-D array (N > 2) is N rows of the flattened trailing axes. Refuses Fortran order, object,
 * boolean, complex, string and structured dtypes, float16, and truncated files, naming `file` in the error.
 *
 * @example
 * parseNpy(readFileSync('X.npy'), 'X.npy'); // { data: Float32Array, rows: 300, cols: 10 }
 */
export function parseNpy(bytes: Uint8Array, file: string): DenseMatrix {
  if (!looksLikeNpy(bytes)) throw new InputError(file, 'not a .npy file (it does not start with "\\x93NUMPY")');
  if (bytes.length < 10) throw new InputError(file, 'truncated .npy header');
  const major = bytes[6];
  if (major !== 1 && major !== 2 && major !== 3) throw new InputError(file, `unknown .npy format version ${major}.${bytes[7]}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes + headerLength;
  if (start > bytes.length) throw new InputError(file, 'truncated .npy header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lengthBytes, start));

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header);
  if (descr === null) {
    throw new InputError(file, /'descr'\s*:\s*\[/.test(header) ? KIND_NAMES.V : `.npy header has no dtype: ${header.trim()}`);
  }
  const order = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  if (order === null) throw new InputError(file, `.npy header has no fortran_order: ${header.trim()}`);
  if (order[1] === 'True') {
    throw new InputError(file, 'Fortran order (column-major) is not supported: save it with np.save(f, np.ascontiguousarray(X))');
  }
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (shapeText === null) throw new InputError(file, `.npy header has no shape: ${header.trim()}`);
  const shape = shapeText[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((s) => !Number.isSafeInteger(s) || s < 0)) throw new InputError(file, `bad shape (${shapeText[1]})`);
  if (shape.length === 0) throw new InputError(file, 'holds a scalar (shape ()), not a matrix');

  const m = /^([<>|=])([a-zA-Z])(\d*)$/.exec(descr[1]);
  if (m === null) throw new InputError(file, `unsupported dtype '${descr[1]}'`);
  const [, byteOrder, kind, size] = m;
  if (KIND_NAMES[kind] !== undefined) throw new InputError(file, `dtype '${descr[1]}': ${KIND_NAMES[kind]}`);
  const dtype = DTYPES[kind + size];
  if (dtype === undefined) {
    throw new InputError(file, `dtype '${descr[1]}' is not supported: use float32, float64 or an integer dtype`);
  }
  const itemSize = Number(size);
  const little = byteOrder !== '>';

  const rows = shape[0];
  const cols = shape.slice(1).reduce((a, b) => a * b, 1);
  const count = rows * cols;
  if (bytes.length - start < count * itemSize) {
    throw new InputError(file, `truncated: shape (${shape.join(', ')}) of '${descr[1]}' needs ${count * itemSize} bytes of data, the file has ${bytes.length - start}`);
  }
  const data = dtype.make(count);
  for (let k = 0; k < count; k++) data[k] = dtype.read(view, start + k * itemSize, little);
  if (kind + size === 'i8' || kind + size === 'u8') {
    const limit = BigInt(2 ** 53);
    for (let k = 0; k < count; k++) {
      const o = start + k * itemSize;
      const v = kind === 'i' ? view.getBigInt64(o, little) : view.getBigUint64(o, little);
      if (v > limit || v < -limit) throw new InputError(file, `int64 value at index ${k} is beyond +-2^53 and cannot be kept exactly`);
    }
  }
  return { data, rows, cols };
}

/**
 * Encodes a float64 or int32 array as a version 1.0 .npy file, C order, little-endian. `shape` defaults to
 * one axis of data.length.
 *
 * @example
 * writeFileSync('eigenvalues.npy', encodeNpy(new Float64Array([1, 0.5])));
 */
export function encodeNpy(data: Float64Array | Int32Array, shape: number[] = [data.length]): Uint8Array {
  const descr = data instanceof Float64Array ? '<f8' : '<i4';
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // Pad with spaces so that the data starts on a 64-byte boundary, the header ending in a newline.
  const unpadded = MAGIC.length + 4 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(MAGIC.length + 4 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const body = new DataView(out.buffer, 10 + header.length);
  for (let k = 0; k < data.length; k++) {
    if (data instanceof Float64Array) body.setFloat64(k * 8, data[k], true);
    else body.setInt32(k * 4, data[k], true);
  }
  return out;
}
