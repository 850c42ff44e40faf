// The multiply-add throughput of one core for the kernels' own madd (assembly/madd.ts: one
// f64x2.relaxed_madd in the relaxed-SIMD build, f64x2.mul then f64x2.add in the base build), over twelve
// independent chains: more than FMA latency times issue width, so the loop is bound by the floating-point
// pipes alone, not by a dependency or a load. The multiplier and addend come in as arguments: as constants,
// binaryen inlines a v128.const at every use and the engine materialises each one, which measures those loads
// instead. bench/ceiling.mjs builds this file twice (with and without --enable relaxed-simd).
import { madd } from '../assembly/madd';

/** iters rounds of 12 multiply-adds on f64x2 (48 flops a round). */
export function peak(iters: i32, m: f64, c: f64): f64 {
  const mm = f64x2.splat(m), cc = f64x2.splat(c);
  let a0 = f64x2.splat(1.0), a1 = f64x2.splat(1.1), a2 = f64x2.splat(1.2), a3 = f64x2.splat(1.3);
  let a4 = f64x2.splat(1.4), a5 = f64x2.splat(1.5), a6 = f64x2.splat(1.6), a7 = f64x2.splat(1.7);
  let a8 = f64x2.splat(1.8), a9 = f64x2.splat(1.9), a10 = f64x2.splat(2.0), a11 = f64x2.splat(2.1);
  for (let i = 0; i < iters; i++) {
    a0 = madd(a0, mm, cc); a1 = madd(a1, mm, cc); a2 = madd(a2, mm, cc);
    a3 = madd(a3, mm, cc); a4 = madd(a4, mm, cc); a5 = madd(a5, mm, cc);
    a6 = madd(a6, mm, cc); a7 = madd(a7, mm, cc); a8 = madd(a8, mm, cc);
    a9 = madd(a9, mm, cc); a10 = madd(a10, mm, cc); a11 = madd(a11, mm, cc);
  }
  // Returned so that no chain is dead code.
  const s = f64x2.add(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)), f64x2.add(f64x2.add(a4, a5), f64x2.add(a6, a7)));
  const t = f64x2.add(f64x2.add(f64x2.add(a8, a9), f64x2.add(a10, a11)), s);
  return f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
}
