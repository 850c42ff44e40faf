// The raw engine kernels of one built binary (build/release.wasm or build/release-relaxed.wasm) over
// Float64Arrays, for bench/band-reduction.mjs and tests/js/band-tridiagonalize.test.mjs: stage 2 of the
// two-stage reduction (bandToTridiagonal), the fused reduction (tridiagonalize) and QL, each on a copy of the
// caller's matrix laid out from heapBase(), the memory grown as needed.
import { readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** The binary's bytes, and whether this runtime can compile them (Node 20 has no relaxed SIMD). */
export function binary(file) {
  const bytes = readFileSync(new URL(`build/${file}`, root));
  return { bytes, valid: WebAssembly.validate(bytes) };
}

export async function loadKernels(file) {
  const { instance } = await WebAssembly.instantiate(binary(file).bytes, { env: { abort() { throw new Error('abort'); } } });
  const k = instance.exports;
  const base = k.heapBase();
  // Byte offsets of `sizes` float64 buffers from heapBase(), 16-byte aligned, the memory grown to hold them.
  const layout = (...sizes) => {
    const offsets = [];
    let at = base;
    for (const s of sizes) {
      offsets.push(at);
      at += Math.ceil((s * 8) / 16) * 16;
    }
    const need = at - k.memory.buffer.byteLength;
    if (need > 0) k.memory.grow(Math.ceil(need / 65536));
    return offsets;
  };
  const f64 = (offset, length) => new Float64Array(k.memory.buffer, offset, length);
  return {
    relaxed: k.relaxedSimd() === 1,
    workspace: (n, b) => k.bandToTridiagonalWorkspace(n, b),
    /** bandToTridiagonal on a copy of a (n x n row-major); returns { diag, offdiag, seconds }. */
    band(a, n, b) {
      const [pa, pd, pe, pw] = layout(n * n, n, n, k.bandToTridiagonalWorkspace(n, b));
      f64(pa, n * n).set(a);
      const t0 = performance.now();
      k.bandToTridiagonal(pa, n, b, pd, pe, pw);
      const seconds = (performance.now() - t0) / 1000;
      return { diag: f64(pd, n).slice(), offdiag: f64(pe, n).slice(), seconds };
    },
    /**
     * bandToTridiagonal timed on a random band matrix of order n and half-width b built in place (the upper
     * band uniform in [-1, 1) from `next`, NaN past it); returns { diag, offdiag, seconds }.
     */
    bandRandom(n, b, next) {
      const [pa, pd, pe, pw] = layout(n * n, n, n, k.bandToTridiagonalWorkspace(n, b));
      const a = f64(pa, n * n);
      a.fill(NaN);
      for (let i = 0; i < n; i++) for (let j = i; j <= Math.min(i + b, n - 1); j++) a[i * n + j] = next() * 2 - 1;
      const t0 = performance.now();
      k.bandToTridiagonal(pa, n, b, pd, pe, pw);
      const seconds = (performance.now() - t0) / 1000;
      return { diag: f64(pd, n).slice(), offdiag: f64(pe, n).slice(), seconds };
    },
    /** tridiagonalize timed on a random dense symmetric matrix of order n built in place (its upper triangle). */
    fusedRandom(n, next) {
      const [pa, pd, pe, pw] = layout(n * n, n, n, k.tridiagonalizeWorkspace(n));
      const a = f64(pa, n * n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = next() * 2 - 1;
      const t0 = performance.now();
      k.tridiagonalize(pa, n, pd, pe, pw);
      const seconds = (performance.now() - t0) / 1000;
      return { diag: f64(pd, n).slice(), offdiag: f64(pe, n).slice(), seconds };
    },
    /** The fused reduction (tridiagonalize.ts) on a copy of a; returns { diag, offdiag, seconds }. */
    fused(a, n) {
      const [pa, pd, pe, pw] = layout(n * n, n, n, k.tridiagonalizeWorkspace(n));
      f64(pa, n * n).set(a);
      const t0 = performance.now();
      k.tridiagonalize(pa, n, pd, pe, pw);
      const seconds = (performance.now() - t0) / 1000;
      return { diag: f64(pd, n).slice(), offdiag: f64(pe, n).slice(), seconds };
    },
    /** The eigenvalues of the tridiagonal (diag, offdiag) by tridiagonalQL, ascending. */
    eigenvalues({ diag, offdiag }) {
      const n = diag.length;
      const [pd, pe] = layout(n, n);
      f64(pd, n).set(diag);
      f64(pe, n).set(offdiag);
      if (k.tridiagonalQL(pd, pe, n, 0) !== 0) throw new Error('tridiagonalQL did not converge');
      return f64(pd, n).slice().sort((x, y) => x - y);
    },
  };
}

/** A random symmetric band matrix of half-width b, uniform in [-1, 1) (bench/uniform.mjs), dense and zero outside the band. */
export function randomBand(n, b, next) {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j <= Math.min(i + b, n - 1); j++) a[i * n + j] = a[j * n + i] = next() * 2 - 1;
  }
  return a;
}
