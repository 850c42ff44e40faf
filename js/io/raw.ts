import { InputError } from './input-error.js';
import type { DenseMatrix } from '../matrix.js';

/**
 * Raw little-endian float32 values, row after row, with no header. Give rows, cols or both; a missing one is
 * the file's length divided by the other.
 *
 * @example
 * parseRawFloat32(readFileSync('X.f32'), 1000, 768, 'X.f32'); // { data: Float32Array, rows: 1000, cols: 768 }
 */
export function parseRawFloat32(bytes: Uint8Array, rows: number | undefined, cols: number | undefined, file: string): DenseMatrix {
  if (rows === undefined && cols === undefined) {
    throw new InputError(file, 'raw float32 data has no header: give its shape with --rows and --cols');
  }
  if (bytes.length % 4 !== 0) throw new InputError(file, `has ${bytes.length} bytes, not a whole number of float32 values`);
  const count = bytes.length / 4;
  const given = rows !== undefined ? `--rows ${rows}` : `--cols ${cols}`;
  if (rows === undefined) rows = count / cols!;
  if (cols === undefined) cols = count / rows;
  if (!Number.isInteger(rows) || !Number.isInteger(cols)) {
    throw new InputError(file, `has ${count} float32 values, which ${given} does not divide`);
  }
  if (bytes.length !== rows * cols * 4) {
    throw new InputError(file, `has ${bytes.length} bytes, but --rows ${rows} --cols ${cols} of float32 need ${rows * cols * 4}`);
  }
  const data = new Float32Array(rows * cols);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < data.length; k++) data[k] = view.getFloat32(k * 4, true);
  return { data, rows, cols };
}
