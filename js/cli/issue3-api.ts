// The library functions `dse mi` and the entropy variants call, looked up at run time: they come with the
// DSMI work (issue 3), and a build without them must fail with a clear message rather than at import.
import * as dse from '../index.js';
import type { BackendName, MatrixLike } from '../index.js';

/** diffusionSpectralMutualInformation's options, per issue 3. */
export interface MutualInformationOptions {
  discrete?: boolean;
  sigma?: number;
  t?: number;
  reps?: number;
  seed?: number;
  nClusters?: number;
  entropy?: 'diffusion' | 'matrix-entry' | 'classic';
  bins?: number;
  backend?: BackendName;
  onProgress?: (fraction: number, stage: string) => void;
}

/** The functions of issue 3 the command line uses. */
export interface MutualInformationApi {
  diffusionSpectralMutualInformation(X: MatrixLike, Y: unknown, opts: MutualInformationOptions): { value: number; clusters: Int32Array };
  classicShannonEntropy(X: MatrixLike, opts: { bins?: number }): number;
  diffusionSpectralEntropy(X: MatrixLike, opts: { variant: 'matrix-entry'; sigma?: number; maxN?: number; seed?: number; backend?: BackendName }): number;
}

/** A feature this build of the library lacks: exit code 1. */
export class MissingFeatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingFeatureError';
  }
}

/**
 * The issue-3 functions, or a MissingFeatureError saying what needs them. classicShannonEntropy stands for
 * the set: the variant option of diffusionSpectralEntropy arrives with it.
 */
export function mutualInformationApi(what: string): MutualInformationApi {
  const api = dse as unknown as Partial<Record<keyof MutualInformationApi, unknown>>;
  if (typeof api.diffusionSpectralMutualInformation !== 'function' || typeof api.classicShannonEntropy !== 'function') {
    throw new MissingFeatureError(`${what} needs diffusionSpectralMutualInformation and classicShannonEntropy, which this build of dse-wasm does not include yet`);
  }
  return api as unknown as MutualInformationApi;
}
