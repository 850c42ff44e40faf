import { tridiagonalEigenvalues } from '../../assembly/tridiagonal-root-free';

describe('tridiagonalEigenvalues', () => {
  it('finds the eigenvalues of [[2, 1], [1, 2]]', () => {
    const diag = memory.data(16);
    const off = memory.data(16);
    store<f64>(diag, 2); store<f64>(diag, 2, 8);
    store<f64>(off, 1); store<f64>(off, 0, 8);
    expect(tridiagonalEigenvalues(diag, off, 2)).toBe(0);
    const a = load<f64>(diag), b = load<f64>(diag, 8);
    expect(Math.abs(min(a, b) - 1.0) < 1e-14).toBe(true);
    expect(Math.abs(max(a, b) - 3.0) < 1e-14).toBe(true);
  });

  it('finds 2 - 2 cos(k pi / (n + 1)) for the second-difference matrix, also scaled by 1e300', () => {
    const n = 50;
    const diag = memory.data(n * 8);
    const off = memory.data(n * 8);
    for (let s = 0; s < 2; s++) {
      const scale: f64 = s == 0 ? 1.0 : 1e300;
      for (let i = 0; i < n; i++) {
        store<f64>(diag + (<usize>i << 3), 2 * scale);
        store<f64>(off + (<usize>i << 3), -scale);
      }
      expect(tridiagonalEigenvalues(diag, off, n)).toBe(0);
      // Every computed eigenvalue lies within 1e-13 of one of the known ones, and their sum is the trace.
      let sum = 0.0;
      for (let i = 0; i < n; i++) {
        const v = load<f64>(diag + (<usize>i << 3)) / scale;
        sum += v;
        let best = Infinity;
        for (let k = 1; k <= n; k++) best = min(best, abs(v - (2 - 2 * Math.cos(<f64>k * Math.PI / <f64>(n + 1)))));
        expect(best < 1e-13).toBe(true);
      }
      expect(abs(sum - 2.0 * n) < 1e-11).toBe(true);
    }
  });

  it('returns an error code when an entry is NaN and nothing can converge', () => {
    const diag = memory.data(3 * 8);
    const off = memory.data(3 * 8);
    store<f64>(diag, 1); store<f64>(diag, NaN, 8); store<f64>(diag, 2, 16);
    store<f64>(off, 0.5); store<f64>(off, 0.5, 8); store<f64>(off, 0, 16);
    expect(tridiagonalEigenvalues(diag, off, 3)).toBeGreaterThan(0);
  });
});
