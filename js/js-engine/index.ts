// The pure-JS backend: the same stages as the WASM engine, over Float64Arrays.
import { DseError } from '../errors.js';
import { assertFits, type DiffusionOperator, type Engine, type KernelStorage } from '../engine.js';
import { copyLowerToUpper, copyRows, type DenseMatrix } from '../matrix.js';
import { squaredDistances } from './distance.js';
import { anisotropicNormalize, gaussianKernel } from './kernel.js';
import { tridiagonalize } from './tridiagonalize.js';
import { tridiagonalQL } from './tridiagonal-ql.js';
import { hessenberg } from './hessenberg.js';
import { hessenbergQR } from './hessenberg-qr.js';
import { knnAdjacency } from './knn-adjacency.js';
import { checkKnnFits, isNumpySymmetric, moduliInto, qrNoConvergence, type AdjacencyOptions } from '../adjacency-spectrum.js';
import { matrixEntryEntropy } from './matrix-entry.js';
import { symmetricEigenvectors } from './symmetric-eigenvectors.js';
import { nearestNeighbors } from './nearest-neighbors.js';
import { symmetricBlockProduct, toFloat32, traceAndFrobenius } from './block-product.js';
import { gaussianBlockProduct, gaussianRowSums } from './gaussian-product.js';

function eigenvaluesOfUpper(m: Float64Array, n: number): Float64Array {
  const diag = new Float64Array(n);
  const offdiag = new Float64Array(n);
  tridiagonalize(m, n, diag, offdiag, new Float64Array(2 * n));
  const failed = tridiagonalQL(diag, offdiag, n, null);
  if (failed !== 0) throw noConvergence(failed - 1, n);
  return diag;
}

// Eigenvalues of the general matrix m (n x n, row-major, destroyed).
function eigenvaluesOfGeneral(m: Float64Array, n: number): { real: Float64Array; imag: Float64Array } {
  const real = new Float64Array(n);
  const imag = new Float64Array(n);
  hessenberg(m, n, new Float64Array(2 * n));
  const failed = hessenbergQR(m, n, real, imag);
  if (failed !== 0) throw qrNoConvergence(failed - 1, n);
  return { real, imag };
}

export function noConvergence(index: number, n: number): DseError {
  return new DseError('E_NO_CONVERGENCE', `the QL iteration did not converge for eigenvalue ${index} of ${n}`, 'eigenvalues', index);
}

// K = S^-1/2 G S^-1/2 of the listed rows (n x n, upper triangle), and its row-sum workspace.
function diffusionKernel(x: DenseMatrix, rows: Int32Array | null, sigma: number): { n: number; m: Float64Array; rowSums: Float64Array } {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  // The same bound as the WASM engine, so that both backends accept and refuse the same problems.
  assertFits(8 * (n * d + n * n + 5 * n), `N = ${n} rows of ${d} features`);
  const xs = new Float64Array(n * d);
  copyRows(x, rows, xs);
  const m = new Float64Array(n * n);
  squaredDistances(xs, n, d, m);
  gaussianKernel(m, n, sigma);
  const rowSums = new Float64Array(n);
  anisotropicNormalize(m, n, rowSums);
  return { n, m, rowSums };
}

// K never stored: two passes over X (row sums, then ||K||_F^2 from a product), then one per product.
function matrixFreeOperator(x: DenseMatrix, rows: Int32Array | null, sigma: number, maxBlock: number): DiffusionOperator {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const xs = new Float64Array(n * d);
  copyRows(x, rows, xs);
  const scale = -1 / (2 * sigma * sigma);
  const s = new Float64Array(n);
  gaussianRowSums(xs, n, d, scale, s);
  for (let i = 0; i < n; i++) s[i] = 1 / Math.sqrt(s[i]);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += s[i] * s[i];
  const frobeniusSquared = gaussianBlockProduct(xs, n, d, scale, s, new Float64Array(n), 1, new Float64Array(n));
  return {
    n, precision: 'matrix-free', inverseSqrtRowSums: s, trace, frobeniusSquared, maxBlock,
    storedTrace: trace, storedFrobeniusSquared: frobeniusSquared,
    multiply(xb: Float64Array, yb: Float64Array, b: number): void {
      gaussianBlockProduct(xs, n, d, scale, s, xb, b, yb);
    },
    release(): void {},
  };
}

export const jsEngine: Engine = {
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, sigma: number): Float64Array {
    const { n, m } = diffusionKernel(x, rows, sigma);
    return eigenvaluesOfUpper(m, n);
  },

  symmetricEigenvalues(a: DenseMatrix): Float64Array {
    const n = a.rows;
    assertFits(8 * (n * n + 4 * n), `a ${n} x ${n} matrix`);
    const m = new Float64Array(n * n);
    copyLowerToUpper(a, m);
    return eigenvaluesOfUpper(m, n);
  },

  adjacencyEigenvalueModuli(x: DenseMatrix, rows: Int32Array | null, { sigma, anisotropic, knn }: AdjacencyOptions): Float64Array {
    const n = rows === null ? x.rows : rows.length;
    const d = x.cols;
    if (knn !== null) checkKnnFits(knn, n);
    const xs = new Float64Array(n * d);
    copyRows(x, rows, xs);
    const m = new Float64Array(n * n);
    squaredDistances(xs, n, d, m);
    if (knn !== null) {
      knnAdjacency(m, n, knn, new Float64Array(n));
      if (!isNumpySymmetric(m, n)) {
        const { real, imag } = eigenvaluesOfGeneral(m, n);
        return moduliInto(real, imag);
      }
    } else {
      gaussianKernel(m, n, sigma);
      if (anisotropic) anisotropicNormalize(m, n, new Float64Array(n));
    }
    return eigenvaluesOfUpper(m, n).map(Math.abs);
  },

  generalEigenvalues(a: DenseMatrix): { real: Float64Array; imag: Float64Array } {
    const n = a.rows;
    const m = new Float64Array(n * n);
    m.set(a.data);
    return eigenvaluesOfGeneral(m, n);
  },

  diffusionMatrixEntryEntropy(x: DenseMatrix, rows: Int32Array | null, sigma: number): number {
    const { n, m, rowSums } = diffusionKernel(x, rows, sigma);
    return matrixEntryEntropy(m, n, rowSums);
  },

  symmetricEigenvectors(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
    const vectors = a.slice(0, n * n);
    const values = new Float64Array(n);
    const failed = symmetricEigenvectors(vectors, n, values, new Float64Array(n));
    if (failed !== 0) throw noConvergence(failed - 1, n);
    return { values, vectors };
  },

  nearestNeighbors(y: DenseMatrix, k: number): Int32Array {
    const { rows: n, cols: d } = y;
    const xs = new Float64Array(n * d);
    copyRows(y, null, xs);
    const out = new Int32Array(n * k);
    nearestNeighbors(xs, n, d, k, out, new Float64Array(k));
    return out;
  },

  diffusionOperator(x: DenseMatrix, rows: Int32Array | null, sigma: number, precision: KernelStorage, maxBlock: number): DiffusionOperator {
    if (precision === 'matrix-free') return matrixFreeOperator(x, rows, sigma, maxBlock);
    const { n, m, rowSums } = diffusionKernel(x, rows, sigma);
    const { trace, frobeniusSquared } = traceAndFrobenius(m, n);
    const k = precision === 'float32' ? toFloat32(m, n) : m;
    const stored = precision === 'float32' ? traceAndFrobenius(k, n) : { trace, frobeniusSquared };
    return {
      n, precision, inverseSqrtRowSums: rowSums, trace, frobeniusSquared, maxBlock,
      storedTrace: stored.trace, storedFrobeniusSquared: stored.frobeniusSquared,
      multiply(xb: Float64Array, yb: Float64Array, b: number): void {
        symmetricBlockProduct(k, n, xb, b, yb);
      },
      release(): void {},
    };
  },
};
