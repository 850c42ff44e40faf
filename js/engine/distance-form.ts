// Which squared distances a kernel is built from: the one place the choice is made.
import type { Kernel } from '../kernel.js';

/**
 * True when the distances feeding `kernel` may be taken in the Gram form |x_i|^2 + |x_j|^2 - 2 x_i.x_j
 * (assembly/distance.ts, squaredDistancesGram: about half the SIMD work of differences, relative error
 * <= 64 (D + 1) eps on every entry it keeps, exact differences elsewhere). Only the Gaussian kernel takes it:
 * exp(-d2 / sigma^2) is smooth in d2, so a relative error of 1e-11 moves it by as little. The adaptive kernel
 * and the kNN paths rank neighbours, where ties (integer data, duplicates) must stay the exact form's, and
 * bandwidth medians, the matrix-free tiles and intrinsic dimension keep differences too.
 *
 * @example
 * gramDistances({ type: 'gaussian', sigma: 10, alpha: 0 }); // true
 */
export function gramDistances(kernel: Kernel | undefined): boolean {
  return gramAllowed && kernel !== undefined && kernel.type === 'gaussian';
}

let gramAllowed = true;

/** Benchmarks only (bench/gram-distances.mjs): false takes differences for every kernel, as before the Gram form. */
export function setGramDistances(allowed: boolean): void {
  gramAllowed = allowed;
}
