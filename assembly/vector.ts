// Level-1 kernels over float64 vectors in linear memory (x, y: byte offsets; [from, to): element indices),
// shared by the stages that call them. Each fixes its summation order and lane pairing, which the callers'
// bits depend on: a kernel with another order is another kernel here, never an edit of one of these.

import { madd } from './madd';

@inline
function at(p: usize, k: i32): usize {
  return p + (<usize>k << 3);
}

// x . y over [from, to) on one f64x2 accumulator: pairs (k, k + 1) multiply-added lane by lane, the two lanes
// added, then an odd last term (distance.ts's Gram dots, the blocked and band reductions).
export function dot(x: usize, y: usize, from: i32, to: i32): f64 {
  let acc = f64x2.splat(0);
  let k = from;
  for (; k + 2 <= to; k += 2) acc = madd(v128.load(x + (<usize>k << 3)), v128.load(y + (<usize>k << 3)), acc);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (k < to) s += load<f64>(at(x, k)) * load<f64>(at(y, k));
  return s;
}

// y -= s x over [from, to), the product rounded before the difference in both binaries.
export function subScaled(y: usize, x: usize, s: f64, from: i32, to: i32): void {
  const ss = f64x2.splat(s);
  let k = from;
  for (; k + 2 <= to; k += 2) {
    const o = <usize>k << 3;
    v128.store(y + o, f64x2.sub(v128.load(y + o), f64x2.mul(ss, v128.load(x + o))));
  }
  if (k < to) store<f64>(at(y, k), load<f64>(at(y, k)) - s * load<f64>(at(x, k)));
}

// x . y over [from, to) on two f64x2 accumulators (elements k, k + 1 and k + 2, k + 3 of each group of four),
// added together, their lanes added, then the remaining terms one by one (hessenberg.ts, bidiagonalize.ts).
// fused: each product-sum through madd (one rounding where the relaxed binary fuses); else rounded twice in
// both binaries. A constant at every call, so the branch is folded away.
@inline
export function dotQuads(x: usize, y: usize, from: i32, to: i32, fused: bool): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = from;
  for (; k + 4 <= to; k += 4) {
    const o = <usize>k << 3;
    if (fused) {
      acc0 = madd(v128.load(x + o), v128.load(y + o), acc0);
      acc1 = madd(v128.load(x + o, 16), v128.load(y + o, 16), acc1);
    } else {
      acc0 = f64x2.add(acc0, f64x2.mul(v128.load(x + o), v128.load(y + o)));
      acc1 = f64x2.add(acc1, f64x2.mul(v128.load(x + o, 16), v128.load(y + o, 16)));
    }
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < to; k++) {
    const o = <usize>k << 3;
    s += load<f64>(x + o) * load<f64>(y + o);
  }
  return s;
}

// y += alpha x over [from, to), pairs then an odd last term; fused as in dotQuads.
@inline
export function axpy(alpha: f64, x: usize, y: usize, from: i32, to: i32, fused: bool): void {
  const as = f64x2.splat(alpha);
  let k = from;
  for (; k + 2 <= to; k += 2) {
    const o = <usize>k << 3;
    if (fused) v128.store(y + o, madd(as, v128.load(x + o), v128.load(y + o)));
    else v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.mul(as, v128.load(x + o))));
  }
  for (; k < to; k++) {
    const o = <usize>k << 3;
    store<f64>(y + o, load<f64>(y + o) + alpha * load<f64>(x + o));
  }
}
