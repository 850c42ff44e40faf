// The matrices of tests/fixtures/hard-matrices.json from their recipes: the generators of
// scripts/make-hard-matrices.py, operation for operation, so that numpy and these tests see the same bits.
import { readFileSync } from 'node:fs';
import { fixturesDir, uniform } from './helpers.mjs';

export const hard = JSON.parse(readFileSync(fixturesDir + 'hard-matrices.json', 'utf8'));

const zeros = (n) => Array.from({ length: n }, () => new Array(n).fill(0));
const gradedExponents = (n, emax) => Array.from({ length: n }, (_, i) => -emax + Math.floor((2 * emax * i) / (n - 1)));

/** The recipe's matrix, as an array of rows. */
export function build(r) {
  const n = r.n ?? 0;
  let a = zeros(n);
  switch (r.recipe) {
    case 'zero':
      break;
    case 'identity':
      for (let i = 0; i < n; i++) a[i][i] = 1;
      break;
    case 'entries':
      a = r.rows.map((row) => row.slice());
      break;
    case 'rank-one': {
      const off = r.symmetric ? 1 : 2;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i][j] = (i + 1) * (j + off);
      break;
    }
    case 'ones-plus-identity':
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i][j] = 1 + (i === j ? r.c : 0);
      break;
    case 'reflected-diagonal': {
      const u = uniform(r.seed);
      const v = Array.from({ length: n }, () => 2 * u() - 1);
      let vv = 0;
      for (const x of v) vv += x * x;
      const h = zeros(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i][j] = (i === j ? 1 : 0) - (2 * v[i] * v[j]) / vv;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += h[i][k] * r.d[k] * h[j][k];
          a[i][j] = s;
        }
      }
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j][i] = a[i][j];
      break;
    }
    case 'random': {
      const u = uniform(r.seed);
      const scale = r.scale ?? 1;
      for (let i = 0; i < n; i++) for (let j = 0; j < (r.symmetric ? i + 1 : n); j++) a[i][j] = (2 * u() - 1) * scale;
      if (r.symmetric) for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j][i] = a[i][j];
      break;
    }
    case 'graded-tridiagonal': {
      const e = gradedExponents(n, r.emax);
      for (let i = 0; i < n; i++) a[i][i] = 2 ** e[i];
      for (let i = 0; i < n - 1; i++) a[i][i + 1] = a[i + 1][i] = 2 ** (Math.floor((e[i] + e[i + 1]) / 2) - 2);
      break;
    }
    case 'graded-dense': {
      const u = uniform(r.seed);
      const e = gradedExponents(n, r.emax);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i][j] = a[j][i] = (2 * u() - 1) * 2 ** (e[i] + e[j]);
      break;
    }
    case 'wilkinson': {
      const m = (n - 1) / 2;
      for (let i = 0; i < n; i++) a[i][i] = r.sign > 0 ? Math.abs(m - i) : m - i;
      for (let i = 0; i < n - 1; i++) a[i][i + 1] = a[i + 1][i] = 1;
      break;
    }
    case 'clement':
      for (let i = 1; i < n; i++) {
        if (r.symmetric) {
          a[i - 1][i] = a[i][i - 1] = Math.sqrt(i * (n - i));
        } else {
          a[i][i - 1] = i;
          a[i - 1][i] = n - i;
        }
      }
      break;
    case 'hilbert':
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i][j] = 1 / (i + j + 1);
      break;
    case 'grcar':
      for (let i = 0; i < n; i++) for (let j = Math.max(0, i - 1); j < Math.min(n, i + r.k + 1); j++) a[i][j] = j === i - 1 ? -1 : 1;
      break;
    case 'frank':
      for (let i = 0; i < n; i++) for (let j = Math.max(0, i - 1); j < n; j++) a[i][j] = n - Math.max(i, j);
      break;
    case 'companion': {
      let c = [1];
      for (const root of r.roots) c = [...c, 0].map((x, k) => x - root * (k === 0 ? 0 : c[k - 1]));
      for (let j = 0; j < n; j++) a[0][j] = -c[j + 1];
      for (let i = 1; i < n; i++) a[i][i - 1] = 1;
      break;
    }
    case 'jordan': {
      let at = 0;
      for (const [lambda, size] of r.blocks) {
        for (let i = 0; i < size; i++) {
          a[at + i][at + i] = lambda;
          if (i + 1 < size) a[at + i][at + i + 1] = 1;
        }
        at += size;
      }
      break;
    }
    case 'cyclic':
      for (let i = 0; i < n; i++) a[i][(i + 1) % n] = 1;
      break;
    default:
      throw new Error(`unknown recipe ${r.recipe}`);
  }
  if (r.similar) {
    const linv = zeros(n).map((row, i) => row.map((_, j) => (i === j ? 1 : i === j + 1 ? -1 : 0)));
    const la = zeros(n).map((row, i) => row.map((_, j) => { let s = 0; for (let k = 0; k <= i; k++) s += a[k][j]; return s; }));
    a = zeros(n).map((row, i) => row.map((_, j) => { let s = 0; for (let k = 0; k < n; k++) s += la[i][k] * linv[k][j]; return s; }));
  }
  return r.transpose ? a.map((_, i) => a.map((row) => row[i])) : a;
}

/** Pairs each wanted complex value with the nearest unused got one; returns the pairs' |differences|. */
export function matchMultisets(wantRe, wantIm, gotRe, gotIm) {
  const used = new Uint8Array(gotRe.length);
  return Array.from(wantRe, (re, i) => {
    let best = -1;
    let dist = Infinity;
    for (let k = 0; k < gotRe.length; k++) {
      if (used[k]) continue;
      const d = Math.hypot(gotRe[k] - re, gotIm[k] - wantIm[i]);
      if (d < dist) { dist = d; best = k; }
    }
    used[best] = 1;
    return dist;
  });
}

/** Every symmetric hard matrix's eigenvalues (from `eigenvalues(matrix)`) within 1e-13 ||A|| of numpy eigvalsh. */
export function assertSymmetricHard(assert, eigenvalues) {
  for (const c of hard.symmetric) {
    const got = eigenvalues(build(c));
    const want = c.eigenvalues;
    assert.equal(got.length, want.length, c.name);
    const norm = Math.max(...want.map(Math.abs));
    let err = 0;
    for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(got[i] - want[i]));
    if (norm === 0) assert.equal(err, 0, c.name);
    else assert.ok(err <= 1e-13 * norm, `${c.name}: max error ${err / norm} ||A|| > 1e-13 ||A||`);
  }
}
