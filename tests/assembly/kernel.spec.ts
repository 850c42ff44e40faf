import { gaussianKernel, gaussianKernelRows, anisotropicNormalize, symmetricRowSums, densityNormalize } from '../../assembly/kernel';

describe('gaussianKernel', () => {
  it('maps squared distances to exp(-d2 / (2 sigma^2)) on the upper triangle', () => {
    const m = memory.data(4 * 8);
    store<f64>(m, 0); store<f64>(m, 8, 8); store<f64>(m, 7, 16); store<f64>(m, 0, 24);
    gaussianKernel(m, 2, 2.0);
    expect(load<f64>(m)).toBe(1);
    expect(load<f64>(m, 8)).toBe(Math.exp(-1.0));
    expect(load<f64>(m, 16)).toBe(7); // lower triangle untouched
    expect(load<f64>(m, 24)).toBe(1);
  });

  it('gaussianKernelRows touches only its rows [i0, i1), and the rows together give gaussianKernel', () => {
    const m = memory.data(9 * 8);
    const w = memory.data(9 * 8);
    for (let k = 0; k < 9; k++) { store<f64>(m + (<usize>k << 3), <f64>k); store<f64>(w + (<usize>k << 3), <f64>k); }
    gaussianKernelRows(m, 3, 1.5, 1, 2);
    expect(load<f64>(m, 8)).toBe(1); // row 0 untouched
    expect(load<f64>(m, 32)).toBe(Math.exp(-4.0 / 4.5));
    expect(load<f64>(m, 40)).toBe(Math.exp(-5.0 / 4.5));
    expect(load<f64>(m, 64)).toBe(8); // row 2 untouched
    gaussianKernelRows(m, 3, 1.5, 0, 1);
    gaussianKernelRows(m, 3, 1.5, 2, 3);
    gaussianKernel(w, 3, 1.5);
    for (let k = 0; k < 9; k++) expect(load<f64>(m + (<usize>k << 3))).toBe(load<f64>(w + (<usize>k << 3)));
  });
});

describe('anisotropicNormalize', () => {
  it('computes row sums of the symmetric matrix from its upper triangle', () => {
    // [[1, 2, 3], [2, 4, 5], [3, 5, 6]]
    const m = memory.data(9 * 8);
    const up: f64[] = [1, 2, 3, 0, 4, 5, 0, 0, 6];
    for (let k = 0; k < 9; k++) store<f64>(m + (<usize>k << 3), up[k]);
    const s = memory.data(3 * 8);
    symmetricRowSums(m, 3, s);
    expect(load<f64>(s)).toBe(6);
    expect(load<f64>(s, 8)).toBe(11);
    expect(load<f64>(s, 16)).toBe(14);
  });

  it('gives K = S^-1/2 G S^-1/2', () => {
    // G = [[1, 0.5], [0.5, 1]]: row sums 1.5, so K = G / 1.5.
    const m = memory.data(4 * 8);
    store<f64>(m, 1); store<f64>(m, 0.5, 8); store<f64>(m, 1, 24);
    const s = memory.data(2 * 8);
    anisotropicNormalize(m, 2, s);
    expect(Math.abs(load<f64>(m) - 1.0 / 1.5) < 1e-15).toBe(true);
    expect(Math.abs(load<f64>(m, 8) - 0.5 / 1.5) < 1e-15).toBe(true);
    expect(Math.abs(load<f64>(m, 24) - 1.0 / 1.5) < 1e-15).toBe(true);
  });
});

// G = [[1, 1, 0], [1, 1, 1], [0, 1, 1]] (upper triangle) at m: row sums d = 2, 3, 2.
function pathGraph(m: usize): usize {
  const up: f64[] = [1, 1, 0, 0, 1, 1, 0, 0, 1];
  for (let k = 0; k < 9; k++) store<f64>(m + (<usize>k << 3), up[k]);
  return m;
}

describe('densityNormalize', () => {

  it('gives G_a = D^-1 G D^-1 at alpha = 1', () => {
    const m = pathGraph(memory.data(9 * 8));
    const s = memory.data(3 * 8);
    densityNormalize(m, 3, 1.0, s);
    expect(Math.abs(load<f64>(m) - 0.25) < 1e-16).toBe(true);
    expect(Math.abs(load<f64>(m, 8) - 1.0 / 6.0) < 1e-16).toBe(true);
    expect(load<f64>(m, 16)).toBe(0);
    expect(Math.abs(load<f64>(m, 32) - 1.0 / 9.0) < 1e-16).toBe(true);
    expect(Math.abs(load<f64>(s, 8) - 1.0 / 3.0) < 1e-16).toBe(true);
  });

  it('gives G_a = D^-1/2 G D^-1/2 at alpha = 0.5', () => {
    const m = pathGraph(memory.data(9 * 8));
    const s = memory.data(3 * 8);
    densityNormalize(m, 3, 0.5, s);
    expect(Math.abs(load<f64>(m) - 0.5) < 1e-15).toBe(true);
    expect(Math.abs(load<f64>(m, 8) - 1.0 / Math.sqrt(6.0)) < 1e-15).toBe(true);
    expect(Math.abs(load<f64>(m, 32) - 1.0 / 3.0) < 1e-15).toBe(true);
    expect(Math.abs(load<f64>(m, 64) - 0.5) < 1e-15).toBe(true);
  });
});
