// Eigenvalues of a real upper Hessenberg matrix by the Francis double-shift QR algorithm (LAPACK dlahqr with
// WANTT = WANTZ = false: only the active block is updated, neither the Schur form nor Schur vectors are kept).
//
// Layout: h is n x n float64, row-major, upper Hessenberg (entries below the subdiagonal are ignored and
// cleared); destroyed. wr, wi: n float64 each, receive the real and imaginary parts of the eigenvalues in the
// order they deflate off the diagonal; a complex conjugate pair sits in consecutive entries, the one with
// positive imaginary part first.
// Returns 0 on success, or 1 + the row i of the active block that had not converged when the QR sweeps of the
// whole call reached MAX_SWEEPS_PER_ROW * max(10, n) (dlahqr's cap of 30 sweeps per row, counted over the
// whole call so that the work is bounded by O(n^3) whatever the input): then wr and wi are incomplete.
import { EPS } from './float';
import { pythag } from './pythag';
import { addDot2, nmadd } from './madd';

const MAX_SWEEPS_PER_ROW: i32 = 30;
// DLAMCH('P') and DLAMCH('S').
const SAFMIN: f64 = 2.2250738585072014e-308;
// dlahqr's exceptional shift, tried every KEXSH sweeps without a deflation.
const KEXSH: i32 = 10;
const DAT1: f64 = 0.75;
const DAT2: f64 = -0.4375;

@inline
function at(h: usize, n: i32, i: i32, j: i32): usize {
  return h + ((<usize>i * <usize>n + <usize>j) << 3);
}

@inline
function get(h: usize, n: i32, i: i32, j: i32): f64 {
  return load<f64>(at(h, n, i, j));
}

@inline
function set(h: usize, n: i32, i: i32, j: i32, x: f64): void {
  store<f64>(at(h, n, i, j), x);
}

// Fortran SIGN(a, b): |a| with the sign of b.
@inline
function sign(a: f64, b: f64): f64 {
  return b >= 0 ? abs(a) : -abs(a);
}

// Eigenvalues of the 2 x 2 block [[a, b], [c, d]] (LAPACK dlanv2: the block is rotated to standard Schur
// form, whose diagonal or whose off-diagonal product gives the eigenvalues stably), stored in
// wr[p], wi[p], wr[p+1], wi[p+1].
function eigenvalues2x2(a: f64, b: f64, c: f64, d: f64, wr: usize, wi: usize, p: i32): void {
  // SAFMN2 = 2^int(log2(SAFMIN / EPS) / 2) = 2^-485, as dlanv2 computes it.
  const SAFMN2: f64 = 1.0010415475915505e-146;
  const SAFMX2: f64 = 1.0 / SAFMN2;
  if (c == 0) {
    // Already upper triangular.
  } else if (b == 0) {
    // Swap rows and columns.
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d == 0 && sign(1, b) != sign(1, c)) {
    // Already standard: equal diagonal, off-diagonal of opposite signs.
  } else {
    let temp = a - d;
    let p2 = 0.5 * temp;
    const bcmax = max(abs(b), abs(c));
    const bcmis = min(abs(b), abs(c)) * sign(1, b) * sign(1, c);
    let scale = max(abs(p2), bcmax);
    let z = (p2 / scale) * p2 + (bcmax / scale) * bcmis;
    if (z >= 4.0 * EPS) {
      // Real eigenvalues.
      z = p2 + sign(Math.sqrt(scale) * Math.sqrt(z), p2);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      b = b - c;
      c = 0;
    } else {
      // Complex or nearly equal real eigenvalues: make the diagonal entries equal.
      let sigma = b + c;
      for (let count = 0; count < 20; count++) {
        scale = max(abs(temp), abs(sigma));
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
      let tau = pythag(sigma, temp);
      const cs = Math.sqrt(0.5 * (1.0 + abs(sigma) / tau));
      const sn = -(p2 / (tau * cs)) * sign(1, sigma);
      // [aa bb; cc dd] = [a b; c d] [cs -sn; sn cs], then [a b; c d] = [cs sn; -sn cs] [aa bb; cc dd].
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      temp = 0.5 * (aa * cs + cc * sn + (-bb * sn + dd * cs));
      a = temp;
      d = temp;
      if (c != 0) {
        if (b != 0) {
          if (sign(1, b) == sign(1, c)) {
            // Real eigenvalues after all: reduce to upper triangular form.
            const sab = Math.sqrt(abs(b));
            const sac = Math.sqrt(abs(c));
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
  const im = c == 0 ? 0.0 : Math.sqrt(abs(b)) * Math.sqrt(abs(c));
  store<f64>(wr + (<usize>p << 3), a);
  store<f64>(wi + (<usize>p << 3), im);
  store<f64>(wr + (<usize>(p + 1) << 3), d);
  store<f64>(wi + (<usize>(p + 1) << 3), -im);
}

export function hessenbergQR(h: usize, n: i32, wr: usize, wi: usize): i32 {
  if (n <= 0) return 0;
  const rowBytes = <usize>n << 3;
  for (let j = 0; j + 3 < n; j++) {
    set(h, n, j + 2, j, 0);
    set(h, n, j + 3, j, 0);
  }
  if (n >= 3) set(h, n, n - 1, n - 3, 0);
  const smlnum = SAFMIN * (<f64>n / EPS);
  const maxSweeps = MAX_SWEEPS_PER_ROW * max(10, n);
  let sweeps = 0;
  let kdefl = 0;

  let i = n - 1;
  while (i >= 0) {
    // Rows and columns l..i form the active block; find where it splits, then sweep until a 1 x 1 or
    // 2 x 2 block deflates at its bottom.
    let l = 0;
    while (true) {
      let k = i;
      for (; k > l; k--) {
        const sub = abs(get(h, n, k, k - 1));
        if (sub <= smlnum) break;
        let tst = abs(get(h, n, k - 1, k - 1)) + abs(get(h, n, k, k));
        if (tst == 0) {
          if (k - 2 >= 0) tst += abs(get(h, n, k - 1, k - 2));
          if (k + 1 < n) tst += abs(get(h, n, k + 1, k));
        }
        // Ahues & Kressner's conservative small-subdiagonal test.
        if (sub <= EPS * tst) {
          const sup = abs(get(h, n, k - 1, k));
          const ab = max(sub, sup);
          const ba = min(sub, sup);
          const hkk = abs(get(h, n, k, k));
          const diff = abs(get(h, n, k - 1, k - 1) - get(h, n, k, k));
          const aa = max(hkk, diff);
          const bb = min(hkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= max(smlnum, EPS * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > 0) set(h, n, l, l - 1, 0);
      if (l >= i - 1) break;
      if (++sweeps > maxSweeps) return i + 1;
      kdefl++;

      // Shifts: the eigenvalues of the trailing 2 x 2 block (Francis), or an exceptional pair.
      let h11: f64, h12: f64, h21: f64, h22: f64;
      if (kdefl % (2 * KEXSH) == 0) {
        const s = abs(get(h, n, i, i - 1)) + abs(get(h, n, i - 1, i - 2));
        h11 = DAT1 * s + get(h, n, i, i);
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH == 0) {
        const s = abs(get(h, n, l + 1, l)) + abs(get(h, n, l + 2, l + 1));
        h11 = DAT1 * s + get(h, n, l, l);
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = get(h, n, i - 1, i - 1);
        h21 = get(h, n, i, i - 1);
        h12 = get(h, n, i - 1, i);
        h22 = get(h, n, i, i);
      }
      let rt1r = 0.0, rt1i = 0.0, rt2r = 0.0, rt2i = 0.0;
      const s0 = abs(h11) + abs(h12) + abs(h21) + abs(h22);
      if (s0 != 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2.0;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(abs(det));
        if (det >= 0) {
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          // Two real shifts: use the one closer to h22 twice.
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (abs(rt1r - h22) <= abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }

      // Start the bulge at the lowest row m where two consecutive small subdiagonals let H(m, m-1) be
      // treated as negligible; v = first column of (H - rt1)(H - rt2) restricted to rows m..m+2, scaled.
      let m = i - 2;
      let v0 = 0.0, v1 = 0.0, v2 = 0.0;
      for (; m >= l; m--) {
        const hmm = get(h, n, m, m);
        let s = abs(hmm - rt2r) + abs(rt2i) + abs(get(h, n, m + 1, m));
        const h21s = get(h, n, m + 1, m) / s;
        v0 = h21s * get(h, n, m, m + 1) + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
        v1 = h21s * (hmm + get(h, n, m + 1, m + 1) - rt1r - rt2r);
        v2 = h21s * get(h, n, m + 2, m + 1);
        s = abs(v0) + abs(v1) + abs(v2);
        v0 /= s;
        v1 /= s;
        v2 /= s;
        if (m == l) break;
        const h00 = abs(get(h, n, m, m - 1)) * (abs(v1) + abs(v2));
        const h01 = EPS * abs(v0) * (abs(get(h, n, m - 1, m - 1)) + abs(hmm) + abs(get(h, n, m + 1, m + 1)));
        if (h00 <= h01) break;
      }

      // Chase the bulge from row m down to row i with reflectors of order 3 (order 2 at the end).
      for (let k = m; k < i; k++) {
        const nr = min(3, i - k + 1);
        if (k > m) {
          v0 = get(h, n, k, k - 1);
          v1 = get(h, n, k + 1, k - 1);
          v2 = nr == 3 ? get(h, n, k + 2, k - 1) : 0.0;
        }
        // Reflector I - t1 [1 v1 v2]^T [1 v1 v2] mapping (v0, v1, v2) onto (beta, 0, 0) (dlarfg).
        let t1 = 0.0;
        const xnorm = nr == 3 ? pythag(v1, v2) : abs(v1);
        if (xnorm != 0) {
          const beta = -sign(pythag(v0, xnorm), v0);
          t1 = (beta - v0) / beta;
          const inv = 1.0 / (v0 - beta);
          v1 *= inv;
          v2 *= inv;
          v0 = beta;
        }
        if (k > m) {
          set(h, n, k, k - 1, v0);
          set(h, n, k + 1, k - 1, 0);
          if (k < i - 1) set(h, n, k + 2, k - 1, 0);
        } else if (m > l) {
          // dlahqr's form of H(k, k-1) = -H(k, k-1), safe when v1 and v2 underflow.
          set(h, n, k, k - 1, get(h, n, k, k - 1) * (1.0 - t1));
        }
        const t2 = t1 * v1;
        const rowK = at(h, n, k, 0);
        const rowK1 = rowK + rowBytes;
        if (nr == 3) {
          const t3 = t1 * v2;
          const rowK2 = rowK1 + rowBytes;
          // Rows k..k+2, columns k..i, from the left.
          const vv1 = f64x2.splat(v1);
          const vv2 = f64x2.splat(v2);
          const tt1 = f64x2.splat(t1);
          const tt2 = f64x2.splat(t2);
          const tt3 = f64x2.splat(t3);
          let j = k;
          for (; j + 2 <= i + 1; j += 2) {
            const o = <usize>j << 3;
            const a0 = v128.load(rowK + o);
            const a1 = v128.load(rowK1 + o);
            const a2 = v128.load(rowK2 + o);
            const sum = addDot2(a0, vv1, a1, vv2, a2);
            v128.store(rowK + o, nmadd(sum, tt1, a0));
            v128.store(rowK1 + o, nmadd(sum, tt2, a1));
            v128.store(rowK2 + o, nmadd(sum, tt3, a2));
          }
          for (; j <= i; j++) {
            const o = <usize>j << 3;
            const sum = load<f64>(rowK + o) + v1 * load<f64>(rowK1 + o) + v2 * load<f64>(rowK2 + o);
            store<f64>(rowK + o, load<f64>(rowK + o) - sum * t1);
            store<f64>(rowK1 + o, load<f64>(rowK1 + o) - sum * t2);
            store<f64>(rowK2 + o, load<f64>(rowK2 + o) - sum * t3);
          }
          // Columns k..k+2, rows l..min(k+3, i), from the right.
          const last = min(k + 3, i);
          for (let r = l; r <= last; r++) {
            const p = at(h, n, r, k);
            const sum = load<f64>(p) + v1 * load<f64>(p, 8) + v2 * load<f64>(p, 16);
            store<f64>(p, load<f64>(p) - sum * t1);
            store<f64>(p, load<f64>(p, 8) - sum * t2, 8);
            store<f64>(p, load<f64>(p, 16) - sum * t3, 16);
          }
        } else if (nr == 2) {
          for (let j = k; j <= i; j++) {
            const o = <usize>j << 3;
            const sum = load<f64>(rowK + o) + v1 * load<f64>(rowK1 + o);
            store<f64>(rowK + o, load<f64>(rowK + o) - sum * t1);
            store<f64>(rowK1 + o, load<f64>(rowK1 + o) - sum * t2);
          }
          for (let r = l; r <= i; r++) {
            const p = at(h, n, r, k);
            const sum = load<f64>(p) + v1 * load<f64>(p, 8);
            store<f64>(p, load<f64>(p) - sum * t1);
            store<f64>(p, load<f64>(p, 8) - sum * t2, 8);
          }
        }
      }
    }

    if (l == i) {
      store<f64>(wr + (<usize>i << 3), get(h, n, i, i));
      store<f64>(wi + (<usize>i << 3), 0);
    } else {
      eigenvalues2x2(get(h, n, i - 1, i - 1), get(h, n, i - 1, i), get(h, n, i, i - 1), get(h, n, i, i), wr, wi, i - 1);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}
