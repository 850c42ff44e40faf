// Label assignment of spectral clustering by cluster_qr (Damle, Minden, Ying 2019), as scikit-learn's
// `assign_labels="cluster_qr"`: with V (n x k) the spectral embedding, QR with column pivoting of V^T picks
// k pivot rows; the SVD V[piv, :]^T = U S W^T gives the rotation R = U W^T; label_i = argmax_j |(V R)_ij|.
// k is small (the number of clusters), so plain dense arithmetic suffices.

/**
 * The first k pivots of QR with column pivoting of V^T (LAPACK dgeqp3's greedy rule: the column of largest
 * remaining norm, the first on ties), i.e. of rows of V, by modified Gram-Schmidt on residual rows.
 * v: n x k row-major.
 */
export function pivotedRows(v: Float64Array, n: number, k: number): Int32Array {
  const r = v.slice(0, n * k);
  const piv = new Int32Array(k);
  const taken = new Uint8Array(n);
  const q = new Float64Array(k);
  for (let step = 0; step < k; step++) {
    let best = -1;
    let bestNorm = -1;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      let s = 0;
      for (let j = 0; j < k; j++) s += r[i * k + j] * r[i * k + j];
      if (s > bestNorm) {
        bestNorm = s;
        best = i;
      }
    }
    piv[step] = best;
    taken[best] = 1;
    const norm = Math.sqrt(bestNorm);
    for (let j = 0; j < k; j++) q[j] = norm > 0 ? r[best * k + j] / norm : 0;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      let dot = 0;
      for (let j = 0; j < k; j++) dot += q[j] * r[i * k + j];
      for (let j = 0; j < k; j++) r[i * k + j] -= dot * q[j];
    }
  }
  return piv;
}

/**
 * The orthogonal polar factor U W^T of a k x k matrix B = U S W^T (row-major), by one-sided Jacobi: plane
 * rotations W orthogonalise the columns of B W = U S.
 */
export function polarFactor(b: Float64Array, k: number): Float64Array {
  const a = b.slice(0, k * k);
  const w = new Float64Array(k * k);
  for (let i = 0; i < k; i++) w[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < k; i++) {
          const ap = a[i * k + p];
          const aq = a[i * k + q];
          alpha += ap * ap;
          beta += aq * aq;
          gamma += ap * aq;
        }
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (const m of [a, w]) {
          for (let i = 0; i < k; i++) {
            const mp = m[i * k + p];
            const mq = m[i * k + q];
            m[i * k + p] = c * mp - s * mq;
            m[i * k + q] = s * mp + c * mq;
          }
        }
      }
    }
    if (!rotated) break;
  }
  // Columns of a are now U S; normalising them gives U.
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += a[i * k + j] * a[i * k + j];
    const norm = Math.sqrt(s);
    for (let i = 0; i < k; i++) a[i * k + j] = norm > 0 ? a[i * k + j] / norm : 0;
  }
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += a[i * k + l] * w[j * k + l];
      r[i * k + j] = s;
    }
  }
  return r;
}

/** cluster_qr labels (0..k-1) of the rows of the embedding v (n x k, row-major). */
export function clusterQR(v: Float64Array, n: number, k: number): Int32Array {
  const piv = pivotedRows(v, n, k);
  // B = V[piv, :]^T.
  const b = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) b[i * k + j] = v[piv[j] * k + i];
  }
  const r = polarFactor(b, k);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = -1;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += v[i * k + l] * r[l * k + j];
      if (Math.abs(s) > bestValue) {
        bestValue = Math.abs(s);
        best = j;
      }
    }
    labels[i] = best;
  }
  return labels;
}
