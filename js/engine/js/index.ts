// The pure-JS backend: the Engine over the twins of assembly/ (same file names, same stages), over
// Float64Arrays. It refuses the same problem sizes as the WASM backend (js/engine/size-guard.ts).
import { noConvergence, qrNoConvergence, svdNoConvergence } from '../../errors.js';
import { referenceSigma, type AdaptiveKernel, type Kernel } from '../../kernel.js';
import { copyLowerToUpper, copyRows, type DenseMatrix } from '../../matrix.js';
import { checkKnnFits } from '../../options.js';
import { isNumpySymmetric, moduliInto } from '../adjacency-spectrum.js';
import { stageReporter, type AdjacencyOptions, type ComplexEigenvalues, type DiffusionOperator, type EigenvalueProgress, type EigenvalueStage, type Engine, type KernelStorage } from '../engine.js';
import { adaptiveNeighbors, guardEigenvectors, guardKernel, guardMatrixFree, guardNeighbors, guardOperator, guardSingularValues, guardSparseOperator, guardSquare } from '../size-guard.js';
import { adaptiveNeighborSearch, adaptiveSparseKernel, sparseBlockProduct, sparseTraceAndFrobenius } from './sparse-adaptive-kernel.js';
import { adaptiveKernel } from './adaptive-kernel.js';
import { addShares, productBounds, productShares } from '../product-blocks.js';
import { symmetricBlockProductRows, toFloat32, traceAndFrobenius } from './block-product.js';
import { gaussianBlockProductRows, gaussianRowSumsRows } from './gaussian-product.js';

/** The tile of assembly/gaussian-product.ts, whose rows the matrix-free blocks follow. */
const TILE = 64;
import { squaredDistances, squaredDistancesGram } from './distance.js';
import { gramDistances } from '../distance-form.js';
import { hessenberg } from './hessenberg.js';
import { hessenbergQR } from './hessenberg-qr.js';
import { anisotropicNormalize, densityNormalize, gaussianKernel } from './kernel.js';
import { knnAdjacency } from './knn-adjacency.js';
import { matrixEntryEntropy } from './matrix-entry.js';
import { nearestNeighbors } from './nearest-neighbors.js';
import { symmetricEigenvectors } from './symmetric-eigenvectors.js';
import { tridiagonalEigenvalues } from './tridiagonal-root-free.js';
import { tridiagonalize } from './tridiagonalize.js';
import { tridiagonalizeBlocked, tridiagonalizeBlockedWorkspace } from './tridiagonalize-blocked.js';
import { blockedReduction, reductionBand, reductionPanel, twoStageReduction, twoStageWorkspace } from '../reduction.js';
import { reduceToBand } from './band-reduce.js';
import { bandToTridiagonal } from './band-tridiagonalize.js';
import { bidiagonalize, bidiagonalizeWorkspace } from './bidiagonalize.js';
import { bidiagonalQR } from './bidiagonal-qr.js';
import { mirrorUpper, tallCopy, tallShape } from '../../linalg/tall-copy.js';

// The one place the JS backend turns squared distances (upper triangle of m; xs the n x d rows they come
// from) into affinities.
function applyKernel(m: Float64Array, n: number, xs: Float64Array, d: number, kernel: Kernel): void {
  switch (kernel.type) {
    case 'gaussian':
      gaussianKernel(m, n, kernel.sigma);
      return;
    case 'adaptive': {
      const kn = adaptiveNeighbors(kernel.k, n);
      const neighbors = new Int32Array(n * kn);
      nearestNeighbors(xs, n, d, kn, neighbors, new Float64Array(kn));
      adaptiveKernel(m, n, kn - 1, neighbors, kn, new Float64Array(n));
      return;
    }
  }
}

// The diffusion operator of the affinity in m: the density normalisation (skipped at alpha = 0, the
// reference's K), then K = S^-1/2 G_a S^-1/2; rowSums ends holding S^-1/2.
function diffusionOperator(m: Float64Array, n: number, kernel: Kernel, rowSums: Float64Array): void {
  if (kernel.alpha !== 0) densityNormalize(m, n, kernel.alpha, rowSums);
  anisotropicNormalize(m, n, rowSums);
}

function eigenvaluesOfUpper(m: Float64Array, n: number, stageDone?: (stage: EigenvalueStage) => void): Float64Array {
  const diag = new Float64Array(n);
  const offdiag = new Float64Array(n);
  if (twoStageReduction(n, 'js')) {
    const b = reductionBand(n);
    const work = new Float64Array(twoStageWorkspace(n));
    reduceToBand(m, n, b, work);
    bandToTridiagonal(m, n, b, diag, offdiag, work);
  } else if (blockedReduction(n)) tridiagonalizeBlocked(m, n, reductionPanel(), diag, offdiag, new Float64Array(tridiagonalizeBlockedWorkspace(n, reductionPanel())));
  else tridiagonalize(m, n, diag, offdiag, new Float64Array(2 * n));
  stageDone?.('tridiagonalize');
  const failed = tridiagonalEigenvalues(diag, offdiag, n);
  if (failed !== 0) throw noConvergence(failed - 1, n);
  stageDone?.('ql');
  return diag;
}

// Eigenvalues of the general matrix m (n x n, row-major, destroyed).
function eigenvaluesOfGeneral(m: Float64Array, n: number): ComplexEigenvalues {
  const real = new Float64Array(n);
  const imag = new Float64Array(n);
  hessenberg(m, n, new Float64Array(2 * n));
  const failed = hessenbergQR(m, n, real, imag);
  if (failed !== 0) throw qrNoConvergence(failed - 1, n);
  return { real, imag };
}

// Squared distances between the listed rows of x (n x n, upper triangle).
function squaredDistancesOf(x: DenseMatrix, rows: Int32Array | null, kernel?: Kernel): { n: number; m: Float64Array; xs: Float64Array; d: number } {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  guardKernel(n, d, kernel);
  const xs = new Float64Array(n * d);
  copyRows(x, rows, xs);
  const m = new Float64Array(n * n);
  if (gramDistances(kernel)) squaredDistancesGram(xs, n, d, m, new Float64Array(n));
  else squaredDistances(xs, n, d, m);
  return { n, m, xs, d };
}

// K = S^-1/2 G S^-1/2 of the listed rows (n x n, upper triangle), and its row-sum workspace.
function diffusionKernel(
  x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, stageDone?: (stage: EigenvalueStage) => void,
): { n: number; m: Float64Array; rowSums: Float64Array } {
  const { n, m, xs, d } = squaredDistancesOf(x, rows, kernel);
  stageDone?.('distances');
  applyKernel(m, n, xs, d, kernel);
  const rowSums = new Float64Array(n);
  diffusionOperator(m, n, kernel, rowSums);
  stageDone?.('kernel');
  return { n, m, rowSums };
}

// K never stored: two passes over X (row sums, then ||K||_F^2 from a product), then one per product; each pass
// by the row blocks of js/engine/product-blocks.ts, as the WASM twin runs them on its threads.
function matrixFreeOperator(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, maxBlock: number): DiffusionOperator {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  guardMatrixFree(n, d, maxBlock, TILE * TILE);
  const xs = new Float64Array(n * d);
  copyRows(x, rows, xs);
  const sigma = referenceSigma(kernel);
  const bounds = productBounds(n, TILE);
  const parts = new Float64Array(productShares(n, maxBlock));
  const s = new Float64Array(n);
  for (let c = 0; c + 1 < bounds.length; c++) {
    gaussianRowSumsRows(xs, n, d, sigma, c === 0 ? s : parts.subarray((c - 1) * n), bounds[c], bounds[c + 1]);
  }
  addShares(s, parts, bounds, n, 1);
  for (let i = 0; i < n; i++) s[i] = 1 / Math.sqrt(s[i]);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += s[i] * s[i];
  const product = (xb: Float64Array, b: number, yb: Float64Array): number => {
    let frobenius = 0;
    for (let c = 0; c + 1 < bounds.length; c++) {
      frobenius += gaussianBlockProductRows(xs, n, d, sigma, s, xb, b, c === 0 ? yb : parts.subarray((c - 1) * n * b), bounds[c], bounds[c + 1]);
    }
    addShares(yb, parts, bounds, n, b);
    return frobenius;
  };
  const frobeniusSquared = product(new Float64Array(n), 1, new Float64Array(n));
  return {
    n, precision: 'matrix-free', inverseSqrtRowSums: s, trace, frobeniusSquared, maxBlock,
    storedTrace: trace, storedFrobeniusSquared: frobeniusSquared,
    multiply(xb: Float64Array, yb: Float64Array, b: number): void {
      product(xb, b, yb);
    },
  };
}

// The adaptive kernel's K in CSR (O(n k) entries, no n x n matrix at any stage), float64.
function sparseOperator(x: DenseMatrix, rows: Int32Array | null, kernel: AdaptiveKernel, maxBlock: number): DiffusionOperator {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const kn = adaptiveNeighbors(kernel.k, n);
  guardSparseOperator(n, d, kn, maxBlock);
  const xs = new Float64Array(n * d);
  copyRows(x, rows, xs);
  const idx = new Int32Array(n * kn);
  adaptiveNeighborSearch(xs, n, d, kn, idx, new Float64Array(n * kn));
  const capacity = n * (2 * (kn - 1) + 1);
  const rowStarts = new Int32Array(n + 1);
  const cols = new Int32Array(capacity);
  const vals = new Float64Array(capacity);
  const s = new Float64Array(n);
  adaptiveSparseKernel(xs, n, d, kn - 1, kernel.alpha, idx, kn, rowStarts, cols, vals, new Float64Array(n), s);
  const { trace, frobeniusSquared } = sparseTraceAndFrobenius(n, rowStarts, cols, vals);
  return {
    n, precision: 'float64', inverseSqrtRowSums: s, trace, frobeniusSquared, maxBlock, signed: true,
    storedTrace: trace, storedFrobeniusSquared: frobeniusSquared,
    multiply(xb: Float64Array, yb: Float64Array, b: number): void {
      sparseBlockProduct(n, rowStarts, cols, vals, xb, b, yb);
    },
  };
}

// K stored (upper triangle), float64 or rounded to float32.
function storedOperator(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, storage: 'float64' | 'float32', maxBlock: number): DiffusionOperator {
  guardOperator(rows === null ? x.rows : rows.length, x.cols, maxBlock);
  const { n, m, rowSums } = diffusionKernel(x, rows, kernel);
  const { trace, frobeniusSquared } = traceAndFrobenius(m, n);
  const k = storage === 'float32' ? toFloat32(m, n) : m;
  const stored = storage === 'float32' ? traceAndFrobenius(k, n) : { trace, frobeniusSquared };
  const bounds = productBounds(n, 2);
  const parts = new Float64Array(productShares(n, maxBlock));
  return {
    n, precision: storage, inverseSqrtRowSums: rowSums, trace, frobeniusSquared, maxBlock,
    storedTrace: stored.trace, storedFrobeniusSquared: stored.frobeniusSquared,
    multiply(xb: Float64Array, yb: Float64Array, b: number): void {
      for (let c = 0; c + 1 < bounds.length; c++) {
        symmetricBlockProductRows(k, n, xb, b, c === 0 ? yb : parts.subarray((c - 1) * n * b), bounds[c], bounds[c + 1]);
      }
      addShares(yb, parts, bounds, n, b);
    },
  };
}

export const jsEngine: Engine = {
  withDiffusionOperator<T>(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, storage: KernelStorage, maxBlock: number, fn: (op: DiffusionOperator) => T): T {
    if (kernel.type === 'adaptive') return fn(sparseOperator(x, rows, kernel, maxBlock));
    return fn(storage === 'matrix-free' ? matrixFreeOperator(x, rows, kernel, maxBlock) : storedOperator(x, rows, kernel, storage, maxBlock));
  },

  diffusionEigenvalues(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, onProgress?: EigenvalueProgress): Float64Array {
    const stageDone = stageReporter(onProgress, rows === null ? x.rows : rows.length, x.cols);
    const { n, m } = diffusionKernel(x, rows, kernel, stageDone);
    return eigenvaluesOfUpper(m, n, stageDone);
  },

  subsetEigenvalues(x: DenseMatrix, subsets: Int32Array[], kernel: Kernel, anisotropic: boolean, each: (i: number, values: Float64Array) => void): void {
    subsets.forEach((rows, i) => each(i, anisotropic
      ? jsEngine.diffusionEigenvalues(x, rows, kernel)
      : jsEngine.adjacencyEigenvalueModuli(x, rows, { kernel, anisotropic: false, knn: null })));
  },

  diffusionKernel(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel): Float64Array {
    const { n, m } = diffusionKernel(x, rows, kernel);
    mirrorUpper(m, n);
    return m;
  },

  symmetricEigenvalues(a: DenseMatrix): Float64Array {
    const n = a.rows;
    guardSquare(n);
    const m = new Float64Array(n * n);
    copyLowerToUpper(a, m);
    return eigenvaluesOfUpper(m, n);
  },

  adjacencyEigenvalueModuli(x: DenseMatrix, rows: Int32Array | null, { kernel, anisotropic, knn }: AdjacencyOptions): Float64Array {
    if (knn !== null) checkKnnFits(knn, rows === null ? x.rows : rows.length);
    const { n, m, xs, d } = squaredDistancesOf(x, rows, knn === null ? kernel : undefined);
    if (knn !== null) {
      knnAdjacency(m, n, knn, new Float64Array(n));
      if (!isNumpySymmetric(m, n)) {
        const { real, imag } = eigenvaluesOfGeneral(m, n);
        return moduliInto(real, imag);
      }
    } else {
      applyKernel(m, n, xs, d, kernel);
      if (anisotropic) diffusionOperator(m, n, kernel, new Float64Array(n));
    }
    return eigenvaluesOfUpper(m, n).map(Math.abs);
  },

  generalEigenvalues(a: DenseMatrix): ComplexEigenvalues {
    const n = a.rows;
    guardSquare(n);
    const m = new Float64Array(n * n);
    m.set(a.data);
    return eigenvaluesOfGeneral(m, n);
  },

  diffusionMatrixEntryEntropy(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel): number {
    const { n, m, rowSums } = diffusionKernel(x, rows, kernel);
    return matrixEntryEntropy(m, n, rowSums);
  },

  symmetricEigenvectors(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
    guardEigenvectors(n);
    const vectors = a.slice(0, n * n);
    const values = new Float64Array(n);
    const failed = symmetricEigenvectors(vectors, n, values, new Float64Array(n));
    if (failed !== 0) throw noConvergence(failed - 1, n);
    return { values, vectors };
  },

  nearestNeighbors(y: DenseMatrix, k: number): Int32Array {
    const { rows: n, cols: d } = y;
    guardNeighbors(n, d, k);
    const xs = new Float64Array(n * d);
    copyRows(y, null, xs);
    const out = new Int32Array(n * k);
    nearestNeighbors(xs, n, d, k, out, new Float64Array(k));
    return out;
  },

  singularValues(a: DenseMatrix): Float64Array {
    const { m, n } = tallShape(a);
    guardSingularValues(m, n);
    const work = bidiagonalizeWorkspace(m, n);
    const t = new Float64Array(m * n);
    tallCopy(a, t);
    const diag = new Float64Array(n);
    const offdiag = new Float64Array(n);
    bidiagonalize(t, m, n, diag, offdiag, new Float64Array(work));
    const failed = bidiagonalQR(diag, offdiag, n);
    if (failed !== 0) throw svdNoConvergence(failed - 1, n);
    return diag;
  },

  kernelMatrix(x: DenseMatrix, kernel: Kernel): Float64Array {
    const { n, m, xs, d } = squaredDistancesOf(x, null, kernel);
    applyKernel(m, n, xs, d, kernel);
    mirrorUpper(m, n);
    return m;
  },
};
