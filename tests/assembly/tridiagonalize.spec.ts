import { tridiagonalize, tridiagonalizeWorkspace } from '../../assembly/tridiagonalize';
import { tridiagonalQL } from '../../assembly/tridiagonal-ql';

// Reduces the symmetric matrix [[4, 1, -2, 2], [1, 2, 0, 1], [-2, 0, 3, -2], [2, 1, -2, -1]] (a textbook
// example) into diag and off (4 float64 each).
function reduceExample(diag: usize, off: usize): void {
  const a = memory.data(16 * 8);
  const v: f64[] = [4, 1, -2, 2, 1, 2, 0, 1, -2, 0, 3, -2, 2, 1, -2, -1];
  for (let k = 0; k < 16; k++) store<f64>(a + (<usize>k << 3), v[k]);
  tridiagonalize(a, 4, diag, off, memory.data(16 * 8)); // tridiagonalizeWorkspace(4) = 16
}

describe('tridiagonalize', () => {
  it('preserves the trace and the Frobenius norm (an orthogonal similarity)', () => {
    const diag = memory.data(4 * 8);
    const off = memory.data(4 * 8);
    reduceExample(diag, off);
    let trace = 0.0, frob = 0.0;
    for (let i = 0; i < 4; i++) {
      const di = load<f64>(diag + (<usize>i << 3));
      trace += di;
      frob += di * di;
      if (i < 3) {
        const ei = load<f64>(off + (<usize>i << 3));
        frob += 2 * ei * ei;
      }
    }
    expect(Math.abs(trace - 8.0) < 1e-12).toBe(true);
    // sum of squares of all entries of the original matrix: 25 + 6 + 17 + 10 = 58
    expect(Math.abs(frob - 58.0) < 1e-12).toBe(true);
    expect(load<f64>(off, 24)).toBe(0);
  });

  it('with tridiagonalQL gives the eigenvalues whose product is the determinant', () => {
    const diag = memory.data(4 * 8);
    const off = memory.data(4 * 8);
    reduceExample(diag, off);
    expect(tridiagonalQL(diag, off, 4, 0)).toBe(0);
    let prod = 1.0, sum = 0.0;
    for (let i = 0; i < 4; i++) {
      prod *= load<f64>(diag + (<usize>i << 3));
      sum += load<f64>(diag + (<usize>i << 3));
    }
    expect(Math.abs(sum - 8.0) < 1e-12).toBe(true);
    expect(Math.abs(prod - determinant()) < 1e-9).toBe(true);
  });

  it('leaves an already diagonal matrix alone', () => {
    const a = memory.data(9 * 8);
    memory.fill(a, 0, 9 * 8);
    store<f64>(a, 3); store<f64>(a, 2, 32); store<f64>(a, 1, 64);
    const diag = memory.data(3 * 8);
    const off = memory.data(3 * 8);
    const work = memory.data(12 * 8); // tridiagonalizeWorkspace(3) = 12
    tridiagonalize(a, 3, diag, off, work);
    expect(load<f64>(diag)).toBe(3);
    expect(load<f64>(diag, 8)).toBe(2);
    expect(load<f64>(diag, 16)).toBe(1);
    expect(load<f64>(off)).toBe(0);
    expect(load<f64>(off, 8)).toBe(0);
  });
});

// Determinant of the 4 x 4 example by Gaussian elimination with partial pivoting, independent of the kernels.
function determinant(): f64 {
  const m: f64[] = [4, 1, -2, 2, 1, 2, 0, 1, -2, 0, 3, -2, 2, 1, -2, -1];
  let det = 1.0;
  for (let c = 0; c < 4; c++) {
    let p = c;
    for (let r = c + 1; r < 4; r++) if (abs(m[r * 4 + c]) > abs(m[p * 4 + c])) p = r;
    if (p != c) {
      for (let k = 0; k < 4; k++) { const t = m[c * 4 + k]; m[c * 4 + k] = m[p * 4 + k]; m[p * 4 + k] = t; }
      det = -det;
    }
    det *= m[c * 4 + c];
    for (let r = c + 1; r < 4; r++) {
      const f = m[r * 4 + c] / m[c * 4 + c];
      for (let k = c; k < 4; k++) m[r * 4 + k] -= f * m[c * 4 + k];
    }
  }
  return det;
}

describe('tridiagonalizeWorkspace', () => {
  it('is the 4n float64 the specs above allocate', () => {
    expect(tridiagonalizeWorkspace(4)).toBe(16);
    expect(tridiagonalizeWorkspace(3)).toBe(12);
  });
});
