import { squaredDistances, squaredDistanceRows, squaredDistancesGram, squaredDistanceGramRows, rowSquaredNorms, FALLBACK, GRAM_MAX, GRAM_MIN } from '../../assembly/distance';

// Rows (0,0,0,0,0), (3,4,0,0,0), (1,1,1,1,1): five columns exercise the SIMD body and the scalar tail.
describe('squaredDistances', () => {
  it('fills the upper triangle with exact squared distances and a zero diagonal', () => {
    const n = 3, d = 5;
    const x = memory.data(n * d * 8);
    const rows: f64[] = [0, 0, 0, 0, 0, 3, 4, 0, 0, 0, 1, 1, 1, 1, 1];
    for (let k = 0; k < n * d; k++) store<f64>(x + (<usize>k << 3), rows[k]);
    const out = memory.data(n * n * 8);
    for (let k = 0; k < n * n; k++) store<f64>(out + (<usize>k << 3), -1);
    squaredDistances(x, n, d, out);
    expect(load<f64>(out, 0)).toBe(0);
    expect(load<f64>(out, 8)).toBe(25);
    expect(load<f64>(out, 16)).toBe(5);
    expect(load<f64>(out, 32)).toBe(0);
    expect(load<f64>(out, 40)).toBe(4 + 9 + 1 + 1 + 1);
    expect(load<f64>(out, 64)).toBe(0);
    // The lower triangle is not written.
    expect(load<f64>(out, 24)).toBe(-1);
  });

  it('keeps tiny distances between nearly equal rows (no cancellation)', () => {
    const n = 2, d = 8;
    const x = memory.data(n * d * 8);
    for (let k = 0; k < d; k++) {
      store<f64>(x + (<usize>k << 3), 1000.0);
      store<f64>(x + (<usize>(d + k) << 3), 1000.0 + (k == 7 ? 1e-9 : 0));
    }
    const out = memory.data(n * n * 8);
    squaredDistances(x, n, d, out);
    const got = load<f64>(out, 8);
    const want = (1000.0 + 1e-9 - 1000.0) * (1000.0 + 1e-9 - 1000.0);
    expect(got).toBe(want);
  });

  it('squaredDistanceRows over even-aligned blocks writes what squaredDistances does, bit for bit', () => {
    const n = 45, d = 3; // past one 40-row column tile; d odd reaches the tile's leftover feature
    const x = memory.data(n * d * 8);
    for (let k = 0; k < n * d; k++) store<f64>(x + (<usize>k << 3), Math.sin(<f64>k * 0.7) * 3);
    const whole = memory.data(n * n * 8);
    const split = heap.alloc(n * n * 8);
    squaredDistances(x, n, d, whole);
    squaredDistanceRows(x, n, d, split, 0, 6);
    squaredDistanceRows(x, n, d, split, 6, 38);
    squaredDistanceRows(x, n, d, split, 38, n);
    let same = true;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const o = (<usize>(i * n + j)) << 3;
        if (reinterpret<u64>(load<f64>(whole + o)) != reinterpret<u64>(load<f64>(split + o))) same = false;
      }
    }
    expect(same).toBe(true);
  });
});

// Row-major rows into fresh memory.
function rows(values: f64[]): usize {
  const x = heap.alloc(values.length * 8);
  for (let k = 0; k < values.length; k++) store<f64>(x + (<usize>k << 3), values[k]);
  return x;
}

function entry(out: usize, n: i32, i: i32, j: i32): f64 {
  return load<f64>(out + ((<usize>(i * n + j)) << 3));
}

describe('squaredDistancesGram', () => {
  it('keeps the fallback threshold and range of its error bound', () => {
    expect(FALLBACK).toBe(1.0 / 64);
    expect(GRAM_MIN).toBe(Math.pow(2, -900));
    expect(GRAM_MAX).toBe(Math.pow(2, 1020));
  });

  it('is exact on small integers, and 0 for duplicate rows', () => {
    // [1, 2, 3], [4, 6, 8], [1, 2, 3]: |x0 - x1|^2 = 9 + 16 + 25 = 50.
    const x = rows([1, 2, 3, 4, 6, 8, 1, 2, 3]);
    const out = memory.data(9 * 8);
    const norms = memory.data(3 * 8);
    squaredDistancesGram(x, 3, 3, out, norms);
    expect(entry(out, 3, 0, 0)).toBe(0);
    expect(entry(out, 3, 0, 1)).toBe(50);
    expect(entry(out, 3, 0, 2)).toBe(0);
    expect(entry(out, 3, 1, 2)).toBe(50);
    expect(load<f64>(norms, 8)).toBe(116);
  });

  it('falls back to differences under cancellation: [1e8, 1] and [1e8, 1 + 2^-20] are 2^-40 apart', () => {
    const x = rows([1e8, 1, 1e8, 1 + Math.pow(2, -20)]);
    const out = memory.data(4 * 8);
    squaredDistancesGram(x, 2, 2, out, memory.data(2 * 8));
    expect(entry(out, 2, 0, 1)).toBe(Math.pow(2, -40));
  });

  it('falls back to differences when |x_i|^2 overflows', () => {
    const a = 1e155;
    const b = a + a * Math.pow(2, -52);
    const x = rows([a, b]);
    const out = memory.data(4 * 8);
    squaredDistancesGram(x, 2, 1, out, memory.data(2 * 8));
    const diff = b - a; // exact (Sterbenz)
    expect(entry(out, 2, 0, 1)).toBe(diff * diff);
  });

  it('gives the same bits over split rows as in one call', () => {
    const n = 45;
    const d = 5;
    const values: f64[] = [];
    for (let k = 0; k < n * d; k++) values.push(Math.sin(<f64>k * 0.7) * 3);
    const x = rows(values);
    const one = heap.alloc(n * n * 8);
    const split = heap.alloc(n * n * 8);
    const norms = heap.alloc(n * 8);
    squaredDistancesGram(x, n, d, one, norms);
    rowSquaredNorms(x, n, d, norms);
    squaredDistanceGramRows(x, n, d, split, norms, 0, 18);
    squaredDistanceGramRows(x, n, d, split, norms, 18, 42);
    squaredDistanceGramRows(x, n, d, split, norms, 42, n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) expect(entry(split, n, i, j)).toBe(entry(one, n, i, j));
    }
  });
});
