// The one size rule of every Engine method, shared by both backends so that they accept and refuse exactly the
// same problems: the float64 buffers the WebAssembly engine lays out for the call, in order. js/wasm.ts lays its
// memory out from these plans; the JS backend checks the same plan before it allocates (its own arrays are
// never larger), so a problem too large for wasm32 is refused by both with E_TOO_LARGE, before any allocation.
import { DseError } from '../errors.js';

/** wasm32 addresses 2^32 bytes. */
export const ADDRESS_SPACE_BYTES = 2 ** 32;
/** Bytes below the engine's heap base (its static data; 5 KiB today), kept out of every plan's budget. */
export const HEAP_BASE_ALLOWANCE = 65536;

/** The buffers of one call: `float64s[i]` values each, laid out in order, 16-byte aligned. */
export interface MemoryPlan {
  /** The problem, as an error message names it ("N = 30000 rows of 1 features"). */
  what: string;
  /** The argument an E_TOO_LARGE error names. */
  argument: string;
  float64s: number[];
}

/** Bytes of a buffer of `count` float64 values, rounded up to the 16 bytes of a v128 lane. */
export function alignedBytes(count: number): number {
  return Math.ceil((count * 8) / 16) * 16;
}

/** Bytes the plan's buffers take. */
export function planBytes(plan: MemoryPlan): number {
  let bytes = 0;
  for (const c of plan.float64s) bytes += alignedBytes(c);
  return bytes;
}

/** Throws E_TOO_LARGE when the plan does not fit in a wasm32 address space above the heap base. */
export function assertPlanFits(plan: MemoryPlan): MemoryPlan {
  const bytes = planBytes(plan);
  if (bytes > ADDRESS_SPACE_BYTES - HEAP_BASE_ALLOWANCE) {
    throw new DseError('E_TOO_LARGE', `${plan.what} needs ${(bytes / 2 ** 30).toFixed(2)} GiB of memory, more than the 4 GiB a wasm32 engine can address`, plan.argument, bytes);
  }
  return plan;
}

/** Float64 workspace of assembly/tridiagonalize.ts for order n (its tridiagonalizeWorkspace). */
export function tridiagonalizeWorkspace(n: number): number {
  return 4 * n;
}

// The eigenvalue buffers after an n x n matrix: diag (real parts), offdiag (imaginary parts), work.
function eigenBuffers(n: number): number[] {
  return [n, n, tridiagonalizeWorkspace(n)];
}

/** The plan of each Engine method (js/engine.ts), by the sizes of its arguments. */
export const memoryPlans = {
  /** diffusionEigenvalues, diffusionMatrixEntryEntropy, adjacencyEigenvalueModuli: xs, m, rowSums, eigen. */
  kernel(n: number, d: number): MemoryPlan {
    return assertPlanFits({ what: `N = ${n} rows of ${d} features`, argument: 'X', float64s: [n * d, n * n, n, ...eigenBuffers(n)] });
  },
  /** symmetricEigenvalues, generalEigenvalues: m, eigen. */
  square(n: number): MemoryPlan {
    return assertPlanFits({ what: `a ${n} x ${n} matrix`, argument: 'A', float64s: [n * n, ...eigenBuffers(n)] });
  },
  /** symmetricEigenvectors: m (the vectors), diag, offdiag. */
  eigenvectors(n: number): MemoryPlan {
    return assertPlanFits({ what: `a ${n} x ${n} eigenvector problem`, argument: 'X', float64s: [n * n, n, n] });
  },
  /** nearestNeighbors: xs, out (n k int32), work. */
  nearestNeighbors(n: number, d: number, k: number): MemoryPlan {
    return assertPlanFits({ what: `N = ${n} rows of ${d} features`, argument: 'X', float64s: [n * d, Math.ceil((n * k) / 2), k] });
  },
};
