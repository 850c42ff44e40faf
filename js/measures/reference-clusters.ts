// Step 1 of DSMI: Y, as the caller gives it, turned into one cluster label per row of X (docs/measures.md).
import { spectralLabels } from '../clustering/spectral-clustering.js';
import type { Engine } from '../engine/engine.js';
import { DseError, show } from '../errors.js';
import { exactNumber, toMatrix, type DenseMatrix, type MatrixLike, type NumericArray } from '../matrix.js';
import { clusterCount, DEFAULTS, integerAtLeast } from '../options.js';
import { binRows } from './classic-entropy.js';

/** Y as the caller gave it: a matrix, or a flat array of labels or scalars (one column). */
export type ReferenceLike = MatrixLike | NumericArray | BigInt64Array | BigUint64Array | ArrayLike<number>;

const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];

function isFlatArray(y: unknown): y is NumericArray | ArrayLike<number> {
  if (ArrayBuffer.isView(y)) return true;
  return Array.isArray(y) && (y.length === 0 || typeof y[0] !== 'object' || y[0] === null);
}

/**
 * Y checked and shaped as a matrix, with whether it "looks discrete": one column of integers, given as an
 * integer typed array or as numbers that are all integers (the reference checks numpy's integer dtype).
 */
export function toReference(y: unknown, rows: number): { y: DenseMatrix; looksDiscrete: boolean } {
  let m: DenseMatrix;
  if (isFlatArray(y)) {
    const flat = y as ArrayLike<number>;
    m = toMatrix({ data: flat, rows: flat.length, cols: 1 }, 'Y', 1);
  } else {
    m = toMatrix(y, 'Y', 1);
  }
  if (m.rows !== rows) {
    throw new DseError('E_SHAPE', `Y has ${m.rows} rows but X has ${rows}: they must describe the same samples`, 'Y.rows', m.rows);
  }
  let looksDiscrete = false;
  if (m.cols === 1) {
    looksDiscrete = INTEGER_ARRAYS.some((T) => m.data instanceof T) || Array.prototype.every.call(m.data, (v: number) => Number.isInteger(v));
  }
  return { y: m, looksDiscrete };
}

/** Labels as an Int32Array: each must be an integer (a number or a BigInt) in the int32 range. */
export function toLabels(values: ArrayLike<number | bigint>, name: string): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const v = typeof raw === 'bigint' ? exactNumber(raw, `${name}[${i}]`, name) : raw;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
      throw new DseError('E_ARGUMENT', `${name}[${i}] is ${show(v)}, not an integer label in the int32 range`, name, v);
    }
    out[i] = v;
  }
  return out;
}

/** How Y becomes clusters: the options of DSMI that {@link referenceClusters} reads. */
export interface ReferenceClusterOptions {
  /**
   * Whether Y is discrete labels (one column). Inferred when omitted: one column of integers (an integer
   * typed array, or numbers that are all integers) is discrete.
   */
  discrete?: boolean;
  /** Clusters made of a continuous Y: bins of one column, spectral clusters of several. Default 10. */
  nClusters?: number;
  /** Precomputed clusters of the rows (one integer label per row of X): Y is then not used. */
  clusters?: ArrayLike<number> | BigInt64Array | BigUint64Array;
}

/**
 * Step 1 of DSMI (docs/measures.md): the cluster of every one of the n rows, from `clusters` when given, else
 * from Y: its labels when discrete; one continuous column min-max scaled and binned into nClusters bins
 * (labels 1..nClusters, as the classic entropy bins); several columns by spectral clustering into nClusters
 * (labels 0..nClusters-1, scikit-learn's SpectralClustering as the reference runs it).
 */
export function referenceClusters(engine: Engine, n: number, Y: unknown, o: ReferenceClusterOptions, onClustering?: () => void): Int32Array {
  // nClusters is compared with the number of rows only on the paths that use it: labels and precomputed
  // clusters ignore it, so its default (10) must not refuse an X of fewer rows there.
  integerAtLeast(o.nClusters, 'nClusters', 1, DEFAULTS.nClusters);
  if (o.clusters !== undefined) {
    const c = o.clusters;
    if (c === null || typeof c !== 'object' || typeof c.length !== 'number') {
      throw new DseError('E_SHAPE', `clusters must be an array of integer labels, received ${show(c)}`, 'clusters', c);
    }
    if (c.length !== n) {
      throw new DseError('E_SHAPE', `clusters has ${c.length} labels but X has ${n} rows`, 'clusters', c.length);
    }
    return toLabels(c, 'clusters');
  }
  const { y, looksDiscrete } = toReference(Y, n);
  if (o.discrete !== undefined && typeof o.discrete !== 'boolean') {
    throw new DseError('E_ARGUMENT', `discrete must be true, false or undefined, received ${show(o.discrete)}`, 'discrete', o.discrete);
  }
  const discrete = o.discrete ?? looksDiscrete;
  if (discrete) {
    if (y.cols !== 1) {
      throw new DseError('E_SHAPE', `discrete Y must have one column of labels, received ${y.cols} columns`, 'Y.cols', y.cols);
    }
    return toLabels(y.data, 'Y');
  }
  const nClusters = clusterCount(o.nClusters, n);
  if (y.cols === 1) return binRows(y, null, nClusters);
  if (onClustering) onClustering();
  return spectralLabels(engine, y, nClusters, Math.min(DEFAULTS.nNeighbors, y.rows));
}

