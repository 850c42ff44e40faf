// Pure-JS twin of assembly/kernel.ts. m: n x n row-major, upper triangle only.

// G_ij = exp(-d2_ij / (2 sigma^2)); for sigma so small that -1 / (2 sigma^2) overflows, the exponent is
// -(d2 / sigma) / sigma / 2, so the diagonal stays exp(0) = 1 instead of exp(0 * -Infinity) = NaN (K -> I).
// The same order for sigma so large that 2 sigma^2 overflows (the factor -0 or subnormal): an overflowed d2
// then gives exp(-Infinity) = 0, not exp(Infinity * -0) = NaN.
export function gaussianKernel(m: Float64Array, n: number, sigma: number): void {
  const scale = -1 / (2 * sigma * sigma);
  if (!Number.isFinite(scale) || Math.abs(scale) < 2 ** -1022) {
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) m[i * n + j] = Math.exp(-(m[i * n + j] / sigma) / sigma * 0.5);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) m[i * n + j] = Math.exp(m[i * n + j] * scale);
  }
}

export function symmetricRowSums(m: Float64Array, n: number, rowSums: Float64Array): void {
  rowSums.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    let s = m[i * n + i];
    for (let j = i + 1; j < n; j++) {
      const g = m[i * n + j];
      s += g;
      rowSums[j] += g;
    }
    rowSums[i] += s;
  }
}

// K = S^-1/2 G S^-1/2 in place; rowSums ends holding S^-1/2.
export function anisotropicNormalize(m: Float64Array, n: number, rowSums: Float64Array): void {
  symmetricRowSums(m, n, rowSums);
  for (let i = 0; i < n; i++) rowSums[i] = 1 / Math.sqrt(rowSums[i]);
  for (let i = 0; i < n; i++) {
    const si = rowSums[i];
    for (let j = i; j < n; j++) m[i * n + j] = m[i * n + j] * si * rowSums[j];
  }
}

// G_a = D^-alpha G D^-alpha (manylatents' density normalisation), as ((1 / d_i) G_ij) (1 / d_j); never called
// with alpha = 0. rowSums ends holding 1 / d.
export function densityNormalize(m: Float64Array, n: number, alpha: number, rowSums: Float64Array): void {
  symmetricRowSums(m, n, rowSums);
  for (let i = 0; i < n; i++) rowSums[i] = 1 / Math.pow(rowSums[i], alpha);
  for (let i = 0; i < n; i++) {
    const qi = rowSums[i];
    for (let j = i; j < n; j++) m[i * n + j] = qi * m[i * n + j] * rowSums[j];
  }
}
