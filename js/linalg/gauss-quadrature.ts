// Gauss quadrature from a Lanczos tridiagonal (Golub and Welsch 1969): the nodes are the eigenvalues of
// T = tridiag(beta, alpha, beta) and the weights the squared first components of its eigenvectors. The
// implicit QL iteration (EISPACK tql2) applies its rotations to the first row of the eigenvector matrix
// only, which is all the weights need: O(m^2) for m nodes.

/** Nodes and weights (summing to 1) of the m-point Gauss rule of the Lanczos tridiagonal alpha (m), beta (m - 1). */
export function gaussQuadrature(alpha: ArrayLike<number>, beta: ArrayLike<number>, m: number): { nodes: Float64Array; weights: Float64Array } {
  const d = Float64Array.from({ length: m }, (_, i) => alpha[i]);
  // e[i] couples i and i + 1; e[m - 1] = 0.
  const e = new Float64Array(m);
  for (let i = 0; i + 1 < m; i++) e[i] = beta[i];
  const z = new Float64Array(m);
  z[0] = 1;
  for (let l = 0; l < m; l++) {
    for (let iteration = 0; ; iteration++) {
      let k = l;
      for (; k < m - 1; k++) {
        const dd = Math.abs(d[k]) + Math.abs(d[k + 1]);
        if (Math.abs(e[k]) <= 2.220446049250313e-16 * dd) break;
      }
      if (k === l) break;
      // Non-convergence after 60 sweeps leaves the current (still orthogonal) rotation: the rule stays a
      // positive one with weights summing to 1, only less exact.
      if (iteration === 60) break;
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[k] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = k - 1;
      for (; i >= l; i--) {
        let f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[k] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = z[i + 1];
        z[i + 1] = s * z[i] + c * f;
        z[i] = c * z[i] - s * f;
      }
      if (r === 0 && i >= l) continue;
      d[l] -= p;
      e[l] = g;
      e[k] = 0;
    }
  }
  const weights = z.map((v) => v * v);
  return { nodes: d, weights };
}
