// Singular values of an upper bidiagonal matrix B by implicit QR sweeps (Demmel & Kahan 1990, "Computing
// small singular values of bidiagonal matrices with guaranteed high relative accuracy"; LAPACK dbdsqr with
// no singular vectors and without its hand-off to dqds). A sweep uses a zero shift whenever a shift could
// spoil the relative accuracy of the smallest values, a Wilkinson-like shift from the trailing 2 x 2 block
// otherwise, and chases the bulge from the larger end of the block towards the smaller.
//
// Layout: diag (n float64) holds B's diagonal and is overwritten by the singular values, >= 0, unsorted.
// offdiag (n float64): offdiag[i] = B[i][i+1] (offdiag[n-1] unused). Destroyed. No workspace.
// Returns 0 on success, or 1 + the index of the last unconverged value after 6 n^2 inner steps.

// LAPACK's dlamch('E') (the unit roundoff 2^-53) and dlamch('S').
const EPS: f64 = 1.1102230246251565e-16;
const UNFL: f64 = 2.2250738585072014e-308;
const MAXITR: i32 = 6;
// Relative accuracy asked of every value: max(10, min(100, eps^-1/8)) eps.
const TOL: f64 = max(10.0, min(100.0, Math.pow(EPS, -0.125))) * EPS;

// Bounds of LAPACK's dlartg: inside (RTMIN, RTMAX), f^2 + g^2 neither overflows nor underflows.
const SAFMIN: f64 = 2.2250738585072014e-308;
const SAFMAX: f64 = 1.0 / SAFMIN;
const RTMIN: f64 = Math.sqrt(SAFMIN);
const RTMAX: f64 = Math.sqrt(SAFMAX / 2);

// The plane rotation [c s; -s c] [f; g] = [r; 0] of the last rotate() call (LAPACK dlartg).
let rc: f64 = 1;
let rs: f64 = 0;
let rr: f64 = 0;

function rotate(f: f64, g: f64): void {
  if (g == 0) {
    rc = 1; rs = 0; rr = f;
    return;
  }
  if (f == 0) {
    rc = 0; rs = g > 0 ? 1 : -1; rr = abs(g);
    return;
  }
  const f1 = abs(f);
  const g1 = abs(g);
  if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
    const d = Math.sqrt(f * f + g * g);
    rc = f1 / d;
    rr = f >= 0 ? d : -d;
    rs = g / rr;
    return;
  }
  const u = min(SAFMAX, max(SAFMIN, max(f1, g1)));
  const fs = f / u;
  const gs = g / u;
  const d = Math.sqrt(fs * fs + gs * gs);
  rc = abs(fs) / d;
  const r = fs >= 0 ? d : -d;
  rs = gs / r;
  rr = r * u;
}

// Smaller singular value of the 2 x 2 upper triangular [f g; 0 h] (LAPACK dlas2); the larger goes to big.
let big: f64 = 0;

function small2x2(f: f64, g: f64, h: f64): f64 {
  const fa = abs(f);
  const ga = abs(g);
  const ha = abs(h);
  const fhmn = min(fa, ha);
  const fhmx = max(fa, ha);
  if (fhmn == 0) {
    big = fhmx == 0 ? ga : max(fhmx, ga) * Math.sqrt(1 + (min(fhmx, ga) / max(fhmx, ga)) ** 2);
    return 0;
  }
  if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    big = fhmx / c;
    return fhmn * c;
  }
  const au = fhmx / ga;
  if (au == 0) {
    // fhmx / ga underflowed: the formula below would lose all precision.
    big = ga;
    return (fhmn * fhmx) / ga;
  }
  const as = 1 + fhmn / fhmx;
  const at = (fhmx - fhmn) / fhmx;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  big = ga / (c + c);
  const s = fhmn * c * au;
  return s + s;
}

@inline
function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

@inline
function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

export function bidiagonalQR(d: usize, e: usize, n: i32): i32 {
  if (n <= 0) return 0;
  // Lower bound on the smallest singular value (Demmel-Kahan's recurrence), for the split threshold.
  let sminoa = abs(ld(d, 0));
  let mu = sminoa;
  for (let i = 1; i < n && sminoa != 0; i++) {
    mu = abs(ld(d, i)) * (mu / (mu + abs(ld(e, i - 1))));
    sminoa = min(sminoa, mu);
  }
  sminoa /= Math.sqrt(<f64>n);
  const thresh = max(TOL * sminoa, <f64>MAXITR * (<f64>n * (<f64>n * UNFL)));

  const maxItDivN = MAXITR * n;
  let itDivN = 0;
  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  // B[ll..m] is the unreduced block being worked on; everything after m has converged.
  let m = n - 1;
  while (m > 0) {
    if (iter >= n) {
      iter -= n;
      if (++itDivN >= maxItDivN) return m + 1;
    }

    // Find the block: the last negligible e above m splits it off.
    let smax = abs(ld(d, m));
    let ll = m - 1;
    for (; ll >= 0; ll--) {
      const abse = abs(ld(e, ll));
      if (abse <= thresh || abse == 0) break;
      smax = max(smax, max(abs(ld(d, ll)), abse));
    }
    if (ll >= 0) {
      st(e, ll, 0);
      if (ll == m - 1) {
        m--;
        continue;
      }
    }
    ll++;

    if (ll == m - 1) {
      const lo = small2x2(ld(d, m - 1), ld(e, m - 1), ld(d, m));
      st(d, m - 1, big);
      st(e, m - 1, 0);
      st(d, m, lo);
      m -= 2;
      continue;
    }

    // A new block: chase from its larger end.
    if (ll > oldm || m < oldll) idir = abs(ld(d, ll)) >= abs(ld(d, m)) ? 1 : 2;

    // Convergence tests: a relatively negligible e at the far end, then the recurrence along the block.
    let smin: f64 = 0;
    let split = false;
    if (idir == 1) {
      if (abs(ld(e, m - 1)) <= TOL * abs(ld(d, m))) {
        st(e, m - 1, 0);
        continue;
      }
      mu = abs(ld(d, ll));
      smin = mu;
      for (let l = ll; l < m; l++) {
        if (abs(ld(e, l)) <= TOL * mu) {
          st(e, l, 0);
          split = true;
          break;
        }
        mu = abs(ld(d, l + 1)) * (mu / (mu + abs(ld(e, l))));
        smin = min(smin, mu);
      }
    } else {
      if (abs(ld(e, ll)) <= TOL * abs(ld(d, ll))) {
        st(e, ll, 0);
        continue;
      }
      mu = abs(ld(d, m));
      smin = mu;
      for (let l = m - 1; l >= ll; l--) {
        if (abs(ld(e, l)) <= TOL * mu) {
          st(e, l, 0);
          split = true;
          break;
        }
        mu = abs(ld(d, l)) * (mu / (mu + abs(ld(e, l))));
        smin = min(smin, mu);
      }
    }
    if (split) continue;
    oldll = ll;
    oldm = m;

    // A shift is refused when it would cost relative accuracy in the smallest value.
    let shift: f64 = 0;
    if (!(<f64>n * TOL * (smin / smax) <= max(EPS, 0.01 * TOL))) {
      let sll: f64;
      if (idir == 1) {
        sll = abs(ld(d, ll));
        shift = small2x2(ld(d, m - 1), ld(e, m - 1), ld(d, m));
      } else {
        sll = abs(ld(d, m));
        shift = small2x2(ld(d, ll), ld(e, ll), ld(d, ll + 1));
      }
      if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
    }
    iter += m - ll;

    if (shift == 0) {
      if (idir == 1) {
        let cs: f64 = 1;
        let oldcs: f64 = 1;
        let oldsn: f64 = 0;
        for (let i = ll; i < m; i++) {
          rotate(ld(d, i) * cs, ld(e, i));
          cs = rc;
          const sn = rs;
          const r = rr;
          if (i > ll) st(e, i - 1, oldsn * r);
          rotate(oldcs * r, ld(d, i + 1) * sn);
          oldcs = rc;
          oldsn = rs;
          st(d, i, rr);
        }
        const h = ld(d, m) * cs;
        st(d, m, h * oldcs);
        st(e, m - 1, h * oldsn);
        if (abs(ld(e, m - 1)) <= thresh) st(e, m - 1, 0);
      } else {
        let cs: f64 = 1;
        let oldcs: f64 = 1;
        let oldsn: f64 = 0;
        for (let i = m; i > ll; i--) {
          rotate(ld(d, i) * cs, ld(e, i - 1));
          cs = rc;
          const sn = rs;
          const r = rr;
          if (i < m) st(e, i, oldsn * r);
          rotate(oldcs * r, ld(d, i - 1) * sn);
          oldcs = rc;
          oldsn = rs;
          st(d, i, rr);
        }
        const h = ld(d, ll) * cs;
        st(d, ll, h * oldcs);
        st(e, ll, h * oldsn);
        if (abs(ld(e, ll)) <= thresh) st(e, ll, 0);
      }
    } else if (idir == 1) {
      const dll = ld(d, ll);
      let f = (abs(dll) - shift) * ((dll >= 0 ? 1.0 : -1.0) + shift / dll);
      let g = ld(e, ll);
      for (let i = ll; i < m; i++) {
        rotate(f, g);
        const cosr = rc;
        const sinr = rs;
        if (i > ll) st(e, i - 1, rr);
        f = cosr * ld(d, i) + sinr * ld(e, i);
        st(e, i, cosr * ld(e, i) - sinr * ld(d, i));
        g = sinr * ld(d, i + 1);
        st(d, i + 1, cosr * ld(d, i + 1));
        rotate(f, g);
        const cosl = rc;
        const sinl = rs;
        st(d, i, rr);
        f = cosl * ld(e, i) + sinl * ld(d, i + 1);
        st(d, i + 1, cosl * ld(d, i + 1) - sinl * ld(e, i));
        if (i < m - 1) {
          g = sinl * ld(e, i + 1);
          st(e, i + 1, cosl * ld(e, i + 1));
        }
      }
      st(e, m - 1, f);
      if (abs(f) <= thresh) st(e, m - 1, 0);
    } else {
      const dm = ld(d, m);
      let f = (abs(dm) - shift) * ((dm >= 0 ? 1.0 : -1.0) + shift / dm);
      let g = ld(e, m - 1);
      for (let i = m; i > ll; i--) {
        rotate(f, g);
        const cosr = rc;
        const sinr = rs;
        if (i < m) st(e, i, rr);
        f = cosr * ld(d, i) + sinr * ld(e, i - 1);
        st(e, i - 1, cosr * ld(e, i - 1) - sinr * ld(d, i));
        g = sinr * ld(d, i - 1);
        st(d, i - 1, cosr * ld(d, i - 1));
        rotate(f, g);
        const cosl = rc;
        const sinl = rs;
        st(d, i, rr);
        f = cosl * ld(e, i - 1) + sinl * ld(d, i - 1);
        st(d, i - 1, cosl * ld(d, i - 1) - sinl * ld(e, i - 1));
        if (i > ll + 1) {
          g = sinl * ld(e, i - 2);
          st(e, i - 2, cosl * ld(e, i - 2));
        }
      }
      st(e, ll, f);
      if (abs(f) <= thresh) st(e, ll, 0);
    }
  }
  for (let i = 0; i < n; i++) st(d, i, abs(ld(d, i)));
  return 0;
}
