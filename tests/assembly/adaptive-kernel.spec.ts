import { adaptiveKernel } from '../../assembly/adaptive-kernel';

// Fills the upper triangle of the 3 x 3 matrix m with the squared distances between the 1-D points xs.
function squared(m: usize, xs: f64[]): usize {
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) store<f64>(m + (<usize>(i * n + j) << 3), (xs[i] - xs[j]) * (xs[i] - xs[j]));
  }
  return m;
}

function neighborsOf(p: usize, rows: i32[]): usize {
  for (let i = 0; i < rows.length; i++) store<i32>(p + (<usize>i << 2), rows[i]);
  return p;
}

function at(m: usize, n: i32, i: i32, j: i32): f64 {
  return load<f64>(m + (<usize>(i * n + j) << 3));
}

describe('adaptiveKernel', () => {
  it('gives exp(-d^2 / (sigma_i sigma_j)) on kNN edges, max-symmetrised, unit diagonal, 0 elsewhere', () => {
    // Points 0, 1, 3 with k = 1: sigma = 1, 1, 2; edges 0-1 (both ways) and 2 -> 1.
    const m = squared(memory.data(9 * 8), [0, 1, 3]);
    const nb = neighborsOf(memory.data(6 * 4), [0, 1, 1, 0, 2, 1]);
    const sigma = memory.data(3 * 8);
    adaptiveKernel(m, 3, 1, nb, 2, sigma);
    expect(at(m, 3, 0, 0)).toBe(1);
    expect(at(m, 3, 0, 1)).toBe(Math.exp(-1.0));
    expect(at(m, 3, 0, 2)).toBe(0);
    expect(at(m, 3, 1, 2)).toBe(Math.exp(-4.0 / 2.0));
    expect(at(m, 3, 2, 2)).toBe(1);
    expect(load<f64>(sigma + 16)).toBe(2);
  });

  it('skips the row itself wherever the kNN lists it, and replaces a zero sigma by 1e-10', () => {
    // Points 0, 0, 5: rows 0 and 1 coincide, so row 1's list starts with row 0 (the lower index).
    const m = squared(memory.data(9 * 8), [0, 0, 5]);
    const nb = neighborsOf(memory.data(6 * 4), [0, 1, 0, 1, 2, 0]);
    const sigma = memory.data(3 * 8);
    adaptiveKernel(m, 3, 1, nb, 2, sigma);
    expect(load<f64>(sigma)).toBe(1e-10);
    expect(load<f64>(sigma + 8)).toBe(1e-10);
    expect(load<f64>(sigma + 16)).toBe(5);
    expect(at(m, 3, 0, 1)).toBe(1);
    expect(at(m, 3, 0, 2)).toBe(0); // exp(-25 / (5e-10)) underflows
    expect(at(m, 3, 1, 2)).toBe(0); // not an edge
  });
});
