// dse-wasm/tfjs: a TensorFlow.js callback that follows named layers through model.fit. @tensorflow/tfjs is an
// optional peer dependency, external to this bundle: the model's own tf.js is the one used.
import * as tf from '@tensorflow/tfjs';
// '../index.js' stays external in the bundle (it becomes dist/index.mjs), so that this subpath shares the
// one engine that `ready()` from 'dse-wasm' starts, and its DseError class.
import { DseError, pythonSample, ready, createRepresentationTracker } from '../index.js';
import { show } from '../errors.js';
import type { RepresentationRecord, RepresentationTracker, RepresentationTrackerOptions } from './representation-tracker.js';

/** Options of {@link dseCallback}. */
export interface DseCallbackOptions extends Omit<RepresentationTrackerOptions, 'labels' | 'inputs'> {
  /** Names of the layers to follow (`model.getLayer(name)`). */
  layers: string[];
  /** The probe inputs, a fixed set (held out from training, for preference): a tf.js tensor or nested arrays. */
  x: tf.Tensor | number[][];
  /** The probe's class labels: integers (an array or a 1-D tensor) or one-hot rows (a 2-D tensor). */
  y?: tf.Tensor | ArrayLike<number>;
  /** Record at epoch 0 (before training) and after every `every` epochs. Default 1. */
  every?: number;
  /** Use only this many probe rows, a fixed random subset (Python's random.sample with `seed`). Default: all. */
  sample?: number;
  /** DSMI(Z; X) over the spectral clusters of the probe inputs. Default true. */
  dsmiX?: boolean;
  /** Called with each record, as it is made. */
  onRecord?: (row: RepresentationRecord) => void;
}

/** The callback: pass it to `model.fit({ callbacks })`; `tracker` holds the rows. */
export interface DseCallback extends tf.Callback {
  tracker: RepresentationTracker;
}

// Numbers as given: the tracker refuses labels that are not integers.
function labelsOf(y: tf.Tensor | ArrayLike<number>, n: number): Float64Array {
  let out: Float64Array;
  if (y instanceof tf.Tensor) {
    const labels = y.rank === 2 && y.shape[1]! > 1 ? tf.tidy(() => y.argMax(1)) : y;
    out = Float64Array.from(labels.dataSync());
    if (labels !== y) labels.dispose();
  } else {
    out = Float64Array.from(y as ArrayLike<number>);
  }
  if (out.length !== n) throw new DseError('E_SHAPE', `y has ${out.length} labels but x has ${n} rows`, 'y', out.length);
  return out;
}

/**
 * A TensorFlow.js callback for `model.fit` that, before training (step 0) and at the end of every `every`
 * epochs, reads the activations Z of each named layer on the fixed probe set x (through one sub-model with
 * those layers as outputs) and records DSE(Z), DSMI(Z; y) and DSMI(Z; X) with
 * {@link createRepresentationTracker}, the epoch's logs (loss, accuracy) as extra columns. Works with any
 * backend (the pure-JS CPU one in Node, WebGL or WASM in a browser): activations are read with dataSync.
 *
 * @example
 * import { dseCallback } from 'dse-wasm/tfjs';
 * const cb = dseCallback({ layers: ['hidden'], x: xProbe, y: yProbe, sigma: 'auto', onRecord: console.log });
 * await model.fit(xTrain, yTrain, { epochs: 20, callbacks: [cb] });
 * writeFileSync('run.jsonl', cb.tracker.toJSONL());
 */
export function dseCallback(opts: DseCallbackOptions): DseCallback {
  if (opts === null || typeof opts !== 'object') throw new DseError('E_ARGUMENT', `options must be an object, received ${show(opts)}`, 'options', opts);
  const { layers, every = 1, sample, onRecord, dsmiX = true } = opts;
  if (!Array.isArray(layers) || layers.length === 0 || !layers.every((l) => typeof l === 'string')) {
    throw new DseError('E_ARGUMENT', `layers must be a non-empty array of layer names, received ${show(layers)}`, 'layers', layers);
  }
  if (!Number.isInteger(every) || every < 1) throw new DseError('E_ARGUMENT', `every must be an integer >= 1, received ${show(every)}`, 'every', every);
  if (onRecord !== undefined && typeof onRecord !== 'function') throw new DseError('E_ARGUMENT', `onRecord must be a function, received ${show(onRecord)}`, 'onRecord', onRecord);
  // The probe set is fixed once: its (sub)sample is chosen here and kept as one tensor for the whole run.
  const all = opts.x instanceof tf.Tensor ? opts.x : tf.tensor(opts.x);
  const n = all.shape[0]!;
  let rows: Int32Array | null = null;
  if (sample !== undefined) {
    if (!Number.isInteger(sample) || sample < 2 || sample > n) throw new DseError('E_ARGUMENT', `sample must be an integer from 2 to ${n} (the probe rows), received ${show(sample)}`, 'sample', sample);
    rows = pythonSample(opts.seed ?? 0, n, sample);
  }
  const x = rows === null ? all : tf.tidy(() => tf.gather(all, tf.tensor1d(rows!, 'int32')));
  if (x !== all && all !== opts.x) all.dispose();
  const m = x.shape[0]!;
  let labels: Float64Array | undefined;
  if (opts.y !== undefined) {
    const full = labelsOf(opts.y, n);
    labels = rows === null ? full : Float64Array.from(rows, (r) => full[r]);
  }
  const flat = dsmiX ? tf.tidy(() => x.reshape([m, -1])) : null;
  const trackerOptions: RepresentationTrackerOptions = { ...opts, labels, inputs: flat === null ? undefined : flat };
  for (const k of ['layers', 'x', 'y', 'every', 'sample', 'onRecord', 'dsmiX']) delete (trackerOptions as Record<string, unknown>)[k];
  const tracker = createRepresentationTracker(trackerOptions);
  flat?.dispose();

  class Callback extends tf.Callback {
    tracker = tracker;
    private probe: tf.LayersModel | null = null;

    private measure(step: number, logs?: tf.Logs): void {
      if (this.probe === null) {
        const model = this.model as tf.LayersModel;
        const outputs = layers.map((name) => model.getLayer(name).output as tf.SymbolicTensor);
        this.probe = tf.model({ inputs: model.inputs, outputs });
      }
      const out = this.probe.predict(x);
      const zs = Array.isArray(out) ? out : [out];
      const extra: Record<string, number> = {};
      // A Callback subclass may receive the logs unresolved, as scalars.
      for (const [k, v] of Object.entries(logs ?? {})) {
        const value: unknown = (v as unknown) instanceof tf.Tensor ? (v as unknown as tf.Tensor).dataSync()[0] : v;
        if (typeof value === 'number') extra[k] = value;
      }
      try {
        layers.forEach((name, i) => {
          // Convolutional activations [m, h, w, c] are one row of h * w * c values per probe row.
          const z = zs[i].rank > 2 ? zs[i].reshape([m, -1]) : zs[i];
          const row = tracker.record(step, name, z, extra);
          if (z !== zs[i]) z.dispose();
          onRecord?.(row);
        });
      } finally {
        for (const z of zs) z.dispose();
      }
    }

    async onTrainBegin(): Promise<void> {
      await ready();
      this.measure(0);
    }

    async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
      if ((epoch + 1) % every === 0) this.measure(epoch + 1, logs);
    }

    async onTrainEnd(): Promise<void> {
      this.probe = null;
    }
  }
  return new Callback() as DseCallback;
}
