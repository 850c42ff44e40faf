// fast-check arbitraries for tests/js/fuzz.test.mjs: matrices of every shape (1..60 rows, 1..40 columns) and
// numeric typed-array kind, given in every accepted form, with bad values injected, and options that are
// sometimes right and sometimes hostile. The bulk of a matrix comes from a seeded uniform generator (so a
// 60 x 40 matrix costs one integer to shrink); shapes, kinds, scales and every injected bad value are
// fast-check's, and shrink.
import fc from 'fast-check';
import { uniform } from './helpers.mjs';

export const KINDS = [
  Float64Array, Float32Array, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, BigInt64Array, BigUint64Array,
];

/** Numbers at the ends of float64 and the values JavaScript lets through where a number is expected. */
export const specialNumber = fc.constantFrom(
  NaN, Infinity, -Infinity, -0, 0, 5e-324, -5e-324, 2.2250738585072014e-308 / 3, 1e-300, 1e308, -1e308,
  1.7976931348623157e308, 2 ** 53 + 2, -(2 ** 31) - 1, 2 ** 32,
);

/** Not numbers at all. */
export const junk = fc.oneof(
  fc.string({ maxLength: 6 }), fc.constant(null), fc.constant(undefined), fc.boolean(),
  fc.constant({}), fc.constant({ valueOf: () => 1 }), fc.constant([]), fc.constant([1, 2]),
  fc.constant(function hostile() { return 'source of a function'; }), fc.constant(Symbol('s')),
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.constant(new Date(0)), fc.constant(new Map()),
);

export const badValue = fc.oneof({ weight: 3, arbitrary: specialNumber }, { weight: 2, arbitrary: junk });

const EXTREMES = [1e300, 1e-300, 1e15, 1e-15, 2 ** 53, -1, 0.5, 1.5];

/**
 * A scalar option: usually in range, otherwise huge, tiny, special or not a number. `extremes` replaces the
 * huge and tiny values where a valid huge one would only mean a long run (reps: 1e15 repetitions).
 */
export function scalar(good, extremes = EXTREMES) {
  return withGood(fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...extremes) },
    { weight: 2, arbitrary: badValue },
  ), fc.option(good, { nil: undefined }));
}

// An arbitrary that can also say what its valid values are, so that options() can make all-valid objects
// often enough (eleven fields each bad now and then are almost never all good).
export function withGood(arbitrary, good) {
  arbitrary.good = good;
  return arbitrary;
}

export const backend = withGood(
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom('wasm', 'js') }, { weight: 1, arbitrary: fc.constantFrom(undefined, 'gpu', 'WASM', '', 0) }),
  fc.constantFrom('wasm', 'js', undefined),
);
export const seed = scalar(fc.integer({ min: 0, max: 2 ** 40 }));
export const positive = scalar(fc.double({ min: 0.05, max: 100, noNaN: true }));
/** sigma: a positive number, or 'auto' (the median distance between rows). */
export const sigma = scalar(fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0.05, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constant('auto') }));
/** reps: bad values only where a valid one would be a long run (reps 2^32 is valid, and takes days). */
export const reps = withGood(fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 1e300, 2 ** 53, 2 ** 53 + 2, -1, 0, 0.5, NaN, Infinity, -0) },
  { weight: 1, arbitrary: junk },
), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }));

/** One of the good values, now and then one of the bad ones. */
export function choice(good, bad) {
  return withGood(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }), fc.constantFrom(...good));
}

/** Options: an object of these fields (each possibly absent), or now and then not an object at all. */
export function options(fields) {
  const good = Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, a.good ?? a]));
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(good, { requiredKeys: [] }) },
    { weight: 6, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 5, 'sigma', true, [], () => ({})) },
  );
}

function valuesOf(spec) {
  const { rows, cols, scale, offset, valueSeed, integerGrid } = spec;
  const next = uniform(valueSeed);
  const n = rows * cols;
  const values = new Array(n);
  for (let k = 0; k < n; k++) {
    const u = next() - 0.5 + offset;
    values[k] = integerGrid ? Math.round(u * 8) : u * scale;
  }
  return values;
}

function typed(Kind, values) {
  if (Kind === BigInt64Array || Kind === BigUint64Array) {
    return Kind.from(values, (v) => BigInt(Math.trunc(Math.max(Kind === BigUint64Array ? 0 : -(2 ** 53), Math.min(2 ** 53, v)))));
  }
  return Kind.from(values);
}

/** Shape, scale and kind of a random matrix, and where it goes wrong (if it does). */
export function matrixSpec({ minRows = 1, maxRows = 60, maxCols = 40, square = false, symmetric = false } = {}) {
  return fc.record({
    rows: fc.integer({ min: minRows, max: maxRows }),
    cols: fc.integer({ min: 1, max: maxCols }),
    scale: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1, 2, 10, 100) }, { weight: 1, arbitrary: fc.constantFrom(1e-300, 1e-20, 1e20, 1e150, 1e300) }),
    offset: fc.constantFrom(0, 0, 0, 3),
    valueSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    integerGrid: fc.boolean(),
    kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
    form: fc.constantFrom('typed', 'typed', 'rows', 'flat'),
    // Bad values written over some entries (flat index modulo the size).
    inject: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), badValue), { minLength: 1, maxLength: 3 }) }),
    shape: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('longer', 'shorter', 'ragged', 'rows-bad', 'cols-bad', 'not-a-matrix', 'flat-typed') },
    ),
    notAMatrix: junk,
    square: fc.constant(square),
    symmetric: fc.constant(symmetric),
  });
}

/** The matrix argument a spec describes, as the caller would pass it. */
export function buildMatrix(spec) {
  let { rows, cols } = spec;
  if (spec.square) cols = rows;
  let values = valuesOf({ ...spec, cols });
  if (spec.symmetric) {
    values = values.map((_, k) => {
      const i = Math.floor(k / cols);
      const j = k % cols;
      return (values[i * cols + j] + values[j * cols + i]) / 2;
    });
  }
  const Kind = KINDS[spec.kind];
  const injected = spec.inject.length > 0;
  for (const [at, v] of spec.inject) values[at % values.length] = v;
  // A typed array cannot hold junk: a matrix with injected values is given as plain arrays.
  const form = injected && spec.form === 'typed' ? 'flat' : spec.form;
  switch (spec.shape) {
    case 'not-a-matrix': return spec.notAMatrix;
    case 'flat-typed': return Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN));
    case 'longer': values.push(1); break;
    case 'shorter': if (values.length > 0) values.pop(); break;
    case 'rows-bad': return { data: values, rows: rows + 0.5, cols };
    case 'cols-bad': return { data: values, rows, cols: -cols };
    default: break;
  }
  if (form === 'rows') {
    const out = Array.from({ length: rows }, (_, i) => values.slice(i * cols, (i + 1) * cols));
    if (spec.shape === 'ragged' && rows > 1) out[rows - 1] = out[rows - 1].slice(0, -1).concat(cols === 1 ? [1, 2] : []);
    if (spec.shape === 'longer') out.push([]);
    return out;
  }
  if (spec.shape === 'ragged') return { data: values.slice(1), rows, cols };
  return { data: form === 'typed' ? typed(Kind, values) : values, rows, cols };
}

/** Entries of a matrix spec's values as numbers, for filters (NaN where an entry is not a number). */
export function largestMagnitude(m) {
  const data = m?.data ?? (Array.isArray(m) ? m.flat() : []);
  let max = 0;
  for (let k = 0; k < data.length; k++) {
    const v = typeof data[k] === 'number' ? data[k] : typeof data[k] === 'bigint' ? Number(data[k]) : NaN;
    if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  }
  return max;
}

/** Labels for rows: integers of a few classes, sometimes bad. */
export function labelsSpec() {
  return fc.record({
    classes: fc.integer({ min: 1, max: 8 }),
    labelSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    form: fc.constantFrom('int32', 'array', 'float64', 'bigint', 'continuous', 'matrix'),
    offset: fc.constantFrom(0, -3, 2 ** 31 - 10, 1000),
    inject: fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), badValue), { minLength: 1, maxLength: 2 }) }),
    lengthDelta: fc.oneof({ weight: 10, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) }),
  });
}

export function buildLabels(spec, rows) {
  const next = uniform(spec.labelSeed);
  const n = Math.max(0, rows + spec.lengthDelta);
  const ints = Array.from({ length: n }, () => Math.floor(next() * spec.classes) + spec.offset);
  const values = spec.form === 'continuous' ? ints.map((v) => v + next()) : ints.slice();
  for (const [at, v] of spec.inject) if (n > 0) values[at % n] = v;
  const injected = spec.inject.length > 0;
  // Several columns: Y goes to spectral clustering into nClusters.
  if (spec.form === 'matrix') return { data: Float64Array.from({ length: 2 * n }, (_, k) => ints[k >> 1] + next()), rows: n, cols: 2 };
  if (injected || spec.form === 'array' || spec.form === 'continuous') return values;
  if (spec.form === 'int32') return Int32Array.from(values);
  if (spec.form === 'float64') return Float64Array.from(values);
  return BigInt64Array.from(values, (v) => BigInt(v));
}
