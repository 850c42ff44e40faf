// What every thread of the pool runs, the main thread included: claim row blocks of the current job and run
// them on its own instance of the threaded binary (all instances share one memory). These functions travel
// to the workers as source text (Function.prototype.toString), so they use nothing but their arguments and
// the globals every runtime has (Atomics, WebAssembly); keep them so.
//
// The control block is an Int32Array over a SharedArrayBuffer:
//   0 GEN    the job's number, bumped by the main thread to publish a job (workers wait on it)
//   1 NEXT   (GEN & 0x7fff) << 16 | next unclaimed block: a claim is valid only while the job is current
//   2 DONE   blocks finished (the main thread waits on it)
//   3 TOTAL  blocks of the job
//   4 JOB    1: squared distances of the block's rows; 2: squared distances, then the Gaussian kernel;
//            3: the block's rows of one step of the reduction (tridiagonalStepRows), into its own product buffer;
//            4: block c is task c, the whole eigenvalue computation of one subset of rows (a DSMI class) in its
//            own region of memory (runTask);
//            5: the block's rows of one step's product in the blocked reduction (tridiagonalPanelProduct), into
//            its own product buffer; 6: the block's rows of a blocked panel's update (tridiagonalPanelRows);
//            7: the block's rows of a band panel's product A22 V (bandPanelProduct), into its own buffer;
//            8: the block's rows of a band panel's lookahead sweep (bandPanelUpdateProduct: panel i's update in
//            place, then panel i + b's product into its own buffer);
//            10, 11: the block's rows of the product with K stored in float64, float32 (symmetricBlockProductRows);
//            12, 13: the block's tile rows of the matrix-free row sums, product (gaussianRowSumsRows,
//            gaussianBlockProductRows); each of 10 to 13 into its own share buffer (js/engine/product-blocks.ts)
//   5 CRASH  a worker's number: that worker throws after its next claim (tests of the crash fallback)
//   6 CRASH_JOB  ... of a block of this job (0: any)
//   BOUNDS.. block c is rows [ctrl[BOUNDS + c], ctrl[BOUNDS + c + 1])
//   STAMPS.. ctrl[STAMPS + c] = GEN once block c is done, so that blocks a lost worker held can be redone
// The Float64Array args holds the job's arguments (byte offsets and sizes): jobs 1 and 2: x, n, d, m, sigma;
// job 3: a, n, i, v, vp, wp, parts, stride (block c's product goes to parts + c stride); job 4: task c's
// TASK_FIELDS fields from args[TASK_ARGS + c TASK_FIELDS] (see runTask); job 5: a, n, i, v, -, -, parts, stride
// (as job 3); job 6: a, n, vw, nb; jobs 7 and 8: a, n, b, i, work, parts, stride (block c's product at parts + c stride). Jobs 10 to 13 write block 0's share
// to the output and block c's to parts + (c - 1) partBytes: 10, 11: k, n, x, b, y, parts, partBytes; 12: x, n,
// d, sigma, out, parts, partBytes, tile, tileBytes; 13: x, n, d, sigma, s, xb, b, yb, parts, partBytes, tile,
// tileBytes, frobenius (block c's tile at tile + c tileBytes, its share of ||K||_F^2 at frobenius + 8 c).

/** Blocks per job at most. */
export const MAX_BLOCKS = 1024;
export const BOUNDS = 16;
export const STAMPS = BOUNDS + MAX_BLOCKS + 1;
/** Int32 slots of the control block. */
export const CONTROL_SLOTS = STAMPS + MAX_BLOCKS;
export const JOB_DISTANCES = 1;
export const JOB_DISTANCES_GAUSSIAN = 2;
export const JOB_REDUCTION_STEP = 3;
export const JOB_TASKS = 4;
export const JOB_PANEL_PRODUCT = 5;
export const JOB_PANEL_UPDATE = 6;
export const JOB_BAND_PRODUCT = 7;
export const JOB_BAND_UPDATE_PRODUCT = 8;
/** Where the tasks of job 4 start in args, and the float64 fields of each. */
export const TASK_ARGS = 8;
export const TASK_FIELDS = 16;
/** Tasks per job 4 at most (args holds their fields). */
export const MAX_TASKS = 256;
/** Float64 slots of args. */
export const ARGS_SLOTS = TASK_ARGS + TASK_FIELDS * MAX_TASKS;
export const JOB_PRODUCT = 10;
export const JOB_PRODUCT32 = 11;
export const JOB_GAUSSIAN_ROW_SUMS = 12;
export const JOB_GAUSSIAN_PRODUCT = 13;

/** The exports a thread calls (a subset of Kernels). */
export interface RowKernels {
  squaredDistanceRows(x: number, n: number, d: number, out: number, i0: number, i1: number): void;
  gaussianKernelRows(m: number, n: number, sigma: number, i0: number, i1: number): void;
  tridiagonalStepRows(a: number, n: number, i: number, v: number, p: number, vp: number, wp: number, j0: number, j1: number): void;
  symmetricBlockProductRows(k: number, n: number, x: number, b: number, y: number, i0: number, i1: number): void;
  symmetricBlockProduct32Rows(k: number, n: number, x: number, b: number, y: number, i0: number, i1: number): void;
  gaussianRowSumsRows(x: number, n: number, d: number, sigma: number, out: number, tile: number, r0: number, r1: number): void;
  gaussianBlockProductRows(x: number, n: number, d: number, sigma: number, s: number, xb: number, b: number, yb: number, tile: number, r0: number, r1: number, frobenius: number): void;
  squaredDistances(x: number, n: number, d: number, out: number): void;
  squaredDistancesGram(x: number, n: number, d: number, out: number, norms: number): void;
  squaredDistanceGramRows(x: number, n: number, d: number, out: number, norms: number, i0: number, i1: number): void;
  gaussianKernel(m: number, n: number, sigma: number): void;
  nearestNeighbors(x: number, n: number, d: number, k: number, out: number, work: number): void;
  adaptiveKernel(m: number, n: number, k: number, neighbors: number, kn: number, sigma: number): void;
  densityNormalize(m: number, n: number, alpha: number, rowSums: number): void;
  anisotropicNormalize(m: number, n: number, rowSums: number): void;
  tridiagonalize(a: number, n: number, diag: number, offdiag: number, work: number): void;
  tridiagonalEigenvalues(diag: number, offdiag: number, n: number): number;
  tridiagonalPanelProduct(a: number, n: number, i: number, v: number, p: number, j0: number, j1: number): void;
  tridiagonalPanelRows(a: number, n: number, vw: number, nb: number, j0: number, j1: number): void;
  bandPanelProduct(a: number, n: number, b: number, i: number, work: number, y: number, j0: number, j1: number): void;
  bandPanelUpdateProduct(a: number, n: number, b: number, i: number, work: number, y: number, j0: number, j1: number): void;
}

/**
 * Task c of job 4: the eigenvalues of one subset's kernel, the stages in the order the one-thread path runs
 * them (adapter.ts: squaredDistancesAt, applyKernel, diffusionOperator, eigenvaluesAt), so the same bits.
 * Fields at t = TASK_ARGS + c TASK_FIELDS: x, n, d, m, rowSums, diag, offdiag, work (byte offsets and sizes);
 * the kernel (0 Gaussian with sigma; 1 adaptive with kn neighbours, its index and distance buffers); alpha;
 * whether K = S^-1/2 G_a S^-1/2 is formed (else G's own eigenvalues); tridiagonalEigenvalues' result is
 * written back; field 15 is 1 when the distances take the Gram form (distance-form.ts), its norms in rowSums.
 * Reads only x and these fields, and overwrites everything it writes: running a task twice is
 * harmless.
 */
export function runTask(args: Float64Array, ex: RowKernels, c: number): void {
  const t = 8 + 16 * c;
  const x = args[t], n = args[t + 1], d = args[t + 2], m = args[t + 3], rowSums = args[t + 4];
  const diag = args[t + 5], offdiag = args[t + 6], work = args[t + 7];
  if (args[t + 15] === 1) ex.squaredDistancesGram(x, n, d, m, rowSums);
  else ex.squaredDistances(x, n, d, m);
  if (args[t + 8] === 0) {
    ex.gaussianKernel(m, n, args[t + 9]);
  } else {
    const kn = args[t + 9];
    ex.nearestNeighbors(x, n, d, kn, args[t + 11], args[t + 12]);
    ex.adaptiveKernel(m, n, kn - 1, args[t + 11], kn, rowSums);
  }
  if (args[t + 13] === 1) {
    const alpha = args[t + 10];
    if (alpha !== 0) ex.densityNormalize(m, n, alpha, rowSums);
    ex.anisotropicNormalize(m, n, rowSums);
  }
  ex.tridiagonalize(m, n, diag, offdiag, work);
  args[t + 14] = ex.tridiagonalEigenvalues(diag, offdiag, n);
}

/**
 * Runs block c of the current job. Blocks of jobs 1, 2, 4, 5, 7 and 10 to 13 write entries that depend only on
 * the job's inputs (a block of job 5 reads the matrix and writes its own buffer), so running one twice is
 * harmless; a block of job 3, 6 or 8 updates its rows in place, and cannot be run twice.
 */
export function runBlock(ctrl: Int32Array, args: Float64Array, ex: RowKernels, c: number): void {
  const i0 = ctrl[16 + c];
  const i1 = ctrl[16 + c + 1];
  const job = ctrl[4];
  if (job === 4) {
    runTask(args, ex, c);
    return;
  }
  if (job === 3) {
    ex.tridiagonalStepRows(args[0], args[1], args[2], args[3], args[6] + c * args[7], args[4], args[5], i0, i1);
    return;
  }
  if (job === 5) {
    ex.tridiagonalPanelProduct(args[0], args[1], args[2], args[3], args[6] + c * args[7], i0, i1);
    return;
  }
  if (job === 6) {
    ex.tridiagonalPanelRows(args[0], args[1], args[2], args[3], i0, i1);
    return;
  }
  if (job === 7) {
    ex.bandPanelProduct(args[0], args[1], args[2], args[3], args[4], args[5] + c * args[6], i0, i1);
    return;
  }
  if (job === 8) {
    ex.bandPanelUpdateProduct(args[0], args[1], args[2], args[3], args[4], args[5] + c * args[6], i0, i1);
    return;
  }
  if (job === 10 || job === 11) {
    const y = c === 0 ? args[4] : args[5] + (c - 1) * args[6];
    if (job === 10) ex.symmetricBlockProductRows(args[0], args[1], args[2], args[3], y, i0, i1);
    else ex.symmetricBlockProduct32Rows(args[0], args[1], args[2], args[3], y, i0, i1);
    return;
  }
  if (job === 12) {
    const out = c === 0 ? args[4] : args[5] + (c - 1) * args[6];
    ex.gaussianRowSumsRows(args[0], args[1], args[2], args[3], out, args[7] + c * args[8], i0, i1);
    return;
  }
  if (job === 13) {
    const yb = c === 0 ? args[7] : args[8] + (c - 1) * args[9];
    ex.gaussianBlockProductRows(args[0], args[1], args[2], args[3], args[4], args[5], args[6], yb, args[10] + c * args[11], i0, i1, args[12] + 8 * c);
    return;
  }
  // args[5]: the Gram form's norms (already computed), or -1 for differences (distance-form.ts chose).
  if (args[5] >= 0) ex.squaredDistanceGramRows(args[0], args[1], args[2], args[3], args[5], i0, i1);
  else ex.squaredDistanceRows(args[0], args[1], args[2], args[3], i0, i1);
  if (job === 2) ex.gaussianKernelRows(args[3], args[1], args[4], i0, i1);
}

/** Claims and runs blocks of job g until none is left; `who` is the worker's number (0: the main thread). */
export function runBlocks(ctrl: Int32Array, args: Float64Array, ex: RowKernels, g: number, who: number): void {
  const tag = (g & 0x7fff) << 16;
  for (;;) {
    const w = Atomics.load(ctrl, 1);
    if ((w & 0x7fff0000) !== tag) return;
    const c = w & 0xffff;
    if (c >= Atomics.load(ctrl, 3)) return;
    if (Atomics.compareExchange(ctrl, 1, w, w + 1) !== w) continue;
    if (who > 0 && Atomics.load(ctrl, 5) === who && (ctrl[6] === 0 || ctrl[6] === ctrl[4]) && Atomics.compareExchange(ctrl, 5, who, 0) === who) {
      throw new Error(`worker ${who} crashed on request`);
    }
    runBlock(ctrl, args, ex, c);
    Atomics.store(ctrl, 16 + 1024 + 1 + c, g);
    Atomics.add(ctrl, 2, 1);
    Atomics.notify(ctrl, 2);
  }
}

/** What the main thread posts to a new worker. */
export interface WorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  args: SharedArrayBuffer;
  who: number;
}

/**
 * A worker's life: instantiate the module on the shared memory, say so, then wait for jobs forever (the
 * worker never returns to its event loop; the main thread ends it with terminate()).
 */
export function workerMain(init: WorkerInit, post: (message: unknown) => void): void {
  let ex: RowKernels;
  try {
    const instance = new WebAssembly.Instance(init.module, { env: { memory: init.memory, abort() { throw new Error('abort'); } } });
    ex = instance.exports as unknown as RowKernels;
  } catch (e) {
    post({ error: String(e) });
    return;
  }
  post({ ready: true });
  const ctrl = new Int32Array(init.control);
  const args = new Float64Array(init.args);
  let seen = 0;
  for (;;) {
    // The reduction publishes a job per step, a fraction of a millisecond apart: a short spin catches the
    // next one without the cost of sleeping and being woken.
    for (let spin = 0; spin < 4000 && Atomics.load(ctrl, 0) === seen; spin++);
    Atomics.wait(ctrl, 0, seen);
    const g = Atomics.load(ctrl, 0);
    if (g === seen) continue;
    seen = g;
    runBlocks(ctrl, args, ex, g, init.who);
  }
}

// The functions a worker needs, as one script's text.
function functions(): string {
  return [runTask, runBlock, runBlocks, workerMain].map((f) => f.toString()).join('\n');
}

/**
 * A worker_threads worker's source (Node, Bun, Deno), for `new Worker(source, { eval: true })`: a script that
 * runs as CommonJS or as a module (a parent started with --input-type=module passes that on), so no require.
 */
export function nodeWorkerSource(): string {
  return `${functions()}
import('node:worker_threads').then(({ parentPort }) => {
  parentPort.once('message', (init) => ${workerMain.name}(init, (m) => parentPort.postMessage(m)));
});
`;
}

/** A Web Worker's source (browsers), for a Blob URL. */
export function webWorkerSource(): string {
  return `${functions()}
self.onmessage = (e) => { self.onmessage = null; ${workerMain.name}(e.data, (m) => self.postMessage(m)); };
`;
}
