// Pure-JS twin of assembly/band-tridiagonalize.ts: a symmetric band matrix of half-width b to tridiagonal form
// by Householder bulge chasing (LAPACK dsytrd_sb2st / dsb2st_kernels), upper triangle read row-wise.
// a: n x n row-major (destroyed; entries past distance b are garbage, those at b + 1 .. 2b - 1 are zeroed
// first, none beyond is read); diag, offdiag: n each; work: bandToTridiagonalWorkspace(n, b).
// The same loops in the same order as the WASM engine, the f64x2 lanes included: dot products keep two
// partial sums (even and odd offsets from the loop's start) and add them before the scalar tail, so that
// the base binary gives these bits.
import { reflector, scaledNorm } from './householder.js';

// C := H C H on a[s..s+m)[s..s+m) (upper triangle), H = I - tau v v^T (dlarfy); the product's rows two at
// a time, as the WASM engine's.
function twoSided(a: Float64Array, n: number, s: number, m: number, v: Float64Array, tau: number, p: Float64Array): void {
  if (tau === 0) return;
  p.fill(0, 0, m);
  let j = 0;
  for (; j + 2 <= m; j += 2) {
    const row0 = (s + j) * n + s;
    const row1 = row0 + n;
    const v0 = v[j];
    const v1 = v[j + 1];
    const a01 = a[row0 + j + 1];
    const s0 = a[row0 + j] * v0 + a01 * v1;
    const s1 = a01 * v0 + a[row1 + j + 1] * v1;
    let t00 = 0;
    let t01 = 0;
    let t10 = 0;
    let t11 = 0;
    let k = j + 2;
    for (; k + 2 <= m; k += 2) {
      const r00 = a[row0 + k];
      const r01 = a[row0 + k + 1];
      const r10 = a[row1 + k];
      const r11 = a[row1 + k + 1];
      t00 = r00 * v[k] + t00;
      t01 = r01 * v[k + 1] + t01;
      t10 = r10 * v[k] + t10;
      t11 = r11 * v[k + 1] + t11;
      p[k] += r00 * v0 + r10 * v1;
      p[k + 1] += r01 * v0 + r11 * v1;
    }
    let t0 = t00 + t01;
    let t1 = t10 + t11;
    for (; k < m; k++) {
      const r0 = a[row0 + k];
      const r1 = a[row1 + k];
      t0 += r0 * v[k];
      t1 += r1 * v[k];
      p[k] += r0 * v0 + r1 * v1;
    }
    p[j] += s0 + t0;
    p[j + 1] += s1 + t1;
  }
  if (j < m) p[j] += a[(s + j) * n + s + j] * v[j];
  let pv = 0;
  for (let k = 0; k < m; k++) {
    p[k] *= tau;
    pv += p[k] * v[k];
  }
  const half = 0.5 * tau * pv;
  for (let k = 0; k < m; k++) p[k] -= half * v[k];
  for (let j = 0; j < m; j++) {
    const row = (s + j) * n + s;
    const vj = v[j];
    const wj = p[j];
    for (let k = j; k < m; k++) a[row + k] -= vj * p[k] + wj * v[k];
  }
}

// w = R^T v for R = rows s..s+ln, columns j1..j1+lm (the block of L below the diagonal block); rows two at
// a time, as the WASM engine's.
function blockProduct(a: Float64Array, n: number, s: number, ln: number, j1: number, lm: number, v: Float64Array, w: Float64Array): void {
  w.fill(0, 0, lm);
  let c = 0;
  for (; c + 2 <= ln; c += 2) {
    const row0 = (s + c) * n + j1;
    const row1 = row0 + n;
    const v0 = v[c];
    const v1 = v[c + 1];
    for (let k = 0; k < lm; k++) w[k] += a[row0 + k] * v0 + a[row1 + k] * v1;
  }
  if (c < ln) {
    const row = (s + c) * n + j1;
    const vc = v[c];
    for (let k = 0; k < lm; k++) w[k] = a[row + k] * vc + w[k];
  }
}

// The block's row from a[x]: x -= tv w, then x -= tn (x . vn) vn, the first update and the dot in one pass
// (the WASM engine takes two rows at once, which changes no bit).
function updateRow(a: Float64Array, x: number, lm: number, tv: number, w: Float64Array, vn: Float64Array, tn: number): void {
  let d0 = 0;
  let d1 = 0;
  let k = 0;
  for (; k + 2 <= lm; k += 2) {
    const r0 = a[x + k] - tv * w[k];
    const r1 = a[x + k + 1] - tv * w[k + 1];
    a[x + k] = r0;
    a[x + k + 1] = r1;
    d0 = r0 * vn[k] + d0;
    d1 = r1 * vn[k + 1] + d1;
  }
  let d = d0 + d1;
  for (; k < lm; k++) {
    const r = a[x + k] - tv * w[k];
    a[x + k] = r;
    d += r * vn[k];
  }
  if (tn === 0) return;
  const td = tn * d;
  for (k = 0; k < lm; k++) a[x + k] -= td * vn[k];
}

// a[from+1 .. from+len) annihilated against a[from] (dlarfg): a[from] := beta, v := (1, x / (alpha - beta));
// returns tau (0, H = I, when x is already 0 or len = 1).
function annihilate(a: Float64Array, from: number, len: number, v: Float64Array): number {
  v[0] = 1;
  v.fill(0, 1, len);
  if (len < 2) return 0;
  const xnorm = scaledNorm(a, from + 1, from + len);
  if (xnorm === 0) return 0;
  const { beta, tau } = reflector(a[from], a, from + 1, from + len, xnorm);
  a[from] = beta;
  for (let k = 1; k < len; k++) {
    v[k] = a[from + k];
    a[from + k] = 0;
  }
  return tau;
}

// One step down the band from the diagonal block st..ed with its reflector (v, tau): types 2 and 3; returns
// the next block's tau, its reflector in vn.
function chase(a: Float64Array, n: number, st: number, ed: number, w: number, v: Float64Array, tau: number, vn: Float64Array, p: Float64Array): number {
  const j1 = ed + 1;
  const lm = Math.min(ed + w, n - 1) - j1 + 1;
  const ln = ed - st + 1;
  const first = st * n + j1;
  if (tau !== 0) {
    blockProduct(a, n, st, ln, j1, lm, v, p);
    for (let k = 0; k < lm; k++) a[first + k] -= tau * p[k];
  } else {
    p.fill(0, 0, lm);
  }
  const tn = annihilate(a, first, lm, vn);
  if (tau !== 0 || tn !== 0) {
    for (let c = 1; c < ln; c++) updateRow(a, first + c * n, lm, tau === 0 ? 0 : tau * v[c], p, vn, tn);
  }
  twoSided(a, n, j1, lm, vn, tn, p);
  return tn;
}

const halfWidth = (n: number, b: number): number => Math.max(1, Math.min(b, n - 1));

/** Float64 values of workspace bandToTridiagonal needs for order n and half-width b: 3 min(max(b, 1), max(n - 1, 1)). */
export function bandToTridiagonalWorkspace(n: number, b: number): number {
  return 3 * halfWidth(n, b);
}

export function bandToTridiagonal(a: Float64Array, n: number, b: number, diag: Float64Array, offdiag: Float64Array, work: Float64Array): void {
  if (n <= 0) return;
  const w = halfWidth(n, b);
  let v = work.subarray(0, w);
  let vn = work.subarray(w, 2 * w);
  const p = work.subarray(2 * w, 3 * w);
  if (w > 1) {
    for (let r = 0; r < n; r++) {
      const from = r + w + 1;
      const to = Math.min(r + 2 * w, n);
      if (from < to) a.fill(0, r * n + from, r * n + to);
    }
    for (let i = 0; i < n - 2; i++) {
      // Type 1 is the chase step from the 1 x 1 block (i, i) with H = I (tau = 0: v is not read).
      let tau = chase(a, n, i, i, w, v, 0, vn, p);
      let st = i + 1;
      let ed = Math.min(i + w, n - 1);
      while (ed + 1 < n) {
        const t = v;
        v = vn;
        vn = t;
        tau = chase(a, n, st, ed, w, v, tau, vn, p);
        st = ed + 1;
        ed = Math.min(ed + w, n - 1);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    diag[i] = a[i * n + i];
    offdiag[i] = i + 1 < n ? a[i * n + i + 1] : 0;
  }
}
