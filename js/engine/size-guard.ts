// The sizes both backends refuse, before allocating anything: a wasm32 engine addresses 2^32 bytes, and the
// pure-JS backend refuses exactly the same problems so that switching backends never changes what runs. Each
// guard returns the problem's plan: the float64 buffers of its WASM layout, in order. js/engine/wasm/adapter.ts
// lays its memory out from that plan (so the rule and the layout cannot drift apart), and js/engine/js/index.ts
// calls the same guard before it allocates (its own arrays are never larger).
import { tooLarge } from '../errors.js';
import type { Kernel } from '../kernel.js';
import { PRODUCT_BLOCKS, productShares } from './product-blocks.js';
import { blockedReduction, blockedReductionWorkspace, twoStageReduction, twoStageWorkspace } from './reduction.js';

/** wasm32 addresses 2^32 bytes. */
export const MAX_MEMORY_BYTES = 2 ** 32;
/** Bytes below the engine's heap base (its static data, 5 KiB today), kept out of every plan's budget. */
export const HEAP_BASE_ALLOWANCE = 65536;

/** The buffers of one call: `float64s[i]` values each, laid out in order, each 16-byte aligned. */
export interface MemoryPlan {
  /** The problem, as an error message names it ("N = 30000 rows of 1 features"). */
  what: string;
  float64s: number[];
}

/** Bytes of a buffer of `count` float64 values, rounded up to the 16 bytes of a v128. */
export function alignedBytes(count: number): number {
  return Math.ceil((count * 8) / 16) * 16;
}

/** Bytes the plan's buffers take. */
export function planBytes(plan: MemoryPlan): number {
  let bytes = 0;
  for (const c of plan.float64s) bytes += alignedBytes(c);
  return bytes;
}

// The plan, or E_TOO_LARGE naming `argument` when it does not fit in a wasm32 address space above the heap base.
function fits(plan: MemoryPlan, argument: string): MemoryPlan {
  const bytes = planBytes(plan);
  if (bytes > MAX_MEMORY_BYTES - HEAP_BASE_ALLOWANCE) throw tooLarge(bytes, plan.what, argument);
  return plan;
}

/**
 * Float64 workspace of the reduction of order n: assembly/tridiagonalize.ts's tridiagonalizeWorkspace (4n),
 * or, where the two-stage or the blocked reduction may run (js/engine/reduction.ts; two stages from the lowest
 * crossover, whichever binary runs), that one's when larger.
 */
export function tridiagonalizeWorkspace(n: number): number {
  if (twoStageReduction(n)) return Math.max(4 * n, twoStageWorkspace(n));
  return blockedReduction(n) ? Math.max(4 * n, blockedReductionWorkspace(n)) : 4 * n;
}

/**
 * An N x N kernel over n rows of d features: x (n d), the matrix (n^2), row sums, diagonal, off-diagonal,
 * workspace; then what the kernel itself needs ({@link kernelWorkspace}).
 */
export function guardKernel(n: number, d: number, kernel?: Kernel): MemoryPlan {
  const float64s = [n * d, n * n, n, n, n, tridiagonalizeWorkspace(n), ...(kernel === undefined ? [] : kernelWorkspace(kernel, n))];
  return fits({ what: `N = ${n} rows of ${d} features`, float64s }, 'X');
}

/**
 * The neighbours the adaptive kernel asks of the kNN stage over n rows: k + 1 (the row itself and k others),
 * k clamped to n - 1 as manylatents' compute_knn clamps it (one row, as in a DSMI cluster of one: K = [1]).
 */
export function adaptiveNeighbors(k: number, n: number): number {
  return Math.min(k, n - 1) + 1;
}

/**
 * The buffers a kernel needs beyond the N x N matrix, in float64 values: none for the Gaussian one; the
 * adaptive one's n x kn neighbour indices (int32, n kn / 2 float64s) and the kNN stage's kn distances.
 */
export function kernelWorkspace(kernel: Kernel, n: number): number[] {
  if (kernel.type !== 'adaptive') return [];
  const kn = adaptiveNeighbors(kernel.k, n);
  return [Math.ceil((n * kn) / 2), kn];
}

/** A square n x n eigenvalue problem: the matrix, diagonal (real parts), off-diagonal (imaginary parts), workspace. */
export function guardSquare(n: number): MemoryPlan {
  return fits({ what: `a ${n} x ${n} matrix`, float64s: [n * n, n, n, tridiagonalizeWorkspace(n)] }, 'A');
}

/** The n x n symmetric eigenvector problem: the matrix (receiving the vectors), diagonal, off-diagonal. */
export function guardEigenvectors(n: number): MemoryPlan {
  return fits({ what: `a ${n} x ${n} eigenvector problem`, float64s: [n * n, n, n] }, 'X');
}

/** The k nearest neighbours of n rows of d features: x, the n k int32 indices (n k / 2 float64s) and k distances. */
export function guardNeighbors(n: number, d: number, k: number): MemoryPlan {
  return fits({ what: `N = ${n} rows of ${d} features`, float64s: [n * d, Math.ceil((n * k) / 2), k] }, 'X');
}

/** K held for block products (dense storage): x, K (n^2, float32 in its first half), S^-1/2, two n x b blocks, the row blocks' shares (product-blocks.ts). */
export function guardOperator(n: number, d: number, maxBlock: number): MemoryPlan {
  return fits({ what: `N = ${n} rows of ${d} features`, float64s: [n * d, n * n, n, n * maxBlock, n * maxBlock, productShares(n, maxBlock)] }, 'X');
}

/**
 * Matrix-free products: x, S^-1/2, two n x b blocks, a tile workspace (tile float64s) per row block, the blocks'
 * shares of the product and of ||K||_F^2 (js/engine/product-blocks.ts).
 */
export function guardMatrixFree(n: number, d: number, maxBlock: number, tile: number): MemoryPlan {
  return fits({ what: `N = ${n} rows of ${d} features`, float64s: [n * d, n, n * maxBlock, n * maxBlock, tile * PRODUCT_BLOCKS, productShares(n, maxBlock), PRODUCT_BLOCKS] }, 'X');
}

/**
 * The adaptive kernel's K held sparse (assembly/sparse-adaptive-kernel.ts): x, neighbour indices (n kn int32)
 * and distances, CSR row starts (n + 1 int32), columns (int32) and values of up to n (2 k + 1) entries,
 * sigma, row sums, two n x b blocks and 4 float64 of scratch.
 */
export function guardSparseOperator(n: number, d: number, kn: number, maxBlock: number): MemoryPlan {
  const entries = n * (2 * (kn - 1) + 1);
  const float64s = [n * d, Math.ceil((n * kn) / 2), n * kn, Math.ceil((n + 1) / 2), Math.ceil(entries / 2), entries, n, n, n * maxBlock, n * maxBlock, 4];
  return fits({ what: `N = ${n} rows of ${d} features`, float64s }, 'X');
}

/** Float64 workspace of assembly/bidiagonalize.ts for an m x n matrix (its bidiagonalizeWorkspace). */
export function bidiagonalizeWorkspace(m: number, n: number): number {
  return m + n;
}

/** Singular values of an m x n matrix, m >= n (a wide one transposed): the matrix, diagonal, superdiagonal, workspace. */
export function guardSingularValues(m: number, n: number): MemoryPlan {
  return fits({ what: `a ${m} x ${n} matrix`, float64s: [m * n, n, n, bidiagonalizeWorkspace(m, n)] }, 'A');
}
