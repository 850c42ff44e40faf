// The engine's one interface: every kernel the JavaScript side calls. Kernels take byte offsets into linear
// memory and sizes, allocate nothing, and leave all memory management to the caller (js/wasm.ts), which
// lays its buffers out from heapBase() and grows the memory itself.

export { squaredDistances, squaredDistanceRows, squaredDistancesGram, squaredDistanceGramRows, rowSquaredNorms } from './distance';
export { gaussianKernel, gaussianKernelRows, anisotropicNormalize, densityNormalize } from './kernel';
export { adaptiveKernel } from './adaptive-kernel';
export { tridiagonalize, tridiagonalizeWorkspace, tridiagonalStepBegin, tridiagonalStepRows, tridiagonalStepEnd, tridiagonalFinish } from './tridiagonalize';
export { tridiagonalizeBlocked, tridiagonalizeBlockedWorkspace, tridiagonalPanelBegin, tridiagonalPanelProduct, tridiagonalPanelEnd, tridiagonalPanelRows, tridiagonalBlockedFinish } from './tridiagonalize-blocked';
export { reduceToBand, reduceToBandWorkspace, bandPanelBegin, bandPanelProduct, bandPanelUpdateProduct, bandPanelRows, bandPanelEnd } from './band-reduce';
export { bandToTridiagonal, bandToTridiagonalWorkspace } from './band-tridiagonalize';
export { tridiagonalQL } from './tridiagonal-ql';
export { tridiagonalEigenvalues } from './tridiagonal-root-free';
export { hessenberg } from './hessenberg';
export { hessenbergQR } from './hessenberg-qr';
export { knnAdjacency } from './knn-adjacency';
export { matrixEntryEntropy } from './matrix-entry';
export { symmetricEigenvectors } from './symmetric-eigenvectors';
export { nearestNeighbors } from './nearest-neighbors';
export { symmetricBlockProduct, symmetricBlockProduct32, symmetricBlockProductRows, symmetricBlockProduct32Rows, toFloat32InPlace } from './block-product';
export { gaussianRowSums, gaussianRowSumsRows, gaussianBlockProduct, gaussianBlockProductRows, gaussianProductTile } from './gaussian-product';
export { adaptiveNeighborSearch, adaptiveSparseKernel, sparseBlockProduct } from './sparse-adaptive-kernel';
export { bidiagonalize, bidiagonalizeWorkspace } from './bidiagonalize';
export { bidiagonalQR } from './bidiagonal-qr';
export { multiplyAdd, relaxedSimd } from './madd';

// First byte the caller may use.
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}
