// numpy's arithmetic where its order or rounding shows in the last digits of the reference's numbers.
// Pairwise summation (umath loops, pairwise_sum_DOUBLE), used by np.sum and np.mean over a contiguous axis:
// below 8 values a plain loop; up to 128, eight interleaved partial sums combined as
// ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)) and the tail added; above, the two halves (the first a
// multiple of 8 long) summed recursively.

const BLOCK = 128;

/** numpy's np.sum of a[start .. start + n), summed in numpy's pairwise order (where the sum decides a comparison too: kneePoint). */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[start + i];
    return s;
  }
  if (n <= BLOCK) {
    const r = [a[start], a[start + 1], a[start + 2], a[start + 3], a[start + 4], a[start + 5], a[start + 6], a[start + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    }
    let s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) s += a[start + i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half);
}

/** numpy's np.round to an integer: to the nearest, halves to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
