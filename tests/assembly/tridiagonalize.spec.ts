import { tridiagonalize, tridiagonalizeWorkspace, tridiagonalStepBegin, tridiagonalStepRows, tridiagonalStepEnd, tridiagonalFinish } from '../../assembly/tridiagonalize';
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

// The reduction in the pieces threads run: each step's pass over rows [i+1, n) split into `blocks` blocks
// (as js/engine/wasm/threads.ts does), each into its own product buffer.
function reduceInSteps(a: usize, n: i32, diag: usize, off: usize, work: usize, parts: usize, blocks: i32): void {
  const stride = <usize>n << 3;
  let v = work, w = work + stride, vp = work + 2 * stride, wp = work + 3 * stride;
  memory.fill(vp, 0, 2 * stride);
  for (let i = 0; i < n - 2; i++) {
    const tau = tridiagonalStepBegin(a, n, i, diag, off, v, vp, wp);
    const rows = n - i - 1;
    let count = 0;
    let from = i + 1;
    for (let c = 1; c <= blocks; c++) {
      const to = c == blocks ? n : i + 1 + (rows * c) / blocks;
      if (to <= from) continue;
      tridiagonalStepRows(a, n, i, v, parts + <usize>count * stride, vp, wp, from, to);
      from = to;
      count++;
    }
    tridiagonalStepEnd(n, i, tau, v, w, parts, count, stride);
    let t = vp; vp = v; v = t;
    t = wp; wp = w; w = t;
  }
  tridiagonalFinish(a, n, diag, off, vp, wp);
}

describe('tridiagonalize in steps (threads)', () => {
  it('in one block per step gives tridiagonalize bit for bit; in three, the same to rounding', () => {
    const n = 9;
    const src = memory.data(81 * 8);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) store<f64>(src + (<usize>(i * n + j) << 3), Math.cos(<f64>(i * j + i + j)));
    const a = memory.data(81 * 8);
    const d0 = memory.data(9 * 8), e0 = memory.data(9 * 8), d1 = memory.data(9 * 8), e1 = memory.data(9 * 8);
    const work = memory.data(36 * 8);
    const parts = memory.data(27 * 8);
    memory.copy(a, src, 81 * 8);
    tridiagonalize(a, n, d0, e0, work);
    memory.copy(a, src, 81 * 8);
    reduceInSteps(a, n, d1, e1, work, parts, 1);
    for (let i = 0; i < n; i++) {
      expect(load<f64>(d1 + (<usize>i << 3))).toBe(load<f64>(d0 + (<usize>i << 3)));
      expect(load<f64>(e1 + (<usize>i << 3))).toBe(load<f64>(e0 + (<usize>i << 3)));
    }
    memory.copy(a, src, 81 * 8);
    reduceInSteps(a, n, d1, e1, work, parts, 3);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(load<f64>(d1 + (<usize>i << 3)) - load<f64>(d0 + (<usize>i << 3))) < 1e-13).toBe(true);
      expect(Math.abs(load<f64>(e1 + (<usize>i << 3)) - load<f64>(e0 + (<usize>i << 3))) < 1e-13).toBe(true);
    }
  });
});
