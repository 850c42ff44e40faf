// Pure-JS twin of assembly/bidiagonal-qr.ts: singular values of an upper bidiagonal matrix by implicit
// zero-shift / shifted QR sweeps (Demmel & Kahan 1990; LAPACK dbdsqr, values only, no dqds hand-off).
// diag (n) is overwritten by the singular values (>= 0, unsorted); offdiag (offdiag[i] = B[i][i+1]) is
// destroyed. Returns 0, or 1 + the index of the last unconverged value after 6 n^2 inner steps.

const EPS = 1.1102230246251565e-16; // dlamch('E'), 2^-53
const UNFL = 2.2250738585072014e-308; // dlamch('S')
const MAXITR = 6;
const TOL = Math.max(10, Math.min(100, Math.pow(EPS, -0.125))) * EPS;
const SAFMIN = 2.2250738585072014e-308;
const SAFMAX = 1 / SAFMIN;
const RTMIN = Math.sqrt(SAFMIN);
const RTMAX = Math.sqrt(SAFMAX / 2);

/** [c s; -s c] [f; g] = [r; 0] (LAPACK dlartg), written into `out` as [c, s, r]. */
function rotate(f: number, g: number, out: Float64Array): void {
  if (g === 0) {
    out[0] = 1; out[1] = 0; out[2] = f;
    return;
  }
  if (f === 0) {
    out[0] = 0; out[1] = g > 0 ? 1 : -1; out[2] = Math.abs(g);
    return;
  }
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
    const d = Math.sqrt(f * f + g * g);
    const r = f >= 0 ? d : -d;
    out[0] = f1 / d; out[1] = g / r; out[2] = r;
    return;
  }
  const u = Math.min(SAFMAX, Math.max(SAFMIN, f1, g1));
  const fs = f / u;
  const gs = g / u;
  const d = Math.sqrt(fs * fs + gs * gs);
  const r = fs >= 0 ? d : -d;
  out[0] = Math.abs(fs) / d; out[1] = gs / r; out[2] = r * u;
}

/** Singular values of [f g; 0 h] (LAPACK dlas2): [smaller, larger]. */
function values2x2(f: number, g: number, h: number): [number, number] {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmn = Math.min(fa, ha);
  const fhmx = Math.max(fa, ha);
  if (fhmn === 0) {
    return [0, fhmx === 0 ? ga : Math.max(fhmx, ga) * Math.sqrt(1 + (Math.min(fhmx, ga) / Math.max(fhmx, ga)) ** 2)];
  }
  if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return [fhmn * c, fhmx / c];
  }
  const au = fhmx / ga;
  // fhmx / ga underflowed: the formula below would lose all precision.
  if (au === 0) return [(fhmn * fhmx) / ga, ga];
  const as = 1 + fhmn / fhmx;
  const at = (fhmx - fhmn) / fhmx;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  const s = fhmn * c * au;
  return [s + s, ga / (c + c)];
}

export function bidiagonalQR(d: Float64Array, e: Float64Array, n: number): number {
  if (n <= 0) return 0;
  const rot = new Float64Array(3);
  // Lower bound on the smallest singular value (Demmel-Kahan's recurrence), for the split threshold.
  let sminoa = Math.abs(d[0]);
  let mu = sminoa;
  for (let i = 1; i < n && sminoa !== 0; i++) {
    mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
    sminoa = Math.min(sminoa, mu);
  }
  sminoa /= Math.sqrt(n);
  const thresh = Math.max(TOL * sminoa, MAXITR * (n * (n * UNFL)));

  const maxItDivN = MAXITR * n;
  let itDivN = 0;
  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  // d[ll..m] is the unreduced block being worked on; everything after m has converged.
  let m = n - 1;
  while (m > 0) {
    if (iter >= n) {
      iter -= n;
      if (++itDivN >= maxItDivN) return m + 1;
    }

    // Find the block: the last negligible e above m splits it off.
    let smax = Math.abs(d[m]);
    let ll = m - 1;
    for (; ll >= 0; ll--) {
      const abse = Math.abs(e[ll]);
      if (abse <= thresh || abse === 0) break;
      smax = Math.max(smax, Math.abs(d[ll]), abse);
    }
    if (ll >= 0) {
      e[ll] = 0;
      if (ll === m - 1) {
        m--;
        continue;
      }
    }
    ll++;

    if (ll === m - 1) {
      const [lo, hi] = values2x2(d[m - 1], e[m - 1], d[m]);
      d[m - 1] = hi;
      e[m - 1] = 0;
      d[m] = lo;
      m -= 2;
      continue;
    }

    // A new block: chase from its larger end.
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;

    // Convergence tests: a relatively negligible e at the far end, then the recurrence along the block.
    let smin = 0;
    let split = false;
    if (idir === 1) {
      if (Math.abs(e[m - 1]) <= TOL * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      mu = Math.abs(d[ll]);
      smin = mu;
      for (let l = ll; l < m; l++) {
        if (Math.abs(e[l]) <= TOL * mu) {
          e[l] = 0;
          split = true;
          break;
        }
        mu = Math.abs(d[l + 1]) * (mu / (mu + Math.abs(e[l])));
        smin = Math.min(smin, mu);
      }
    } else {
      if (Math.abs(e[ll]) <= TOL * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      mu = Math.abs(d[m]);
      smin = mu;
      for (let l = m - 1; l >= ll; l--) {
        if (Math.abs(e[l]) <= TOL * mu) {
          e[l] = 0;
          split = true;
          break;
        }
        mu = Math.abs(d[l]) * (mu / (mu + Math.abs(e[l])));
        smin = Math.min(smin, mu);
      }
    }
    if (split) continue;
    oldll = ll;
    oldm = m;

    // A shift is refused when it would cost relative accuracy in the smallest value.
    let shift = 0;
    if (!(n * TOL * (smin / smax) <= Math.max(EPS, 0.01 * TOL))) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll]);
        shift = values2x2(d[m - 1], e[m - 1], d[m])[0];
      } else {
        sll = Math.abs(d[m]);
        shift = values2x2(d[ll], e[ll], d[ll + 1])[0];
      }
      if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
    }
    iter += m - ll;

    if (shift === 0) {
      if (idir === 1) {
        let cs = 1;
        let oldcs = 1;
        let oldsn = 0;
        for (let i = ll; i < m; i++) {
          rotate(d[i] * cs, e[i], rot);
          cs = rot[0];
          const sn = rot[1];
          const r = rot[2];
          if (i > ll) e[i - 1] = oldsn * r;
          rotate(oldcs * r, d[i + 1] * sn, rot);
          oldcs = rot[0];
          oldsn = rot[1];
          d[i] = rot[2];
        }
        const h = d[m] * cs;
        d[m] = h * oldcs;
        e[m - 1] = h * oldsn;
        if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
      } else {
        let cs = 1;
        let oldcs = 1;
        let oldsn = 0;
        for (let i = m; i > ll; i--) {
          rotate(d[i] * cs, e[i - 1], rot);
          cs = rot[0];
          const sn = rot[1];
          const r = rot[2];
          if (i < m) e[i] = oldsn * r;
          rotate(oldcs * r, d[i - 1] * sn, rot);
          oldcs = rot[0];
          oldsn = rot[1];
          d[i] = rot[2];
        }
        const h = d[ll] * cs;
        d[ll] = h * oldcs;
        e[ll] = h * oldsn;
        if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
      }
    } else if (idir === 1) {
      let f = (Math.abs(d[ll]) - shift) * ((d[ll] >= 0 ? 1 : -1) + shift / d[ll]);
      let g = e[ll];
      for (let i = ll; i < m; i++) {
        rotate(f, g, rot);
        const cosr = rot[0];
        const sinr = rot[1];
        if (i > ll) e[i - 1] = rot[2];
        f = cosr * d[i] + sinr * e[i];
        e[i] = cosr * e[i] - sinr * d[i];
        g = sinr * d[i + 1];
        d[i + 1] = cosr * d[i + 1];
        rotate(f, g, rot);
        const cosl = rot[0];
        const sinl = rot[1];
        d[i] = rot[2];
        f = cosl * e[i] + sinl * d[i + 1];
        d[i + 1] = cosl * d[i + 1] - sinl * e[i];
        if (i < m - 1) {
          g = sinl * e[i + 1];
          e[i + 1] = cosl * e[i + 1];
        }
      }
      e[m - 1] = f;
      if (Math.abs(f) <= thresh) e[m - 1] = 0;
    } else {
      let f = (Math.abs(d[m]) - shift) * ((d[m] >= 0 ? 1 : -1) + shift / d[m]);
      let g = e[m - 1];
      for (let i = m; i > ll; i--) {
        rotate(f, g, rot);
        const cosr = rot[0];
        const sinr = rot[1];
        if (i < m) e[i] = rot[2];
        f = cosr * d[i] + sinr * e[i - 1];
        e[i - 1] = cosr * e[i - 1] - sinr * d[i];
        g = sinr * d[i - 1];
        d[i - 1] = cosr * d[i - 1];
        rotate(f, g, rot);
        const cosl = rot[0];
        const sinl = rot[1];
        d[i] = rot[2];
        f = cosl * e[i - 1] + sinl * d[i - 1];
        d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
        if (i > ll + 1) {
          g = sinl * e[i - 2];
          e[i - 2] = cosl * e[i - 2];
        }
      }
      e[ll] = f;
      if (Math.abs(f) <= thresh) e[ll] = 0;
    }
  }
  for (let i = 0; i < n; i++) d[i] = Math.abs(d[i]);
  return 0;
}
