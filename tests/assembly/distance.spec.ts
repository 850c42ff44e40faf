import { squaredDistances, squaredDistanceRows } from '../../assembly/distance';

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
    const split = memory.data(n * n * 8);
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
