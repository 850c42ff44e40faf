import { hessenberg } from '../../assembly/hessenberg';
import { hessenbergQR } from '../../assembly/hessenberg-qr';

const wr = memory.data(8 * 8);
const wi = memory.data(8 * 8);

function re(k: i32): f64 {
  return load<f64>(wr + (<usize>k << 3));
}

function im(k: i32): f64 {
  return load<f64>(wi + (<usize>k << 3));
}

// True when some computed eigenvalue not yet used lies within tol of (x, y); marks it used.
function takes(used: bool[], n: i32, x: f64, y: f64, tol: f64): bool {
  for (let k = 0; k < n; k++) {
    if (!used[k] && abs(re(k) - x) < tol && abs(im(k) - y) < tol) {
      used[k] = true;
      return true;
    }
  }
  return false;
}

function fill(h: usize, values: f64[]): void {
  for (let k = 0; k < values.length; k++) store<f64>(h + (<usize>k << 3), values[k]);
}

describe('hessenbergQR', () => {
  it('finds cos(theta) +- i sin(theta) for a rotation matrix', () => {
    const t = 0.7;
    const h = memory.data(8 * 4);
    fill(h, [Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)]);
    expect(hessenbergQR(h, 2, wr, wi)).toBe(0);
    expect(abs(re(0) - Math.cos(t)) < 1e-15).toBe(true);
    expect(abs(re(1) - Math.cos(t)) < 1e-15).toBe(true);
    // The conjugate pair comes positive imaginary part first.
    expect(abs(im(0) - Math.sin(t)) < 1e-15).toBe(true);
    expect(abs(im(1) + Math.sin(t)) < 1e-15).toBe(true);
  });

  it('reads the eigenvalues of a triangular matrix off its diagonal', () => {
    const h = memory.data(8 * 16);
    fill(h, [1, 5, -3, 2, 0, -2, 7, 1, 0, 0, 3, 4, 0, 0, 0, 0.5]);
    expect(hessenbergQR(h, 4, wr, wi)).toBe(0);
    const used: bool[] = [false, false, false, false];
    expect(takes(used, 4, 1, 0, 1e-14)).toBe(true);
    expect(takes(used, 4, -2, 0, 1e-14)).toBe(true);
    expect(takes(used, 4, 3, 0, 1e-14)).toBe(true);
    expect(takes(used, 4, 0.5, 0, 1e-14)).toBe(true);
  });

  it('finds the roots of a polynomial from its companion matrix', () => {
    // (x - 1)(x - 2)(x - 3)(x^2 + 1) = x^5 - 6x^4 + 12x^3 - 12x^2 + 11x - 6: first row -c, ones below.
    const h = memory.data(8 * 25);
    fill(h, [6, -12, 12, -11, 6, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]);
    expect(hessenbergQR(h, 5, wr, wi)).toBe(0);
    const used: bool[] = [false, false, false, false, false];
    expect(takes(used, 5, 1, 0, 1e-10)).toBe(true);
    expect(takes(used, 5, 2, 0, 1e-10)).toBe(true);
    expect(takes(used, 5, 3, 0, 1e-10)).toBe(true);
    expect(takes(used, 5, 0, 1, 1e-10)).toBe(true);
    expect(takes(used, 5, 0, -1, 1e-10)).toBe(true);
  });

  it('converges on the cyclic permutation, where unshifted and plain Francis QR stall', () => {
    // Eigenvalues: the cube roots of unity.
    const h = memory.data(8 * 9);
    fill(h, [0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(hessenbergQR(h, 3, wr, wi)).toBe(0);
    const used: bool[] = [false, false, false];
    const s = Math.sqrt(3) / 2;
    expect(takes(used, 3, 1, 0, 1e-14)).toBe(true);
    expect(takes(used, 3, -0.5, s, 1e-14)).toBe(true);
    expect(takes(used, 3, -0.5, -s, 1e-14)).toBe(true);
  });

  it('gives the eigenvalues of a general matrix after hessenberg', () => {
    // Q^T diag-blocks Q for an orthogonal Q: blocks [[2, -3], [3, 2]] (2 +- 3i), [-1], [4].
    // Built as B = P D P^-1 with P = I + e_0 e_3^T (inverse I - e_0 e_3^T) to mix the blocks.
    const n = 4;
    const h = memory.data(8 * 16);
    const work = memory.data(8 * 8);
    // D = [[2,-3,0,0],[3,2,0,0],[0,0,-1,0],[0,0,0,4]]; P D = D + e_0 (row 3 of D); (P D) P^-1 = that - (col 0) e_3^T.
    const d: f64[] = [2, -3, 0, 0, 3, 2, 0, 0, 0, 0, -1, 0, 0, 0, 0, 4];
    for (let j = 0; j < n; j++) d[j] += d[3 * n + j];
    for (let i = 0; i < n; i++) d[i * n + 3] -= d[i * n + 0];
    fill(h, d);
    hessenberg(h, n, work);
    expect(hessenbergQR(h, n, wr, wi)).toBe(0);
    const used: bool[] = [false, false, false, false];
    expect(takes(used, 4, 2, 3, 1e-13)).toBe(true);
    expect(takes(used, 4, 2, -3, 1e-13)).toBe(true);
    expect(takes(used, 4, -1, 0, 1e-13)).toBe(true);
    expect(takes(used, 4, 4, 0, 1e-13)).toBe(true);
  });

  it('stops at its sweep cap and reports the row when nothing can converge', () => {
    // A NaN makes every deflation test false: the iteration must end with an error code, not loop.
    const h = memory.data(8 * 16);
    fill(h, [1, 2, 3, 4, 1, NaN, 2, 1, 0, 1, 3, 2, 0, 0, 1, 5]);
    expect(hessenbergQR(h, 4, wr, wi)).toBe(4);
  });

  it('handles n = 1 and n = 0', () => {
    const h = memory.data<f64>([-7]);
    expect(hessenbergQR(h, 1, wr, wi)).toBe(0);
    expect(re(0)).toBe(-7);
    expect(im(0)).toBe(0);
    expect(hessenbergQR(h, 0, wr, wi)).toBe(0);
  });
});
