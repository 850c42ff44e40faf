// X of every benchmark: mulberry32 (state seed + k * 0x6d2b79f5) rounded to float32, row-major. The same
// matrix in every process, and in bench/numpy_pipeline.py, which computes it bit for bit.
export function uniformMatrix(n, d, seed) {
  let a = seed >>> 0;
  const x = new Float32Array(n * d);
  for (let k = 0; k < x.length; k++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    x[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return x;
}
