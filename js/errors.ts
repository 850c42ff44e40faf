/** Codes carried by every {@link DseError}; stable, safe to switch on. */
export type DseErrorCode =
  | 'E_NOT_FINITE' // a NaN or an Infinity in the data
  | 'E_SHAPE' // rows, cols or data length wrong, or not a matrix at all
  | 'E_ARGUMENT' // an option out of its range (sigma, t, maxN, seed, backend, ...)
  | 'E_NOT_SYMMETRIC' // symmetricEigenvalues was given a non-symmetric matrix
  | 'E_NO_CONVERGENCE' // the QL iteration did not converge
  | 'E_DUPLICATE_ROWS' // intrinsicDimension was given equal rows (a zero neighbour distance)
  | 'E_TOO_LARGE' // the problem does not fit in 4 GiB of WebAssembly memory
  | 'E_NOT_READY' // the WASM backend was used before `await ready()`
  | 'E_FORMAT'; // bytes that are not the file format expected (an eigenvalue cache that is not an npz of `eigvals`)

/**
 * The one error class this package throws. `code` says what went wrong, `argument` names the argument at
 * fault and `value` is what was received, when there is one.
 *
 * @example
 * try { diffusionSpectralEntropy(X, { sigma: -1 }); }
 * catch (e) { if (e instanceof DseError && e.code === 'E_ARGUMENT') console.error(e.argument, e.value); }
 */
export class DseError extends Error {
  readonly code: DseErrorCode;
  readonly argument: string | undefined;
  readonly value: unknown;

  constructor(code: DseErrorCode, message: string, argument?: string, value?: unknown) {
    super(message);
    this.name = 'DseError';
    this.code = code;
    this.argument = argument;
    this.value = value;
  }
}

/**
 * A received value, shortened for an error message: numbers and short strings as they are, anything else
 * by a short description of its type (never a function's source or an object's contents).
 */
export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value);
  if (typeof value === 'bigint') return `${value}n (a BigInt, not a number)`;
  if (typeof value === 'function') return value.name ? `a function (${value.name.slice(0, 40)})` : 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value instanceof DataView) return `a DataView of ${value.byteLength} bytes`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (value instanceof ArrayBuffer) return `an ArrayBuffer of ${value.byteLength} bytes`;
  return 'an object';
}

/** E_ARGUMENT for option `name`: "`name` must be `expected`, received `value`". */
export function badArgument(name: string, expected: string, value: unknown): DseError {
  return new DseError('E_ARGUMENT', `${name} must be ${expected}, received ${show(value)}`, name, value);
}

/** The error of a QL iteration that hit its sweep cap at eigenvalue `index` of n. */
export function noConvergence(index: number, n: number): DseError {
  return new DseError('E_NO_CONVERGENCE', `the QL iteration did not converge for eigenvalue ${index} of ${n}`, 'eigenvalues', index);
}

/** The error of a bidiagonal QR iteration that hit its sweep cap with singular value `index` of n left. */
export function svdNoConvergence(index: number, n: number): DseError {
  return new DseError('E_NO_CONVERGENCE', `the bidiagonal QR iteration did not converge for singular value ${index} of ${n}`, 'singularValues', index);
}

/** The error of a Francis QR iteration that hit its sweep cap at active row `row` of n. */
export function qrNoConvergence(row: number, n: number): DseError {
  return new DseError('E_NO_CONVERGENCE', `the Hessenberg QR iteration did not converge at row ${row} of ${n}`, 'eigenvalues', row);
}

/** E_TOO_LARGE: `what` needs `bytes`, more than a wasm32 backend can address. */
export function tooLarge(bytes: number, what: string, argument = 'X'): DseError {
  return new DseError('E_TOO_LARGE', `${what} needs ${(bytes / 2 ** 30).toFixed(2)} GiB of memory, more than the 4 GiB a wasm32 backend can address`, argument, bytes);
}

/** E_TOO_LARGE: the runtime refused to grow WebAssembly memory to `bytes`. */
export function cannotGrow(bytes: number, what: string, cause: unknown): DseError {
  return new DseError('E_TOO_LARGE', `${what} needs ${(bytes / 2 ** 30).toFixed(2)} GiB of WebAssembly memory and this runtime could not grow to it (${(cause as Error).message})`, 'X', bytes);
}

/** E_NOT_READY: the WASM backend was called before ready(), while off (`reason`), or re-entered. */
export function notReady(reason: 'not-ready' | 'busy' | string): DseError {
  const message = reason === 'not-ready'
    ? 'the WebAssembly backend is not ready: call `await ready()` once first, or pass { backend: \'js\' }'
    : reason === 'busy'
      ? 'the WebAssembly backend is already in use by an enclosing call'
      : `the WebAssembly backend cannot run: ${reason}; use { backend: 'js' } or no backend option`;
  return new DseError('E_NOT_READY', message, 'backend', 'wasm');
}
