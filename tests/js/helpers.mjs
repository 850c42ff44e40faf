// Shared by the node tests: the package as built (dist/), fixture loading, and random inputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Reads a little-endian, C-order .npy file of float32, float64 or int32 (what the fixtures hold). */
export function readNpy(name) {
  const buf = readFileSync(fixturesDir + name);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = (major === 1 ? 10 : 12) + headerLen;
  const header = buf.toString('latin1', major === 1 ? 10 : 12, start);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${name}: Fortran order`);
  const bytes = buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + buf.length);
  const Type = { '<f4': Float32Array, '<f8': Float64Array, '<i4': Int32Array, '<i8': BigInt64Array }[descr];
  if (!Type) throw new Error(`${name}: dtype ${descr}`);
  let data = new Type(bytes);
  if (Type === BigInt64Array) data = Int32Array.from(data, Number);
  return { data, rows: shape[0], cols: shape.length > 1 ? shape[1] : 1, shape };
}

export const cases = JSON.parse(readFileSync(fixturesDir + 'cases.json', 'utf8')).cases;

/** A reproducible generator of uniform [0, 1) numbers (mulberry32). */
export function uniform(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** rows x cols float32 matrix of points around `centers` Gaussian-ish blobs. */
export function randomMatrix(rows, cols, seed, scale = 1) {
  const next = uniform(seed);
  const data = new Float32Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = (next() - 0.5) * scale;
  return { data, rows, cols };
}

export function assertClose(actual, expected, tol, what) {
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${what}: ${actual} differs from ${expected} by ${Math.abs(actual - expected)} > ${tol}`);
  }
}
