// dse-wasm: diffusion spectral entropy (Liao, Liu et al., arXiv 2312.04823) in WebAssembly, with a pure-JS twin.
// This file only re-exports: every function lives in the file named for it (CONTRIBUTING.md).
export { DseError, type DseErrorCode } from './errors.js';
export { DEFAULTS, checkOption, type CheckedOption } from './options.js';
export type { Matrix, MatrixLike, NumericArray } from './matrix.js';
export type { TensorLike, Pooling } from './tensor.js';
export type { GaussianKernel, AdaptiveKernel, Kernel } from './kernel.js';
export type { KernelOption } from './options.js';
export { ready, isReady, setThreads, type ReadyOptions } from './engine/wasm/instance.js';
export {
  setDefaultBackend, defaultBackend, backendInfo, engineInfo, type BackendName, type BackendInfo, type EngineInfo,
} from './engine/select.js';
export type { BinaryName } from './engine/wasm/binary.js';
export { pythonSample } from './random/python-random.js';
export { NumpyRandomState } from './random/numpy-random.js';
export type { EigenvalueProgress, EigenvalueStage } from './engine/engine.js';
export { readEigenvalueCache, writeEigenvalueCache, readNpz, writeNpz, type CachePrecision, type ReadCacheOptions, type WriteCacheOptions } from './io/npz.js';
export type { ChebyshevOptions } from './measures/chebyshev.js';

export {
  diffusionEigenvalues, diffusionSpectralEntropy, type EigenvalueOptions, type DiffusionEigenvalueOptions, type EntropyOptions, type EntropyVariant,
} from './measures/diffusion-entropy.js';
export { spectralEntropy } from './measures/spectral-entropy.js';
export { diffusionEigenvalueCount, type EigenvalueCountOptions } from './measures/eigenvalue-count.js';
export {
  diffusionSpectralEntropyEstimate, type EntropyEstimate, type EntropyEstimateOptions, type EstimateProgress,
} from './measures/diffusion-entropy-estimate.js';
export type { KernelStorage } from './engine/engine.js';
export { adjacencySpectralEntropy, type AdjacencyEntropyOptions } from './measures/adjacency-entropy.js';
export { classicShannonEntropy, type ClassicEntropyOptions } from './measures/classic-entropy.js';
export {
  diffusionSpectralMutualInformation, adjacencySpectralMutualInformation, type MutualInformation, type ClassTerm,
  type MutualInformationOptions, type AdjacencyMutualInformationOptions, type ProgressCallback, type ReferenceLike,
} from './measures/mutual-information.js';
export {
  medianDistance, kernelDiagnosis, type MedianDistanceOptions, type KernelDiagnosis, type KernelDiagnosisOptions,
} from './measures/bandwidth.js';
export { subsample, type SubsampleOptions } from './measures/subsample.js';
export { singularValues, type SingularValueOptions } from './linalg/singular-values.js';
export { vendiScore, vendiScoreFromKernel, type VendiOrder, type VendiScoreOptions, type VendiKernelOptions } from './measures/vendi-score.js';
export { rankMe, type RankMeOptions } from './measures/rank-me.js';
export { kneePoint } from './measures/knee-point.js';
export {
  vonNeumannEntropy, diffusionVonNeumannEntropy, type VonNeumannOptions, type DiffusionVonNeumannOptions, type VonNeumannCurve,
} from './measures/von-neumann-entropy.js';
export { renyiEntropy, type RenyiEntropyOptions } from './measures/renyi-entropy.js';
export { intrinsicDimension, type IntrinsicDimensionOptions } from './measures/intrinsic-dimension.js';

export { symmetricEigenvalues } from './linalg/symmetric-eigenvalues.js';
export { generalEigenvalues, type ComplexEigenvalues } from './linalg/general-eigenvalues.js';
export { spectralClustering, type SpectralClusteringOptions } from './clustering/spectral-clustering.js';
export {
  createRepresentationTracker, type RepresentationTracker, type RepresentationTrackerOptions, type RepresentationRecord,
} from './tracking/representation-tracker.js';
