// The adaptive kNN diffusion matrix K (adaptive-kernel.ts, then kernel.ts's normalisations) held sparse, in
// O(n (d + kn)) memory: no n x n matrix at any stage. For the DSE estimate past the dense limit
// (js/measures/diffusion-entropy-estimate.ts); docs/measures.md, the adaptive kernel.
//
// 1. adaptiveNeighborSearch: each row's kn nearest rows (itself included) by a symmetric scan over tiles of
//    rows, each distance computed once and offered to both rows' sorted lists. The distances are
//    squaredDistance's bits (distance.ts) and a list keeps the kn smallest (distance, index) pairs, which is
//    exactly what nearestNeighbors keeps (its insertion sort scans j in order, so a tie goes to the lower
//    index): the same neighbours, whatever the scan order.
// 2. adaptiveSparseKernel: sigma_i and the affinities from the squared distances the dense path reads,
//    recomputed bit for bit (denseSquaredDistance), max(K, K^T) and the unit diagonal in CSR (both triangles,
//    columns ascending); then the density and anisotropic normalisations with the dense path's order of
//    operations (row sums over lower entries first, then diagonal and upper), so every entry equals the dense
//    K's.
//
// Layout: x is n rows of d float64, row-major. idx (n x kn int32) and dist (n x kn float64) receive the
// neighbours, nearest first. rowStarts: n + 1 int32; cols (int32) and vals (float64) hold up to n (2 k + 1)
// entries; sigma and sums: n float64 each (sums ends holding S^-1/2); out: 4 float64 of scratch. Requires
// k < kn <= n. Single-threaded: the symmetric scan writes both rows of a pair (a thread split would need a
// list per thread and row, merged after).

// The dense path's column tiles (COLUMN_ROWS) and sums, so the distances are its bits.
import { addSquare, denseSquaredDistance, horizontalSum, squaredDistance } from './distance';
// Row i's q-th other neighbour, as the dense path reads it.
import { other } from './adaptive-kernel';

// Rows per tile of the scan: 64 rows of 64 float64 features are 32 KiB, two tiles within L2.
const TILE: i32 = 64;

// Offers (s, j) to row i's sorted list of the kn smallest (distance, index) pairs.
@inline
function offer(idx: usize, dist: usize, kn: i32, i: i32, s: f64, j: i32): void {
  const ds = dist + (<usize>i * <usize>kn << 3);
  const is = idx + (<usize>i * <usize>kn << 2);
  let at = kn - 1;
  const worst = load<f64>(ds + (<usize>at << 3));
  if (s > worst || (s == worst && j > load<i32>(is + (<usize>at << 2)))) return;
  while (at > 0) {
    const e = load<f64>(ds + (<usize>(at - 1) << 3));
    if (!(e > s || (e == s && load<i32>(is + (<usize>(at - 1) << 2)) > j))) break;
    store<f64>(ds + (<usize>at << 3), e);
    store<i32>(is + (<usize>at << 2), load<i32>(is + (<usize>(at - 1) << 2)));
    at--;
  }
  store<f64>(ds + (<usize>at << 3), s);
  store<i32>(is + (<usize>at << 2), j);
}

// squaredDistance of rows a0, a1 against rows b0, b1 at once (four pairs, the same bits as four calls):
// each feature of the four rows is loaded once for two pairs.
@inline
function tile2x2(a0: usize, a1: usize, b0: usize, b1: usize, d: i32, out: usize): void {
  let p0 = f64x2.splat(0), q0 = f64x2.splat(0);
  let p1 = f64x2.splat(0), q1 = f64x2.splat(0);
  let p2 = f64x2.splat(0), q2 = f64x2.splat(0);
  let p3 = f64x2.splat(0), q3 = f64x2.splat(0);
  let k = 0;
  for (; k + 4 <= d; k += 4) {
    const o = <usize>k << 3;
    const x0 = v128.load(a0 + o), x0h = v128.load(a0 + o, 16);
    const x1 = v128.load(a1 + o), x1h = v128.load(a1 + o, 16);
    const y0 = v128.load(b0 + o), y0h = v128.load(b0 + o, 16);
    const y1 = v128.load(b1 + o), y1h = v128.load(b1 + o, 16);
    p0 = addSquare(p0, x0, y0); q0 = addSquare(q0, x0h, y0h);
    p1 = addSquare(p1, x0, y1); q1 = addSquare(q1, x0h, y1h);
    p2 = addSquare(p2, x1, y0); q2 = addSquare(q2, x1h, y0h);
    p3 = addSquare(p3, x1, y1); q3 = addSquare(q3, x1h, y1h);
  }
  let s0 = horizontalSum(f64x2.add(p0, q0));
  let s1 = horizontalSum(f64x2.add(p1, q1));
  let s2 = horizontalSum(f64x2.add(p2, q2));
  let s3 = horizontalSum(f64x2.add(p3, q3));
  for (; k < d; k++) {
    const o = <usize>k << 3;
    const u0 = load<f64>(a0 + o), u1 = load<f64>(a1 + o), v0 = load<f64>(b0 + o), v1 = load<f64>(b1 + o);
    let e = u0 - v0; s0 += e * e;
    e = u0 - v1; s1 += e * e;
    e = u1 - v0; s2 += e * e;
    e = u1 - v1; s3 += e * e;
  }
  store<f64>(out, s0); store<f64>(out, s1, 8); store<f64>(out, s2, 16); store<f64>(out, s3, 24);
}

// All pairs (i, j), j >= i, of rows [i0, i1) x [j0, j1), offered to both rows; `out` is 4 float64 of scratch.
function scanTile(x: usize, d: i32, kn: i32, idx: usize, dist: usize, i0: i32, i1: i32, j0: i32, j1: i32, out: usize): void {
  const rowBytes = <usize>d << 3;
  const diagonal = i0 == j0;
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    const a0 = x + <usize>i * rowBytes;
    const a1 = a0 + rowBytes;
    let j = diagonal ? i + 2 : j0;
    if (diagonal) {
      offer(idx, dist, kn, i, 0, i);
      offer(idx, dist, kn, i + 1, 0, i + 1);
      const s = squaredDistance(a0, a1, d);
      offer(idx, dist, kn, i, s, i + 1);
      offer(idx, dist, kn, i + 1, s, i);
    }
    for (; j + 1 < j1; j += 2) {
      tile2x2(a0, a1, x + <usize>j * rowBytes, x + <usize>(j + 1) * rowBytes, d, out);
      const s0 = load<f64>(out), s1 = load<f64>(out, 8), s2 = load<f64>(out, 16), s3 = load<f64>(out, 24);
      offer(idx, dist, kn, i, s0, j); offer(idx, dist, kn, j, s0, i);
      offer(idx, dist, kn, i, s1, j + 1); offer(idx, dist, kn, j + 1, s1, i);
      offer(idx, dist, kn, i + 1, s2, j); offer(idx, dist, kn, j, s2, i + 1);
      offer(idx, dist, kn, i + 1, s3, j + 1); offer(idx, dist, kn, j + 1, s3, i + 1);
    }
    for (; j < j1; j++) {
      const b = x + <usize>j * rowBytes;
      const s0 = squaredDistance(a0, b, d);
      const s1 = squaredDistance(a1, b, d);
      offer(idx, dist, kn, i, s0, j); offer(idx, dist, kn, j, s0, i);
      offer(idx, dist, kn, i + 1, s1, j); offer(idx, dist, kn, j, s1, i + 1);
    }
  }
  // A last odd row of the tile.
  for (; i < i1; i++) {
    const a = x + <usize>i * rowBytes;
    for (let j = diagonal ? i : j0; j < j1; j++) {
      const s = squaredDistance(a, x + <usize>j * rowBytes, d);
      offer(idx, dist, kn, i, s, j);
      if (j != i) offer(idx, dist, kn, j, s, i);
    }
  }
}

export function adaptiveNeighborSearch(x: usize, n: i32, d: i32, kn: i32, idx: usize, dist: usize, out: usize): void {
  for (let c = 0; c < n * kn; c++) {
    store<f64>(dist + (<usize>c << 3), Infinity);
    store<i32>(idx + (<usize>c << 2), i32.MAX_VALUE);
  }
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = min(i0 + TILE, n);
    for (let j0 = i0; j0 < n; j0 += TILE) scanTile(x, d, kn, idx, dist, i0, i1, j0, min(j0 + TILE, n), out);
  }
}

@inline
function at32(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

@inline
function at64(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

// Row sums of the symmetric CSR matrix in the order kernel.ts's symmetricRowSums adds them: the entries left
// of the diagonal (column ascending) first, then the diagonal and those right of it.
function rowSums(n: i32, rowStarts: usize, cols: usize, vals: usize, sums: usize): void {
  for (let i = 0; i < n; i++) {
    const e1 = load<i32>(at32(rowStarts, i + 1));
    let lower = 0.0;
    let e = load<i32>(at32(rowStarts, i));
    for (; e < e1 && load<i32>(at32(cols, e)) < i; e++) lower += load<f64>(at64(vals, e));
    let upper = load<f64>(at64(vals, e));
    for (e++; e < e1; e++) upper += load<f64>(at64(vals, e));
    store<f64>(at64(sums, i), lower + upper);
  }
}

// v_ij = (w_lo v_ij) w_hi (lo = min(i, j)), as kernel.ts scales row i of the upper triangle: `left` puts w
// first (densityNormalize), else v first (anisotropicNormalize).
function scale(n: i32, rowStarts: usize, cols: usize, vals: usize, w: usize, left: bool): void {
  for (let i = 0; i < n; i++) {
    const e1 = load<i32>(at32(rowStarts, i + 1));
    for (let e = load<i32>(at32(rowStarts, i)); e < e1; e++) {
      const j = load<i32>(at32(cols, e));
      const wl = load<f64>(at64(w, min(i, j)));
      const wh = load<f64>(at64(w, max(i, j)));
      const v = load<f64>(at64(vals, e));
      store<f64>(at64(vals, e), left ? wl * v * wh : v * wl * wh);
    }
  }
}

// Builds K in CSR; returns the number of entries.
export function adaptiveSparseKernel(
  x: usize, n: i32, d: i32, k: i32, alpha: f64, idx: usize, kn: i32, rowStarts: usize, cols: usize, vals: usize, sigma: usize, sums: usize,
): i32 {
  // Row counts: the diagonal, then k out-edges and the in-edges, duplicates merged below.
  memory.fill(rowStarts, 0, <usize>(n + 1) << 2);
  for (let i = 0; i < n; i++) {
    store<i32>(at32(rowStarts, i + 1), load<i32>(at32(rowStarts, i + 1)) + 1 + k);
    for (let q = 0; q < k; q++) {
      const j = other(idx, kn, i, q);
      store<i32>(at32(rowStarts, j + 1), load<i32>(at32(rowStarts, j + 1)) + 1);
    }
  }
  for (let i = 0; i < n; i++) store<i32>(at32(rowStarts, i + 1), load<i32>(at32(rowStarts, i + 1)) + load<i32>(at32(rowStarts, i)));
  for (let i = 0; i < n; i++) {
    // manylatents reads sigma_i from the Euclidean distances, d = sqrt(d2); 0 becomes 1e-10.
    let s = k > 0 ? Math.sqrt(denseSquaredDistance(x, n, d, i, other(idx, kn, i, k - 1))) : 1.0;
    if (s == 0) s = 1e-10;
    store<f64>(at64(sigma, i), s);
  }
  // Fill cursors: sums (as int32 view) holds each row's next free slot.
  const fill = sums;
  for (let i = 0; i < n; i++) store<i32>(at32(fill, i), load<i32>(at32(rowStarts, i)));
  for (let i = 0; i < n; i++) {
    let c = load<i32>(at32(fill, i));
    store<i32>(at32(cols, c), i);
    store<f64>(at64(vals, c), 1.0);
    store<i32>(at32(fill, i), c + 1);
    const si = load<f64>(at64(sigma, i));
    for (let q = 0; q < k; q++) {
      const j = other(idx, kn, i, q);
      const dd = Math.sqrt(denseSquaredDistance(x, n, d, i, j));
      const v = Math.exp(-(dd * dd) / (si * load<f64>(at64(sigma, j))));
      c = load<i32>(at32(fill, i));
      store<i32>(at32(cols, c), j);
      store<f64>(at64(vals, c), v);
      store<i32>(at32(fill, i), c + 1);
      c = load<i32>(at32(fill, j));
      store<i32>(at32(cols, c), i);
      store<f64>(at64(vals, c), v);
      store<i32>(at32(fill, j), c + 1);
    }
  }
  // Each row sorted by column (insertion sort: a row holds about 2 k entries), duplicates merged by max
  // (max(K, K^T)), compacted to the left.
  let write = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = load<i32>(at32(rowStarts, i + 1));
    for (let e = start + 1; e < end; e++) {
      const cj = load<i32>(at32(cols, e));
      const vj = load<f64>(at64(vals, e));
      let p = e;
      while (p > start && load<i32>(at32(cols, p - 1)) > cj) {
        store<i32>(at32(cols, p), load<i32>(at32(cols, p - 1)));
        store<f64>(at64(vals, p), load<f64>(at64(vals, p - 1)));
        p--;
      }
      store<i32>(at32(cols, p), cj);
      store<f64>(at64(vals, p), vj);
    }
    store<i32>(at32(rowStarts, i), write);
    for (let e = start; e < end; e++) {
      const cj = load<i32>(at32(cols, e));
      const vj = load<f64>(at64(vals, e));
      if (write > load<i32>(at32(rowStarts, i)) && load<i32>(at32(cols, write - 1)) == cj) {
        store<f64>(at64(vals, write - 1), max(load<f64>(at64(vals, write - 1)), vj));
      } else {
        store<i32>(at32(cols, write), cj);
        store<f64>(at64(vals, write), vj);
        write++;
      }
    }
    start = end;
  }
  store<i32>(at32(rowStarts, n), write);
  // kernel.ts's densityNormalize (skipped at alpha = 0, as the dense path skips it) and anisotropicNormalize.
  if (alpha != 0) {
    rowSums(n, rowStarts, cols, vals, sums);
    for (let i = 0; i < n; i++) store<f64>(at64(sums, i), 1.0 / Math.pow(load<f64>(at64(sums, i)), alpha));
    scale(n, rowStarts, cols, vals, sums, true);
  }
  rowSums(n, rowStarts, cols, vals, sums);
  for (let i = 0; i < n; i++) store<f64>(at64(sums, i), 1.0 / Math.sqrt(load<f64>(at64(sums, i))));
  scale(n, rowStarts, cols, vals, sums, false);
  return write;
}

// y = K x for the CSR K and a block of b vectors (x, y: n x b float64, row-major; y overwritten), two
// vectors per f64x2 lane pair; each entry, read once, serves all b.
export function sparseBlockProduct(n: i32, rowStarts: usize, cols: usize, vals: usize, x: usize, b: i32, y: usize): void {
  const vecBytes = <usize>b << 3;
  for (let i = 0; i < n; i++) {
    const e0 = load<i32>(at32(rowStarts, i));
    const e1 = load<i32>(at32(rowStarts, i + 1));
    const yi = y + <usize>i * vecBytes;
    let c = 0;
    for (; c + 8 <= b; c += 8) {
      const o = <usize>c << 3;
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
      for (let e = e0; e < e1; e++) {
        const v = f64x2.splat(load<f64>(at64(vals, e)));
        const xj = x + <usize>load<i32>(at32(cols, e)) * vecBytes + o;
        s0 = f64x2.add(s0, f64x2.mul(v, v128.load(xj)));
        s1 = f64x2.add(s1, f64x2.mul(v, v128.load(xj, 16)));
        s2 = f64x2.add(s2, f64x2.mul(v, v128.load(xj, 32)));
        s3 = f64x2.add(s3, f64x2.mul(v, v128.load(xj, 48)));
      }
      v128.store(yi + o, s0);
      v128.store(yi + o, s1, 16);
      v128.store(yi + o, s2, 32);
      v128.store(yi + o, s3, 48);
    }
    for (; c < b; c++) {
      let s = 0.0;
      for (let e = e0; e < e1; e++) s += load<f64>(at64(vals, e)) * load<f64>(x + <usize>load<i32>(at32(cols, e)) * vecBytes + (<usize>c << 3));
      store<f64>(yi + (<usize>c << 3), s);
    }
  }
}
