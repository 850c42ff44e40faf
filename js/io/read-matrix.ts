// One entry point for every input format: choose the format from the file name (or sniff it from the bytes),
// parse, and check that every value is finite. Works on bytes, so it runs in any runtime; reading files,
// standard input and gzip is the caller's business.
import type { DenseMatrix } from '../matrix.js';
import { parseDelimited, sniffDelimiter } from './delimited.js';
import { InputError } from './input-error.js';
import { parseJson, parseJsonLines } from './json.js';
import { firstLine as firstLineOf } from './lines.js';
import { looksLikeNpy, parseNpy } from './npy.js';
import { parseRawFloat32 } from './raw.js';


/** The formats understood. 'txt' is whitespace-separated columns (np.savetxt's default). */
export type InputFormat = 'npy' | 'csv' | 'tsv' | 'txt' | 'json' | 'jsonl' | 'f32';

export const INPUT_FORMATS: readonly InputFormat[] = ['npy', 'csv', 'tsv', 'txt', 'json', 'jsonl', 'f32'];

/** Options of {@link parseMatrix}. */
export interface ParseOptions {
  /** The format; by default from the file name's extension, else sniffed from the first bytes. */
  format?: InputFormat;
  /** Shape of raw float32 ('f32') data. */
  rows?: number;
  cols?: number;
}

/** The format a file name's extension announces ('.gz' looked through), or null. */
export function formatOfName(name: string): InputFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(name.replace(/\.gz$/i, ''));
  if (m === null) return null;
  const ext = m[1].toLowerCase();
  if (ext === 'ndjson') return 'jsonl';
  if (ext === 'dat') return 'txt';
  return (INPUT_FORMATS as readonly string[]).includes(ext) ? (ext as InputFormat) : null;
}

/** The format of bytes with no name: .npy by its magic, JSON by its first character, else delimited text. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  if (looksLikeNpy(bytes)) return 'npy';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).trimStart();
  if (head.startsWith('[[') || head.startsWith('[\n') || head.startsWith('[\r')) return 'json';
  if (head.startsWith('[')) {
    // "[1, 2]\n[3, 4]" is JSON Lines; "[1, 2, 3]" alone is a JSON column.
    const firstLine = firstLineOf(head).trim();
    return firstLine.endsWith(']') && head.slice(firstLine.length).trim().startsWith('[') ? 'jsonl' : 'json';
  }
  const text = firstLineOf(head);
  return text.includes('\t') ? 'tsv' : text.includes(',') ? 'csv' : 'txt';
}

function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    // Invalid UTF-8 is a TypeError (WHATWG Encoding); anything else is the runtime refusing a string that
    // long (V8: ERR_STRING_TOO_LONG, 2^29 - 24 characters), which says nothing about the encoding.
    if (e instanceof TypeError) throw new InputError(file, 'is not UTF-8 text (a binary file? give its format with --format)');
    throw new InputError(file, `is too large to read as text: ${bytes.length} bytes, more than the longest string this runtime can hold (${stringLimit(e)}); save it as .npy, which has no such limit, or split it`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// The string length limit a runtime's error states (V8 names it in hex), or a description of it.
function stringLimit(e: unknown): string {
  const hex = /0x[0-9a-f]+/i.exec(e instanceof Error ? e.message : '');
  return hex === null ? 'its maximum string length' : `${Number(hex[0])} characters`;
}

function assertFinite(m: DenseMatrix, file: string): void {
  const { data, cols } = m;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const i = Math.floor(k / cols);
      throw new InputError(file, `row ${i}, column ${k - i * cols} (counting from 0) is ${data[k]}: every value must be a finite number`);
    }
  }
}

/**
 * Parses the bytes of one input file into a matrix. `file` names it in every error. Formats: .npy (float32,
 * float64, integer dtypes), .csv / .tsv / .txt (header line detected), .json (array of rows), .jsonl (a row
 * per line), raw float32 ('f32', with rows and cols).
 *
 * @example
 * parseMatrix(readFileSync('X.npy'), 'X.npy'); // { data: Float32Array, rows, cols }
 * parseMatrix(bytes, 'standard input', { format: 'f32', rows: 10, cols: 4 });
 */
export function parseMatrix(bytes: Uint8Array, file: string, opts: ParseOptions = {}): DenseMatrix {
  const format = opts.format ?? formatOfName(file) ?? sniffFormat(bytes);
  let m: DenseMatrix;
  switch (format) {
    case 'npy': m = parseNpy(bytes, file); break;
    case 'f32': m = parseRawFloat32(bytes, opts.rows, opts.cols, file); break;
    case 'json': m = parseJson(decodeText(bytes, file), file); break;
    case 'jsonl': m = parseJsonLines(decodeText(bytes, file), file); break;
    case 'csv': m = parseDelimited(decodeText(bytes, file), ',', file); break;
    case 'tsv': m = parseDelimited(decodeText(bytes, file), '\t', file); break;
    case 'txt': {
      const text = decodeText(bytes, file);
      m = parseDelimited(text, sniffDelimiter(text), file);
      break;
    }
    default: throw new InputError(file, `unknown format ${JSON.stringify(format)}: use one of ${INPUT_FORMATS.join(', ')}`);
  }
  assertFinite(m, file);
  return m;
}
