import { tridiagonalize } from '../../assembly/tridiagonalize';
import { tridiagonalizeBlocked, tridiagonalizeBlockedWorkspace } from '../../assembly/tridiagonalize-blocked';
import { tridiagonalQL } from '../../assembly/tridiagonal-ql';

// A symmetric n x n matrix of entries in [-1, 1) from a linear congruential generator (full, both triangles).
function randomSymmetric(a: usize, n: i32, seed: u32): void {
  let s = seed;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      s = s * 1664525 + 1013904223;
      const x = <f64>(s >> 8) / 8388608.0 - 1.0;
      store<f64>(a + (<usize>(i * n + j) << 3), x);
      store<f64>(a + (<usize>(j * n + i) << 3), x);
    }
  }
}

// Sorted eigenvalues of the tridiagonal (diag, off), in place in diag.
function eigenvalues(diag: usize, off: usize, n: i32): void {
  expect(tridiagonalQL(diag, off, n, 0)).toBe(0);
  for (let i = 1; i < n; i++) {
    const x = load<f64>(diag + (<usize>i << 3));
    let j = i - 1;
    while (j >= 0 && load<f64>(diag + (<usize>j << 3)) > x) {
      store<f64>(diag + (<usize>(j + 1) << 3), load<f64>(diag + (<usize>j << 3)));
      j--;
    }
    store<f64>(diag + (<usize>(j + 1) << 3), x);
  }
}

// max |lambda_blocked - lambda_fused| / max |lambda| for an order-n random matrix and panel width nb.
function blockedAgainstFused(n: i32, nb: i32, seed: u32): f64 {
  const a = memory.data(100 * 100 * 8, 16);
  const d1 = memory.data(100 * 8, 16);
  const e1 = memory.data(100 * 8, 16);
  const d2 = memory.data(100 * 8, 16);
  const e2 = memory.data(100 * 8, 16);
  const work = memory.data(2 * 32 * 100 * 8 + 100 * 8, 16);
  randomSymmetric(a, n, seed);
  tridiagonalize(a, n, d1, e1, work);
  randomSymmetric(a, n, seed);
  tridiagonalizeBlocked(a, n, nb, d2, e2, work);
  eigenvalues(d1, e1, n);
  eigenvalues(d2, e2, n);
  let err = 0.0, norm = 0.0;
  for (let i = 0; i < n; i++) {
    const x = load<f64>(d1 + (<usize>i << 3));
    err = max(err, abs(x - load<f64>(d2 + (<usize>i << 3))));
    norm = max(norm, abs(x));
  }
  return err / norm;
}

describe('tridiagonalizeBlocked', () => {
  it('gives the fused reduction\'s eigenvalues to rounding, across panel widths and n mod 4', () => {
    expect(blockedAgainstFused(3, 4, 1) < 1e-14).toBe(true);
    expect(blockedAgainstFused(9, 4, 2) < 1e-14).toBe(true);
    expect(blockedAgainstFused(37, 5, 3) < 1e-13).toBe(true);
    expect(blockedAgainstFused(70, 32, 4) < 1e-13).toBe(true);
    expect(blockedAgainstFused(99, 32, 5) < 1e-13).toBe(true);
    expect(blockedAgainstFused(100, 7, 6) < 1e-13).toBe(true);
  });

  it('leaves an already diagonal matrix alone', () => {
    const a = memory.data(9 * 8, 16);
    memory.fill(a, 0, 9 * 8);
    store<f64>(a, 3); store<f64>(a, 2, 32); store<f64>(a, 1, 64);
    const diag = memory.data(3 * 8, 16);
    const off = memory.data(3 * 8, 16);
    const work = memory.data(15 * 8, 16); // tridiagonalizeBlockedWorkspace(3, 2) = 15
    tridiagonalizeBlocked(a, 3, 2, diag, off, work);
    expect(load<f64>(diag)).toBe(3);
    expect(load<f64>(diag, 8)).toBe(2);
    expect(load<f64>(diag, 16)).toBe(1);
    expect(load<f64>(off)).toBe(0);
    expect(load<f64>(off, 8)).toBe(0);
  });

  it('needs 2 nb n + n float64 of workspace', () => {
    expect(tridiagonalizeBlockedWorkspace(10, 4)).toBe(90);
  });
});
