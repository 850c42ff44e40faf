// JSON input: one array of rows ([[1, 2], [3, 4]]) or of numbers (one column); JSON Lines: one row (an array
// of numbers) or one number per line.
import { InputError } from './input-error.js';

import { splitLines } from './lines.js';
import type { DenseMatrix } from '../matrix.js';

function describe(v: unknown): string {
  if (v === null) return 'null (a missing value?)';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : String(v);
}

// Rows given as parsed JSON values: each an array of numbers, or each a number. `where(i)` says where row i
// came from, for messages.
function rowsToMatrix(rows: unknown[], file: string, where: (i: number) => string): DenseMatrix {
  if (rows.length === 0) throw new InputError(file, 'is empty: no rows');
  const column = !Array.isArray(rows[0]);
  const cols = column ? 1 : (rows[0] as unknown[]).length;
  if (cols === 0) throw new InputError(file, `${where(0)} is an empty row`);
  const data = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const values = column ? [r] : r;
    if (!Array.isArray(values)) throw new InputError(file, `${where(i)} is ${describe(r)} but ${where(0)} is an array: give every row as an array`);
    if (values.length !== cols) throw new InputError(file, `${where(i)} has ${values.length} values but ${where(0)} has ${cols}: rows must have equal lengths`);
    for (let j = 0; j < cols; j++) {
      const v = values[j];
      if (typeof v !== 'number') {
        throw new InputError(file, `${where(i)}${column ? '' : `[${j}]`} is ${describe(v)}, not a number`);
      }
      data[i * cols + j] = v;
    }
  }
  return { data, rows: rows.length, cols };
}

/**
 * Parses a JSON array of rows (or of numbers, read as one column).
 *
 * @example
 * parseJson('[[1, 2], [3, 4]]', 'x.json'); // { data: Float64Array [1, 2, 3, 4], rows: 2, cols: 2 }
 */
export function parseJson(text: string, file: string): DenseMatrix {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(value)) throw new InputError(file, `must hold an array of rows, found ${describe(value)}`);
  return rowsToMatrix(value, file, (i) => `element [${i}]`);
}

/**
 * Parses JSON Lines: one row per line, an array of numbers or a single number; blank lines skipped.
 *
 * @example
 * parseJsonLines('[1, 2]\n[3, 4]\n', 'x.jsonl'); // { data: Float64Array [1, 2, 3, 4], rows: 2, cols: 2 }
 */
export function parseJsonLines(text: string, file: string): DenseMatrix {
  const rows: unknown[] = [];
  const lineNumbers: number[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    try {
      rows.push(JSON.parse(lines[i]));
    } catch (e) {
      throw new InputError(file, `line ${i + 1} is not valid JSON (${(e as Error).message})`);
    }
    lineNumbers.push(i + 1);
  }
  return rowsToMatrix(rows, file, (i) => `line ${lineNumbers[i]}`);
}
