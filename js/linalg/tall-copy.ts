// The input layout of the bidiagonal reduction, and the full kernel matrix from its upper triangle (docs/linear-algebra.md).
import type { DenseMatrix } from '../matrix.js';

/** Rows and columns of `a` as the bidiagonal reduction takes it: m >= n (a wide matrix is transposed). */
export function tallShape(a: DenseMatrix): { m: number; n: number } {
  return a.rows >= a.cols ? { m: a.rows, n: a.cols } : { m: a.cols, n: a.rows };
}

/**
 * Copies `a` into dst (m x n row-major, m >= n) in float64, transposing a wide matrix: A and A^T have the
 * same singular values, and the Householder reduction wants at least as many rows as columns.
 */
export function tallCopy(a: DenseMatrix, dst: Float64Array): void {
  const { data, rows, cols } = a;
  if (rows >= cols) {
    dst.set(data);
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) dst[j * rows + i] = data[i * cols + j];
  }
}

/** G (n x n, upper triangle filled) made full by copying the upper triangle onto the lower. */
export function mirrorUpper(m: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
}
