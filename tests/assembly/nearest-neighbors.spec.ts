import { nearestNeighbors } from '../../assembly/nearest-neighbors';

describe('nearestNeighbors', () => {
  it('lists each row itself first, then the nearest rows, ties to the lower index', () => {
    // Points 0, 1, 3, 4, 10 on a line (d = 1).
    const xs: f64[] = [0, 1, 3, 4, 10];
    const n = 5;
    const k = 3;
    const x = memory.data(n * 8);
    const out = memory.data(n * k * 4);
    const work = memory.data(k * 8);
    for (let i = 0; i < n; i++) store<f64>(x + (<usize>i << 3), xs[i]);
    nearestNeighbors(x, n, 1, k, out, work);
    const want: i32[] = [0, 1, 2, 1, 0, 2, 2, 3, 1, 3, 2, 1, 4, 3, 2];
    for (let i = 0; i < n * k; i++) expect(load<i32>(out + (<usize>i << 2))).toBe(want[i]);
  });
  it('breaks a tie by the lower index', () => {
    // Points 0, 2, 4: row 1 is 2 away from both rows 0 and 2.
    const x = memory.data(3 * 8);
    const out = memory.data(3 * 2 * 4);
    const work = memory.data(2 * 8);
    store<f64>(x, 0); store<f64>(x, 2, 8); store<f64>(x, 4, 16);
    nearestNeighbors(x, 3, 1, 2, out, work);
    expect(load<i32>(out, 8)).toBe(1);
    expect(load<i32>(out, 12)).toBe(0);
  });
});
