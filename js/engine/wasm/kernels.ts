// The typed mirror of assembly/index.ts: every kernel the WebAssembly module exports, with its arguments.
// Pointers are byte offsets into `memory`. tests/js/wasm-exports.test.mjs checks this list against the built
// module (names and arities), so the mirror cannot drift from the AssemblyScript side.

/** The exports of build/release.wasm (and of build/release-relaxed.wasm, built from the same sources). */
export interface Kernels {
  memory: WebAssembly.Memory;
  heapBase(): number;
  squaredDistances(x: number, n: number, d: number, out: number): void;
  gaussianKernel(m: number, n: number, sigma: number): void;
  anisotropicNormalize(m: number, n: number, rowSums: number): void;
  densityNormalize(m: number, n: number, alpha: number, rowSums: number): void;
  adaptiveKernel(m: number, n: number, k: number, neighbors: number, kn: number, sigma: number): void;
  tridiagonalize(a: number, n: number, diag: number, offdiag: number, work: number): void;
  /** Float64 values of workspace tridiagonalize needs for order n. */
  tridiagonalizeWorkspace(n: number): number;
  tridiagonalQL(diag: number, offdiag: number, n: number, z: number): number;
  hessenberg(a: number, n: number, work: number): void;
  hessenbergQR(h: number, n: number, wr: number, wi: number): number;
  knnAdjacency(m: number, n: number, k: number, work: number): void;
  matrixEntryEntropy(k: number, n: number, rowSums: number): number;
  symmetricEigenvectors(a: number, n: number, diag: number, offdiag: number): number;
  nearestNeighbors(x: number, n: number, d: number, k: number, out: number, work: number): void;
  symmetricBlockProduct(k: number, n: number, x: number, b: number, y: number): void;
  symmetricBlockProduct32(k: number, n: number, x: number, b: number, y: number): void;
  toFloat32InPlace(m: number, n: number): void;
  gaussianRowSums(x: number, n: number, d: number, sigma: number, out: number, tile: number): void;
  gaussianBlockProduct(x: number, n: number, d: number, sigma: number, s: number, xb: number, b: number, yb: number, tile: number): number;
  /** Float64 values of the tile workspace the matrix-free products need. */
  gaussianProductTile(): number;
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
  gaussianKernel: 3,
  anisotropicNormalize: 3,
  densityNormalize: 4,
  adaptiveKernel: 6,
  tridiagonalize: 5,
  tridiagonalizeWorkspace: 1,
  tridiagonalQL: 4,
  hessenberg: 3,
  hessenbergQR: 4,
  knnAdjacency: 4,
  matrixEntryEntropy: 3,
  symmetricEigenvectors: 4,
  nearestNeighbors: 6,
  symmetricBlockProduct: 5,
  symmetricBlockProduct32: 5,
  toFloat32InPlace: 2,
  gaussianRowSums: 6,
  gaussianBlockProduct: 9,
  gaussianProductTile: 0,
  bidiagonalize: 6,
  bidiagonalizeWorkspace: 2,
  bidiagonalQR: 3,
  multiplyAdd: 3,
  relaxedSimd: 0,
};
