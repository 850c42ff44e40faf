// numpy's pairwise summation, for sums whose rounding decides a comparison (docs/measures.md, kneePoint).
/**
 * sum of a[from..to) as numpy's np.sum adds a contiguous float64 array (pairwise summation: 8 running
 * partial sums per block of at most 128, blocks halved recursively), so that a quantity compared with
 * `<` or argmin (PHATE's knee point) rounds as it does in numpy.
 */
export function pairwiseSum(a: ArrayLike<number>, from = 0, to = a.length): number {
  const n = to - from;
  if (n < 8) {
    let s = 0;
    for (let i = from; i < to; i++) s += a[i];
    return s;
  }
  if (n <= 128) {
    const r = [a[from], a[from + 1], a[from + 2], a[from + 3], a[from + 4], a[from + 5], a[from + 6], a[from + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[from + i + j];
    }
    let s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) s += a[from + i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, from, from + half) + pairwiseSum(a, from + half, to);
}
