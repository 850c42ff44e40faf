import { bandToTridiagonal, bandToTridiagonalWorkspace } from '../../assembly/band-tridiagonalize';
import { tridiagonalQL } from '../../assembly/tridiagonal-ql';

const N = 12;

// T^2 for the tridiagonal T = tridiag(-1, 2, -1) of order N: pentadiagonal (half-width 2), diagonal 5 at the
// two ends and 6 inside, first superdiagonal -4, second 1, eigenvalues (2 - 2 cos(k pi / (N + 1)))^2. The
// upper triangle past half-width `b` is NaN: the kernel must zero what it reads there first.
function squaredLaplacian(a: usize, b: i32): void {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let x = NaN;
      const d = j - i;
      if (d == 0) x = i == 0 || i == N - 1 ? 5 : 6;
      else if (d == 1) x = -4;
      else if (d == 2) x = 1;
      else if (d > 2 && d <= b) x = 0;
      store<f64>(a + (<usize>(i * N + j) << 3), x);
    }
  }
}

// The eigenvalues from diag and off (destroyed), ascending, against (2 - 2 cos(k pi / (N + 1)))^2.
function expectSquaredLaplacianSpectrum(diag: usize, off: usize): void {
  expect(tridiagonalQL(diag, off, N, 0)).toBe(0);
  const got = new Array<f64>(N);
  for (let i = 0; i < N; i++) got[i] = load<f64>(diag + (<usize>i << 3));
  got.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (let k = 1; k <= N; k++) {
    const t = 2 - 2 * Math.cos((<f64>k * Math.PI) / <f64>(N + 1));
    expect(Math.abs(got[k - 1] - t * t) < 1e-13 * 16).toBe(true);
  }
}

describe('bandToTridiagonal', () => {
  it('gives the known eigenvalues of the squared Laplacian, read as half-width 2, 3, 5 and 11 (dense)', () => {
    const a = memory.data(N * N * 8);
    const diag = memory.data(N * 8);
    const off = memory.data(N * 8);
    const work = memory.data(3 * (N - 1) * 8);
    const widths: i32[] = [2, 3, 5, 11];
    for (let w = 0; w < widths.length; w++) {
      squaredLaplacian(a, widths[w]);
      bandToTridiagonal(a, N, widths[w], diag, off, work);
      expect(load<f64>(off + (<usize>(N - 1) << 3))).toBe(0);
      let ssq = 0.0;
      for (let i = 0; i < N; i++) {
        const d = load<f64>(diag + (<usize>i << 3));
        const e = load<f64>(off + (<usize>i << 3));
        ssq += d * d + 2 * e * e;
      }
      // ||A||_F^2 = 2 * 25 + 10 * 36 + 2 * 11 * 16 + 2 * 10 * 1 = 782, kept by the orthogonal similarity.
      expect(Math.abs(ssq - 782) < 1e-12 * 782).toBe(true);
      expectSquaredLaplacianSpectrum(diag, off);
    }
  });

  it('with b = 1 copies the diagonal and superdiagonal', () => {
    const a = memory.data(9 * 8);
    for (let k = 0; k < 9; k++) store<f64>(a + (<usize>k << 3), NaN);
    store<f64>(a, 1); store<f64>(a, 2, 8); store<f64>(a, 3, 32); store<f64>(a, 4, 40); store<f64>(a, 5, 64);
    const diag = memory.data(3 * 8);
    const off = memory.data(3 * 8);
    bandToTridiagonal(a, 3, 1, diag, off, memory.data(3 * 8));
    expect(load<f64>(diag)).toBe(1);
    expect(load<f64>(diag, 8)).toBe(3);
    expect(load<f64>(diag, 16)).toBe(5);
    expect(load<f64>(off)).toBe(2);
    expect(load<f64>(off, 8)).toBe(4);
    expect(load<f64>(off, 16)).toBe(0);
  });
});

describe('bandToTridiagonalWorkspace', () => {
  it('is 3 min(max(b, 1), max(n - 1, 1)) float64', () => {
    expect(bandToTridiagonalWorkspace(12, 11)).toBe(33);
    expect(bandToTridiagonalWorkspace(12, 40)).toBe(33);
    expect(bandToTridiagonalWorkspace(12, 2)).toBe(6);
    expect(bandToTridiagonalWorkspace(3, 1)).toBe(3);
    expect(bandToTridiagonalWorkspace(1, 8)).toBe(3);
  });
});
