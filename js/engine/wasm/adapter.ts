// The WASM backend: the Engine over the kernels of assembly/index.ts. Each method lays its buffers out in
// linear memory (memory.ts), copies its input in, runs the stages and copies the result out.
import { noConvergence, qrNoConvergence, svdNoConvergence } from '../../errors.js';
import { mirrorUpper, tallCopy, tallShape } from '../../linalg/tall-copy.js';
import type { Kernel } from '../../kernel.js';
import { copyLowerToUpper, copyRows, type DenseMatrix } from '../../matrix.js';
import { checkKnnFits } from '../../options.js';
import { isNumpySymmetric, moduliInto } from '../adjacency-spectrum.js';
import { stageReporter, type AdjacencyOptions, type ComplexEigenvalues, type EigenvalueProgress, type EigenvalueStage, type Engine } from '../engine.js';
import { guardEigenvectors, guardKernel, guardNeighbors, guardSingularValues, guardSquare } from '../size-guard.js';
import { withKernels } from './instance.js';
import type { Kernels } from './kernels.js';
import { f64, layOut } from './memory.js';

interface EigenBuffers {
  diag: number;
  offdiag: number;
  work: number;
}

// The one place the WASM backend turns squared distances at m (upper triangle) into affinities.
function applyKernel(k: Kernels, m: number, n: number, kernel: Kernel): void {
  switch (kernel.type) {
    case 'gaussian':
      k.gaussianKernel(m, n, kernel.sigma);
      return;
  }
}

// Eigenvalues of the symmetric matrix whose upper triangle is at `m`.
function eigenvaluesAt(k: Kernels, m: number, n: number, b: EigenBuffers, stageDone?: (stage: EigenvalueStage) => void): Float64Array {
  k.tridiagonalize(m, n, b.diag, b.offdiag, b.work);
  stageDone?.('tridiagonalize');
  const failed = k.tridiagonalQL(b.diag, b.offdiag, n, 0);
  if (failed !== 0) throw noConvergence(failed - 1, n);
  stageDone?.('ql');
  return f64(k, b.diag, n).slice();
}

// Lays out an n x n matrix m and the eigenvalue buffers.
function squareMatrixAt(k: Kernels, n: number): { m: number; eig: EigenBuffers } {
  const [m, diag, offdiag, work] = layOut(k, guardSquare(n));
  return { m, eig: { diag, offdiag, work } };
}

// Lays out the buffers of an N x N kernel over the rows of x (all, or those in `rows`): m (N x N), rowSums (N)
// and the eigenvalue buffers; fills the upper triangle of m with the squared distances between rows.
function squaredDistancesAt(k: Kernels, x: DenseMatrix, rows: Int32Array | null): { n: number; m: number; rowSums: number; eig: EigenBuffers } {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const [xs, m, rowSums, diag, offdiag, work] = layOut(k, guardKernel(n, d));
  copyRows(x, rows, f64(k, xs, n * d));
  k.squaredDistances(xs, n, d, m);
  return { n, m, rowSums, eig: { diag, offdiag, work } };
}

// K = S^-1/2 G S^-1/2 over the rows of x, in the upper triangle at m; rowSums ends holding S^-1/2.
function diffusionKernelAt(
  k: Kernels, x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, stageDone?: (stage: EigenvalueStage) => void,
): { n: number; m: number; rowSums: number; eig: EigenBuffers } {
  const at = squaredDistancesAt(k, x, rows);
  stageDone?.('distances');
  applyKernel(k, at.m, at.n, kernel);
  k.anisotropicNormalize(at.m, at.n, at.rowSums);
  stageDone?.('kernel');
  return at;
}

// Eigenvalues of the general matrix at `m` (destroyed), with b.diag and b.offdiag holding the real and
// imaginary parts and b.work the Hessenberg workspace; copied out.
function generalEigenvaluesAt(k: Kernels, m: number, n: number, b: EigenBuffers): ComplexEigenvalues {
  k.hessenberg(m, n, b.work);
  const failed = k.hessenbergQR(m, n, b.diag, b.offdiag);
  if (failed !== 0) throw qrNoConvergence(failed - 1, n);
  return { real: f64(k, b.diag, n).slice(), imag: f64(k, b.offdiag, n).slice() };
}

export const wasmEngine: Engine = {
  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, onProgress?: EigenvalueProgress): Float64Array {
    return withKernels((k) => {
      const stageDone = stageReporter(onProgress, rows === null ? x.rows : rows.length, x.cols);
      const { n, m, eig } = diffusionKernelAt(k, x, rows, kernel, stageDone);
      return eigenvaluesAt(k, m, n, eig, stageDone);
    });
  },

  diffusionKernel(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel): Float64Array {
    return withKernels((k) => {
      const { n, m } = diffusionKernelAt(k, x, rows, kernel);
      const full = f64(k, m, n * n).slice();
      mirrorUpper(full, n);
      return full;
    });
  },

  diffusionMatrixEntryEntropy(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel): number {
    return withKernels((k) => {
      const { n, m, rowSums } = diffusionKernelAt(k, x, rows, kernel);
      return k.matrixEntryEntropy(m, n, rowSums);
    });
  },

  symmetricEigenvectors(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
    return withKernels((k) => {
      const [m, diag, offdiag] = layOut(k, guardEigenvectors(n));
      f64(k, m, n * n).set(a.subarray(0, n * n));
      const failed = k.symmetricEigenvectors(m, n, diag, offdiag);
      if (failed !== 0) throw noConvergence(failed - 1, n);
      return { values: f64(k, diag, n).slice(), vectors: f64(k, m, n * n).slice() };
    });
  },

  nearestNeighbors(y: DenseMatrix, kNear: number): Int32Array {
    const { rows: n, cols: d } = y;
    return withKernels((k) => {
      const [xs, out, work] = layOut(k, guardNeighbors(n, d, kNear));
      copyRows(y, null, f64(k, xs, n * d));
      k.nearestNeighbors(xs, n, d, kNear, out, work);
      return new Int32Array(k.memory.buffer, out, n * kNear).slice();
    });
  },

  symmetricEigenvalues(a: DenseMatrix): Float64Array {
    return withKernels((k) => {
      const n = a.rows;
      const { m, eig } = squareMatrixAt(k, n);
      copyLowerToUpper(a, f64(k, m, n * n));
      return eigenvaluesAt(k, m, n, eig);
    });
  },

  adjacencyEigenvalueModuli(x: DenseMatrix, rows: Int32Array | null, { kernel, anisotropic, knn }: AdjacencyOptions): Float64Array {
    const n = rows === null ? x.rows : rows.length;
    if (knn !== null) checkKnnFits(knn, n);
    return withKernels((k) => {
      const { m, rowSums, eig } = squaredDistancesAt(k, x, rows);
      if (knn !== null) {
        k.knnAdjacency(m, n, knn, rowSums);
        if (!isNumpySymmetric(f64(k, m, n * n), n)) {
          const { real, imag } = generalEigenvaluesAt(k, m, n, eig);
          return moduliInto(real, imag);
        }
      } else {
        applyKernel(k, m, n, kernel);
        if (anisotropic) k.anisotropicNormalize(m, n, rowSums);
      }
      return eigenvaluesAt(k, m, n, eig).map(Math.abs);
    });
  },

  generalEigenvalues(a: DenseMatrix): ComplexEigenvalues {
    return withKernels((k) => {
      const n = a.rows;
      const { m, eig } = squareMatrixAt(k, n);
      f64(k, m, n * n).set(a.data);
      return generalEigenvaluesAt(k, m, n, eig);
    });
  },
  singularValues(a: DenseMatrix): Float64Array {
    const { m, n } = tallShape(a);
    return withKernels((k) => {
      const [t, diag, offdiag, work] = layOut(k, guardSingularValues(m, n));
      tallCopy(a, f64(k, t, m * n));
      k.bidiagonalize(t, m, n, diag, offdiag, work);
      const failed = k.bidiagonalQR(diag, offdiag, n);
      if (failed !== 0) throw svdNoConvergence(failed - 1, n);
      return f64(k, diag, n).slice();
    });
  },

  kernelMatrix(x: DenseMatrix, kernel: Kernel): Float64Array {
    return withKernels((k) => {
      const { n, m } = squaredDistancesAt(k, x, null);
      applyKernel(k, m, n, kernel);
      const g = f64(k, m, n * n).slice();
      mirrorUpper(g, n);
      return g;
    });
  },
};
