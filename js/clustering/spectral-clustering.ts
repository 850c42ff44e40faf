// Spectral clustering of the rows of Y as scikit-learn's SpectralClustering(n_clusters,
// affinity="nearest_neighbors", n_neighbors, assign_labels="cluster_qr") computes it (docs/clustering.md).
import type { Engine } from '../engine/engine.js';
import { engineFor, type BackendName } from '../engine/select.js';
import { DseError } from '../errors.js';
import { toMatrix, type DenseMatrix, type MatrixLike } from '../matrix.js';
import { clusterCount, nNeighborsOf, options } from '../options.js';
import { largestEigenvectors, type SparseSymmetric } from './chebyshev-subspace.js';
import { clusterQR } from './cluster-qr.js';

/**
 * The normalised affinity M = W^-1/2 (A - diag A) W^-1/2 of the symmetrised kNN graph A = (C + C^T) / 2,
 * in sparse rows, with w = row sums of A without its diagonal (scipy's csgraph.laplacian(normed=True)
 * leaves self-loops out of the degree; an isolated row gets w = 1). M = I - L, so its largest eigenvectors
 * are the smallest of the normalised Laplacian L. Returns M and sqrt(w).
 */
export function normalizedAffinity(neighbors: Int32Array, n: number, k: number): { m: SparseSymmetric; sqrtDegree: Float64Array } {
  const rowsOf: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const j = neighbors[i * k + r];
      if (j === i) continue;
      rowsOf[i].set(j, (rowsOf[i].get(j) ?? 0) + 0.5);
      rowsOf[j].set(i, (rowsOf[j].get(i) ?? 0) + 0.5);
    }
  }
  const sqrtDegree = new Float64Array(n);
  let entries = 0;
  for (let i = 0; i < n; i++) {
    let w = 0;
    for (const a of rowsOf[i].values()) w += a;
    sqrtDegree[i] = w === 0 ? 1 : Math.sqrt(w);
    entries += rowsOf[i].size;
  }
  const rowStart = new Int32Array(n + 1);
  const column = new Int32Array(entries);
  const value = new Float64Array(entries);
  let p = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = p;
    for (const [j, a] of [...rowsOf[i]].sort((x, y) => x[0] - y[0])) {
      column[p] = j;
      value[p++] = a / (sqrtDegree[i] * sqrtDegree[j]);
    }
  }
  rowStart[n] = p;
  return { m: { n, rowStart, column, value }, sqrtDegree };
}

/**
 * The spectral embedding sklearn hands to cluster_qr: the `k` eigenvectors of M with the largest
 * eigenvalues (Chebyshev-filtered subspace iteration on the sparse M), each divided row-wise by sqrt(w) and its sign flipped so
 * that its entry of largest magnitude is positive. Returns n x k, row-major.
 */
export function spectralEmbedding(engine: Engine, m: SparseSymmetric, sqrtDegree: Float64Array, k: number): Float64Array {
  const n = m.n;
  const { vectors } = largestEigenvectors(engine, m, k);
  const v = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    let big = 0;
    for (let i = 0; i < n; i++) {
      const x = vectors[i * k + c] / sqrtDegree[i];
      v[i * k + c] = x;
      if (Math.abs(x) > Math.abs(big)) big = x;
    }
    if (big < 0) for (let i = 0; i < n; i++) v[i * k + c] = -v[i * k + c];
  }
  return v;
}

/** Labels 0..nClusters-1 of the rows of y (validated by the caller). */
export function spectralLabels(engine: Engine, y: DenseMatrix, nClusters: number, nNeighbors: number): Int32Array {
  const n = y.rows;
  const { m, sqrtDegree } = normalizedAffinity(engine.nearestNeighbors(y, nNeighbors), n, nNeighbors);
  return clusterQR(spectralEmbedding(engine, m, sqrtDegree, nClusters), n, nClusters);
}

/** Options of {@link spectralClustering}. */
export interface SpectralClusteringOptions {
  /** Number of clusters. Default 10. */
  nClusters?: number;
  /** Neighbours of each row in the kNN graph, the row itself included. Default 10. */
  nNeighbors?: number;
  /** Backend of the eigenvector solver: 'wasm' (default) or 'js'. */
  backend?: BackendName;
}

/**
 * Spectral clustering of the rows of Y into nClusters, as scikit-learn's SpectralClustering(n_clusters,
 * affinity="nearest_neighbors", n_neighbors=10, assign_labels="cluster_qr", random_state=0), which the
 * reference's DSMI runs on a several-column Y (docs/clustering.md). C is the 0/1 graph linking each row to its
 * nNeighbors nearest rows (itself included), A = (C + C^T) / 2, w = row sums of A without its diagonal,
 * M = W^-1/2 (A - diag A) W^-1/2; the nClusters eigenvectors of M with the largest eigenvalues, divided
 * row-wise by sqrt(w), go to cluster_qr (pivoted QR, then SVD), which assigns each row a label 0..nClusters-1.
 *
 * Eigenvectors: above 300 rows, Chebyshev-filtered subspace iteration on the sparse M
 * (js/chebyshev-subspace.ts, about 15 N nonzeros; its subspace matched the dense one to 1e-10 at N = 1000);
 * up to 300 rows, and for the iteration's small projected problem, the dense solver (Householder with Q
 * accumulated + QL, assembly/symmetric-eigenvectors.ts), chosen by measurement (bench/NOTES.md). The kNN search is O(N^2 D)
 * with no N x N matrix (assembly/nearest-neighbors.ts). Labels match scikit-learn up to a permutation, and
 * row by row wherever the eigenvectors are well determined: compare clusterings by adjusted Rand index.
 *
 * @example
 * await ready();
 * const labels = spectralClustering(Y, { nClusters: 4 }); // Int32Array of 0..3, one per row of Y
 */
export function spectralClustering(Y: MatrixLike, opts?: SpectralClusteringOptions): Int32Array {
  const o = options(opts);
  const engine = engineFor(o.backend);
  const y = toMatrix(Y, 'Y');
  const nClusters = clusterCount(o.nClusters, y.rows);
  const nNeighbors = nNeighborsOf(o.nNeighbors);
  if (nNeighbors > y.rows) {
    throw new DseError('E_ARGUMENT', `nNeighbors must be at most the number of rows of Y (${y.rows}), received ${nNeighbors}`, 'nNeighbors', nNeighbors);
  }
  return spectralLabels(engine, y, nClusters, nNeighbors);
}
