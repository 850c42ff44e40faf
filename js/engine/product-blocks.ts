// The row blocks of the estimate's block products (K stored, assembly/block-product.ts; matrix-free,
// assembly/gaussian-product.ts) and how their shares are summed. The split depends on n alone, never on the
// number of threads: each block's share of y goes to its own buffer and the shares are added in block order,
// so a product has the same bits on one thread or many, whoever ran which block.

/** From this many rows the products are split into blocks; below, one block (the unsplit kernel, as before). */
export const PRODUCT_SPLIT_ROWS = 1024;
/** Row blocks of a split product: enough for up to about 8 threads to share out evenly. */
export const PRODUCT_BLOCKS = 16;

/** Float64s of the buffers the shares of blocks 1.. need for products of n rows and b vectors. */
export function productShares(n: number, b: number): number {
  return n < PRODUCT_SPLIT_ROWS ? 0 : (PRODUCT_BLOCKS - 1) * n * b;
}

/**
 * Bounds 0 = b_0 < ... < b_C = n of the row blocks, multiples of `unit` (2: the stored product's row pairs; the
 * tile: the matrix-free one's tile rows) except the last, of about equal work over the upper triangle (row i
 * has n - i entries): b_c = n (1 - sqrt(1 - c / C)).
 */
export function productBounds(n: number, unit: number): number[] {
  if (n < PRODUCT_SPLIT_ROWS) return [0, n];
  const bounds = [0];
  for (let c = 1; c <= PRODUCT_BLOCKS; c++) {
    const b = c === PRODUCT_BLOCKS ? n : Math.min(n, unit * Math.round((n * (1 - Math.sqrt(1 - c / PRODUCT_BLOCKS))) / unit));
    if (b > bounds[bounds.length - 1]) bounds.push(b);
  }
  return bounds;
}

/**
 * y (n x b, block 0's share) += the shares of blocks 1, 2, ... in that order; block c's share is n x b at
 * offset (c - 1) n b of `parts`, and only its rows [bounds[c], n) are set (the rows above get nothing from it).
 */
export function addShares(y: Float64Array, parts: Float64Array, bounds: readonly number[], n: number, b: number): void {
  for (let c = 1; c + 1 < bounds.length; c++) {
    const part = (c - 1) * n * b;
    for (let r = bounds[c] * b; r < n * b; r++) y[r] += parts[part + r];
  }
}
