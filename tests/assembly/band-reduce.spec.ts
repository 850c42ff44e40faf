import { tridiagonalize } from '../../assembly/tridiagonalize';
import { tridiagonalQL } from '../../assembly/tridiagonal-ql';
import { reduceToBand, reduceToBandWorkspace, bandPanelBegin, bandPanelProduct, bandPanelEnd, bandPanelRows } from '../../assembly/band-reduce';

// A symmetric n x n matrix of entries in [-1, 1) from a linear congruential generator (upper triangle).
function randomSymmetric(a: usize, n: i32, seed: u32): void {
  let s = seed;
  memory.fill(a, 0, <usize>(n * n) << 3);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      s = s * 1664525 + 1013904223;
      store<f64>(a + (<usize>(i * n + j) << 3), <f64>(s >> 8) / 8388608.0 - 1.0);
    }
  }
}

// Sorted eigenvalues of the upper triangle at a (fused reduction + QL), into d.
function eigenvalues(a: usize, n: i32, d: usize, e: usize, work: usize): void {
  tridiagonalize(a, n, d, e, work);
  expect(tridiagonalQL(d, e, n, 0)).toBe(0);
  for (let i = 1; i < n; i++) {
    const x = load<f64>(d + (<usize>i << 3));
    let j = i - 1;
    while (j >= 0 && load<f64>(d + (<usize>j << 3)) > x) {
      store<f64>(d + (<usize>(j + 1) << 3), load<f64>(d + (<usize>j << 3)));
      j--;
    }
    store<f64>(d + (<usize>(j + 1) << 3), x);
  }
}

// max |lambda(band part of reduceToBand(A)) - lambda(A)| / max |lambda(A)|, n <= 80, b <= 16.
function bandAgainstFused(n: i32, b: i32, seed: u32): f64 {
  const a = memory.data(80 * 80 * 8, 16);
  const band = memory.data(80 * 80 * 8, 16);
  const d1 = memory.data(80 * 8, 16);
  const d2 = memory.data(80 * 8, 16);
  const e = memory.data(80 * 8, 16);
  const work = memory.data(5 * 16 * 80 * 8 + 3 * 16 * 16 * 8, 16);
  randomSymmetric(a, n, seed);
  reduceToBand(a, n, b, work);
  // The band part alone, zeros outside it.
  memory.fill(band, 0, <usize>(n * n) << 3);
  for (let r = 0; r < n; r++) {
    for (let c = r; c <= min(r + b, n - 1); c++) store<f64>(band + (<usize>(r * n + c) << 3), load<f64>(a + (<usize>(r * n + c) << 3)));
  }
  eigenvalues(band, n, d2, e, work);
  randomSymmetric(a, n, seed);
  eigenvalues(a, n, d1, e, work);
  let err = 0.0, norm = 0.0;
  for (let i = 0; i < n; i++) {
    const x = load<f64>(d1 + (<usize>i << 3));
    err = max(err, abs(x - load<f64>(d2 + (<usize>i << 3))));
    norm = max(norm, abs(x));
  }
  return err / norm;
}

// max |reduceToBand(A) - the panels of A run apart| over the upper triangle (0: the same bits), n <= 80, b <= 16.
function lookaheadAgainstApart(n: i32, b: i32, seed: u32): f64 {
  const a = memory.data(80 * 80 * 8, 16);
  const apart = memory.data(80 * 80 * 8, 16);
  const work = memory.data(5 * 16 * 80 * 8 + 3 * 16 * 16 * 8, 16);
  randomSymmetric(a, n, seed);
  randomSymmetric(apart, n, seed);
  reduceToBand(a, n, b, work);
  const y = work + 2 * <usize>b * (<usize>n << 3);
  for (let i = 0; i + b + 1 < n; i += b) {
    bandPanelBegin(apart, n, b, i, work);
    bandPanelProduct(apart, n, b, i, work, y, i + b, n);
    bandPanelEnd(n, b, i, work, y, 1, 0);
    bandPanelRows(apart, n, b, i, work, i + b, n);
  }
  let err = 0.0;
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) {
      const o = <usize>(r * n + c) << 3;
      err = max(err, abs(load<f64>(a + o) - load<f64>(apart + o)));
    }
  }
  return err;
}

describe('reduceToBand', () => {
  it('keeps the eigenvalues in its band, across widths, panel counts and n mod 4', () => {
    expect(bandAgainstFused(1, 2, 1) < 1e-15).toBe(true);
    expect(bandAgainstFused(3, 2, 2) < 1e-14).toBe(true);
    expect(bandAgainstFused(9, 4, 3) < 1e-13).toBe(true);
    expect(bandAgainstFused(37, 5, 4) < 1e-13).toBe(true);
    expect(bandAgainstFused(70, 16, 5) < 1e-13).toBe(true);
    expect(bandAgainstFused(80, 3, 6) < 1e-13).toBe(true);
    expect(bandAgainstFused(77, 8, 13) < 1e-13).toBe(true);
    expect(bandAgainstFused(66, 16, 14) < 1e-13).toBe(true);
  });

  it('leaves a matrix already inside the band alone', () => {
    const a = memory.data(16 * 8, 16);
    memory.fill(a, 0, 16 * 8);
    for (let i = 0; i < 4; i++) store<f64>(a + (<usize>(i * 5) << 3), <f64>(i + 1));
    store<f64>(a + 8, 0.5);
    const work = memory.data(5 * 2 * 4 * 8 + 3 * 4 * 8, 16);
    reduceToBand(a, 4, 2, work);
    for (let i = 0; i < 4; i++) expect(load<f64>(a + (<usize>(i * 5) << 3))).toBe(<f64>(i + 1));
    expect(load<f64>(a + 8)).toBe(0.5);
    expect(load<f64>(a + 24)).toBe(0);
  });

  it('needs 5 b n + 3 b^2 float64 of workspace (V, W, Y, T, M, Z and the lookahead\'s second V and W)', () => {
    expect(reduceToBandWorkspace(10, 4)).toBe(248);
  });

  // The lookahead (each panel's update in one sweep with the next panel's product) against the panels run
  // apart from the same pieces: begin, product, end, then the whole update. With 4 | b every entry has the
  // same bits (the same operations on the same values, the product's sums in the same order); otherwise the
  // update's row groups start elsewhere mod 4 and entries differ by rounding only.
  it('gives the bits of the panels run apart when 4 | b, the same band to rounding otherwise', () => {
    expect(lookaheadAgainstApart(77, 8, 7)).toBe(0); // a last short panel (77 = 9 * 8 + 5)
    expect(lookaheadAgainstApart(80, 16, 8)).toBe(0); // n a multiple of b: the last panel has b rows of trailing matrix
    expect(lookaheadAgainstApart(50, 4, 9)).toBe(0);
    expect(lookaheadAgainstApart(9, 4, 10)).toBe(0); // one panel only: no lookahead
    expect(lookaheadAgainstApart(79, 5, 11) < 1e-13).toBe(true);
    expect(lookaheadAgainstApart(64, 3, 12) < 1e-13).toBe(true);
  });
});
