import { tridiagonalQL } from '../../assembly/tridiagonal-ql';

describe('tridiagonalQL', () => {
  it('finds the eigenvalues of [[2, 1], [1, 2]]', () => {
    const diag = memory.data(16);
    const off = memory.data(16);
    store<f64>(diag, 2); store<f64>(diag, 2, 8);
    store<f64>(off, 1); store<f64>(off, 0, 8);
    expect(tridiagonalQL(diag, off, 2, 0)).toBe(0);
    const a = load<f64>(diag), b = load<f64>(diag, 8);
    expect(Math.abs(min(a, b) - 1.0) < 1e-14).toBe(true);
    expect(Math.abs(max(a, b) - 3.0) < 1e-14).toBe(true);
  });
});

describe('tridiagonalQL on larger problems', () => {
  it('finds 2 - 2 cos(k pi / (n + 1)) for the second-difference matrix', () => {
    const n = 50;
    const diag = memory.data(n * 8);
    const off = memory.data(n * 8);
    for (let i = 0; i < n; i++) {
      store<f64>(diag + (<usize>i << 3), 2);
      store<f64>(off + (<usize>i << 3), -1);
    }
    expect(tridiagonalQL(diag, off, n, 0)).toBe(0);
    // Every computed eigenvalue lies within 1e-13 of one of the known ones, and their sum is the trace.
    let sum = 0.0;
    for (let i = 0; i < n; i++) {
      const v = load<f64>(diag + (<usize>i << 3));
      sum += v;
      let best = Infinity;
      for (let k = 1; k <= n; k++) best = min(best, abs(v - (2 - 2 * Math.cos(<f64>k * Math.PI / <f64>(n + 1)))));
      expect(best < 1e-13).toBe(true);
    }
    expect(abs(sum - 2.0 * n) < 1e-11).toBe(true);
  });

  it('accumulates rotations into z: columns become eigenvectors', () => {
    const diag = memory.data(16);
    const off = memory.data(16);
    const z = memory.data(32);
    store<f64>(diag, 2); store<f64>(diag, 2, 8);
    store<f64>(off, 1); store<f64>(off, 0, 8);
    store<f64>(z, 1); store<f64>(z, 0, 8); store<f64>(z, 0, 16); store<f64>(z, 1, 24);
    expect(tridiagonalQL(diag, off, 2, z)).toBe(0);
    // T z_j = lambda_j z_j for each column j.
    for (let j = 0; j < 2; j++) {
      const lambda = load<f64>(diag + (<usize>j << 3));
      const z0 = load<f64>(z + (<usize>j << 3));
      const z1 = load<f64>(z + 16 + (<usize>j << 3));
      expect(abs(2 * z0 + z1 - lambda * z0) < 1e-14).toBe(true);
      expect(abs(z0 + 2 * z1 - lambda * z1) < 1e-14).toBe(true);
    }
  });
});

describe('tridiagonalQL never hangs', () => {
  it('returns an error code when an entry is NaN and nothing can converge', () => {
    const diag = memory.data(3 * 8);
    const off = memory.data(3 * 8);
    store<f64>(diag, 1); store<f64>(diag, NaN, 8); store<f64>(diag, 2, 16);
    store<f64>(off, 0.5); store<f64>(off, 0.5, 8); store<f64>(off, 0, 16);
    expect(tridiagonalQL(diag, off, 3, 0)).toBeGreaterThan(0);
  });
});
