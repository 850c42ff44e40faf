// Delimited text: CSV (comma), TSV (tab) and whitespace-separated columns as np.savetxt writes them.
// Blank lines and lines starting with '#' are skipped. The first line is a header when it has a field that is
// not a number and every later line is all numbers.
import { InputError } from './input-error.js';
import { firstLine as firstLineOf, splitLines } from './lines.js';
import type { DenseMatrix } from '../matrix.js';

/** ',' for CSV, '\t' for TSV, ' ' for runs of whitespace. */
export type Delimiter = ',' | '\t' | ' ';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** The delimiter of a text whose format is not known from its name: tab, else comma, else whitespace. */
export function sniffDelimiter(text: string): Delimiter {
  const firstLine = firstLineOf(text);
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(',')) return ',';
  return ' ';
}

function fieldsOf(line: string, delimiter: Delimiter): string[] {
  const raw = delimiter === ' ' ? line.trim().split(/\s+/) : line.split(delimiter);
  return raw.map((f) => {
    const s = f.trim();
    return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).trim() : s;
  });
}

/**
 * Parses delimited text into a float64 matrix, the header (if the first line is one) kept apart.
 * Every error names `file`, the line (counting from 1) and the field.
 *
 * @example
 * parseDelimited('a,b\n1,2\n3,4\n', ',', 'x.csv'); // { data: Float64Array [1, 2, 3, 4], rows: 2, cols: 2, header: ['a', 'b'] }
 */
export function parseDelimited(text: string, delimiter: Delimiter, file: string): DenseMatrix & { header: string[] | null } {
  const lines: { number: number; fields: string[] }[] = [];
  const all = splitLines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    lines.push({ number: i + 1, fields: fieldsOf(line, delimiter) });
  }
  if (lines.length === 0) throw new InputError(file, 'is empty: no rows of numbers');

  let header: string[] | null = null;
  if (!lines[0].fields.every((f) => NUMBER.test(f) || NOT_FINITE.test(f))) {
    header = lines.shift()!.fields;
    if (lines.length === 0) throw new InputError(file, 'has a header line but no rows of numbers');
  }
  const cols = lines[0].fields.length;
  if (header !== null && header.length !== cols) {
    throw new InputError(file, `the header has ${header.length} fields but line ${lines[0].number} has ${cols}`);
  }
  const data = new Float64Array(lines.length * cols);
  for (let i = 0; i < lines.length; i++) {
    const { number, fields } = lines[i];
    if (fields.length !== cols) {
      throw new InputError(file, `line ${number} has ${fields.length} fields but line ${lines[0].number} has ${cols}: rows must have equal lengths`);
    }
    for (let j = 0; j < cols; j++) {
      const f = fields[j];
      if (NUMBER.test(f)) {
        data[i * cols + j] = Number(f);
      } else if (NOT_FINITE.test(f)) {
        throw new InputError(file, `line ${number}, field ${j + 1} is ${f}: every value must be a finite number`);
      } else {
        throw new InputError(file, `line ${number}, field ${j + 1} is ${JSON.stringify(f.length > 40 ? f.slice(0, 40) + '...' : f)}, not a number`);
      }
    }
  }
  return { data, rows: lines.length, cols, header };
}
