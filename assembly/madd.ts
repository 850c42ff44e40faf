// Multiply-add on f64x2 lanes, the one place where the two engine binaries differ. The base build (SIMD only)
// rounds the product and then the sum; the relaxed-SIMD build (asc --enable relaxed-simd, which sets
// ASC_FEATURE_RELAXED_SIMD) emits f64x2.relaxed_madd / relaxed_nmadd, which V8 on a CPU with FMA fuses into
// one rounding (vfmadd231pd), and an engine without FMA may still compute with two. The branch not taken is
// not compiled, so the base binary holds no relaxed opcode and validates where relaxed SIMD is absent.

// a * b + c, lane by lane.
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

// c - a * b, lane by lane.
@inline
export function nmadd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(a, b, c);
  return f64x2.sub(c, f64x2.mul(a, b));
}

// a * b + c through madd, lane 0: exactly a * b + c rounded once where this binary fuses, and the rounded
// product plus c where it does not. The loader calls it with a = 1 + 2^-30, b = 1 - 2^-30, c = -1, whose
// exact result -2^-60 survives only a fused multiply-add (the rounded product is 1).
export function multiplyAdd(a: f64, b: f64, c: f64): f64 {
  return f64x2.extract_lane(madd(f64x2.splat(a), f64x2.splat(b), f64x2.splat(c)), 0);
}

// x + (a b + c d): in the base build as written (two products, their sum, then x); in the relaxed build a
// chain of two multiply-adds into x.
@inline
export function addDot2(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return madd(c, d, madd(a, b, x));
  return f64x2.add(x, f64x2.add(f64x2.mul(a, b), f64x2.mul(c, d)));
}

// x - (a b + c d), likewise.
@inline
export function subDot2(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return nmadd(c, d, nmadd(a, b, x));
  return f64x2.sub(x, f64x2.add(f64x2.mul(a, b), f64x2.mul(c, d)));
}

// x + ((a0 b0 + a1 b1) + (a2 b2 + a3 b3)), likewise: four multiply-adds in the relaxed build.
@inline
export function addDot4(x: v128, a0: v128, b0: v128, a1: v128, b1: v128, a2: v128, b2: v128, a3: v128, b3: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return madd(a3, b3, madd(a2, b2, madd(a1, b1, madd(a0, b0, x))));
  const t01 = f64x2.add(f64x2.mul(a0, b0), f64x2.mul(a1, b1));
  const t23 = f64x2.add(f64x2.mul(a2, b2), f64x2.mul(a3, b3));
  return f64x2.add(x, f64x2.add(t01, t23));
}

// 1 in the relaxed-SIMD build, 0 in the base one: the loader names the binary it was given by it.
export function relaxedSimd(): i32 {
  return ASC_FEATURE_RELAXED_SIMD ? 1 : 0;
}
