// The WASM backend: the Engine over the kernels of assembly/index.ts. Each method lays its buffers out in
// linear memory (memory.ts), copies its input in, runs the stages and copies the result out.
import { noConvergence, qrNoConvergence, svdNoConvergence } from '../../errors.js';
import { mirrorUpper, tallCopy, tallShape } from '../../linalg/tall-copy.js';
import { referenceSigma, type AdaptiveKernel, type Kernel } from '../../kernel.js';
import { copyLowerToUpper, copyRows, type DenseMatrix } from '../../matrix.js';
import { checkKnnFits } from '../../options.js';
import { isNumpySymmetric, moduliInto } from '../adjacency-spectrum.js';
import { stageReporter, type AdjacencyOptions, type ComplexEigenvalues, type DiffusionOperator, type EigenvalueProgress, type EigenvalueStage, type Engine, type KernelStorage } from '../engine.js';
import { adaptiveNeighbors, alignedBytes, planBytes, guardEigenvectors, guardKernel, guardMatrixFree, guardNeighbors, guardOperator, guardSingularValues, guardSparseOperator, guardSquare, tridiagonalizeWorkspace } from '../size-guard.js';
import { traceAndFrobenius } from '../js/block-product.js';
import { sparseTraceAndFrobenius } from '../js/sparse-adaptive-kernel.js';
import { withKernels } from './instance.js';
import type { Kernels } from './kernels.js';
import { f64, Layout, layOut, reserve } from './memory.js';
import { addShares, productBounds } from '../product-blocks.js';
import { blockedReduction, reductionBand, reductionPanel, twoStageReduction, type ReductionEngine } from '../reduction.js';
import { bandScratch, reduceToBandOnThreads } from './band-reduce.js';
import { gramDistances } from '../distance-form.js';
import { blocksOnThreads, distancesOnThreads, threadInfo, reductionScratch, taskArgs, tasksOnThreads, tridiagonalizeBlockedOnThreads, tridiagonalizeOnThreads } from './threads.js';
import { JOB_GAUSSIAN_PRODUCT, JOB_GAUSSIAN_ROW_SUMS, JOB_PRODUCT, JOB_PRODUCT32, MAX_TASKS, TASK_ARGS, TASK_FIELDS } from './thread-work.js';

interface EigenBuffers {
  diag: number;
  offdiag: number;
  work: number;
}

/** The buffers of an N x N kernel over the rows at xs (n x d); `kernelWork` the kernel's own buffers (size-guard.ts's kernelWorkspace). */
interface KernelAt {
  n: number;
  d: number;
  xs: number;
  m: number;
  rowSums: number;
  kernelWork: number[];
  eig: EigenBuffers;
}

// The one place the WASM backend turns squared distances at m (upper triangle) into affinities.
function applyKernel(k: Kernels, at: KernelAt, kernel: Kernel): void {
  switch (kernel.type) {
    case 'gaussian':
      k.gaussianKernel(at.m, at.n, kernel.sigma);
      return;
    case 'adaptive': {
      // kernelWork: the n x kn neighbour indices (int32) and kn distances for the kNN stage; rowSums is
      // sigma's workspace until the normalisation overwrites it.
      const kn = adaptiveNeighbors(kernel.k, at.n);
      const [neighbors, work] = at.kernelWork;
      k.nearestNeighbors(at.xs, at.n, at.d, kn, neighbors, work);
      k.adaptiveKernel(at.m, at.n, kn - 1, neighbors, kn, at.rowSums);
      return;
    }
  }
}

// The diffusion operator of the affinity at m: the density normalisation (skipped at alpha = 0, the
// reference's K), then K = S^-1/2 G_a S^-1/2; rowSums ends holding S^-1/2.
function diffusionOperator(k: Kernels, at: KernelAt, kernel: Kernel): void {
  if (kernel.alpha !== 0) k.densityNormalize(at.m, at.n, kernel.alpha, at.rowSums);
  k.anisotropicNormalize(at.m, at.n, at.rowSums);
}

// The reduction of the matrix at m to tridiagonal form, on the pool's threads when there is one and n is large,
// else here, two-stage, blocked or fused by n (reduction.ts). Its per-block products go right after the reduction's workspace: above every plan's buffers but
// a kernel's own workspace (kernelWork), which the kernel stage is done with by now.
function tridiagonalizeAt(k: Kernels, m: number, n: number, b: EigenBuffers): void {
  if (twoStageReduction(n, reductionEngine(k))) return twoStageAt(k, m, n, b);
  const scratch = reductionScratch(n);
  if (scratch > 0) {
    const parts = b.work + alignedBytes(tridiagonalizeWorkspace(n));
    let room = true;
    try {
      reserve(k, parts + alignedBytes(scratch), `the threads' reduction of order ${n}`);
    } catch {
      room = false;
    }
    if (room && blockedReduction(n)) return tridiagonalizeBlockedOnThreads(k, m, n, reductionPanel(), b.diag, b.offdiag, b.work, parts);
    if (room) return tridiagonalizeOnThreads(k, m, n, b.diag, b.offdiag, b.work, parts);
  }
  if (blockedReduction(n)) k.tridiagonalizeBlocked(m, n, reductionPanel(), b.diag, b.offdiag, b.work);
  else k.tridiagonalize(m, n, b.diag, b.offdiag, b.work);
}

// Which crossover applies (reduction.ts): the relaxed-SIMD binary's or the base one's.
function reductionEngine(k: Kernels): ReductionEngine {
  return k.relaxedSimd() === 1 ? 'fma' : 'base';
}

// The two-stage reduction (reduction.ts): stage 1 by row blocks whose products have their own buffers right
// after the workspace, on the pool's threads when there is one (the blocks are the same without one, so are
// the bits), else, when those buffers do not fit, in one block; then stage 2 on this thread.
function twoStageAt(k: Kernels, m: number, n: number, b: EigenBuffers): void {
  const w = reductionBand(n);
  const parts = b.work + alignedBytes(tridiagonalizeWorkspace(n));
  let room = true;
  try {
    reserve(k, parts + alignedBytes(bandScratch(n, w)), `the two-stage reduction of order ${n}`);
  } catch {
    room = false;
  }
  if (room) reduceToBandOnThreads(k, m, n, w, b.work, parts);
  else k.reduceToBand(m, n, w, b.work);
  k.bandToTridiagonal(m, n, w, b.diag, b.offdiag, b.work);
}

// Eigenvalues of the symmetric matrix whose upper triangle is at `m`.
function eigenvaluesAt(k: Kernels, m: number, n: number, b: EigenBuffers, stageDone?: (stage: EigenvalueStage) => void): Float64Array {
  tridiagonalizeAt(k, m, n, b);
  stageDone?.('tridiagonalize');
  // Eigenvalues only: dsterf's root-free QL/QR, no square root per rotation (tridiagonal-root-free.ts).
  const failed = k.tridiagonalEigenvalues(b.diag, b.offdiag, n);
  if (failed !== 0) throw noConvergence(failed - 1, n);
  stageDone?.('ql');
  return f64(k, b.diag, n).slice();
}

// Lays out an n x n matrix m and the eigenvalue buffers.
function squareMatrixAt(k: Kernels, n: number): { m: number; eig: EigenBuffers } {
  const [m, diag, offdiag, work] = layOut(k, guardSquare(n));
  return { m, eig: { diag, offdiag, work } };
}

// The squared distances of the n rows at xs into the upper triangle of m, split by row blocks across the worker
// pool when there is one (the same bits), in the Gram form where the kernel takes it (distance-form.ts), whose
// norms go in rowSums (the kernel stages overwrite it later); then the Gaussian kernel of sigma unless null.
function distancesAt(k: Kernels, xs: number, n: number, d: number, m: number, rowSums: number, kernel: Kernel | undefined, sigma: number | null): void {
  const norms = gramDistances(kernel) ? rowSums : null;
  if (norms !== null) k.rowSquaredNorms(xs, n, d, norms);
  if (distancesOnThreads(xs, n, d, m, sigma, norms)) return;
  if (norms === null) k.squaredDistances(xs, n, d, m);
  else k.squaredDistanceGramRows(xs, n, d, m, norms, 0, n);
  if (sigma !== null) k.gaussianKernel(m, n, sigma);
}

// Lays out the buffers of an N x N kernel over the rows of x (all, or those in `rows`): m (N x N), rowSums (N)
// and the eigenvalue buffers; fills the upper triangle of m with the squared distances between rows.
// With a kernel, also the workspace that kernel needs (kernelWork).
function squaredDistancesAt(k: Kernels, x: DenseMatrix, rows: Int32Array | null, kernel?: Kernel): KernelAt {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const [xs, m, rowSums, diag, offdiag, work, ...kernelWork] = layOut(k, guardKernel(n, d, kernel));
  copyRows(x, rows, f64(k, xs, n * d));
  distancesAt(k, xs, n, d, m, rowSums, kernel, null);
  return { n, d, xs, m, rowSums, kernelWork, eig: { diag, offdiag, work } };
}

// K = S^-1/2 G_a S^-1/2 over the rows of x, in the upper triangle at m; rowSums ends holding S^-1/2.
function diffusionKernelAt(
  k: Kernels, x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, stageDone?: (stage: EigenvalueStage) => void,
): KernelAt {
  const at = squaredDistancesAt(k, x, rows, kernel);
  stageDone?.('distances');
  applyKernel(k, at, kernel);
  diffusionOperator(k, at, kernel);
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

// K stored in linear memory (upper triangle; float32 in the first half of its float64 buffer) between products.
// K is built (distances and kernel) and every product runs split by row blocks across the pool when there is
// one; the products' blocks depend on n alone (js/engine/product-blocks.ts), so the bits do not depend on it.
function storedOperatorIn(k: Kernels, x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, storage: 'float64' | 'float32', maxBlock: number): DiffusionOperator {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const [xs, m, rowSums, xb, yb, parts] = layOut(k, guardOperator(n, d, maxBlock));
  copyRows(x, rows, f64(k, xs, n * d));
  // The estimate's operator is derived for the reference's K (referenceSigma refuses the others).
  const sigma = referenceSigma(kernel);
  distancesAt(k, xs, n, d, m, rowSums, kernel, sigma);
  k.anisotropicNormalize(m, n, rowSums);
  const { trace, frobeniusSquared } = traceAndFrobenius(f64(k, m, n * n), n);
  const inverseSqrtRowSums = f64(k, rowSums, n).slice();
  let stored = { trace, frobeniusSquared };
  if (storage === 'float32') {
    k.toFloat32InPlace(m, n);
    stored = traceAndFrobenius(new Float32Array(k.memory.buffer, m, n * n), n);
  }
  const job = storage === 'float32' ? JOB_PRODUCT32 : JOB_PRODUCT;
  const blockRows = storage === 'float32' ? k.symmetricBlockProduct32Rows : k.symmetricBlockProductRows;
  const bounds = productBounds(n, 2);
  return {
    n, precision: storage, inverseSqrtRowSums, trace, frobeniusSquared, maxBlock,
    storedTrace: stored.trace, storedFrobeniusSquared: stored.frobeniusSquared,
    multiply(xv: Float64Array, yv: Float64Array, b: number): void {
      f64(k, xb, n * b).set(xv.subarray(0, n * b));
      const partBytes = n * b * 8;
      if (!blocksOnThreads(job, bounds, [m, n, xb, b, yb, parts, partBytes])) {
        for (let c = 0; c + 1 < bounds.length; c++) blockRows(m, n, xb, b, c === 0 ? yb : parts + (c - 1) * partBytes, bounds[c], bounds[c + 1]);
      }
      const y = f64(k, yb, n * b);
      addShares(y, f64(k, parts, (bounds.length - 2) * n * b), bounds, n, b);
      yv.set(y);
    },
  };
}

// K never stored: O(N (D + maxBlock)) memory; two passes over X (row sums, then ||K||_F^2 from a product of a
// zero vector), then one per product; each pass split by tile-row blocks across the pool as the stored products.
function matrixFreeOperatorIn(k: Kernels, x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, maxBlock: number): DiffusionOperator {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const tile = k.gaussianProductTile();
  const [xs, s, xb, yb, tiles, parts, frob] = layOut(k, guardMatrixFree(n, d, maxBlock, tile));
  copyRows(x, rows, f64(k, xs, n * d));
  const sigma = referenceSigma(kernel);
  const bounds = productBounds(n, Math.round(Math.sqrt(tile)));
  const tileBytes = tile * 8;
  if (!blocksOnThreads(JOB_GAUSSIAN_ROW_SUMS, bounds, [xs, n, d, sigma, s, parts, n * 8, tiles, tileBytes])) {
    for (let c = 0; c + 1 < bounds.length; c++) k.gaussianRowSumsRows(xs, n, d, sigma, c === 0 ? s : parts + (c - 1) * n * 8, tiles + c * tileBytes, bounds[c], bounds[c + 1]);
  }
  const sv = f64(k, s, n);
  addShares(sv, f64(k, parts, (bounds.length - 2) * n), bounds, n, 1);
  let trace = 0;
  for (let i = 0; i < n; i++) {
    sv[i] = 1 / Math.sqrt(sv[i]);
    trace += sv[i] * sv[i];
  }
  const inverseSqrtRowSums = sv.slice();
  // yb = K xb; returns ||K||_F^2, the blocks' shares added in block order.
  const product = (b: number): number => {
    const partBytes = n * b * 8;
    if (!blocksOnThreads(JOB_GAUSSIAN_PRODUCT, bounds, [xs, n, d, sigma, s, xb, b, yb, parts, partBytes, tiles, tileBytes, frob])) {
      for (let c = 0; c + 1 < bounds.length; c++) {
        k.gaussianBlockProductRows(xs, n, d, sigma, s, xb, b, c === 0 ? yb : parts + (c - 1) * partBytes, tiles + c * tileBytes, bounds[c], bounds[c + 1], frob + 8 * c);
      }
    }
    addShares(f64(k, yb, n * b), f64(k, parts, (bounds.length - 2) * n * b), bounds, n, b);
    return f64(k, frob, bounds.length - 1).reduce((acc, v) => acc + v, 0);
  };
  f64(k, xb, n).fill(0);
  const frobeniusSquared = product(1);
  return {
    n, precision: 'matrix-free', inverseSqrtRowSums, trace, frobeniusSquared, maxBlock,
    storedTrace: trace, storedFrobeniusSquared: frobeniusSquared,
    multiply(xv: Float64Array, yv: Float64Array, b: number): void {
      f64(k, xb, n * b).set(xv.subarray(0, n * b));
      product(b);
      yv.set(f64(k, yb, n * b));
    },
  };
}

// The adaptive kernel's K in CSR (assembly/sparse-adaptive-kernel.ts): O(n (d + k + maxBlock)) memory, no
// n x n matrix at any stage; the kNN search is the O(n^2 d) part.
function sparseOperatorIn(k: Kernels, x: DenseMatrix, rows: Int32Array | null, kernel: AdaptiveKernel, maxBlock: number): DiffusionOperator {
  const n = rows === null ? x.rows : rows.length;
  const d = x.cols;
  const kn = adaptiveNeighbors(kernel.k, n);
  const [xs, idx, dist, rowStarts, cols, vals, sigma, s, xb, yb, scratch] = layOut(k, guardSparseOperator(n, d, kn, maxBlock));
  copyRows(x, rows, f64(k, xs, n * d));
  k.adaptiveNeighborSearch(xs, n, d, kn, idx, dist, scratch);
  const entries = k.adaptiveSparseKernel(xs, n, d, kn - 1, kernel.alpha, idx, kn, rowStarts, cols, vals, sigma, s);
  const starts = new Int32Array(k.memory.buffer, rowStarts, n + 1);
  const { trace, frobeniusSquared } = sparseTraceAndFrobenius(n, starts, new Int32Array(k.memory.buffer, cols, entries), f64(k, vals, entries));
  return {
    n, precision: 'float64', inverseSqrtRowSums: f64(k, s, n).slice(), trace, frobeniusSquared, maxBlock, signed: true,
    storedTrace: trace, storedFrobeniusSquared: frobeniusSquared,
    multiply(xv: Float64Array, yv: Float64Array, b: number): void {
      f64(k, xb, n * b).set(xv.subarray(0, n * b));
      k.sparseBlockProduct(n, rowStarts, cols, vals, xb, b, yb);
      yv.set(f64(k, yb, n * b));
    },
  };
}

/**
 * Bytes of memory a batch of whole-subset tasks may lay out (beyond one task's own plan): enough tasks for
 * every thread to take several, without growing memory far past what one subset needs.
 */
const TASK_BATCH_BYTES = 256 * 2 ** 20;
/** Tasks per batch, per thread: several, so that threads finishing early take more. */
const TASKS_PER_THREAD = 8;
/**
 * Subsets of this many rows or more split each step of their reduction across the threads instead of running
 * whole on one. Measured on 2 quiet cores (DSMI, D = 128, 2 threads, bench/THREADS.md and bench/NOTES.md): whole
 * tasks took 0.28 s against 0.54 s for 10 classes of 400 rows, 0.85 against 1.05 s for 5 of 800, 0.63 against
 * 0.81 s for 2 of 1000, 1.93 against 2.70 s for 2 of 1500 and 4.94 against 5.66 s for 2 of 2000: one subset per
 * thread beats splitting each step (two synchronisations a step) up to 2000 rows, the largest measured. Those
 * runs predate the two-stage reduction, which now takes every subset from TWO_STAGE_FROM (1250) rows (the base
 * binary's from BASE_TWO_STAGE_FROM, 2500): such a subset is never a task either (nextBatch), so with FMA this
 * bound never binds, and on the base binary it splits the fused reduction of subsets from 2048 to 2499 rows.
 */
const SUBSET_TASK_ROWS = 2048;
let taskRows = SUBSET_TASK_ROWS;

/** Benchmarks only (bench/threads.mjs): the rows from which subsets stop running as whole tasks (0: none do). */
export function setSubsetTaskRows(rows: number): void {
  taskRows = rows;
}

// The subset's eigenvalues as diffusionEigenvalues computes them (the step-split reduction from MIN_REDUCTION_ROWS on).
function subsetEigenvaluesAt(k: Kernels, x: DenseMatrix, rows: Int32Array, kernel: Kernel, anisotropic: boolean): Float64Array {
  const at = squaredDistancesAt(k, x, rows, kernel);
  applyKernel(k, at, kernel);
  if (anisotropic) diffusionOperator(k, at, kernel);
  return eigenvaluesAt(k, at.m, at.n, at.eig);
}

// Tasks `batch` (indices into subsets, each below taskRows rows) laid out one region after another
// from the heap base, their rows copied in and their fields written, run across the pool; eigenvalues out in
// the batch's order. Null when memory cannot grow to hold the batch (the caller runs them one by one).
function batchOnThreads(k: Kernels, args: Float64Array, x: DenseMatrix, subsets: Int32Array[], batch: number[], kernel: Kernel, anisotropic: boolean): Float64Array[] | null {
  const d = x.cols;
  const layout = new Layout(k.heapBase());
  const regions = batch.map((i) => {
    const n = subsets[i].length;
    const [xs, m, rowSums, diag, offdiag, work, ...kernelWork] = guardKernel(n, d, kernel).float64s.map((c) => layout.take(c));
    return { n, xs, m, rowSums, diag, offdiag, work, kernelWork };
  });
  try {
    reserve(k, layout.end, `${batch.length} subsets on threads`);
  } catch {
    return null;
  }
  regions.forEach((r, c) => {
    copyRows(x, subsets[batch[c]], f64(k, r.xs, r.n * d));
    // Task c's fields, in the order thread-work.ts's runTask reads them.
    const t = TASK_ARGS + c * TASK_FIELDS;
    args.set([r.xs, r.n, d, r.m, r.rowSums, r.diag, r.offdiag, r.work], t);
    if (kernel.type === 'gaussian') {
      args[t + 8] = 0;
      args[t + 9] = kernel.sigma;
    } else {
      args[t + 8] = 1;
      args[t + 9] = adaptiveNeighbors(kernel.k, r.n);
      args[t + 11] = r.kernelWork[0];
      args[t + 12] = r.kernelWork[1];
    }
    args[t + 10] = kernel.alpha;
    args[t + 13] = anisotropic ? 1 : 0;
    args[t + 14] = 0;
    args[t + 15] = gramDistances(kernel) ? 1 : 0;
  });
  tasksOnThreads(batch.length);
  return regions.map((r, c) => {
    const failed = args[TASK_ARGS + c * TASK_FIELDS + 14];
    if (failed !== 0) throw noConvergence(failed - 1, r.n);
    return f64(k, r.diag, r.n).slice();
  });
}

// The next batch from subsets[from..]: consecutive subsets below taskRows rows, as many as the pool
// takes and TASK_BATCH_BYTES holds (at least one), or [] when subsets[from] is larger.
function nextBatch(subsets: Int32Array[], from: number, d: number, kernel: Kernel, threads: number, engine: ReductionEngine): number[] {
  const batch: number[] = [];
  let bytes = 0;
  for (let i = from; i < subsets.length && batch.length < Math.min(MAX_TASKS, TASKS_PER_THREAD * threads); i++) {
    const n = subsets[i].length;
    // A task runs the fused reduction, so a subset the two-stage one would take is never a task (same bits).
    if (n >= taskRows || twoStageReduction(n, engine)) break;
    // The guard refuses (E_TOO_LARGE) what the one-by-one path would refuse.
    const b = planBytes(guardKernel(n, d, kernel));
    if (batch.length > 0 && bytes + b > TASK_BATCH_BYTES) break;
    bytes += b;
    batch.push(i);
  }
  return batch;
}

export const wasmEngine: Engine = {
  subsetEigenvalues(x: DenseMatrix, subsets: Int32Array[], kernel: Kernel, anisotropic: boolean, each: (i: number, values: Float64Array) => void): void {
    const moduli = (v: Float64Array): Float64Array => (anisotropic ? v : v.map(Math.abs));
    let i = 0;
    while (i < subsets.length) {
      // Below taskRows rows a subset is a task of one thread; larger ones split each step instead.
      const values = withKernels((k) => {
        const args = taskArgs();
        const batch = args === null ? [] : nextBatch(subsets, i, x.cols, kernel, threadInfo().threads, reductionEngine(k));
        const out = batch.length > 1 ? batchOnThreads(k, args!, x, subsets, batch, kernel, anisotropic) : null;
        return out ?? [subsetEigenvaluesAt(k, x, subsets[i], kernel, anisotropic)];
      });
      for (const v of values) each(i++, moduli(v));
    }
  },

  withDiffusionOperator<T>(x: DenseMatrix, rows: Int32Array | null, kernel: Kernel, storage: KernelStorage, maxBlock: number, fn: (op: DiffusionOperator) => T): T {
    if (kernel.type === 'adaptive') return withKernels((k) => fn(sparseOperatorIn(k, x, rows, kernel, maxBlock)));
    return withKernels((k) => fn(storage === 'matrix-free' ? matrixFreeOperatorIn(k, x, rows, kernel, maxBlock) : storedOperatorIn(k, x, rows, kernel, storage, maxBlock)));
  },

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
      const at = squaredDistancesAt(k, x, rows, knn === null ? kernel : undefined);
      const { m, rowSums, eig } = at;
      if (knn !== null) {
        k.knnAdjacency(m, n, knn, rowSums);
        if (!isNumpySymmetric(f64(k, m, n * n), n)) {
          const { real, imag } = generalEigenvaluesAt(k, m, n, eig);
          return moduliInto(real, imag);
        }
      } else {
        applyKernel(k, at, kernel);
        if (anisotropic) diffusionOperator(k, at, kernel);
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
      const at = squaredDistancesAt(k, x, null, kernel);
      const { n, m } = at;
      applyKernel(k, at, kernel);
      const g = f64(k, m, n * n).slice();
      mirrorUpper(g, n);
      return g;
    });
  },
};
