// The typed mirror of assembly/index.ts: every kernel the WebAssembly module exports, with its arguments.
// Pointers are byte offsets into `memory`. tests/js/wasm-exports.test.mjs checks this list against the built
// module (names and arities), so the mirror cannot drift from the AssemblyScript side.

/** The exports of build/release.wasm (and of build/release-relaxed.wasm, built from the same sources). */
export interface Kernels {
  memory: WebAssembly.Memory;
  heapBase(): number;
  squaredDistances(x: number, n: number, d: number, out: number): void;
  /** squaredDistances over rows [i0, i1) only, i0 even (the threads' share); the same bits. */
  squaredDistanceRows(x: number, n: number, d: number, out: number, i0: number, i1: number): void;
  /** squaredDistances in the Gram form |x_i|^2 + |x_j|^2 - 2 x_i.x_j with an exact fallback (assembly/distance.ts); norms: n float64 of workspace. */
  squaredDistancesGram(x: number, n: number, d: number, out: number, norms: number): void;
  /** squaredDistancesGram over rows [i0, i1) only, i0 even, norms already from rowSquaredNorms; the same bits. */
  squaredDistanceGramRows(x: number, n: number, d: number, out: number, norms: number, i0: number, i1: number): void;
  /** norms[i] = |x_i|^2 as the Gram form sums it. */
  rowSquaredNorms(x: number, n: number, d: number, norms: number): void;
  gaussianKernel(m: number, n: number, sigma: number): void;
  /** gaussianKernel over rows [i0, i1) only (the threads' share). */
  gaussianKernelRows(m: number, n: number, sigma: number, i0: number, i1: number): void;
  anisotropicNormalize(m: number, n: number, rowSums: number): void;
  densityNormalize(m: number, n: number, alpha: number, rowSums: number): void;
  adaptiveKernel(m: number, n: number, k: number, neighbors: number, kn: number, sigma: number): void;
  tridiagonalize(a: number, n: number, diag: number, offdiag: number, work: number): void;
  /** Float64 values of workspace tridiagonalize needs for order n. */
  tridiagonalizeWorkspace(n: number): number;
  /** Step i of the reduction up to its pass (threads): row i updated, diag[i], offdiag[i], the reflector in v; returns tau. */
  tridiagonalStepBegin(a: number, n: number, i: number, diag: number, offdiag: number, v: number, vp: number, wp: number): number;
  /** Rows [j0, j1) of step i's pass: their pending update and their share of A22 v into p (zeroed first). */
  tridiagonalStepRows(a: number, n: number, i: number, v: number, p: number, vp: number, wp: number, j0: number, j1: number): void;
  /** p = the sum of `count` block products `stride` bytes apart, in order; then w over it. */
  tridiagonalStepEnd(n: number, i: number, tau: number, v: number, p: number, parts: number, count: number, stride: number): void;
  /** The last two rows of the reduction. */
  tridiagonalFinish(a: number, n: number, diag: number, offdiag: number, vp: number, wp: number): void;
  /** tridiagonalize in panels of nb reflectors (LAPACK dsytrd / dlatrd): equal to it up to rounding. */
  tridiagonalizeBlocked(a: number, n: number, nb: number, diag: number, offdiag: number, work: number): void;
  /** Float64 values of workspace tridiagonalizeBlocked needs for order n and panel width nb. */
  tridiagonalizeBlockedWorkspace(n: number, nb: number): number;
  /** Step i0 + c of a blocked panel up to its product (threads): row i updated, diag, offdiag, the reflector in V; returns tau. */
  tridiagonalPanelBegin(a: number, n: number, nb: number, i0: number, c: number, diag: number, offdiag: number, vw: number): number;
  /** Rows [j0, j1) of step i's product A22 v into p (zeroed over [i + 1, n) first). */
  tridiagonalPanelProduct(a: number, n: number, i: number, v: number, p: number, j0: number, j1: number): void;
  /** p = the sum of `count` block products `stride` bytes apart, in order; the panel's corrections; then W's row c. */
  tridiagonalPanelEnd(n: number, nb: number, i0: number, c: number, tau: number, vw: number, p: number, parts: number, count: number, stride: number): void;
  /** Rows [j0, j1) of the panel's update A -= V W^T + W V^T. */
  tridiagonalPanelRows(a: number, n: number, vw: number, nb: number, j0: number, j1: number): void;
  /** The last entries of diag and offdiag after the blocked reduction. */
  tridiagonalBlockedFinish(a: number, n: number, diag: number, offdiag: number): void;
  /** Stage 1 of the two-stage reduction (LAPACK dsytrd_sy2sb): the upper triangle at a to a band of half-width b, B = Q^T A Q in a[r][r..r + b]. */
  reduceToBand(a: number, n: number, b: number, work: number): void;
  /** Float64 values of workspace reduceToBand needs: 5 b n + 3 b^2. */
  reduceToBandWorkspace(n: number, b: number): number;
  /** Panel i's QR (its rows i..i+b-1) and T factor into work (threads). */
  bandPanelBegin(a: number, n: number, b: number, i: number, work: number): void;
  /** Rows [j0, j1) of panel i's product A22 V into y (b rows of n, zeroed over [i + b, n) first). */
  bandPanelProduct(a: number, n: number, b: number, i: number, work: number, y: number, j0: number, j1: number): void;
  /** Rows [j0, j1) of panel i's lookahead sweep: panel i's update of them, then panel i + b's product into y. */
  bandPanelUpdateProduct(a: number, n: number, b: number, i: number, work: number, y: number, j0: number, j1: number): void;
  /** Rows [j0, j1) of panel i's update A -= V W^T + W V^T alone. */
  bandPanelRows(a: number, n: number, b: number, i: number, work: number, j0: number, j1: number): void;
  /** Y = the sum of `count` block products `stride` bytes apart, in order; then W = X - 1/2 V T^T V^T X with X = Y T. */
  bandPanelEnd(n: number, b: number, i: number, work: number, parts: number, count: number, stride: number): void;
  /** A symmetric band matrix of half-width b (upper triangle) to tridiagonal form by bulge chasing (LAPACK dsytrd_sb2st). */
  bandToTridiagonal(a: number, n: number, b: number, diag: number, offdiag: number, work: number): void;
  /** Float64 values of workspace bandToTridiagonal needs for order n and half-width b. */
  bandToTridiagonalWorkspace(n: number, b: number): number;
  tridiagonalQL(diag: number, offdiag: number, n: number, z: number): number;
  tridiagonalEigenvalues(diag: number, offdiag: number, n: number): number;
  hessenberg(a: number, n: number, work: number): void;
  hessenbergQR(h: number, n: number, wr: number, wi: number): number;
  knnAdjacency(m: number, n: number, k: number, work: number): void;
  matrixEntryEntropy(k: number, n: number, rowSums: number): number;
  symmetricEigenvectors(a: number, n: number, diag: number, offdiag: number): number;
  nearestNeighbors(x: number, n: number, d: number, k: number, out: number, work: number): void;
  symmetricBlockProduct(k: number, n: number, x: number, b: number, y: number): void;
  symmetricBlockProduct32(k: number, n: number, x: number, b: number, y: number): void;
  /** symmetricBlockProduct's share of rows [i0, i1) (the threads' blocks): y rows [i0, n) overwritten. */
  symmetricBlockProductRows(k: number, n: number, x: number, b: number, y: number, i0: number, i1: number): void;
  symmetricBlockProduct32Rows(k: number, n: number, x: number, b: number, y: number, i0: number, i1: number): void;
  toFloat32InPlace(m: number, n: number): void;
  gaussianRowSums(x: number, n: number, d: number, sigma: number, out: number, tile: number): void;
  gaussianBlockProduct(x: number, n: number, d: number, sigma: number, s: number, xb: number, b: number, yb: number, tile: number): number;
  /** gaussianRowSums' share of tile rows [r0, r1): out rows [r0, n) overwritten. */
  gaussianRowSumsRows(x: number, n: number, d: number, sigma: number, out: number, tile: number, r0: number, r1: number): void;
  /** gaussianBlockProduct's share of tile rows [r0, r1): yb rows [r0, n) overwritten; its share of ||K||_F^2 stored at `frobenius`. */
  gaussianBlockProductRows(x: number, n: number, d: number, sigma: number, s: number, xb: number, b: number, yb: number, tile: number, r0: number, r1: number, frobenius: number): void;
  /** Float64 values of the tile workspace the matrix-free products need. */
  gaussianProductTile(): number;
  adaptiveNeighborSearch(x: number, n: number, d: number, kn: number, idx: number, dist: number, out: number): void;
  /** The adaptive kernel's K in CSR; returns its number of entries. */
  adaptiveSparseKernel(x: number, n: number, d: number, k: number, alpha: number, idx: number, kn: number, rowStarts: number, cols: number, vals: number, sigma: number, sums: number): number;
  sparseBlockProduct(n: number, rowStarts: number, cols: number, vals: number, x: number, b: number, y: number): void;
  bidiagonalize(a: number, m: number, n: number, diag: number, offdiag: number, work: number): void;
  /** Float64 values of workspace bidiagonalize needs for an m x n matrix. */
  bidiagonalizeWorkspace(m: number, n: number): number;
  bidiagonalQR(diag: number, offdiag: number, n: number): number;
  /** a * b + c through the engine's f64x2 multiply-add (assembly/madd.ts): rounded once where it fuses. */
  multiplyAdd(a: number, b: number, c: number): number;
  /** 1 in the relaxed-SIMD build (release-relaxed.wasm), 0 in the base one. */
  relaxedSimd(): number;
}

/** Each function export and its number of parameters, as the interface above declares them. */
export const KERNEL_ARITY: Readonly<Record<Exclude<keyof Kernels, 'memory'>, number>> = {
  heapBase: 0,
  squaredDistances: 4,
  squaredDistanceRows: 6,
  squaredDistancesGram: 5,
  squaredDistanceGramRows: 7,
  rowSquaredNorms: 4,
  gaussianKernel: 3,
  gaussianKernelRows: 5,
  anisotropicNormalize: 3,
  densityNormalize: 4,
  adaptiveKernel: 6,
  tridiagonalize: 5,
  tridiagonalizeWorkspace: 1,
  tridiagonalStepBegin: 8,
  tridiagonalStepRows: 9,
  tridiagonalStepEnd: 8,
  tridiagonalFinish: 6,
  tridiagonalizeBlocked: 6,
  tridiagonalizeBlockedWorkspace: 2,
  tridiagonalPanelBegin: 8,
  tridiagonalPanelProduct: 7,
  tridiagonalPanelEnd: 10,
  tridiagonalPanelRows: 6,
  tridiagonalBlockedFinish: 4,
  reduceToBand: 4,
  reduceToBandWorkspace: 2,
  bandPanelBegin: 5,
  bandPanelProduct: 8,
  bandPanelUpdateProduct: 8,
  bandPanelRows: 7,
  bandPanelEnd: 7,
  bandToTridiagonal: 6,
  bandToTridiagonalWorkspace: 2,
  tridiagonalQL: 4,
  tridiagonalEigenvalues: 3,
  hessenberg: 3,
  hessenbergQR: 4,
  knnAdjacency: 4,
  matrixEntryEntropy: 3,
  symmetricEigenvectors: 4,
  nearestNeighbors: 6,
  symmetricBlockProduct: 5,
  symmetricBlockProduct32: 5,
  symmetricBlockProductRows: 7,
  symmetricBlockProduct32Rows: 7,
  toFloat32InPlace: 2,
  gaussianRowSums: 6,
  gaussianBlockProduct: 9,
  gaussianRowSumsRows: 8,
  gaussianBlockProductRows: 12,
  gaussianProductTile: 0,
  adaptiveNeighborSearch: 7,
  adaptiveSparseKernel: 12,
  sparseBlockProduct: 7,
  bidiagonalize: 6,
  bidiagonalizeWorkspace: 2,
  bidiagonalQR: 3,
  multiplyAdd: 3,
  relaxedSimd: 0,
};
