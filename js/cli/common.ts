// What the commands share: input and backend options, warnings, output files, and turning the library's
// errors about a matrix into errors that name the file it came from.
import { writeFileSync } from 'node:fs';
import { DEFAULTS, DseError, type BackendName } from '../index.js';
import { InputError } from '../io/input-error.js';
import { encodeNpy } from '../io/npy.js';
import { INPUT_FORMATS, type InputFormat } from '../io/read-matrix.js';
import { choiceOption, numberOption, type ParsedArgs } from './args.js';
import type { InputOptions } from './input.js';

/** Options every command that reads a matrix accepts. */
export const INPUT_VALUES = ['format', 'rows', 'cols', 'backend'] as const;

export function inputOptions(args: ParsedArgs): InputOptions {
  const format = args.values.has('format') ? choiceOption<InputFormat>(args, 'format', INPUT_FORMATS, 'npy') : undefined;
  return {
    format,
    rows: numberOption(args, 'rows', { integer: true, min: 1 }),
    cols: numberOption(args, 'cols', { integer: true, min: 1 }),
  };
}

export function backendOption(args: ParsedArgs): BackendName {
  return choiceOption<BackendName>(args, 'backend', ['wasm', 'js'], DEFAULTS.backend);
}

/** Prints a warning on standard error. */
export function warn(message: string): void {
  process.stderr.write(`dse: warning: ${message}\n`);
}

/** Library error codes that mean the input itself is unusable (exit code 2). */
const BAD_INPUT = new Set(['E_SHAPE', 'E_NOT_FINITE', 'E_ARGUMENT', 'E_NOT_SYMMETRIC']);

/**
 * Runs fn; a DseError about bad input becomes an InputError naming the file: `file`, or the file the
 * error's argument (X, Y, ...) was read from.
 */
export function aboutFile<T>(file: string | ((argument: string) => string), fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DseError && BAD_INPUT.has(e.code)) {
      throw new InputError(typeof file === 'string' ? file : file(e.argument ?? ''), e.message);
    }
    throw e;
  }
}

/**
 * Writes a vector to `path` in the format its extension names: .npy (float64 or int32), .json (an array),
 * anything else one value per line.
 */
export function writeVector(path: string, values: Float64Array | Int32Array): void {
  let bytes: Uint8Array | string;
  if (/\.npy$/i.test(path)) bytes = encodeNpy(values);
  else if (/\.json$/i.test(path)) bytes = JSON.stringify(Array.from(values)) + '\n';
  else bytes = Array.from(values).join('\n') + '\n';
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new InputError(path, `cannot be written (${(e as Error).message})`);
  }
}

/** Seconds since `start` (a performance.now() reading), to the millisecond. */
export function secondsSince(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}
