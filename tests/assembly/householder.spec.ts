import { scaledNorm } from '../../assembly/householder';

function vector(values: f64[]): usize {
  const x = heap.alloc(values.length * 8);
  for (let k = 0; k < values.length; k++) store<f64>(x + (<usize>k << 3), values[k]);
  return x;
}

describe('scaledNorm', () => {
  it('is the Euclidean norm of x[from..to)', () => {
    const x = vector([100, 3, 4, 100]);
    expect(scaledNorm(x, 1, 3)).toBe(5); // 3-4-5, exact
    expect(scaledNorm(x, 0, 1)).toBe(100);
    const y = vector([1, 2, 2]);
    expect(scaledNorm(y, 0, 3)).toBe(3); // 1 + 4 + 4 = 9
  });

  it('is exactly 0 for a zero or empty range', () => {
    const x = vector([0, 0, 0, 7]);
    expect(scaledNorm(x, 0, 3)).toBe(0);
    expect(scaledNorm(x, 2, 2)).toBe(0);
  });

  it('neither overflows nor underflows where the squares would', () => {
    // (3e300)^2 overflows to Infinity and (3e-300)^2 underflows to 0; the norms are 5e300 and 5e-300.
    const big = vector([3e300, -4e300]);
    expect(Math.abs(scaledNorm(big, 0, 2) / 5e300 - 1) < 1e-15).toBe(true);
    const tiny = vector([3e-300, 4e-300]);
    expect(Math.abs(scaledNorm(tiny, 0, 2) / 5e-300 - 1) < 1e-15).toBe(true);
  });
});
