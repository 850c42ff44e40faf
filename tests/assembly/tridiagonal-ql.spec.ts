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
