// Reading an input argument: a file path or '-' (standard input), gunzipped when it starts with the gzip magic,
// then parsed by js/io. Everything that goes wrong is an InputError naming the file (exit code 2).
import { readFileSync } from 'node:fs';
import { constants } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../io/input-error.js';
import { formatOfName, parseMatrix, type InputFormat } from '../io/read-matrix.js';
import type { DenseMatrix } from '../matrix.js';

export const STDIN_NAME = 'standard input';

/** A parsed input and the name used for it in messages. */
export interface Input extends DenseMatrix {
  file: string;
}

export interface InputOptions {
  /** Format of standard input or of a file whose name does not say. */
  format?: InputFormat;
  rows?: number;
  cols?: number;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function readPath(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory, not a file'
      : code === 'EACCES' ? 'permission denied'
      : (e as Error).message;
    throw new InputError(path, problem);
  }
}

/**
 * Reads and parses one input. `.gz` files (and gzip on standard input) are decompressed first.
 *
 * @example
 * const X = await readInput('data/digits.csv.gz'); // { data, rows: 1797, cols: 65, file }
 */
export async function readInput(path: string, opts: InputOptions = {}): Promise<Input> {
  const file = path === '-' ? STDIN_NAME : path;
  let bytes = path === '-' ? await readStdin() : readPath(path);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: constants.MAX_LENGTH });
    } catch (e) {
      // Node refuses to make a Buffer past its limit (ERR_BUFFER_TOO_LARGE): the data is fine, just too big.
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(file, `is too large: it expands past ${constants.MAX_LENGTH} bytes, the largest buffer Node can hold; split it, or give it uncompressed as .npy`);
      }
      throw new InputError(file, `corrupt gzip data (${(e as Error).message})`);
    }
  }
  if (bytes.length === 0) throw new InputError(file, 'is empty');
  // A file's extension wins over --format, which is for standard input and names that say nothing.
  const format = path !== '-' && formatOfName(path) !== null ? undefined : opts.format;
  return { ...parseMatrix(bytes, file, { ...opts, format }), file };
}
