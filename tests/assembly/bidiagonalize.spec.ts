import { bidiagonalize, bidiagonalizeWorkspace } from '../../assembly/bidiagonalize';
import { bidiagonalQR } from '../../assembly/bidiagonal-qr';
import { get, sortedDown } from './helpers';

// Singular values of the m x n row-major `values` through both stages, descending.
function svd(values: f64[], m: i32, n: i32): f64[] {
  const a = memory.data(8 * 64);
  const d = memory.data(8 * 8);
  const e = memory.data(8 * 8);
  const work = memory.data(8 * 16);
  expect(bidiagonalizeWorkspace(m, n) <= 16).toBe(true);
  for (let k = 0; k < m * n; k++) store<f64>(a + (<usize>k << 3), values[k]);
  bidiagonalize(a, m, n, d, e, work);
  expect(bidiagonalQR(d, e, n)).toBe(0);
  return sortedDown(d, n);
}

describe('bidiagonalize', () => {
  it('keeps the Frobenius norm (an orthogonal invariant) and leaves offdiag[n-1] = 0', () => {
    const m = 5;
    const n = 4;
    const A: f64[] = [4, 1, -2, 2, 1, 2, 0, 1, -2, 3, 3, -2, 2, 1, -2, -1, 5, -3, 1, 2];
    const a = memory.data(8 * 20);
    const d = memory.data(8 * 4);
    const e = memory.data(8 * 4);
    const work = memory.data(8 * 9);
    expect(bidiagonalizeWorkspace(m, n)).toBe(9);
    let frob2 = 0.0;
    for (let k = 0; k < 20; k++) {
      store<f64>(a + (<usize>k << 3), A[k]);
      frob2 += A[k] * A[k];
    }
    bidiagonalize(a, m, n, d, e, work);
    let b2 = 0.0;
    for (let i = 0; i < n; i++) b2 += get(d, i) ** 2 + get(e, i) ** 2;
    expect(get(e, n - 1)).toBe(0);
    expect(abs(b2 - frob2) < 1e-13 * frob2).toBe(true);
  });

  it('finds the singular values of a diagonal matrix with a zero row under it', () => {
    const s = svd([3, 0, 0, 0, -5, 0, 0, 0, 1, 0, 0, 0], 4, 3);
    expect(s[0]).toBe(5);
    expect(s[1]).toBe(3);
    expect(s[2]).toBe(1);
  });

  it('finds 3, 2, 1 for G diag(3, 2, 1) H^T with plane rotations G (4 x 4) and H (3 x 3)', () => {
    // Rows 0 and 3 of diag(3, 2, 1) (padded to 4 x 3) rotated by 0.3 rad, then columns 1 and 2 by 1.1 rad.
    const c1 = Math.cos(0.3), s1 = Math.sin(0.3), c2 = Math.cos(1.1), s2 = Math.sin(1.1);
    const D: f64[] = [3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0];
    const A: f64[] = [];
    for (let k = 0; k < 12; k++) A.push(D[k]);
    for (let j = 0; j < 3; j++) {
      const top = A[j], bottom = A[9 + j];
      A[j] = c1 * top - s1 * bottom;
      A[9 + j] = s1 * top + c1 * bottom;
    }
    for (let i = 0; i < 4; i++) {
      const l = A[i * 3 + 1], r = A[i * 3 + 2];
      A[i * 3 + 1] = c2 * l - s2 * r;
      A[i * 3 + 2] = s2 * l + c2 * r;
    }
    const s = svd(A, 4, 3);
    expect(abs(s[0] - 3) < 1e-14).toBe(true);
    expect(abs(s[1] - 2) < 1e-14).toBe(true);
    expect(abs(s[2] - 1) < 1e-14).toBe(true);
  });

  it('finds |u| |v| and zeros for the rank-one u v^T', () => {
    const u: f64[] = [1, 2, 2, 4];
    const v: f64[] = [3, 0, 4];
    const A: f64[] = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) A.push(u[i] * v[j]);
    const s = svd(A, 4, 3);
    expect(abs(s[0] - 25) < 1e-13).toBe(true);
    expect(s[1] < 1e-14 * 25).toBe(true);
    expect(s[2] < 1e-14 * 25).toBe(true);
  });

  it('finds all ones for orthonormal columns (the first 3 columns of a 4 x 4 Hadamard matrix / 2)', () => {
    const A: f64[] = [0.5, 0.5, 0.5, 0.5, -0.5, 0.5, 0.5, 0.5, -0.5, 0.5, -0.5, -0.5];
    const s = svd(A, 4, 3);
    for (let i = 0; i < 3; i++) expect(abs(s[i] - 1) < 1e-15).toBe(true);
  });

  it('rescales a row of subnormal entries right of the diagonal as dlarfg does (all ones, not NaN)', () => {
    // Off-diagonals of 1e-310 move the singular values of I by ~1e-310: 1, 1, 1 to rounding.
    const t = 1e-310;
    const s = svd([1, t, 2 * t, t, 1, 3 * t, 2 * t, 3 * t, 1], 3, 3);
    for (let i = 0; i < 3; i++) expect(Math.abs(s[i] - 1) <= 4e-16).toBe(true);
  });

  it('handles a single column: its norm', () => {
    const s = svd([3, 4], 2, 1);
    expect(abs(s[0] - 5) < 1e-15).toBe(true);
  });
});
