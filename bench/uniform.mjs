// The random inputs of every benchmark and test: mulberry32 (state seed + k * 0x6d2b79f5), one generator.

/** A reproducible generator of uniform [0, 1) numbers (mulberry32). */
export function uniform(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * X of every benchmark: uniform(seed) rounded to float32, row-major. The same matrix in every process, and in
 * bench/numpy_pipeline.py, which computes it bit for bit.
 */
export function uniformMatrix(n, d, seed) {
  const next = uniform(seed);
  const x = new Float32Array(n * d);
  for (let k = 0; k < x.length; k++) x[k] = next();
  return x;
}
