// Stage 1 of the two-stage reduction (assembly/band-reduce.ts, LAPACK dsytrd_sy2sb) with each panel's lookahead
// sweep (panel i's update A22 -= V W^T + W V^T and panel i + b's product A22 V in one pass) split by row blocks
// across the pool. The blocks depend on n, b and the panel alone, never on the number of threads: each block's
// product goes to its own buffer and the buffers are added in block order, and each block's rows of the update
// are computed the same way whoever runs them, so one thread (no pool: the blocks run here, in order) and many
// give the same bits.
import type { Kernels } from './kernels.js';
import { blocksOnThreads } from './threads.js';
import { JOB_BAND_PRODUCT, JOB_BAND_UPDATE_PRODUCT } from './thread-work.js';

/** Row blocks of a panel's lookahead sweep. */
export const BAND_BLOCKS = 8;
/** A panel whose trailing matrix has fewer rows runs as one block. */
const MIN_BAND_ROWS = 128;

/** Float64 values of the block products' buffers reduceToBandOnThreads needs for order n and half-width b. */
export function bandScratch(n: number, b: number): number {
  return BAND_BLOCKS * b * n;
}

/**
 * Row blocks [s, n) of about equal work over the upper triangle (row j has n - j entries), starting at
 * multiples of 4 from s (the kernels take rows in fours): b_c = s + L (1 - sqrt(1 - c / C)).
 */
export function bandBounds(s: number, n: number): number[] {
  const rows = n - s;
  if (rows < MIN_BAND_ROWS) return [s, n];
  const bounds = [s];
  for (let c = 1; c <= BAND_BLOCKS; c++) {
    const b = c === BAND_BLOCKS ? n : s + 4 * Math.round((rows * (1 - Math.sqrt(1 - c / BAND_BLOCKS))) / 4);
    if (b > bounds[bounds.length - 1]) bounds.push(Math.min(b, n));
  }
  return bounds;
}

/**
 * reduceToBand (same layout, same result up to rounding: the product's sums are split by blocks) on the
 * pool when there is one: `work` holds reduceToBandWorkspace(n, b) float64, `parts` bandScratch(n, b).
 * One job per panel (two synchronisations: published and done): the first panel's product, then each panel's
 * lookahead sweep. Between them this thread makes panel i's W, updates panel i + b's own b rows and makes
 * their reflectors (b of the n - i rows: a small share of the work, and on the critical path either way).
 */
export function reduceToBandOnThreads(k: Kernels, a: number, n: number, b: number, work: number, parts: number): void {
  if (b + 1 >= n) return;
  const stride = b * n * 8;
  k.bandPanelBegin(a, n, b, 0, work);
  let bounds = bandBounds(b, n);
  // A product block reads the matrix and writes only its own buffer: one a lost worker held can be redone.
  if (!blocksOnThreads(JOB_BAND_PRODUCT, bounds, [a, n, b, 0, work, parts, stride])) {
    for (let c = 0; c + 1 < bounds.length; c++) k.bandPanelProduct(a, n, b, 0, work, parts + c * stride, bounds[c], bounds[c + 1]);
  }
  for (let i = 0; i + b + 1 < n; i += b) {
    const s = i + b;
    k.bandPanelEnd(n, b, i, work, parts, bounds.length - 1, stride);
    if (s + b + 1 >= n) {
      k.bandPanelRows(a, n, b, i, work, s, n);
      break;
    }
    k.bandPanelRows(a, n, b, i, work, s, s + b);
    k.bandPanelBegin(a, n, b, s, work);
    bounds = bandBounds(s + b, n);
    // A sweep block updates its rows in place: a block a lost worker held may have updated them in part, and
    // running it again would update those twice, so it is never redone. A lost worker makes the whole call
    // start again on one thread from its input (ThreadsLost, withKernels), as the blocked reduction's update.
    if (!blocksOnThreads(JOB_BAND_UPDATE_PRODUCT, bounds, [a, n, b, i, work, parts, stride], false)) {
      for (let c = 0; c + 1 < bounds.length; c++) k.bandPanelUpdateProduct(a, n, b, i, work, parts + c * stride, bounds[c], bounds[c + 1]);
    }
  }
}
