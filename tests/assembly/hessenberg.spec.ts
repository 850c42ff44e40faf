import { hessenberg } from '../../assembly/hessenberg';

// A general 5 x 5 matrix, row-major.
const A: f64[] = [
  4, 1, -2, 2, 3,
  1, 2, 0, 1, -1,
  -2, 3, 3, -2, 2,
  2, 1, -2, -1, 0,
  5, -3, 1, 2, 1,
];

function trace(a: usize, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) s += load<f64>(a + ((<usize>(i * n + i)) << 3));
  return s;
}

// trace(A^2) = sum_ij a_ij a_ji: a similarity invariant.
function traceOfSquare(a: usize, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) s += load<f64>(a + ((<usize>(i * n + j)) << 3)) * load<f64>(a + ((<usize>(j * n + i)) << 3));
  }
  return s;
}

function frobenius(a: usize, n: i32): f64 {
  let s = 0.0;
  for (let k = 0; k < n * n; k++) s += load<f64>(a + (<usize>k << 3)) ** 2;
  return Math.sqrt(s);
}

describe('hessenberg', () => {
  it('reduces a general 5 x 5 matrix to upper Hessenberg form by an orthogonal similarity', () => {
    const n = 5;
    const a = memory.data(8 * 25);
    const work = memory.data(8 * 10);
    for (let k = 0; k < 25; k++) store<f64>(a + (<usize>k << 3), A[k]);
    const tr = trace(a, n);
    const tr2 = traceOfSquare(a, n);
    const fro = frobenius(a, n);
    hessenberg(a, n, work);
    for (let i = 2; i < n; i++) {
      for (let j = 0; j < i - 1; j++) expect(load<f64>(a + ((<usize>(i * n + j)) << 3))).toBe(0);
    }
    // A nonzero subdiagonal: the reduction did something.
    expect(abs(load<f64>(a + ((<usize>(1 * n + 0)) << 3))) > 1).toBe(true);
    expect(abs(trace(a, n) - tr) < 1e-12).toBe(true);
    expect(abs(traceOfSquare(a, n) - tr2) < 1e-11).toBe(true);
    expect(abs(frobenius(a, n) - fro) < 1e-12).toBe(true);
  });

  it('leaves 1 x 1 and 2 x 2 matrices unchanged', () => {
    const a = memory.data<f64>([1, 2, 3, 4]);
    const work = memory.data(8 * 4);
    hessenberg(a, 2, work);
    expect(load<f64>(a)).toBe(1);
    expect(load<f64>(a, 8)).toBe(2);
    expect(load<f64>(a, 16)).toBe(3);
    expect(load<f64>(a, 24)).toBe(4);
    hessenberg(a, 1, work);
    expect(load<f64>(a)).toBe(1);
  });
});
