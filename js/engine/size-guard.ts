// The sizes both backends refuse, before allocating anything: a wasm32 engine addresses 2^32 bytes, and the
// pure-JS backend refuses exactly the same problems so that switching backends never changes what runs.
// Counts are float64 values of the WASM layout of each problem (js/engine/wasm/adapter.ts).
import { tooLarge } from '../errors.js';
import type { Kernel } from '../kernel.js';

/** wasm32 addresses 2^32 bytes. */
export const MAX_MEMORY_BYTES = 2 ** 32;

/** Throws E_TOO_LARGE when `float64s` values exceed what a wasm32 engine can hold. */
function fits(float64s: number, what: string): void {
  if (8 * float64s > MAX_MEMORY_BYTES) throw tooLarge(8 * float64s, what);
}

/**
 * An N x N kernel over n rows of d features: x (n d), the matrix (n^2), row sums, diagonal, off-diagonal,
 * workspace (4n), and what the kernel itself needs beyond that ({@link kernelWorkspace}).
 */
export function guardKernel(n: number, d: number, kernel?: Kernel): void {
  fits(n * d + n * n + 7 * n + (kernel === undefined ? 0 : kernelWorkspace(kernel, n)), `N = ${n} rows of ${d} features`);
}

/**
 * The neighbours the adaptive kernel asks of the kNN stage over n rows: k + 1 (the row itself and k others),
 * k clamped to n - 1 as manylatents' compute_knn clamps it (one row, as in a DSMI cluster of one: K = [1]).
 */
export function adaptiveNeighbors(k: number, n: number): number {
  return Math.min(k, n - 1) + 1;
}

/** Float64 values of workspace a kernel needs beyond the N x N matrix: the adaptive one's neighbour lists (int32) and kNN distances. */
export function kernelWorkspace(kernel: Kernel, n: number): number {
  if (kernel.type !== 'adaptive') return 0;
  const kn = adaptiveNeighbors(kernel.k, n);
  return Math.ceil((n * kn) / 2) + kn;
}

/** A square n x n eigenvalue problem: the matrix, diagonal, off-diagonal and workspace (4n). */
export function guardSquare(n: number): void {
  fits(n * n + 6 * n, `a ${n} x ${n} matrix`);
}

/** The n x n symmetric eigenvector problem: the matrix (receiving the vectors), diagonal, off-diagonal. */
export function guardEigenvectors(n: number): void {
  fits(n * n + 2 * n, `a ${n} x ${n} eigenvector problem`);
}

/** The k nearest neighbours of n rows of d features: x, the n k int32 indices and k distances. */
export function guardNeighbors(n: number, d: number, k: number): void {
  fits(n * d + Math.ceil((n * k) / 2) + k, `N = ${n} rows of ${d} features`);
}
