import { DseError, show } from './errors.js';
import { isTensorLike, tensorToMatrix, type TensorLike } from './tensor.js';

/**
 * Any typed array of numbers. BigInt64Array and BigUint64Array are accepted too as matrix data (copied
 * to float64, each value exactly, refused beyond +-2^53), but are not in this type: they hold BigInts.
 */
export type NumericArray =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Uint8ClampedArray
  | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** A row-major matrix: `data[i * cols + j]` is row i, column j. */
export interface Matrix {
  data: NumericArray | BigInt64Array | BigUint64Array | ArrayLike<number>;
  rows: number;
  cols: number;
}

/**
 * A matrix argument: `{ data, rows, cols }` (row-major), an array of equal-length rows, or a tensor
 * ({@link TensorLike}: transformers.js / onnxruntime `{ data, dims }`, a tf.js Tensor).
 */
export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>> | TensorLike;

/** A validated matrix: data has exactly rows * cols finite numbers. */
export interface DenseMatrix {
  data: NumericArray;
  rows: number;
  cols: number;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * Checks a matrix argument and returns it as `{ data, rows, cols }` over a typed array. Typed data is used
 * as it is (no copy); arrays of rows are copied once into a Float64Array; tensors are read as in
 * {@link tensorToMatrix} (a tf.js tensor once, by dataSync).
 */
export function toMatrix(x: unknown, name: string, minRows = 2): DenseMatrix {
  if (isTensorLike(x)) x = tensorToMatrix(x, name);
  let m: DenseMatrix;
  if (x !== null && typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x) && 'data' in x) {
    const { data, rows, cols } = x as Matrix;
    if (!isCount(rows)) throw new DseError('E_SHAPE', `${name}.rows must be a non-negative integer, received ${show(rows)}`, `${name}.rows`, rows);
    if (!isCount(cols)) throw new DseError('E_SHAPE', `${name}.cols must be a non-negative integer, received ${show(cols)}`, `${name}.cols`, cols);
    if (data === null || typeof data !== 'object' || typeof (data as ArrayLike<number>).length !== 'number') {
      throw new DseError('E_SHAPE', `${name}.data must be a typed array or an array of numbers, received ${show(data)}`, `${name}.data`, data);
    }
    if (data.length !== rows * cols) {
      throw new DseError('E_SHAPE', `${name}.data has length ${data.length}, but rows * cols = ${rows} * ${cols} = ${rows * cols}`, `${name}.data`, data.length);
    }
    if (ArrayBuffer.isView(data) && !(data instanceof DataView) && !isBigIntArray(data)) {
      m = { data: data as NumericArray, rows, cols };
    } else {
      const copy = new Float64Array(rows * cols);
      for (let k = 0; k < copy.length; k++) copy[k] = finite((data as ArrayLike<unknown>)[k], name, rows, cols, k);
      m = { data: copy, rows, cols };
    }
  } else if (Array.isArray(x) || (x !== null && typeof x === 'object' && typeof (x as ArrayLike<unknown>).length === 'number' && !ArrayBuffer.isView(x))) {
    const rowsIn = x as ArrayLike<ArrayLike<number>>;
    const rows = rowsIn.length;
    const first = rowsIn[0];
    const cols = rows > 0 && first !== null && typeof first === 'object' ? first.length : 0;
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const r = rowsIn[i];
      if (r === null || typeof r !== 'object' || typeof r.length !== 'number') {
        throw new DseError('E_SHAPE', `${name}[${i}] must be an array of numbers, received ${show(r)}`, name, r);
      }
      if (r.length !== cols) {
        throw new DseError('E_SHAPE', `${name}[${i}] has ${r.length} values but ${name}[0] has ${cols}: rows must have equal lengths`, name, r.length);
      }
      for (let j = 0; j < cols; j++) data[i * cols + j] = finite(r[j], name, rows, cols, i * cols + j);
    }
    m = { data, rows, cols };
  } else {
    throw new DseError('E_SHAPE', `${name} must be { data, rows, cols } or an array of rows, received ${show(x)}`, name, x);
  }
  if (m.rows < minRows) throw new DseError('E_SHAPE', `${name} must have at least ${minRows} rows, received ${m.rows}`, `${name}.rows`, m.rows);
  if (m.cols < 1) throw new DseError('E_SHAPE', `${name} must have at least 1 column, received ${m.cols}`, `${name}.cols`, m.cols);
  assertFinite(m, name);
  return m;
}

// The value at flat index k, checked: a finite number (a BigInt converted exactly), or an error naming its row
// and column.
function finite(v: unknown, name: string, rows: number, cols: number, k: number): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const i = Math.floor(k / cols);
  if (typeof v === 'bigint') return exactNumber(v, `${name} at row ${i}, column ${k - i * cols}`, name);
  throw new DseError('E_NOT_FINITE', `${name} has a non-finite value ${show(v)} at row ${i}, column ${k - i * cols}`, name, v);
}

/** 2^53: every integer up to it in magnitude is exactly a float64. */
const EXACT_LIMIT = BigInt(2 ** 53);

/**
 * A BigInt as the number it equals: accepted where |v| <= 2^53 (exactly a float64, as the .npy reader
 * keeps int64 data), refused beyond with E_ARGUMENT, since rounding it would silently change the value.
 */
export function exactNumber(v: bigint, where: string, argument: string): number {
  if (v > EXACT_LIMIT || v < -EXACT_LIMIT) {
    throw new DseError('E_ARGUMENT', `${where} is the BigInt ${v}n, beyond +-2^53 where a float64 cannot hold it exactly`, argument, v);
  }
  return Number(v);
}

/** {@link toMatrix} for a square matrix of at least one row. */
export function toSquareMatrix(x: unknown, name: string): DenseMatrix {
  const m = toMatrix(x, name, 1);
  if (m.rows !== m.cols) {
    throw new DseError('E_SHAPE', `${name} must be square, received ${m.rows} x ${m.cols}`, name, `${m.rows} x ${m.cols}`);
  }
  return m;
}

function isBigIntArray(a: unknown): boolean {
  return typeof BigInt64Array !== 'undefined' && (a instanceof BigInt64Array || a instanceof BigUint64Array);
}

function assertFinite(m: DenseMatrix, name: string): void {
  const { data, rows, cols } = m;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) finite(data[k], name, rows, cols, k);
  }
}

/**
 * Copies rows of m (all of them, or those listed in `rows`, in that order) into dst as float64, row-major.
 * Float32 values widen exactly, so every later stage sees the input bit for bit.
 */
export function copyRows(m: DenseMatrix, rows: Int32Array | null, dst: Float64Array): void {
  const { data, cols } = m;
  if (rows === null) {
    dst.set(data);
    return;
  }
  for (let r = 0; r < rows.length; r++) {
    const start = rows[r] * cols;
    dst.set(data.subarray(start, start + cols), r * cols);
  }
}

/** Writes the lower triangle of the square matrix m into the upper triangle of dst (n x n, row-major). */
export function copyLowerToUpper(m: DenseMatrix, dst: Float64Array): void {
  const { data, rows: n } = m;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) dst[i * n + j] = data[j * n + i];
  }
}
