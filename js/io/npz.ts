// numpy's .npz (np.savez / np.savez_compressed): a zip archive of .npy members, stored or deflated, and the
// reference's eigenvalue cache on top of it (docs/measures.md, the eigenvalue cache): `np.savez(f, eigvals=eigvals.astype(precision))`.
// Zip and deflate come from fflate, bundled into dist/ so that the package keeps no runtime dependency.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { badArgument, DseError, show } from '../errors.js';
import { options } from '../options.js';
import { roundHalfEven } from '../linalg/numpy-arithmetic.js';

/** Precisions an eigenvalue cache can be written in, as numpy dtypes. */
export type CachePrecision = 'float16' | 'float32' | 'float64';

const DESCR: Record<CachePrecision, string> = { float16: '<f2', float32: '<f4', float64: '<f8' };
const ITEM_SIZE: Record<string, number> = { f2: 2, f4: 4, f8: 8 };

/** The float16 with bits h, exactly: (-1)^s 2^(e - 15) (1 + m / 1024), subnormals m 2^-24. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m === 0 ? sign * Infinity : NaN;
  return sign * (1024 + m) * 2 ** (e - 25);
}

/** The bits of the float16 nearest x, halves to even (what numpy's astype(np.float16) gives from float64). */
export function numberToHalf(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  // 65520 lies halfway between the largest float16, 65504, and 2^16, and rounds to the even side: infinity.
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  // a / 2^(e - 10) lies in [1024, 2048) exactly (a power-of-two scaling); a carry to 2048 moves to the next
  // exponent, which the bit layout absorbs.
  const m = roundHalfEven(a * 2 ** (10 - e));
  return sign | (((e + 15) << 10) + (m - 1024));
}

function formatError(message: string, value?: unknown): DseError {
  return new DseError('E_FORMAT', message, 'bytes', value);
}

// A one-axis float16/32/64 array from a .npy member.
function parseFloatNpy(bytes: Uint8Array, name: string): Float64Array {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || !magic.every((b, i) => bytes[i] === b)) throw formatError(`the npz member ${name} is not a .npy array (its bytes do not start with the .npy magic)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes + headerLength;
  const header = new TextDecoder('latin1').decode(bytes.subarray(8 + lengthBytes, Math.min(start, bytes.length)));
  const descr = /'descr'\s*:\s*'([<>|=])f(\d)'/.exec(header);
  const shape = /'shape'\s*:\s*\(\s*(\d+)\s*,?\s*\)/.exec(header);
  if (descr === null || ITEM_SIZE['f' + descr[2]] === undefined) {
    throw formatError(`the npz member ${name} must hold float16, float32 or float64 values, the header in its bytes says ${show(header.trim())}`, header.trim());
  }
  if (shape === null) throw formatError(`the npz member ${name} must be one-dimensional, the header in its bytes says ${show(header.trim())}`, header.trim());
  const size = ITEM_SIZE['f' + descr[2]];
  const little = descr[1] !== '>';
  const n = Number(shape[1]);
  if (bytes.length - start < n * size) throw formatError(`the npz member ${name} is truncated: ${n} values need ${n * size} bytes, it has ${bytes.length - start}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = start + i * size;
    out[i] = size === 2 ? halfToNumber(view.getUint16(at, little)) : size === 4 ? view.getFloat32(at, little) : view.getFloat64(at, little);
  }
  return out;
}

// A version 1.0 .npy of a one-axis float array in the given precision, little-endian, header padded to 64 bytes.
function encodeFloatNpy(values: ArrayLike<number>, precision: CachePrecision): Uint8Array {
  let header = `{'descr': '${DESCR[precision]}', 'fortran_order': False, 'shape': (${values.length},), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const size = ITEM_SIZE[DESCR[precision].slice(1)];
  const out = new Uint8Array(10 + header.length + values.length * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const body = 10 + header.length;
  for (let i = 0; i < values.length; i++) {
    if (precision === 'float16') view.setUint16(body + 2 * i, numberToHalf(values[i]), true);
    else if (precision === 'float32') view.setFloat32(body + 4 * i, values[i], true);
    else view.setFloat64(body + 8 * i, values[i], true);
  }
  return out;
}

// An array (or typed array) of numbers, as it is; NaN and infinities are numbers a .npy holds, BigInts are not.
function numbers(values: unknown, name: string): ArrayLike<number> {
  const ok = values !== null && typeof values === 'object' && typeof (values as ArrayLike<unknown>).length === 'number'
    && !(typeof BigInt64Array !== 'undefined' && (values instanceof BigInt64Array || values instanceof BigUint64Array));
  if (!ok) throw badArgument(name, 'an array or typed array of numbers', values);
  const a = values as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== 'number') throw badArgument(name, `an array of numbers (element ${i} is not a number)`, a[i]);
  }
  return a as ArrayLike<number>;
}

function checkPrecision(precision: unknown): CachePrecision {
  if (precision !== 'float16' && precision !== 'float32' && precision !== 'float64') {
    throw new DseError('E_ARGUMENT', `precision must be 'float16', 'float32' or 'float64', received ${show(precision)}`, 'precision', precision);
  }
  return precision;
}

/**
 * The float arrays of an .npz file (np.savez or np.savez_compressed; members stored or deflated), widened to
 * float64 (float16 decoded exactly), by member name without ".npy". Throws E_FORMAT for bytes that are not
 * a zip, or a member that is not a one-axis float array.
 *
 * @example
 * readNpz(readFileSync('cache.npz')).get('eigvals'); // Float64Array
 */
export function readNpz(bytes: Uint8Array | ArrayBuffer): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [name, member] of Object.entries(unzipMembers(bytes, (name) => name.endsWith('.npy')))) {
    out.set(name.slice(0, -4), parseFloatNpy(member, name));
  }
  return out;
}

// The members of a zip whose names pass `wanted`, decompressed; E_FORMAT for anything that is not a zip.
function unzipMembers(bytes: Uint8Array | ArrayBuffer, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  const b = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(b instanceof Uint8Array)) throw badArgument('bytes', 'a Uint8Array or an ArrayBuffer', bytes);
  if (b.length < 4 || b[0] !== 0x50 || b[1] !== 0x4b) {
    throw formatError(`not an .npz file: it does not start with the zip signature "PK" (${b.length} bytes)`, b.length);
  }
  try {
    return unzipSync(b, { filter: (file) => wanted(file.name) });
  } catch (e) {
    throw formatError(`not a readable .npz (zip) file (${b.length} bytes): ${(e as Error).message}`);
  }
}

/**
 * An .npz file (as np.savez writes it: a zip of stored .npy members) of one-axis arrays in `precision`.
 *
 * @example
 * writeFileSync('cache.npz', writeNpz(new Map([['eigvals', values]]), 'float64'));
 */
export function writeNpz(arrays: Map<string, ArrayLike<number>>, precision: CachePrecision = 'float16'): Uint8Array {
  const p = checkPrecision(precision);
  if (!(arrays instanceof Map)) throw badArgument('arrays', 'a Map of member names to arrays of numbers', arrays);
  const members: Zippable = {};
  for (const [name, values] of arrays) {
    if (typeof name !== 'string' || name === '') throw badArgument('arrays', 'a Map whose keys are non-empty strings', name);
    // np.savez's members carry zipfile's default time, 1980-01-01 00:00: so do ours, and the same arrays give the
    // same bytes whenever they are written.
    members[`${name}.npy`] = [encodeFloatNpy(numbers(values, name), p), { level: 0, mtime: new Date(1980, 0, 1) }];
  }
  return zipSync(members);
}

/** Options of {@link readEigenvalueCache}. */
export interface ReadCacheOptions {
  /** The number of eigenvalues the data needs (its rows); a cache of another length is refused (E_SHAPE). */
  length?: number;
}

/**
 * The eigenvalues of a cache file the reference (`eigval_save_path`) or {@link writeEigenvalueCache} wrote:
 * the `eigvals` array of an .npz, widened to float64 as the reference does on loading (a float16 cache
 * gives float16-rounded values, decoded exactly). Throws E_FORMAT for a non-npz or one without `eigvals`,
 * E_SHAPE when `length` is given and the cache holds another number of values.
 *
 * @example
 * const eigenvalues = readEigenvalueCache(readFileSync('eig.npz'), { length: X.rows });
 * spectralEntropy(eigenvalues, { t: 2 }); // the reference's later-call value
 */
export function readEigenvalueCache(bytes: Uint8Array | ArrayBuffer, opts?: ReadCacheOptions): Float64Array {
  const { length } = options(opts);
  if (length !== undefined && !(typeof length === 'number' && Number.isSafeInteger(length) && length >= 0)) {
    throw badArgument('length', 'a non-negative integer', length);
  }
  // Only eigvals.npy is decoded: other members (np.savez keeps whatever it is given) do not matter.
  const member = unzipMembers(bytes, (name) => name === 'eigvals.npy')['eigvals.npy'];
  if (member === undefined) throw formatError('the .npz holds no array named eigvals: its bytes are not an eigenvalue cache');
  const eigvals = parseFloatNpy(member, 'eigvals.npy');
  if (length !== undefined && eigvals.length !== length) {
    throw new DseError('E_SHAPE', `the eigenvalue cache holds ${eigvals.length} eigenvalues but the data has ${length} rows: it was written for other data`, 'cache', eigvals.length);
  }
  return eigvals;
}

/** Options of {@link writeEigenvalueCache}. */
export interface WriteCacheOptions {
  /** The dtype stored: 'float16' (the reference's default, about 3 significant digits), 'float32' or 'float64'. */
  precision?: CachePrecision;
}

/**
 * An eigenvalue cache as the reference writes it, `np.savez(f, eigvals=eigenvalues.astype(precision))`:
 * a zip holding eigvals.npy, stored (not deflated). Values are rounded to the precision, halves to even.
 *
 * @example
 * writeFileSync('eig.npz', writeEigenvalueCache(diffusionEigenvalues(X), { precision: 'float64' }));
 */
export function writeEigenvalueCache(eigenvalues: ArrayLike<number>, opts?: WriteCacheOptions): Uint8Array {
  const { precision } = options(opts);
  return writeNpz(new Map([['eigvals', numbers(eigenvalues, 'eigenvalues')]]), precision ?? 'float16');
}
