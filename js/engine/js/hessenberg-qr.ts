// Pure-JS twin of assembly/hessenberg-qr.ts: eigenvalues of an upper Hessenberg matrix by the Francis
// double-shift QR algorithm (LAPACK dlahqr, eigenvalues only). h: n x n row-major, destroyed; wr, wi: n each,
// in deflation order, a conjugate pair in consecutive entries with the positive imaginary part first.
// Returns 0, or 1 + the active row that had not converged within MAX_SWEEPS_PER_ROW * max(10, n) sweeps.
import { EPS } from '../../float.js';
import { pythag } from './pythag.js';

const MAX_SWEEPS_PER_ROW = 30;
const SAFMIN = 2.2250738585072014e-308;
const KEXSH = 10;
const DAT1 = 0.75;
const DAT2 = -0.4375;
// 2^-485: dlanv2's scaling bound 2^int(log2(SAFMIN / EPS) / 2).
const SAFMN2 = 1.0010415475915505e-146;
const SAFMX2 = 1 / SAFMN2;

function sign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

// Eigenvalues of [[a, b], [c, d]] via its standard Schur form (LAPACK dlanv2), into wr/wi at p and p + 1.
function eigenvalues2x2(a: number, b: number, c: number, d: number, wr: Float64Array, wi: Float64Array, p: number): void {
  if (c === 0) {
    // Already upper triangular.
  } else if (b === 0) {
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    // Already standard.
  } else {
    let temp = a - d;
    let p2 = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    let scale = Math.max(Math.abs(p2), bcmax);
    let z = (p2 / scale) * p2 + (bcmax / scale) * bcmis;
    if (z >= 4 * EPS) {
      z = p2 + sign(Math.sqrt(scale) * Math.sqrt(z), p2);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      b = b - c;
      c = 0;
    } else {
      let sigma = b + c;
      for (let count = 0; count < 20; count++) {
        scale = Math.max(Math.abs(temp), Math.abs(sigma));
        if (scale >= SAFMX2) {
          sigma *= SAFMN2;
          temp *= SAFMN2;
        } else if (scale <= SAFMN2) {
          sigma *= SAFMX2;
          temp *= SAFMX2;
        } else {
          break;
        }
      }
      p2 = 0.5 * temp;
      const tau = pythag(sigma, temp);
      const cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      const sn = -(p2 / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      temp = 0.5 * (aa * cs + cc * sn + (-bb * sn + dd * cs));
      a = temp;
      d = temp;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p2 = sign(sab * sac, c);
            a = temp + p2;
            d = temp - p2;
            b = b - c;
            c = 0;
          }
        } else {
          b = -c;
          c = 0;
        }
      }
    }
  }
  const im = c === 0 ? 0 : Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
  wr[p] = a;
  wi[p] = im;
  wr[p + 1] = d;
  wi[p + 1] = -im;
}

export function hessenbergQR(h: Float64Array, n: number, wr: Float64Array, wi: Float64Array): number {
  if (n <= 0) return 0;
  for (let j = 0; j + 3 < n; j++) {
    h[(j + 2) * n + j] = 0;
    h[(j + 3) * n + j] = 0;
  }
  if (n >= 3) h[(n - 1) * n + n - 3] = 0;
  const smlnum = SAFMIN * (n / EPS);
  const maxSweeps = MAX_SWEEPS_PER_ROW * Math.max(10, n);
  let sweeps = 0;
  let kdefl = 0;

  let i = n - 1;
  while (i >= 0) {
    let l = 0;
    for (;;) {
      let k = i;
      for (; k > l; k--) {
        const sub = Math.abs(h[k * n + k - 1]);
        if (sub <= smlnum) break;
        let tst = Math.abs(h[(k - 1) * n + k - 1]) + Math.abs(h[k * n + k]);
        if (tst === 0) {
          if (k - 2 >= 0) tst += Math.abs(h[(k - 1) * n + k - 2]);
          if (k + 1 < n) tst += Math.abs(h[(k + 1) * n + k]);
        }
        if (sub <= EPS * tst) {
          const sup = Math.abs(h[(k - 1) * n + k]);
          const ab = Math.max(sub, sup);
          const ba = Math.min(sub, sup);
          const hkk = Math.abs(h[k * n + k]);
          const diff = Math.abs(h[(k - 1) * n + k - 1] - h[k * n + k]);
          const aa = Math.max(hkk, diff);
          const bb = Math.min(hkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, EPS * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > 0) h[l * n + l - 1] = 0;
      if (l >= i - 1) break;
      if (++sweeps > maxSweeps) return i + 1;
      kdefl++;

      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = Math.abs(h[i * n + i - 1]) + Math.abs(h[(i - 1) * n + i - 2]);
        h11 = DAT1 * s + h[i * n + i];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH === 0) {
        const s = Math.abs(h[(l + 1) * n + l]) + Math.abs(h[(l + 2) * n + l + 1]);
        h11 = DAT1 * s + h[l * n + l];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = h[(i - 1) * n + i - 1];
        h21 = h[i * n + i - 1];
        h12 = h[(i - 1) * n + i];
        h22 = h[i * n + i];
      }
      let rt1r = 0, rt1i = 0, rt2r = 0, rt2i = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 !== 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }

      let m = i - 2;
      let v0 = 0, v1 = 0, v2 = 0;
      for (; m >= l; m--) {
        const hmm = h[m * n + m];
        let s = Math.abs(hmm - rt2r) + Math.abs(rt2i) + Math.abs(h[(m + 1) * n + m]);
        const h21s = h[(m + 1) * n + m] / s;
        v0 = h21s * h[m * n + m + 1] + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
        v1 = h21s * (hmm + h[(m + 1) * n + m + 1] - rt1r - rt2r);
        v2 = h21s * h[(m + 2) * n + m + 1];
        s = Math.abs(v0) + Math.abs(v1) + Math.abs(v2);
        v0 /= s;
        v1 /= s;
        v2 /= s;
        if (m === l) break;
        const h00 = Math.abs(h[m * n + m - 1]) * (Math.abs(v1) + Math.abs(v2));
        const h01 = EPS * Math.abs(v0) * (Math.abs(h[(m - 1) * n + m - 1]) + Math.abs(hmm) + Math.abs(h[(m + 1) * n + m + 1]));
        if (h00 <= h01) break;
      }

      for (let k = m; k < i; k++) {
        const nr = Math.min(3, i - k + 1);
        if (k > m) {
          v0 = h[k * n + k - 1];
          v1 = h[(k + 1) * n + k - 1];
          v2 = nr === 3 ? h[(k + 2) * n + k - 1] : 0;
        }
        let t1 = 0;
        const xnorm = nr === 3 ? pythag(v1, v2) : Math.abs(v1);
        if (xnorm !== 0) {
          const beta = -sign(pythag(v0, xnorm), v0);
          t1 = (beta - v0) / beta;
          const inv = 1 / (v0 - beta);
          v1 *= inv;
          v2 *= inv;
          v0 = beta;
        }
        if (k > m) {
          h[k * n + k - 1] = v0;
          h[(k + 1) * n + k - 1] = 0;
          if (k < i - 1) h[(k + 2) * n + k - 1] = 0;
        } else if (m > l) {
          h[k * n + k - 1] *= 1 - t1;
        }
        const t2 = t1 * v1;
        const rowK = k * n;
        const rowK1 = rowK + n;
        if (nr === 3) {
          const t3 = t1 * v2;
          const rowK2 = rowK1 + n;
          for (let j = k; j <= i; j++) {
            const sum = h[rowK + j] + v1 * h[rowK1 + j] + v2 * h[rowK2 + j];
            h[rowK + j] -= sum * t1;
            h[rowK1 + j] -= sum * t2;
            h[rowK2 + j] -= sum * t3;
          }
          const last = Math.min(k + 3, i);
          for (let r = l; r <= last; r++) {
            const p = r * n + k;
            const sum = h[p] + v1 * h[p + 1] + v2 * h[p + 2];
            h[p] -= sum * t1;
            h[p + 1] -= sum * t2;
            h[p + 2] -= sum * t3;
          }
        } else if (nr === 2) {
          for (let j = k; j <= i; j++) {
            const sum = h[rowK + j] + v1 * h[rowK1 + j];
            h[rowK + j] -= sum * t1;
            h[rowK1 + j] -= sum * t2;
          }
          for (let r = l; r <= i; r++) {
            const p = r * n + k;
            const sum = h[p] + v1 * h[p + 1];
            h[p] -= sum * t1;
            h[p + 1] -= sum * t2;
          }
        }
      }
    }

    if (l === i) {
      wr[i] = h[i * n + i];
      wi[i] = 0;
    } else {
      eigenvalues2x2(h[(i - 1) * n + i - 1], h[(i - 1) * n + i], h[i * n + i - 1], h[i * n + i], wr, wi, i - 1);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}
