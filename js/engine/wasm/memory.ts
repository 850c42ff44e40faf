// Linear memory of the WASM backend: the buffers of one call, laid out from the heap base, and growing the
// memory to hold them. Sizes are checked against 4 GiB by js/engine/size-guard.ts before any layout.
import { cannotGrow } from '../../errors.js';
import type { MemoryPlan } from '../size-guard.js';
import type { Kernels } from './kernels.js';

const PAGE = 65536;

/** Byte offsets of the buffers of one call, laid out from the heap base, 16-byte aligned. */
export class Layout {
  end: number;
  constructor(base: number) {
    this.end = base;
  }
  /** The offset of a new buffer of `float64s` values. */
  take(float64s: number): number {
    const at = this.end;
    this.end = Math.ceil((at + float64s * 8) / 16) * 16;
    return at;
  }
}

/** Grows memory to hold `end` bytes; E_TOO_LARGE when the runtime refuses. */
export function reserve(k: Kernels, end: number, what: string): void {
  const have = k.memory.buffer.byteLength;
  if (end <= have) return;
  try {
    k.memory.grow(Math.ceil((end - have) / PAGE));
  } catch (e) {
    throw cannotGrow(end, what, e);
  }
}

/** Byte offsets of the plan's buffers (a guard of js/engine/size-guard.ts made it), memory grown to hold them. */
export function layOut(k: Kernels, plan: MemoryPlan): number[] {
  const layout = new Layout(k.heapBase());
  const offsets = plan.float64s.map((count) => layout.take(count));
  reserve(k, layout.end, plan.what);
  return offsets;
}

/** A float64 view of `count` values at byte offset `at`. */
export function f64(k: Kernels, at: number, count: number): Float64Array {
  return new Float64Array(k.memory.buffer, at, count);
}
