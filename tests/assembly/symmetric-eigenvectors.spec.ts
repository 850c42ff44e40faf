import { symmetricEigenvectors } from '../../assembly/symmetric-eigenvectors';
import { matrixEntryEntropy } from '../../assembly/matrix-entry';

// A symmetric 4 x 4 matrix, full storage, row-major.
const A: f64[] = [
  4, 1, -2, 2,
  1, 2, 0, 1,
  -2, 0, 3, -2,
  2, 1, -2, -1,
];

describe('symmetricEigenvectors', () => {
  it('returns A v = lambda v with orthonormal v', () => {
    const n = 4;
    const a = memory.data(n * n * 8);
    const diag = memory.data(n * 8);
    const off = memory.data(n * 8);
    for (let i = 0; i < n * n; i++) store<f64>(a + (<usize>i << 3), A[i]);
    expect(symmetricEigenvectors(a, n, diag, off)).toBe(0);
    for (let j = 0; j < n; j++) {
      const lambda = load<f64>(diag + (<usize>j << 3));
      for (let i = 0; i < n; i++) {
        let av = 0.0;
        for (let k = 0; k < n; k++) av += A[i * n + k] * load<f64>(a + (<usize>(k * n + j) << 3));
        expect(Math.abs(av - lambda * load<f64>(a + (<usize>(i * n + j) << 3))) < 1e-12).toBe(true);
      }
      for (let l = 0; l < n; l++) {
        let dot = 0.0;
        for (let k = 0; k < n; k++) dot += load<f64>(a + (<usize>(k * n + j) << 3)) * load<f64>(a + (<usize>(k * n + l) << 3));
        expect(Math.abs(dot - (j == l ? 1.0 : 0.0)) < 1e-12).toBe(true);
      }
    }
  });
});

describe('matrixEntryEntropy', () => {
  it('is log2 n for K = I (P = I: n entries of 1 / n)', () => {
    const n = 8;
    const k = memory.data(n * n * 8);
    const sums = memory.data(n * 8);
    memory.fill(k, 0, n * n * 8);
    for (let i = 0; i < n; i++) store<f64>(k + (<usize>(i * n + i) << 3), 1);
    expect(Math.abs(matrixEntryEntropy(k, n, sums) - 3.0) < 1e-12).toBe(true);
  });
  it('is 2 log2 n for a constant K (P = 1 1^T / n)', () => {
    const n = 8;
    const k = memory.data(n * n * 8);
    const sums = memory.data(n * 8);
    for (let i = 0; i < n * n; i++) store<f64>(k + (<usize>i << 3), 0.125);
    expect(Math.abs(matrixEntryEntropy(k, n, sums) - 6.0) < 1e-12).toBe(true);
  });
});
