// Tensors as matrix arguments: transformers.js and onnxruntime Tensors ({ data, dims }) and tf.js Tensors
// (shape, dataSync()), recognised by their shape so that no tensor library is ever imported.
import { DseError, show } from './errors.js';
import type { Matrix, NumericArray } from './matrix.js';

/** How a 3-D [batch, tokens, dim] tensor becomes one row per batch item. */
export type Pooling = 'mean' | 'cls';

/**
 * A tensor argument: a transformers.js or onnxruntime `Tensor` (or any `{ data, dims }`), or a tf.js
 * `Tensor` (read once with `dataSync()`, never kept). 1-D is one column, 2-D [rows, cols] is used as is;
 * 3-D [batch, tokens, dim] needs a pooling, given as `{ tensor, pooling }` or `{ data, dims, pooling }`:
 * 'mean' averages over all tokens (padding included: pool with the attention mask yourself, or use the
 * feature-extraction pipeline's own `pooling`, when the batch is padded), 'cls' takes token 0.
 */
export type TensorLike =
  | { data: ArrayLike<number> | ArrayLike<bigint>; dims: readonly number[]; pooling?: Pooling }
  | { shape: readonly number[]; dataSync(): ArrayLike<number> }
  | { tensor: unknown; pooling?: Pooling };

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object';
}

function isTfTensor(x: unknown): x is { shape: number[]; dataSync(): ArrayLike<number> } {
  return isObject(x) && typeof x.dataSync === 'function' && Array.isArray(x.shape);
}

function isDimsTensor(x: unknown): x is { data: unknown; dims: number[] } {
  return isObject(x) && 'data' in x && Array.isArray(x.dims);
}

/** Whether x is one of the {@link TensorLike} forms (and so not `{ data, rows, cols }` or rows). */
export function isTensorLike(x: unknown): boolean {
  return isTfTensor(x) || isDimsTensor(x) || (isObject(x) && 'tensor' in x && (isTfTensor(x.tensor) || isDimsTensor(x.tensor)));
}

// BigInt64 data (int64 tensors, e.g. labels from argmax) as float64: exact up to 2^53, refused beyond.
function numbers(data: unknown, name: string): NumericArray | ArrayLike<number> {
  if (typeof BigInt64Array !== 'undefined' && (data instanceof BigInt64Array || data instanceof BigUint64Array)) {
    const out = new Float64Array(data.length);
    for (let k = 0; k < data.length; k++) {
      const v = Number(data[k]);
      if (!Number.isSafeInteger(v)) throw new DseError('E_NOT_FINITE', `${name} has the int64 value ${data[k]} at index ${k}, beyond 2^53`, name, data[k]);
      out[k] = v;
    }
    return out;
  }
  if (data === null || typeof data !== 'object' || typeof (data as ArrayLike<unknown>).length !== 'number') {
    throw new DseError('E_SHAPE', `${name}.data must be a typed array, received ${show(data)}`, `${name}.data`, data);
  }
  return data as ArrayLike<number>;
}

/**
 * A {@link TensorLike} as `{ data, rows, cols }` (no copy for 1-D and 2-D typed data). A 3-D tensor is pooled
 * over its tokens: 'mean' gives row b = (1 / T) sum_t x[b, t, :], 'cls' gives row b = x[b, 0, :].
 *
 * @example
 * tensorToMatrix({ data: new Float32Array([1, 2, 3, 4, 5, 6]), dims: [1, 2, 3], pooling: 'mean' }, 'X');
 * // { data: Float64Array [2.5, 3.5, 4.5], rows: 1, cols: 3 }
 */
export function tensorToMatrix(x: unknown, name: string): Matrix {
  const outer = x as Record<string, unknown>;
  const t = ('tensor' in outer && !isTfTensor(outer) && !isDimsTensor(outer) ? outer.tensor : outer) as Record<string, unknown>;
  const pooling = outer.pooling ?? t.pooling;
  let dims: readonly number[];
  let data: NumericArray | ArrayLike<number>;
  if (isTfTensor(t)) {
    dims = t.shape;
    if ((t as { dtype?: unknown }).dtype === 'string') throw new DseError('E_SHAPE', `${name} is a tf.js string tensor, not numbers`, name, 'string');
    data = t.dataSync();
  } else {
    dims = (t as { dims: number[] }).dims;
    data = numbers((t as { data: unknown }).data, name);
  }
  if (!dims.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new DseError('E_SHAPE', `${name}.dims must be non-negative integers, received ${show(dims)}`, `${name}.dims`, dims);
  }
  const size = dims.reduce((a, b) => a * b, 1);
  if (data.length !== size) {
    throw new DseError('E_SHAPE', `${name}.data has length ${data.length}, but dims [${dims.join(', ')}] hold ${size} values`, `${name}.data`, data.length);
  }
  if (dims.length === 1) return { data, rows: dims[0], cols: 1 };
  if (dims.length === 2) return { data, rows: dims[0], cols: dims[1] };
  if (dims.length !== 3) {
    throw new DseError('E_SHAPE', `${name} must be a 1-D, 2-D or 3-D tensor, received dims [${dims.join(', ')}]`, `${name}.dims`, dims);
  }
  if (pooling !== 'mean' && pooling !== 'cls') {
    throw new DseError('E_ARGUMENT', `${name} is a 3-D tensor [${dims.join(', ')}]: give pooling 'mean' or 'cls' ({ tensor, pooling }), received ${show(pooling)}`, `${name}.pooling`, pooling);
  }
  const [batch, tokens, dim] = dims;
  if (tokens < 1) throw new DseError('E_SHAPE', `${name} has no tokens to pool: dims [${dims.join(', ')}]`, `${name}.dims`, dims);
  const out = new Float64Array(batch * dim);
  for (let b = 0; b < batch; b++) {
    if (pooling === 'cls') {
      for (let j = 0; j < dim; j++) out[b * dim + j] = data[b * tokens * dim + j];
      continue;
    }
    for (let s = 0; s < tokens; s++) {
      for (let j = 0; j < dim; j++) out[b * dim + j] += data[(b * tokens + s) * dim + j];
    }
    for (let j = 0; j < dim; j++) out[b * dim + j] /= tokens;
  }
  return { data: out, rows: batch, cols: dim };
}
