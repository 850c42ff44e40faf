import { matrixEntryEntropy } from '../../assembly/matrix-entry';

const EPS: f64 = 2.220446049250313e-16; // 2^-52, added to every probability (numpy's eps)

// -(p + eps) log2(p + eps), one term of the entropy.
function term(p: f64): f64 {
  return -(p + EPS) * Math.log2(p + EPS);
}

// An n x n row-major matrix with its upper triangle from `upper` (row by row, j >= i) and 99 below, which
// the kernel must never read.
function upperTriangle(n: i32, upper: f64[]): usize {
  const m = heap.alloc(n * n * 8);
  let u = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) store<f64>(m + (<usize>(i * n + j) << 3), j >= i ? upper[u++] : 99);
  }
  return m;
}

describe('matrixEntryEntropy', () => {
  it('of K = I is the entropy of P = I: two entries 1/2, two 0', () => {
    const k = upperTriangle(2, [1, 0, 1]);
    const r = memory.data(2 * 8);
    const h = matrixEntryEntropy(k, 2, r);
    expect(Math.abs(h - (2 * term(0.5) + 2 * term(0))) < 1e-15).toBe(true);
  });

  it('of a constant K is 2 log2 n, its bound: every entry of P is 1/n, of P / n 1/n^2', () => {
    const k = upperTriangle(3, [0.2, 0.2, 0.2, 0.2, 0.2, 0.2]);
    const r = memory.data(3 * 8);
    const h = matrixEntryEntropy(k, 3, r);
    expect(Math.abs(h - 9 * term(1.0 / 9)) < 1e-14).toBe(true);
    expect(Math.abs(h - 2 * Math.log2(3)) < 1e-13).toBe(true);
  });

  it('normalises rows: K = [[2, 1], [1, 1]] gives P = [[2/3, 1/3], [1/2, 1/2]] and p = P / 2', () => {
    const k = upperTriangle(2, [2, 1, 1]);
    const r = memory.data(2 * 8);
    const h = matrixEntryEntropy(k, 2, r);
    // 1/3 log2 3 + 1/6 log2 6 + 1/2 log2 4 = 1.9591479...
    expect(Math.abs(h - (term(1.0 / 3) + term(1.0 / 6) + 2 * term(0.25))) < 1e-14).toBe(true);
    expect(Math.abs(h - 1.9591479170272448) < 1e-12).toBe(true);
    // rowSums is left holding 1 / (row sums of K).
    expect(Math.abs(load<f64>(r) - 1.0 / 3) < 1e-16).toBe(true);
    expect(Math.abs(load<f64>(r, 8) - 0.5) < 1e-16).toBe(true);
    // Nothing else is written: the lower triangle keeps its 99.
    expect(load<f64>(k, 16)).toBe(99);
  });
});
