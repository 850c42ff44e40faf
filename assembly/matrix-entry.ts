// Matrix-entry entropy of the diffusion operator (docs/measures.md, the reference's `matrix_entry_entropy`):
// P = diag(1 / row sums of K) K, p_ij = |P_ij| / sum |P| + eps over all n^2 entries, H = -sum p log2 p.
//
// Layout: k is n x n float64, row-major, upper triangle only (j >= i): K as anisotropicNormalize leaves it.
// K is symmetric, so entry (j, i) below the diagonal is K_ij / r_j. rowSums: caller-owned workspace of n
// float64, left holding 1 / (row sums of K), the diagonal of the reference's D_inv. Nothing else is written.

import { EPS } from './float';
import { symmetricRowSums } from './kernel';

@inline
function plogp(q: f64): f64 {
  const p = q + EPS;
  return p * Math.log2(p);
}

export function matrixEntryEntropy(k: usize, n: i32, rowSums: usize): f64 {
  symmetricRowSums(k, n, rowSums);
  for (let i = 0; i < n; i++) {
    const q = rowSums + (<usize>i << 3);
    store<f64>(q, 1.0 / load<f64>(q));
  }
  // sum |P| is n in exact arithmetic; the reference normalises by the float sum, and so do we.
  let total = 0.0;
  for (let i = 0; i < n; i++) {
    const row = k + (<usize>i * <usize>n << 3);
    const ri = load<f64>(rowSums + (<usize>i << 3));
    total += abs(load<f64>(row + (<usize>i << 3))) * ri;
    for (let j = i + 1; j < n; j++) {
      const kij = abs(load<f64>(row + (<usize>j << 3)));
      total += kij * ri + kij * load<f64>(rowSums + (<usize>j << 3));
    }
  }
  let h = 0.0;
  for (let i = 0; i < n; i++) {
    const row = k + (<usize>i * <usize>n << 3);
    const ri = load<f64>(rowSums + (<usize>i << 3));
    h -= plogp(abs(load<f64>(row + (<usize>i << 3))) * ri / total);
    for (let j = i + 1; j < n; j++) {
      const kij = abs(load<f64>(row + (<usize>j << 3)));
      h -= plogp(kij * ri / total) + plogp(kij * load<f64>(rowSums + (<usize>j << 3)) / total);
    }
  }
  return h;
}
