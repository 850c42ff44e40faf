// The steps of the adjacency spectrum that both backends share (docs/measures.md): the symmetry test the
// reference uses to choose its eigensolver, and |eigenvalues| (moduli of complex ones).

/**
 * numpy.allclose(A, A.T, rtol=1e-5, atol=1e-8) over the full n x n row-major A: the test by which the reference
 * sends A to its symmetric eigensolver (eigvalsh) rather than the general one (eigvals).
 */
export function isNumpySymmetric(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!numpyClose(a[i * n + j], a[j * n + i])) return false;
    }
  }
  return true;
}

/** numpy.isclose(a, b) with its defaults rtol = 1e-5, atol = 1e-8: |a - b| <= atol + rtol |b|. */
export function numpyClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

/** |lambda_i| = hypot(re, im), written over re. */
export function moduliInto(re: Float64Array, im: Float64Array): Float64Array {
  for (let i = 0; i < re.length; i++) re[i] = Math.hypot(re[i], im[i]);
  return re;
}
