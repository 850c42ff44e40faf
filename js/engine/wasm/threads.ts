// The worker pool: threads that share one WebAssembly memory, each running its own instance of the threaded
// binary (build/threads.wasm: --sharedMemory --importMemory), and the row-block jobs the WASM backend hands
// them. Public calls stay synchronous: the main thread publishes a job, runs blocks of it itself, and waits
// for the rest (Atomics.wait; on a browser's main thread, where Atomics.wait is refused, it spins on
// Atomics.load). Where threads are impossible (no SharedArrayBuffer, a page that is not cross-origin isolated,
// no Worker as in workerd), or a worker fails, calls run on one thread and `reason` says why.
//
// Each instance has its own globals; the kernels allocate nothing, and the binary's only data segments are the
// constant tables of exp/log (below the heap base), which every instantiation rewrites with the same bytes.
import { badArgument } from '../../errors.js';
import { integerAtLeast } from '../../options.js';
import type { Kernels } from './kernels.js';
import {
  ARGS_SLOTS, CONTROL_SLOTS, JOB_DISTANCES, JOB_DISTANCES_GAUSSIAN, JOB_PANEL_PRODUCT, JOB_PANEL_UPDATE, JOB_BAND_PRODUCT, JOB_BAND_UPDATE_PRODUCT, JOB_PRODUCT, JOB_REDUCTION_STEP, JOB_TASKS, MAX_BLOCKS, STAMPS, BOUNDS,
  nodeWorkerSource, runBlock, runBlocks, webWorkerSource, type WorkerInit,
} from './thread-work.js';

/** The most threads a pool takes. */
export const MAX_THREADS = 64;
/** Below this many rows a job runs on the calling thread: publishing it costs more than it saves. */
const MIN_ROWS = 32;
/** A worker that makes no progress for this long (and 20 times the main thread's own share) is taken as lost. */
const STALL_MS = 2000;

/** A worker of either kind (worker_threads or Web Worker), as the pool uses it. */
interface Thread {
  post(message: unknown): void;
  terminate(): void;
  /** Lets the process exit while the worker lives (Node, Bun, Deno); a no-op in browsers. */
  unref(): void;
  ready: Promise<void>;
}

interface Pool {
  kernels: Kernels;
  threads: Thread[];
  ctrl: Int32Array;
  args: Float64Array;
  gen: number;
  /** Whether this thread may block in Atomics.wait (not a browser's main thread). */
  canWait: boolean;
}

let pool: Pool | null = null;
/** Why fewer threads run than were asked for, or null. */
let reason: string | null = null;
let requested = 1;

function now(): number {
  return typeof performance === 'object' ? performance.now() : Date.now();
}

/** The cores the runtime reports: os.availableParallelism() in Node, navigator.hardwareConcurrency elsewhere. */
export async function defaultThreads(): Promise<number> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav !== undefined && typeof nav.hardwareConcurrency === 'number' && nav.hardwareConcurrency >= 1) {
    return Math.min(nav.hardwareConcurrency, MAX_THREADS);
  }
  if (isNodeLike()) {
    try {
      const os = await import(nodeModule('os'));
      const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
      if (n >= 1) return Math.min(n, MAX_THREADS);
    } catch {
      // No os module: one thread.
    }
  }
  return 1;
}

/** A `threads` option: an integer in [1, MAX_THREADS]. */
export function threadsOf(value: unknown, fallback: number): number {
  const n = integerAtLeast(value, 'threads', 1, fallback);
  if (n > MAX_THREADS) throw badArgument('threads', `an integer in [1, ${MAX_THREADS}]`, value);
  return n;
}

// A specifier bundlers leave alone (the package bundles for every runtime; only Node-like ones load it).
function nodeModule(name: string): string {
  return ['node', name].join(':');
}

function isNodeLike(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p === 'object' && p !== null && typeof p.versions?.node === 'string';
}

/** Why this runtime cannot run the pool (no shared memory, no Worker), or null when it can try. */
export function threadsImpossible(): string | null {
  const shared = sharedMemoryMissing();
  if (shared !== null) return shared;
  if (!isNodeLike() && typeof (globalThis as { Worker?: unknown }).Worker !== 'function') return 'this runtime has no Worker';
  return null;
}

function sharedMemoryMissing(): string | null {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') {
    return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === false
      ? 'the page is not cross-origin isolated (it needs the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp), so it has no SharedArrayBuffer'
      : 'this runtime has no SharedArrayBuffer';
  }
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === false) {
    return 'the page is not cross-origin isolated (Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp), so it cannot share memory with workers';
  }
  return null;
}

// One worker, started from source text (nothing to resolve on disk), ready once it has instantiated.
type Spawner = (init: WorkerInit, onLost: (why: string) => void) => Thread;

async function spawner(): Promise<Spawner | string> {
  if (isNodeLike()) {
    let wt: { Worker: new (src: string, opts: object) => NodeWorker };
    try {
      wt = await import(nodeModule('worker_threads'));
    } catch (e) {
      return `this runtime has no worker_threads (${String(e)})`;
    }
    const source = nodeWorkerSource();
    return (init, onLost) => {
      const w = new wt.Worker(source, { eval: true });
      let settled = false;
      const ready = new Promise<void>((resolve, reject) => {
        w.once('message', (m: { ready?: boolean; error?: string }) => {
          settled = true;
          if (m.ready === true) resolve();
          else reject(new Error(m.error ?? 'the worker did not start'));
        });
        w.once('error', (e: unknown) => {
          if (!settled) reject(e);
          onLost(`worker ${init.who} failed: ${String(e)}`);
        });
        w.once('exit', (code: number) => {
          if (!settled) reject(new Error(`worker ${init.who} exited with code ${code}`));
          onLost(`worker ${init.who} exited (code ${code})`);
        });
      });
      w.postMessage(init);
      return { post: (m) => w.postMessage(m), terminate: () => void w.terminate(), unref: () => w.unref(), ready };
    };
  }
  const G = globalThis as { Worker?: new (url: string) => WebWorker; Blob?: typeof Blob; URL?: typeof URL };
  if (typeof G.Worker !== 'function') return 'this runtime has no Worker';
  if (typeof G.Blob !== 'function' || typeof G.URL?.createObjectURL !== 'function') return 'this runtime cannot start a Worker from a Blob';
  const url = G.URL.createObjectURL(new G.Blob([webWorkerSource()], { type: 'text/javascript' }));
  return (init, onLost) => {
    const w = new G.Worker!(url);
    let settled = false;
    const ready = new Promise<void>((resolve, reject) => {
      w.onmessage = (e: { data: { ready?: boolean; error?: string } }) => {
        settled = true;
        if (e.data.ready === true) resolve();
        else reject(new Error(e.data.error ?? 'the worker did not start'));
      };
      w.onerror = (e: { message?: string }) => {
        if (!settled) reject(new Error(e.message ?? 'worker error'));
        onLost(`worker ${init.who} failed: ${e.message ?? 'error'}`);
      };
    });
    w.postMessage(init);
    return { post: (m) => w.postMessage(m), terminate: () => w.terminate(), unref: () => {}, ready };
  };
}

interface NodeWorker {
  postMessage(m: unknown): void;
  once(event: string, fn: (arg: never) => void): void;
  terminate(): Promise<number>;
  unref(): void;
}

interface WebWorker {
  postMessage(m: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: { ready?: boolean; error?: string } }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

function mayWait(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends the pool's workers; calls run on one thread (on the same shared instance) and `why` is reported. */
function stopWorkers(why: string | null): void {
  if (pool === null) return;
  for (const t of pool.threads) t.terminate();
  pool.threads = [];
  if (why !== null) reason = why;
}

/**
 * Instantiates the threaded binary on a new shared memory and starts `threads - 1` workers on it. Returns the
 * main thread's kernels, or why threads cannot run here (then nothing is left running).
 */
export async function startPool(module: WebAssembly.Module, threads: number): Promise<Kernels | string> {
  requested = threads;
  const runtime = threadsImpossible();
  impossible = runtime !== null;
  if (runtime !== null) return (reason = runtime);
  const spawn = await spawner();
  if (typeof spawn === 'string') return (reason = spawn);
  let memory: WebAssembly.Memory;
  let kernels: Kernels;
  try {
    memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true } as WebAssembly.MemoryDescriptor);
    const instance = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('abort'); } } });
    kernels = { ...(instance.exports as object), memory } as Kernels;
  } catch (e) {
    return (reason = `the shared WebAssembly memory could not be made (${String(e)})`);
  }
  const ctrl = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const args = new Float64Array(new SharedArrayBuffer(8 * ARGS_SLOTS));
  pool = { kernels, threads: [], ctrl, args, gen: 0, canWait: mayWait() };
  reason = null;
  await addWorkers(module, memory, spawn, threads - 1);
  return kernels;
}

let spawnOf: { module: WebAssembly.Module; memory: WebAssembly.Memory; spawn: Spawner } | null = null;

async function addWorkers(module: WebAssembly.Module, memory: WebAssembly.Memory, spawn: Spawner, count: number): Promise<void> {
  const p = pool!;
  spawnOf = { module, memory, spawn };
  const started: Thread[] = [];
  for (let i = 0; i < count; i++) {
    const who = p.threads.length + started.length + 1;
    const t = spawn({ module, memory, control: p.ctrl.buffer as SharedArrayBuffer, args: p.args.buffer as SharedArrayBuffer, who }, (why) => {
      if (pool !== null && pool.threads.includes(t)) stopWorkers(`${why}; calls run on one thread from here on`);
    });
    started.push(t);
  }
  const results = await Promise.allSettled(started.map((t) => t.ready));
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed !== undefined) {
    for (const t of started) t.terminate();
    reason = `a worker could not start (${String(failed.reason)}); calls run on one thread`;
    return;
  }
  for (const t of started) t.unref();
  p.threads.push(...started);
}

/**
 * Sets the number of threads calls use from now on: fewer ends workers at once; more starts them (the
 * promise resolves when they are running). Needs a pool (ready() with threads > 1, where threads can run).
 */
export async function resizePool(threads: number): Promise<boolean> {
  requested = threads;
  if (pool === null || spawnOf === null) return false;
  const live = pool.threads.length + 1;
  if (threads < live) {
    for (const t of pool.threads.splice(threads - 1)) t.terminate();
    if (threads === 1) reason = null;
  } else if (threads > live) {
    reason = null;
    await addWorkers(spawnOf.module, spawnOf.memory, spawnOf.spawn, threads - live);
  }
  return true;
}

/**
 * Threads calls use now (1 + running workers), and why fewer than requested; on a runtime that cannot run
 * threads at all (workerd), why, whatever was requested.
 */
export function threadInfo(): { threads: number; reason: string | null } {
  const threads = pool === null ? 1 : pool.threads.length + 1;
  return { threads, reason: threads < requested || (pool === null && impossible) ? reason : null };
}

let impossible = false;

/** Records why threads are off, for a ready() that runs on one thread (and no pool). */
export function noThreads(requestedThreads: number, why: string | null): void {
  requested = requestedThreads;
  const runtime = threadsImpossible();
  impossible = runtime !== null;
  reason = runtime ?? why;
}

/**
 * Tests only: the worker numbered `who` throws after its next claim of a block (a crash during a call), of a
 * block of the reduction, of the blocked reduction's products or panel updates, of the two-stage reduction's
 * first band product or lookahead sweeps (band update), of the whole-subset tasks or of
 * a float64 block product (the estimate's) when `stage` says so.
 */
export function crashWorkerDuringNextCall(who: number, stage: 'any' | 'reduction' | 'panel product' | 'panel update' | 'band product' | 'band update' | 'tasks' | 'product' = 'any'): void {
  if (pool === null) return;
  const job = { any: 0, reduction: JOB_REDUCTION_STEP, 'panel product': JOB_PANEL_PRODUCT, 'panel update': JOB_PANEL_UPDATE, 'band product': JOB_BAND_PRODUCT, 'band update': JOB_BAND_UPDATE_PRODUCT, tasks: JOB_TASKS, product: JOB_PRODUCT }[stage];
  Atomics.store(pool.ctrl, 6, job);
  Atomics.store(pool.ctrl, 5, who);
}

// Row blocks [b_c, b_c+1) of about equal work over the upper triangle (row i has n - i entries), even-aligned
// as squaredDistanceRows needs: b_c = n (1 - sqrt(1 - c / C)).
function blocks(ctrl: Int32Array, n: number, count: number): number {
  let total = 0;
  ctrl[BOUNDS] = 0;
  for (let c = 1; c <= count; c++) {
    let b = c === count ? n : 2 * Math.round((n * (1 - Math.sqrt(1 - c / count))) / 2);
    if (b <= ctrl[BOUNDS + total]) continue;
    b = Math.min(b, n);
    ctrl[BOUNDS + ++total] = b;
    if (b === n) break;
  }
  return total;
}

/**
 * Squared distances of the n rows of d features at `x` into the upper triangle of `m`, then the Gaussian
 * kernel when sigma is a number, split by row blocks across the pool. False when there is no pool (or n is
 * small): the caller runs the stage itself. The entries have the same bits however the rows are split.
 * With `norms` (|x_i|^2 from rowSquaredNorms), in the Gram form (assembly/distance.ts).
 */
export function distancesOnThreads(x: number, n: number, d: number, m: number, sigma: number | null, norms: number | null = null): boolean {
  const p = pool;
  if (p === null || p.threads.length === 0 || n < MIN_ROWS) return false;
  const { ctrl, args } = p;
  const total = blocks(ctrl, n, Math.min(4 * (p.threads.length + 1), MAX_BLOCKS, Math.floor(n / 8)));
  args[0] = x;
  args[1] = n;
  args[2] = d;
  args[3] = m;
  args[4] = sigma ?? 0;
  args[5] = norms ?? -1;
  runJob(p, sigma === null ? JOB_DISTANCES : JOB_DISTANCES_GAUSSIAN, total, true);
  return true;
}

/**
 * Runs job `job` (thread-work.ts) over the row blocks [bounds[c], bounds[c + 1]) on the pool, `args` as the
 * job reads them; blocks that are not `idempotent` are never redone (a lost worker: ThreadsLost). False when
 * there is no pool or one block: the caller runs the blocks.
 */
export function blocksOnThreads(job: number, bounds: readonly number[], args: readonly number[], idempotent = true): boolean {
  const p = pool;
  if (p === null || p.threads.length === 0 || bounds.length < 3) return false;
  const total = bounds.length - 1;
  for (let c = 0; c <= total; c++) p.ctrl[BOUNDS + c] = bounds[c];
  for (let i = 0; i < args.length; i++) p.args[i] = args[i];
  runJob(p, job, total, idempotent);
  return true;
}

/**
 * The task fields of job 4 (thread-work.ts's runTask), to be written before {@link tasksOnThreads}, or null
 * when there is no pool with workers: the caller runs the subsets one by one.
 */
export function taskArgs(): Float64Array | null {
  return pool === null || pool.threads.length === 0 ? null : pool.args;
}

/**
 * Runs tasks 0..count-1 (their fields already in taskArgs()) across the pool, each on one thread; a task
 * a lost worker held is redone here (tasks can be run twice).
 */
export function tasksOnThreads(count: number): void {
  runJob(pool!, JOB_TASKS, count, true);
}

/** Thrown inside a call whose workers were lost while they held blocks that cannot be redone; the call reruns on one thread. */
export class ThreadsLost extends Error {}

// Publishes job `job` of `total` blocks (bounds and args already written), runs blocks of it here and waits for
// the rest.
function runJob(p: Pool, job: number, total: number, idempotent: boolean): void {
  const { ctrl, args } = p;
  ctrl[4] = job;
  ctrl[3] = total;
  Atomics.store(ctrl, 2, 0);
  const g = (p.gen = (p.gen + 1) | 0) === 0 ? (p.gen = 1) : p.gen;
  Atomics.store(ctrl, 1, (g & 0x7fff) << 16);
  Atomics.store(ctrl, 0, g);
  Atomics.notify(ctrl, 0);
  const t0 = now();
  runBlocks(ctrl, args, p.kernels, g, 0);
  const own = now() - t0;
  waitForBlocks(p, g, total, Math.max(STALL_MS, 20 * own), idempotent);
}

// Waits until every block of job g is done. A worker that makes no progress for `stallMs` is taken as lost:
// the workers are ended, and then the blocks not done are run here (idempotent jobs) or the call starts again
// on one thread (ThreadsLost); later calls run on one thread.
function waitForBlocks(p: Pool, g: number, total: number, stallMs: number, idempotent: boolean): void {
  const { ctrl } = p;
  let done = Atomics.load(ctrl, 2);
  let since = now();
  for (let spin = 0; spin < 4000 && Atomics.load(ctrl, 2) < total; spin++);
  while (done < total) {
    if (p.canWait) Atomics.wait(ctrl, 2, done, 20);
    const d = Atomics.load(ctrl, 2);
    if (d !== done) {
      done = d;
      since = now();
    } else if (now() - since > stallMs) {
      stopWorkers(`a worker stopped during a call (no progress for ${Math.round(stallMs)} ms); calls run on one thread from here on`);
      // terminate() interrupts a worker at its next loop check; let that happen before touching its rows.
      if (p.canWait) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      if (!idempotent) throw new ThreadsLost(reason ?? 'threads lost');
      for (let c = 0; c < total; c++) if (Atomics.load(ctrl, STAMPS + c) !== g) runBlock(ctrl, p.args, p.kernels, c);
      return;
    }
  }
}

/** Orders from which the reduction runs on threads; below, publishing each step costs more than it saves. */
export const MIN_REDUCTION_ROWS = 512;
/** A step whose trailing matrix has fewer rows runs on the calling thread. */
const MIN_STEP_ROWS = 128;

/**
 * Float64 scratch tridiagonalizeOnThreads needs for order n (a product buffer per block), or 0 when the
 * reduction of order n would not run on threads (no pool, or n small).
 */
export function reductionScratch(n: number): number {
  return pool !== null && pool.threads.length > 0 && n >= MIN_REDUCTION_ROWS ? reductionBlocks(pool) * n : 0;
}

// Blocks per step of the reduction: several per thread, so that a thread the OS deschedules before it claims
// its share leaves the blocks to the others (each block's product has its own buffer, so the bits do not
// depend on who ran it); fixed for a thread count, as the result depends on it by rounding.
function reductionBlocks(p: Pool): number {
  return 4 * (p.threads.length + 1);
}

// Row blocks of step i's pass, rows [j0, n) with row j's work n - j: b_c = j0 + L (1 - sqrt(1 - c / B)).
function stepBlocks(ctrl: Int32Array, j0: number, n: number, count: number): number {
  const rows = n - j0;
  let total = 0;
  ctrl[BOUNDS] = j0;
  for (let c = 1; c <= count; c++) {
    const b = c === count ? n : j0 + Math.round(rows * (1 - Math.sqrt(1 - c / count)));
    if (b <= ctrl[BOUNDS + total]) continue;
    ctrl[BOUNDS + ++total] = b;
  }
  return total;
}

/**
 * tridiagonalize (assembly/tridiagonalize.ts) with each step's pass split across the pool: row blocks of the
 * trailing matrix, each block's product A22 v in its own buffer at `parts` (reductionScratch(n) float64s),
 * summed in block order. Two synchronisations per step (the pass published, the pass done). The result
 * depends on the number of threads only by rounding (the sums' order), never on which thread ran what.
 */
export function tridiagonalizeOnThreads(k: Kernels, a: number, n: number, diag: number, offdiag: number, work: number, parts: number): void {
  const p = pool!;
  const count = reductionBlocks(p);
  const stride = n * 8;
  let v = work;
  let w = work + stride;
  let vp = work + 2 * stride;
  let wp = work + 3 * stride;
  // No update is pending before the first step.
  new Float64Array(k.memory.buffer, vp, 2 * n).fill(0);
  const { ctrl, args } = p;
  for (let i = 0; i < n - 2; i++) {
    const tau = k.tridiagonalStepBegin(a, n, i, diag, offdiag, v, vp, wp);
    let blocksDone = 1;
    if (n - i - 1 >= MIN_STEP_ROWS) {
      blocksDone = stepBlocks(ctrl, i + 1, n, count);
      args.set([a, n, i, v, vp, wp, parts, stride]);
      runJob(p, JOB_REDUCTION_STEP, blocksDone, false);
    } else {
      k.tridiagonalStepRows(a, n, i, v, parts, vp, wp, i + 1, n);
    }
    k.tridiagonalStepEnd(n, i, tau, v, w, parts, blocksDone, stride);
    // This step's update becomes the pending one.
    [vp, v] = [v, vp];
    [wp, w] = [w, wp];
  }
  k.tridiagonalFinish(a, n, diag, offdiag, vp, wp);
}

/**
 * tridiagonalizeBlocked (assembly/tridiagonalize-blocked.ts, panels of nb) with each step's product A22 v and
 * each panel's update split by row blocks across the pool; the products go to a buffer per block at `parts`
 * (reductionScratch(n) float64s), summed in block order. Two synchronisations per step and one per panel. The
 * result depends on the number of threads only by rounding, never on which thread ran what.
 */
export function tridiagonalizeBlockedOnThreads(k: Kernels, a: number, n: number, nb: number, diag: number, offdiag: number, work: number, parts: number): void {
  const p = pool!;
  const count = reductionBlocks(p);
  const stride = n * 8;
  const vw = work;
  const product = work + 2 * nb * stride;
  const { ctrl, args } = p;
  for (let i0 = 0; i0 < n - 2; i0 += nb) {
    const width = Math.min(nb, n - 2 - i0);
    for (let c = 0; c < width; c++) {
      const i = i0 + c;
      const tau = k.tridiagonalPanelBegin(a, n, nb, i0, c, diag, offdiag, vw);
      if (tau === 0) continue;
      const v = vw + c * stride;
      let blocksDone = 1;
      if (n - i - 1 >= MIN_STEP_ROWS) {
        blocksDone = stepBlocks(ctrl, i + 1, n, count);
        // The step's arguments in the places of tridiagonalizeOnThreads' (no pending update: 4 and 5 unused).
        args.set([a, n, i, v, 0, 0, parts, stride]);
        // A block reads the matrix and writes only its own buffer: one a lost worker held can be redone.
        runJob(p, JOB_PANEL_PRODUCT, blocksDone, true);
      } else {
        k.tridiagonalPanelProduct(a, n, i, v, parts, i + 1, n);
      }
      k.tridiagonalPanelEnd(n, nb, i0, c, tau, vw, product, parts, blocksDone, stride);
    }
    const e = i0 + width;
    if (n - e >= MIN_STEP_ROWS) {
      const total = stepBlocks(ctrl, e, n, count);
      args.set([a, n, vw, nb]);
      runJob(p, JOB_PANEL_UPDATE, total, false);
    } else {
      k.tridiagonalPanelRows(a, n, vw, nb, e, n);
    }
  }
  k.tridiagonalBlockedFinish(a, n, diag, offdiag);
}
