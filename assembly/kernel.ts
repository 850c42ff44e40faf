// The Gaussian affinity and its anisotropic (symmetric diffusion) normalisation, docs/measures.md, the kernel.
//
// Layout: m is n x n float64, row-major, upper triangle only (j >= i); the lower triangle is neither read
// nor written. rowSums is a caller-owned workspace of n float64.

// G_ij = exp(-d2_ij / (2 sigma^2)), in place over the squared distances. The reference's factor
// 1 / (sigma sqrt(2 pi)) cancels in K, so it is left out.
//
// Below sigma ~ 5.2e-155, 2 sigma^2 < 1 / f64.MAX_VALUE and the factor -1 / (2 sigma^2) is -Infinity: the
// diagonal (d2 = 0) would become 0 * -Infinity = NaN, where the reference's own 0 / 0 gives NaN too. There
// the exponent is taken as -(d2 / sigma) / sigma / 2 instead, which cannot overflow to NaN: G_ii = 1 (and 1
// for duplicate rows), every other affinity underflows to 0, so K is the identity, the limit sigma -> 0.
// Its mirror, above sigma ~ 9.5e153: 2 sigma^2 overflows and the factor is -0 (or a subnormal that keeps a few
// bits); a squared distance that overflowed too (rows ~1e308 apart) gives Infinity * -0 = NaN. The same
// order -(d2 / sigma) / sigma / 2 gives exp(-Infinity) = 0 there and the full precision elsewhere.
export function gaussianKernel(m: usize, n: i32, sigma: f64): void {
  gaussianKernelRows(m, n, sigma, 0, n);
}

// Rows [i0, i1) of gaussianKernel, each entry as it computes it (threads split the rows).
export function gaussianKernelRows(m: usize, n: i32, sigma: f64, i0: i32, i1: i32): void {
  const scale = -1.0 / (2.0 * sigma * sigma);
  if (!isFinite(scale) || abs(scale) < 2.2250738585072014e-308) {
    gaussianKernelTinySigma(m, n, sigma, i0, i1);
    return;
  }
  for (let i = i0; i < i1; i++) {
    const row = m + (<usize>i * <usize>n << 3);
    for (let j = i; j < n; j++) {
      const p = row + (<usize>j << 3);
      store<f64>(p, Math.exp(load<f64>(p) * scale));
    }
  }
}

function gaussianKernelTinySigma(m: usize, n: i32, sigma: f64, i0: i32, i1: i32): void {
  for (let i = i0; i < i1; i++) {
    const row = m + (<usize>i * <usize>n << 3);
    for (let j = i; j < n; j++) {
      const p = row + (<usize>j << 3);
      store<f64>(p, Math.exp(-(load<f64>(p) / sigma) / sigma * 0.5));
    }
  }
}

// Row sums of the symmetric matrix whose upper triangle is stored in m.
export function symmetricRowSums(m: usize, n: i32, rowSums: usize): void {
  memory.fill(rowSums, 0, <usize>n << 3);
  for (let i = 0; i < n; i++) {
    const row = m + (<usize>i * <usize>n << 3);
    let s = load<f64>(row + (<usize>i << 3));
    for (let j = i + 1; j < n; j++) {
      const g = load<f64>(row + (<usize>j << 3));
      s += g;
      const q = rowSums + (<usize>j << 3);
      store<f64>(q, load<f64>(q) + g);
    }
    const q = rowSums + (<usize>i << 3);
    store<f64>(q, load<f64>(q) + s);
  }
}

// K = S^-1/2 G S^-1/2 with S = diag(row sums of G), in place. K has the eigenvalues of P = S^-1 G.
// rowSums ends holding S^-1/2.
export function anisotropicNormalize(m: usize, n: i32, rowSums: usize): void {
  symmetricRowSums(m, n, rowSums);
  for (let i = 0; i < n; i++) {
    const q = rowSums + (<usize>i << 3);
    store<f64>(q, 1.0 / Math.sqrt(load<f64>(q)));
  }
  for (let i = 0; i < n; i++) {
    const row = m + (<usize>i * <usize>n << 3);
    const si = load<f64>(rowSums + (<usize>i << 3));
    for (let j = i; j < n; j++) {
      const p = row + (<usize>j << 3);
      store<f64>(p, load<f64>(p) * si * load<f64>(rowSums + (<usize>j << 3)));
    }
  }
}

// manylatents' density normalisation (symmetric_diffusion_operator, docs/measures.md, alpha):
// G_a = D^-alpha G D^-alpha with D = diag(row sums of G), in place, as ((1 / d_i) G_ij) (1 / d_j), the order
// numpy's D_inv @ G @ D_inv multiplies in. Applied before anisotropicNormalize; alpha = 0 is never passed here
// (the reference's K skips this step, so it stays bit for bit what it was). rowSums: workspace, left holding 1 / d.
export function densityNormalize(m: usize, n: i32, alpha: f64, rowSums: usize): void {
  symmetricRowSums(m, n, rowSums);
  for (let i = 0; i < n; i++) {
    const q = rowSums + (<usize>i << 3);
    store<f64>(q, 1.0 / Math.pow(load<f64>(q), alpha));
  }
  for (let i = 0; i < n; i++) {
    const row = m + (<usize>i * <usize>n << 3);
    const qi = load<f64>(rowSums + (<usize>i << 3));
    for (let j = i; j < n; j++) {
      const p = row + (<usize>j << 3);
      store<f64>(p, qi * load<f64>(p) * load<f64>(rowSums + (<usize>j << 3)));
    }
  }
}
