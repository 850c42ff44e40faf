import { pythag } from '../../assembly/pythag';

describe('pythag', () => {
  it('is sqrt(a^2 + b^2), exact on Pythagorean triples and with a zero side', () => {
    expect(pythag(3, 4)).toBe(5);
    expect(pythag(-5, 12)).toBe(13);
    expect(pythag(0, -7)).toBe(7);
    expect(pythag(0, 0)).toBe(0);
  });

  it('neither overflows nor underflows where a^2 + b^2 would', () => {
    expect(Math.abs(pythag(3e200, 4e200) / 5e200 - 1) < 1e-15).toBe(true);
    expect(Math.abs(pythag(3e-200, 4e-200) / 5e-200 - 1) < 1e-15).toBe(true);
  });
});
