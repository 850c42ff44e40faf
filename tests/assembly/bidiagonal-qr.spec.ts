import { bidiagonalQR } from '../../assembly/bidiagonal-qr';
import { get, sortedDown } from './helpers';

function setAll(p: usize, values: f64[]): void {
  for (let i = 0; i < values.length; i++) store<f64>(p + (<usize>i << 3), values[i]);
}

describe('bidiagonalQR', () => {
  it('returns |d| for a diagonal matrix', () => {
    const d = memory.data(8 * 4);
    const e = memory.data(8 * 4);
    setAll(d, [3, -1, 0, -7]);
    setAll(e, [0, 0, 0, 0]);
    expect(bidiagonalQR(d, e, 4)).toBe(0);
    const s = sortedDown(d, 4);
    expect(s[0]).toBe(7);
    expect(s[1]).toBe(3);
    expect(s[2]).toBe(1);
    expect(s[3]).toBe(0);
  });

  it('finds the two singular values of [[3, 4], [0, 5]]: sqrt(45) and sqrt(5) (A^T A has trace 50, det 225)', () => {
    const d = memory.data(16);
    const e = memory.data(16);
    setAll(d, [3, 5]);
    setAll(e, [4, 0]);
    expect(bidiagonalQR(d, e, 2)).toBe(0);
    const s = sortedDown(d, 2);
    expect(abs(s[0] - Math.sqrt(45)) < 1e-14).toBe(true);
    expect(abs(s[1] - Math.sqrt(5)) < 1e-14).toBe(true);
  });

  it('finds 2 cos(j pi / (2n + 1)) for the n x n bidiagonal matrix of ones', () => {
    const n = 40;
    const d = memory.data(8 * n);
    const e = memory.data(8 * n);
    for (let i = 0; i < n; i++) {
      store<f64>(d + (<usize>i << 3), 1);
      store<f64>(e + (<usize>i << 3), i < n - 1 ? 1 : 0);
    }
    expect(bidiagonalQR(d, e, n)).toBe(0);
    const s = sortedDown(d, n);
    for (let j = 1; j <= n; j++) {
      const want = 2 * Math.cos(<f64>j * Math.PI / <f64>(2 * n + 1));
      expect(abs(s[j - 1] - want) < 1e-14 * max(want, 1e-2)).toBe(true);
    }
  });

  it('keeps high relative accuracy on a strongly graded matrix: prod sigma = prod |d|, sum sigma^2 = ||B||_F^2', () => {
    // d_i = e_i = 10^-2i: the smallest singular value is ~1e-36 while the largest is ~1.
    const n = 19;
    const d = memory.data(8 * n);
    const e = memory.data(8 * n);
    let logDet = 0.0;
    let frob2 = 0.0;
    for (let i = 0; i < n; i++) {
      const v = Math.pow(10, -2.0 * i);
      store<f64>(d + (<usize>i << 3), i % 2 == 0 ? v : -v);
      store<f64>(e + (<usize>i << 3), i < n - 1 ? 0.5 * v : 0);
      logDet += Math.log(v);
      frob2 += v * v + (i < n - 1 ? 0.25 * v * v : 0);
    }
    expect(bidiagonalQR(d, e, n)).toBe(0);
    let logProd = 0.0;
    let sum2 = 0.0;
    for (let i = 0; i < n; i++) {
      const s = get(d, i);
      expect(s > 0).toBe(true);
      logProd += Math.log(s);
      sum2 += s * s;
    }
    // log of the product of singular values: each value relatively accurate to ~1e-15, so the sum of logs
    // agrees to ~n eps (a shifted-only QR loses every digit of the values near 1e-36).
    expect(abs(logProd - logDet) < 1e-12).toBe(true);
    expect(abs(sum2 - frob2) < 1e-15 * frob2).toBe(true);
  });

  it('returns exact zeros for a rank-deficient bidiagonal matrix', () => {
    const d = memory.data(8 * 3);
    const e = memory.data(8 * 3);
    setAll(d, [0, 0, 0]);
    setAll(e, [2, 0, 0]);
    expect(bidiagonalQR(d, e, 3)).toBe(0);
    const s = sortedDown(d, 3);
    expect(s[0]).toBe(2);
    expect(s[1]).toBe(0);
    expect(s[2]).toBe(0);
  });

  it('returns an error code when an entry is NaN and nothing can converge', () => {
    const d = memory.data(8 * 3);
    const e = memory.data(8 * 3);
    setAll(d, [1, NaN, 2]);
    setAll(e, [0.5, 0.5, 0]);
    expect(bidiagonalQR(d, e, 3)).toBeGreaterThan(0);
  });
});
